# Shortcuts for the scripts in scripts/ (each honours $PYTHON: the interpreter to use).
.PHONY: setup build dev test bench bench-quick demo clean

setup:        ## install system + Python dependencies, build and install rustorch (editable)
	bash scripts/setup.sh

build:        ## incremental editable rebuild into ./build (after setup)
	bash scripts/build.sh

dev:          ## incremental build into ./build/dev, linked into ./rustorch (no install; worktrees)
	bash scripts/dev_build.sh

test:         ## set-up, then ctest + pytest + the quick benchmark run
	bash scripts/test.sh

bench:        ## full benchmark suite -> benchmarks/REPORT.md, results.json, ratios.png
	bash scripts/bench.sh

bench-quick:  ## every benchmark row, few rounds and small sizes (what CI runs)
	bash scripts/bench.sh --quick

demo:         ## set-up, then train the Fashion-MNIST CNN (examples/fashion_mnist_cnn.py)
	bash scripts/demo.sh

clean:        ## remove build outputs (not ./.venv)
	rm -rf build dist _skbuild *.egg-info .benchmarks benchmarks/.results
	rm -f rustorch/_C*.so
	find rustorch tests benchmarks examples -name __pycache__ -type d -prune -exec rm -rf {} +

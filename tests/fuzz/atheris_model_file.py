"""atheris (libFuzzer for Python) target: rt.load_model on hostile model files (see
model_mutations.py), coverage-guided through rustorch.serialization. Run by
``scripts/fuzz.sh parsers`` for FUZZ_SECONDS; a crash or an exception outside the documented set
(ValueError/TypeError/IndexError/RuntimeError/FileNotFoundError, with a message) is a finding,
saved by libFuzzer as a reproducer (build/fuzz/artifacts/model_file-*; rerun this script with
the file as its argument)."""
import os
import sys
import tempfile

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["rustorch.serialization"]):
    import rustorch  # noqa: F401
    import model_mutations as mm

TARGETS = ["archive", "config", "config_bytes", "weights", "optimizer"]
TMP = tempfile.mkdtemp(prefix="rt-atheris-")
mm.seed_model_bytes()


def test_one_input(data):
    fdp = atheris.FuzzedDataProvider(data)
    target = TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    json_choices = [(fdp.ConsumeIntInRange(0, 2**18 - 1), fdp.ConsumeIntInRange(0, 4), fdp.ConsumeIntInRange(0, 63))
                    for _ in range(fdp.ConsumeIntInRange(1, 4))]
    byte_edits = [(fdp.ConsumeIntInRange(0, 2**20), fdp.ConsumeIntInRange(0, 255), fdp.ConsumeIntInRange(0, 3))
                  for _ in range(fdp.ConsumeIntInRange(1, 4))]
    mm.load_bytes(mm.hostile_model_file(target, json_choices, byte_edits), TMP)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

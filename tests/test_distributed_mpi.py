"""rustorch.distributed with real ranks: each test starts ``mpirun`` (through the launcher
``python -m rustorch.distributed.run``) in a subprocess with stdin closed and a timeout, and checks
the ranks' results against the same computation done locally with NumPy / one process."""
import os
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

import rustorch.distributed as dist

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPTS = os.path.join(HERE, "dist_scripts")

pytestmark = [
    pytest.mark.skipif(shutil.which("mpirun") is None, reason="mpirun not installed (Debian: openmpi-bin)"),
    pytest.mark.skipif(not dist.is_mpi_available(), reason="rustorch was built without MPI (libopenmpi-dev)"),
]


def launch(nproc, script, *args, timeout=60, launcher_args=()):
    cmd = [sys.executable, "-m", "rustorch.distributed.run", "--nproc", str(nproc), *launcher_args,
           os.path.join(SCRIPTS, script), *map(str, args)]
    env = dict(os.environ, PYTHONPATH=ROOT, OMP_NUM_THREADS="1")
    start = time.monotonic()
    r = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       timeout=timeout)
    r.elapsed = time.monotonic() - start
    return r


def check_ok(r):
    assert r.returncode == 0, f"mpirun failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"


def load(out_dir, nproc):
    return [dict(np.load(os.path.join(out_dir, f"rank{r}.npz"))) for r in range(nproc)]


@pytest.mark.parametrize("nproc", [2, 3])
def test_collectives_every_dtype(tmp_path, nproc):
    sys.path.insert(0, SCRIPTS)
    try:
        import collectives as spec
    finally:
        sys.path.remove(SCRIPTS)
    check_ok(launch(nproc, "collectives.py", tmp_path))
    ranks = load(tmp_path, nproc)
    reducers = {"SUM": lambda a: a.sum(0), "MAX": lambda a: a.max(0), "MIN": lambda a: a.min(0)}
    checked = 0
    for name, np_dtype in spec.NUMPY.items():
        data = np.stack([spec.inputs(r, name) for r in range(nproc)])
        for op in spec.OPS:
            if op == "AVG" and name in ("bool", "int64"):
                continue
            if name == "bool":
                expected = data.all(0) if op == "MIN" else data.any(0)
            elif op == "AVG":
                expected = (data.sum(0) / np_dtype(nproc)).astype(np_dtype)
            else:
                expected = reducers[op](data)
            for r in range(nproc):
                got = ranks[r][f"all_reduce/{name}/{op}"]
                assert got.dtype == np_dtype
                np.testing.assert_array_equal(got, expected, err_msg=f"all_reduce {name} {op} rank {r}")
                checked += 1
        for r in range(nproc):
            np.testing.assert_array_equal(ranks[r][f"async_max/{name}"], data.any(0) if name == "bool" else data.max(0))
            np.testing.assert_array_equal(ranks[r][f"async_min/{name}"], data.all(0) if name == "bool" else data.min(0))
            for root in range(nproc):
                np.testing.assert_array_equal(ranks[r][f"broadcast/{name}/{root}"], data[root])
            np.testing.assert_array_equal(ranks[r][f"all_gather/{name}"], data)
            chunk = 1000 // nproc
            full = data[:, :chunk * nproc]
            reduced = full.any(0) if name == "bool" else full.sum(0)
            np.testing.assert_array_equal(ranks[r][f"reduce_scatter/{name}"], reduced[r * chunk:(r + 1) * chunk])
    for r in range(nproc):
        assert int(ranks[r]["world"]) == nproc
        np.testing.assert_array_equal(ranks[r]["big_sum"], np.full(1 << 20, nproc * (nproc + 1) / 2, np.float32))
    assert checked == nproc * 14


def test_ddp_two_ranks(tmp_path):
    check_ok(launch(2, "ddp_train.py", tmp_path, timeout=90))
    r0, r1 = load(tmp_path, 2)
    assert int(r0["n_buckets"]) > 1
    # Construction broadcast rank 0's parameters (the ranks were seeded differently).
    np.testing.assert_array_equal(r0["initial"], r1["initial"])
    # Identical parameters on both ranks after every step, equal to one process on the whole batch.
    for step in range(5):
        np.testing.assert_array_equal(r0["steps"][step], r1["steps"][step], err_msg=f"ranks differ at step {step}")
        np.testing.assert_allclose(r0["steps"][step], r0[f"ref_step{step}"], rtol=2e-5, atol=2e-6,
                                   err_msg=f"DDP differs from single-process training at step {step}")
    # no_sync: local accumulation differs per rank, the synchronised total is the big-batch gradient.
    assert not np.array_equal(r0["no_sync_local_grad"], r1["no_sync_local_grad"])
    for r in (r0, r1):
        np.testing.assert_allclose(r["no_sync_grad"], r0["no_sync_ref_grad"], rtol=2e-5, atol=2e-6)
    # Unused parameters: fc1 used everywhere, fc2 on rank 0 only (zeros stand in on rank 1), never: nowhere.
    for r in (r0, r1):
        np.testing.assert_allclose(r["unused_fc1_grad"], (r0["plain_fc1_grad"] + r1["plain_fc1_grad"]) / 2, rtol=1e-5)
        np.testing.assert_allclose(r["unused_fc2_grad"], (r0["plain_fc2_grad"] + r1["plain_fc2_grad"]) / 2, rtol=1e-5)
        assert bool(r["unused_never_grad_is_none"])
        msg = str(r["strict_error"])
        assert "never.weight" in msg and "find_unused_parameters" in msg
    # Buffers: rank 0's broadcast at construction and again before the second forward.
    for r in (r0, r1):
        np.testing.assert_array_equal(r["bn_mean_after_init"], np.ones(4, np.float32))
        assert int(r["bn_batches"]) == 2
    assert not np.allclose(r0["bn_mean_after_step1"], r1["bn_mean_after_step1"])
    # rank 1, step 2: momentum 0.1 update starting from rank 0's step-1 statistics
    batch_mean_r1 = (r1["bn_mean_after_step1"] - 0.9) / 0.1
    np.testing.assert_allclose(r1["bn_mean_after_step2"], 0.9 * r0["bn_mean_after_step1"] + 0.1 * batch_mean_r1,
                               rtol=1e-5, atol=1e-6)


def test_rank_failure_ends_the_job():
    r = launch(2, "fail_midway.py", "raise", 60, timeout=60)
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "[rank 1]" in out and "ValueError: injected failure on rank 1 at step 3" in out, out
    assert "rank 0 finished" not in out
    assert r.elapsed < 30, f"the job took {r.elapsed:.1f} s to end"


def test_hanging_rank_times_out():
    r = launch(2, "fail_midway.py", "hang", 2, timeout=60)
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "[rank 0]" in out and "timed out after 2 s" in out, out
    assert r.elapsed < 30, f"the job took {r.elapsed:.1f} s to end"


def _netns_pair(tag):
    """Two network namespaces joined by a veth pair, as a stand-in for two hosts. Returns
    (namespaces, addresses, subnet, cleanup) or a skip reason string."""
    if shutil.which("ip") is None:
        return "the `ip` tool (iproute2) is not installed"
    if os.geteuid() != 0:
        return "creating network namespaces needs root"
    octet = 16 + os.getpid() % 200
    ns = (f"rt{tag}a", f"rt{tag}b")
    veth = (f"rtv{tag}a", f"rtv{tag}b")
    ips = (f"10.213.{octet}.1", f"10.213.{octet}.2")
    steps = [["ip", "netns", "add", ns[0]], ["ip", "netns", "add", ns[1]],
             ["ip", "link", "add", veth[0], "type", "veth", "peer", "name", veth[1]],
             ["ip", "link", "set", veth[0], "netns", ns[0]], ["ip", "link", "set", veth[1], "netns", ns[1]]]
    for i in range(2):
        steps += [["ip", "-n", ns[i], "addr", "add", f"{ips[i]}/24", "dev", veth[i]],
                  ["ip", "-n", ns[i], "link", "set", veth[i], "up"], ["ip", "-n", ns[i], "link", "set", "lo", "up"]]

    def cleanup():
        for n in ns:
            subprocess.run(["ip", "netns", "del", n], capture_output=True, timeout=30)

    for cmd in steps:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        if r.returncode != 0:
            cleanup()
            return f"`{' '.join(cmd)}` failed: {r.stderr.strip()}"
    return ns, ips, f"10.213.{octet}.0/24", cleanup


def test_two_network_namespaces_over_tcp(tmp_path):
    """Ranks in two network namespaces joined by a veth pair: mpirun runs in the first, starts
    Open MPI's daemon in the second through an rsh agent that enters the namespace (instead of
    ssh), and the ranks all-reduce over TCP (--mca btl tcp,self: no shared memory)."""
    setup = _netns_pair(str(os.getpid() % 10000))
    if isinstance(setup, str):
        pytest.skip(f"network namespaces unavailable: {setup}")
    (ns_a, ns_b), (ip_a, ip_b), subnet, cleanup = setup
    try:
        agent = tmp_path / "netns_agent.sh"
        agent.write_text("#!/bin/sh\n# Open MPI rsh agent: 'agent HOST CMD...' runs CMD in HOST's namespace.\n"
                         f'host=$1; shift\ncase "$host" in {ip_b}) ns={ns_b} ;; *) ns={ns_a} ;; esac\n'
                         'exec ip netns exec "$ns" /bin/sh -c "$*"\n')
        agent.chmod(0o755)
        cmd = ["ip", "netns", "exec", ns_a, sys.executable, "-m", "rustorch.distributed.run", "--nproc", "2",
               "--host", f"{ip_a}:1,{ip_b}:1", "--mca", "plm_rsh_agent", str(agent), "--mca", "btl", "tcp,self",
               "--mca", "btl_tcp_if_include", subnet, "--mca", "oob_tcp_if_include", subnet,
               os.path.join(SCRIPTS, "netns_ranks.py")]
        r = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT), stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=60)
    finally:
        cleanup()
    check_ok(r)
    results = {line.split()[1]: line for line in r.stdout.splitlines() if line.startswith("RESULT")}
    assert set(results) == {"rank=0", "rank=1"}, r.stdout
    for line in results.values():
        assert "world=2" in line and "sum=3.0" in line, line
    assert f"{ip_a}/24" in results["rank=0"] and f"{ip_b}/24" not in results["rank=0"]
    assert f"{ip_b}/24" in results["rank=1"] and f"{ip_a}/24" not in results["rank=1"]


def test_keras_fit_and_trainer_distributed(tmp_path):
    r = launch(2, "keras_fit.py", tmp_path, timeout=120)
    check_ok(r)
    r0, r1 = load(tmp_path, 2)
    for key in ("fit_params", "trainer_params", "fit_loss", "fit_val_loss", "trainer_loss"):
        np.testing.assert_array_equal(r0[key], r1[key], err_msg=f"{key} differs between ranks")
    np.testing.assert_allclose(r0["fit_params"], r0["ref_fit_params"], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(r0["trainer_params"], r0["ref_trainer_params"], rtol=1e-5, atol=1e-6)
    # Logs averaged over ranks: the same means as one process over all samples.
    for key in ("fit_loss", "fit_val_loss", "fit_accuracy", "trainer_loss"):
        np.testing.assert_allclose(r0[key], r0["ref_" + key], rtol=1e-5, atol=1e-6, err_msg=key)
    # Progress and files on rank 0 only.
    assert r.stdout.count("Epoch 1/3") == 1, r.stdout
    assert os.path.exists(tmp_path / "log_rank0.csv") and not os.path.exists(tmp_path / "log_rank1.csv")


@pytest.mark.skipif(not os.path.exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"),
                    reason="Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)")
def test_example_ddp_fashion_mnist(tmp_path):
    out = tmp_path / "weights.safetensors"
    cmd = [sys.executable, "-m", "rustorch.distributed.run", "--nproc", "2",
           os.path.join(ROOT, "examples", "ddp_fashion_mnist.py"), "--epochs", "1", "--limit", "4096", "--out", str(out)]
    r = subprocess.run(cmd, cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT), stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=120)
    check_ok(r)
    assert r.stdout.count("epoch 1/1") == 1  # rank 0 prints, rank 1 does not
    accuracy = float(r.stdout.split("test accuracy")[1].split()[0])
    assert accuracy > 0.55, r.stdout  # 10 classes: chance is 0.1; 1 epoch on 4,096 images reaches 0.68
    from safetensors.numpy import load_file
    weights = load_file(str(out))
    assert weights["1.weight"].shape == (256, 784)

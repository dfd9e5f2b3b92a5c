"""Launcher: ``python -m rustorch.distributed.run --nproc 2 train.py [args]``.

Starts the ranks through Open MPI's ``mpirun`` with the flags this kind of machine needs:
``--allow-run-as-root`` (containers run as root), ``--oversubscribe`` (more ranks than cores),
``--bind-to none`` (no pinning of ranks to cores, which would serialise oversubscribed ranks),
stdin from /dev/null (a rank waiting on the terminal would hang the job). ``--hostfile`` (and
``--host``) are passed through to spread the ranks over several machines; ``--mca KEY VALUE``
passes Open MPI parameters (e.g. ``--mca btl tcp,self``). The directory holding the rustorch
package is put on the ranks' PYTHONPATH so the same checkout is imported everywhere. The
launcher exits with mpirun's exit status (non-zero when any rank failed).
"""
import argparse
import os
import shutil
import subprocess
import sys


def _parser():
    p = argparse.ArgumentParser(
        prog="python -m rustorch.distributed.run",
        description="Run a training script on several processes (ranks) through mpirun.")
    p.add_argument("--nproc", "--nproc-per-node", "--nproc_per_node", "-n", dest="nproc", type=int, default=1,
                   help="number of ranks (default 1)")
    p.add_argument("--hostfile", help="Open MPI hostfile for several machines (passed to mpirun)")
    p.add_argument("--host", help="comma-separated hosts (passed to mpirun)")
    p.add_argument("--mca", nargs=2, action="append", default=[], metavar=("KEY", "VALUE"),
                   help="an Open MPI MCA parameter, e.g. --mca btl tcp,self (repeatable)")
    p.add_argument("--timeout", type=int, default=None,
                   help="kill the whole job after this many seconds (mpirun --timeout)")
    p.add_argument("--mpirun", default=None, help="path of mpirun (default: found on PATH)")
    p.add_argument("-m", dest="module", action="store_true", help="run the target as a module (python -m)")
    p.add_argument("script", help="training script (or module with -m)")
    p.add_argument("script_args", nargs=argparse.REMAINDER, help="arguments of the script")
    return p


def build_command(args, python=None):
    """The mpirun command line for parsed launcher ``args``."""
    mpirun = args.mpirun or shutil.which("mpirun")
    if mpirun is None:
        raise SystemExit("rustorch.distributed.run: mpirun not found; install Open MPI (Debian: openmpi-bin)")
    if args.nproc < 1:
        raise SystemExit(f"rustorch.distributed.run: --nproc must be at least 1, got {args.nproc}")
    cmd = [mpirun, "--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", str(args.nproc)]
    if args.hostfile:
        cmd += ["--hostfile", args.hostfile]
    if args.host:
        cmd += ["--host", args.host]
    for key, value in args.mca:
        cmd += ["--mca", key, value]
    if args.timeout:
        cmd += ["--timeout", str(args.timeout)]
    # Remote ranks get the launcher's PYTHONPATH (local ones inherit the environment anyway).
    cmd += ["-x", "PYTHONPATH"]
    cmd += [python or sys.executable]
    cmd += ["-m", args.script] if args.module else [args.script]
    return cmd + list(args.script_args)


def _environment():
    env = dict(os.environ)
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = [package_root] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("OMPI_MCA_rmaps_base_oversubscribe", "1")
    # Blocking MPI calls busy-poll. Each rank runs a communication thread beside its compute
    # threads, so ranks share cores even at one rank per core; a poller that does not yield holds
    # the core its peer needs for a whole scheduler slice per message exchange (measured on the
    # 2-core machine: an 800 KB all-reduce took 40-56 ms instead of 0.2 ms in about one run of
    # three). Yielding when idle fixes that; `--mca mpi_yield_when_idle 0` turns it off.
    env.setdefault("OMPI_MCA_mpi_yield_when_idle", "1")
    return env


def main(argv=None):
    args = _parser().parse_args(argv)
    cmd = build_command(args)
    with open(os.devnull, "rb") as devnull:
        proc = subprocess.run(cmd, stdin=devnull, env=_environment(), check=False)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())

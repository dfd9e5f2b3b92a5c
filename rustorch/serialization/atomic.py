"""Crash-safe file writes: write a temporary file beside the target, flush and fsync it, then
rename it into place, so a reader (or a process killed mid-save) sees either the old file or the
complete new one, never a torn mix."""
import contextlib
import os
import tempfile

__all__ = ["atomic_write"]


def _fsync_directory(directory):
    # The rename is only durable once the directory entry is on disk.
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path, mode="wb", encoding=None, newline=None):
    """Context manager yielding a file object that replaces ``path`` atomically on success.

    The data goes to a temporary file in the same directory (so the final ``os.replace`` is an
    atomic rename on one filesystem); on leaving the block it is flushed and fsynced, renamed over
    ``path`` and the directory is fsynced. If the block raises, the temporary file is removed and
    ``path`` is left untouched. ``mode`` is ``"wb"`` (default) or ``"w"`` (text; ``encoding``
    defaults to UTF-8). An existing file's permission bits are kept.

    Args:
        path (str or os.PathLike): the file to write; its directory must exist.
        mode (str): ``"wb"`` or ``"w"``. Default: ``"wb"``.
        encoding (str, optional): the text encoding (mode ``"w"``); default UTF-8.
        newline (str, optional): the newline mode of text files, as in ``open``.

    Returns:
        a context manager whose ``with`` target is the temporary file object.

    Example:
        >>> with rt.serialization.atomic_write("notes.txt", "w") as f:
        ...     _ = f.write("hello")
        >>> open("notes.txt").read()
        'hello'
        >>> try:
        ...     with rt.serialization.atomic_write("notes.txt", "w") as f:
        ...         _ = f.write("half")
        ...         raise RuntimeError("crash")
        ... except RuntimeError:
        ...     pass
        >>> open("notes.txt").read(), sorted(os.listdir("."))
        ('hello', ['notes.txt'])
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write: mode must be 'wb' or 'w', got {mode!r}")
    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"atomic_write: directory {directory!r} of {path!r} does not exist")
    if os.path.isdir(path):
        raise IsADirectoryError(f"atomic_write: {path!r} is a directory")
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=directory)
    try:
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # what open() would have given a new file
        if mode == "wb":
            f = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        fd = None  # owned by f now
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
        _fsync_directory(directory)
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)

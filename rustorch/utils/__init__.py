"""Utilities. ``rt.utils.data`` is the same module as ``rt.data`` (PyTorch spells it
``torch.utils.data``), so ``from rustorch.utils.data import DataLoader`` works."""
import sys

from .. import data

sys.modules[__name__ + ".data"] = data

__all__ = ["data"]

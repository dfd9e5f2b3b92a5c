"""Keras-style training: ``Model``/``Sequential`` with compile/fit/evaluate/predict, callbacks,
metrics, the Lightning-style ``Trainer``, and the one loop they share (``loop.py``).

Exported at the top level as ``rt.Model``, ``rt.Sequential``, ``rt.Trainer``, ``rt.callbacks``
and ``rt.metrics``.
"""
from . import callbacks, losses, metrics
from .history import History
from .model import Model, Sequential
from .trainer import Trainer

__all__ = ["Model", "Sequential", "Trainer", "History", "callbacks", "metrics", "losses"]

"""Gradient-check cases per op, one module per area; test_gradcheck_sweep.py collects them all.

Each module defines CASES: a dict mapping a registered op name (rt._C._registered_ops()) to a list
of Case objects. A differentiable op registered in the engine without a case fails the sweep.
"""

"""rustorch: a deep-learning framework with a C++ engine.

PyTorch-style tensors and autograd (``rt.tensor``, ``x.backward()``), and a Keras-style training API.
"""
from . import _C
from ._C import *  # noqa: F401,F403  (tensor ops, dtypes, creation functions)
from ._C import Tensor, dtype, device, Generator, bool, float32, float64, int64  # noqa: F401
from . import _tensor  # noqa: F401  (Python-level Tensor methods: repr, iteration, ...)
from ._tensor import set_printoptions, get_printoptions, printoptions  # noqa: F401
from . import autograd
from .autograd import no_grad, enable_grad, set_grad_enabled, inference_mode, Variable  # noqa: F401
from . import optim
from . import linalg, distributions
from .optim import SGD, Adam, AdamW, RMSprop
from . import nn
from .nn.modules import *  # noqa: F401,F403  (rt.Linear, rt.Conv2d, rt.ReLU, ...: the same classes as rt.nn.*)

from ._version import __version__  # noqa: F401  (the single source: rustorch/_version.py)
from . import data, utils
# Keras-style training API: rt.Sequential is the Keras-style model (rt.nn.Sequential stays PyTorch's).
from .training import Model, Sequential, Trainer, callbacks, metrics  # noqa: E402
from . import plot  # noqa: E402  (rt.plot: matplotlib is imported on first use)
from . import serialization
from . import serialization as saving  # noqa: E402  (Keras: keras.saving)
from .serialization import save, load, load_model, register_serializable  # noqa: E402,F401
from . import distributed  # noqa: F401  (rt.distributed: process groups, collectives)

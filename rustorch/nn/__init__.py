"""Neural-network building blocks (``torch.nn``): Module and Parameter, containers, layers,
activations, losses, ``nn.functional`` and ``nn.init``."""
from .parameter import Parameter, Buffer  # noqa: F401
from . import functional  # noqa: F401
from . import init  # noqa: F401
from .modules import *  # noqa: F401,F403
from .modules import (Module, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict,  # noqa: F401
                      RemovableHandle, LAYERS as _LAYERS)
from . import modules  # noqa: F401
from . import utils  # noqa: F401
from . import parallel  # noqa: F401  (nn.parallel.DistributedDataParallel)

"""
rustorch C++ engine
"""
from __future__ import annotations
import builtins
import collections.abc
import numpy
import typing
from . import return_types
from . import _optim
from . import _data
from . import _linalg
from . import _io
from . import _distributed
Number: typing.TypeAlias = typing.Union[builtins.bool, builtins.int, builtins.float]
DType: typing.TypeAlias = "dtype"
_device: typing.TypeAlias = "device"
__all__: list[str] = ['Generator', 'Node', 'RemovableHandle', 'Tensor', 'abs', 'absolute', 'acos', 'adaptive_avg_pool1d', 'adaptive_avg_pool2d', 'adaptive_avg_pool3d', 'adaptive_max_pool1d', 'adaptive_max_pool2d', 'adaptive_max_pool3d', 'add', 'addmm', 'all', 'allclose', 'amax', 'amin', 'angle', 'any', 'arange', 'argmax', 'argmin', 'argsort', 'argwhere', 'asin', 'atan', 'atan2', 'avg_pool1d', 'avg_pool2d', 'avg_pool3d', 'batch_norm', 'bernoulli', 'binary_cross_entropy_with_logits', 'binomial', 'bitwise_and', 'bitwise_not', 'bitwise_or', 'bitwise_xor', 'bmm', 'bool', 'cat', 'cdouble', 'ceil', 'cfloat', 'chunk', 'clamp', 'clamp_max', 'clamp_min', 'clip', 'complex', 'complex128', 'complex64', 'concat', 'concatenate', 'conj', 'conj_physical', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'cos', 'cosh', 'cross_entropy', 'cumprod', 'cumsum', 'default_generator', 'device', 'digamma', 'div', 'divide', 'dot', 'double', 'dropout', 'dropout1d', 'dropout2d', 'dropout3d', 'dtype', 'einsum', 'embedding', 'empty', 'empty_like', 'eq', 'equal', 'erf', 'erfc', 'erfinv', 'exp', 'exp2', 'expm1', 'eye', 'flatten', 'flip', 'float', 'float32', 'float64', 'floor', 'floor_divide', 'fmod', 'from_numpy', 'full', 'full_like', 'gather', 'ge', 'ger', 'get_default_dtype', 'get_num_threads', 'group_norm', 'gt', 'hstack', 'imag', 'index_add', 'index_put', 'index_select', 'initial_seed', 'inner', 'instance_norm', 'int64', 'interpolate', 'is_complex', 'is_grad_enabled', 'is_tensor', 'isclose', 'isfinite', 'isinf', 'isnan', 'isneginf', 'isposinf', 'layer_norm', 'le', 'lgamma', 'linspace', 'log', 'log10', 'log1p', 'log2', 'log_softmax', 'logical_and', 'logical_not', 'logical_or', 'logical_xor', 'logspace', 'logsumexp', 'long', 'lt', 'manual_seed', 'masked_fill', 'masked_select', 'matmul', 'max', 'max_pool1d', 'max_pool1d_with_indices', 'max_pool2d', 'max_pool2d_with_indices', 'max_pool3d', 'max_pool3d_with_indices', 'maximum', 'mean', 'min', 'minimum', 'mm', 'moveaxis', 'movedim', 'mul', 'multinomial', 'multiply', 'mv', 'narrow', 'ne', 'neg', 'negative', 'nll_loss', 'nonzero', 'norm', 'normal', 'one_hot', 'ones', 'ones_like', 'outer', 'pad', 'permute', 'poisson', 'pow', 'prod', 'promote_types', 'rand', 'rand_like', 'randint', 'randint_like', 'randn', 'randn_like', 'randperm', 'real', 'reciprocal', 'relu', 'remainder', 'reshape', 'result_type', 'return_types', 'rnn_layer', 'round', 'rsqrt', 'scatter', 'scatter_add', 'seed', 'select', 'select_scatter', 'set_default_dtype', 'set_num_threads', 'sigmoid', 'sign', 'sin', 'sinh', 'slice_scatter', 'softmax', 'sort', 'special_gammainc', 'split', 'sqrt', 'square', 'squeeze', 'stack', 'std', 'sub', 'subtract', 'sum', 'swapaxes', 'swapdims', 't', 'take', 'tan', 'tanh', 'tensor', 'tensor_split', 'tile', 'topk', 'transpose', 'true_divide', 'trunc', 'unbind', 'unflatten', 'unsqueeze', 'upsample', 'upsample_bilinear', 'upsample_nearest', 'var', 'view_as_complex', 'view_as_real', 'vstack', 'where', 'zeros', 'zeros_like']
class Generator:
    """
    A seedable pseudo-random generator (xoshiro256**).
    """
    def __init__(self, _device: typing.Any = 'cpu') -> None:
        ...
    def get_state(self) -> list[builtins.int]:
        """
        The generator's state as a list of integers (for set_state).
        """
    def initial_seed(self) -> builtins.int:
        """
        The seed this generator was last seeded with.
        """
    def manual_seed(self, seed: typing.SupportsInt | typing.SupportsIndex) -> Generator:
        """
        Seeds this generator and returns it.
        """
    def seed(self) -> builtins.int:
        """
        Seeds this generator from a nondeterministic source and returns the seed.
        """
    def set_state(self, state: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> None:
        """
        Restores a state returned by get_state().
        """
class dtype:
    """
    The element type of a tensor (rt.float32, rt.float64, rt.int64, rt.bool, rt.complex64, rt.complex128).
    """
    def __reduce__(self: DType) -> tuple[typing.Any, tuple[str]]:
        ...
    def __repr__(self: DType) -> str:
        ...
    def to_complex(self: DType) -> DType:
        """
        The complex dtype with this floating dtype's precision.
        """
    def to_real(self: DType) -> DType:
        """
        The dtype of a complex dtype's parts.
        """
    @property
    def is_complex(self) -> builtins.bool:
        """
        True for complex64 and complex128.
        """
    @property
    def is_floating_point(self) -> builtins.bool:
        """
        True for float32 and float64.
        """
    @property
    def itemsize(self) -> builtins.int:
        """
        Bytes per element.
        """
    @property
    def name(self) -> str:
        """
        The dtype's name, e.g. 'float32'.
        """
class device:
    """
    A device where tensors live; this build has 'cpu'.
    """
    def __eq__(self, arg0: typing.Any) -> builtins.bool:
        ...
    def __hash__(self) -> builtins.int:
        ...
    def __init__(self, type: str) -> None:
        """
        device(type): a device from its name, e.g. rt.device('cpu').
        """
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    @property
    def index(self) -> typing.Any:
        """
        The device index, or None when not given.
        """
    @property
    def type(self) -> str:
        """
        The device type: 'cpu'.
        """
class Tensor:
    """
    A multi-dimensional array with autograd support.
    """
    __array_priority__: typing.ClassVar[builtins.int] = 1000
    @staticmethod
    def absolute(*args, **kwargs):
        """
        abs(self: Tensor) -> Tensor
        
        Elementwise absolute value.
        """
    @staticmethod
    def divide(*args, **kwargs):
        """
        div(self: Tensor, other: object, *, rounding_mode: str | None = None) -> Tensor
        
        input / other. rounding_mode=None: true division (integers give the default float); 'trunc': rounded toward zero; 'floor': rounded down (integer dtypes are kept).
        """
    @staticmethod
    def multiply(*args, **kwargs):
        """
        mul(self: Tensor, other: object) -> Tensor
        
        Elementwise product, broadcast and type-promoted.
        """
    @staticmethod
    def negative(*args, **kwargs):
        """
        neg(self: Tensor) -> Tensor
        
        Elementwise negation (not for bool tensors).
        """
    @staticmethod
    def subtract(*args, **kwargs):
        """
        sub(self: Tensor, other: object, *, alpha: Number = 1) -> Tensor
        
        input - alpha * other, broadcast and type-promoted.
        """
    def __abs__(self) -> Tensor:
        ...
    def __add__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __and__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __array__(self, dtype: typing.Any = None, copy: typing.Any = None) -> typing.Any:
        ...
    def __bool__(self) -> builtins.bool:
        ...
    def __complex__(self) -> typing.Any:
        ...
    def __eq__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __float__(self) -> builtins.float:
        ...
    def __floordiv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __format__(self, spec):
        ...
    def __ge__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __getitem__(self, index: typing.Any) -> Tensor:
        """
        NumPy/PyTorch indexing: ints, slices, None, ..., bool masks and int64 index tensors or lists. Basic indexing gives a view; tensor indices give a copy.
        """
    def __gt__(self, arg0: typing.Any) -> typing.Any:
        ...
    @typing.overload
    def __hash__(self) -> builtins.int:
        ...
    @typing.overload
    def __hash__(self) -> builtins.int:
        ...
    def __iadd__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __iand__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ifloordiv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __imod__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __imul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __index__(self) -> builtins.int:
        ...
    def __init__(self, *args) -> None:
        ...
    def __int__(self) -> builtins.int:
        ...
    def __invert__(self) -> Tensor:
        ...
    def __ior__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ipow__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __isub__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __iter__(self) -> collections.abc.Iterator:
        """
        Iterates over the first dim (views).
        """
    def __itruediv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ixor__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __le__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __len__(self) -> builtins.int:
        ...
    def __lt__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __matmul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __mod__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __mul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ne__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __neg__(self) -> Tensor:
        ...
    def __or__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __pos__(self) -> Tensor:
        ...
    def __pow__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __radd__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rand__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __repr__(self):
        ...
    def __rfloordiv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rmatmul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rmod__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rmul__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __ror__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rpow__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rsub__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rtruediv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __rxor__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __setitem__(self, index: typing.Any, value: typing.Any) -> None:
        """
        Assigns value (a tensor or number, broadcast) to the indexed elements.
        """
    def __str__(self):
        ...
    def __sub__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __truediv__(self, arg0: typing.Any) -> typing.Any:
        ...
    def __xor__(self, arg0: typing.Any) -> typing.Any:
        ...
    def abs(self) -> Tensor:
        """
        Elementwise absolute value.
        """
    def abs_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def acos(self) -> Tensor:
        """
        Elementwise arccosine.
        """
    def acos_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def add(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        input + alpha * other, broadcast and type-promoted.
        """
    def add_(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        In-place version of the op.
        """
    def addmm(self, mat1: Tensor, mat2: Tensor, *, beta: Number = 1, alpha: Number = 1) -> Tensor:
        """
        beta * self + alpha * (mat1 @ mat2).
        """
    def all(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Whether every element over dim is nonzero (bool result; all dims when None).
        """
    def allclose(self, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> builtins.bool:
        """
        True when isclose holds for every element.
        """
    def amax(self, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
        """
        Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
        """
    def amin(self, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
        """
        Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
        """
    def angle(self) -> Tensor:
        """
        See rt.angle.
        """
    def any(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Whether any element over dim is nonzero (bool result; all dims when None).
        """
    def argmax(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Index of the first largest element along dim (of the flattened tensor when dim is None).
        """
    def argmin(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Index of the first smallest element along dim (of the flattened tensor when dim is None).
        """
    def argsort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> Tensor:
        """
        Indices that sort input along dim (stable).
        """
    def asin(self) -> Tensor:
        """
        Elementwise arcsine.
        """
    def asin_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def atan(self) -> Tensor:
        """
        Elementwise arctangent.
        """
    def atan2(self, other: typing.Any) -> Tensor:
        """
        Elementwise atan2(input, other), the angle of (other, input).
        """
    def atan2_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def atan_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def backward(self, gradient: Tensor | None = None, retain_graph: builtins.bool | None = None, create_graph: builtins.bool = False, inputs: typing.Any = None) -> None:
        """
        Computes the gradient of this tensor w.r.t. graph leaves.
        """
    def bernoulli(self, *, generator: typing.Any = None) -> Tensor:
        """
        0/1 samples, 1 with the probability given by each element of this tensor.
        """
    def bernoulli_(self, p: typing.Any = 0.5, *, generator: typing.Any = None) -> Tensor:
        """
        Fills the tensor in place with 1 with probability p (a number or a tensor), else 0.
        """
    def bitwise_and(self, other: typing.Any) -> Tensor:
        """
        Elementwise bitwise AND of bool or integer tensors (the & operator).
        """
    def bitwise_and_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_not(self) -> Tensor:
        """
        Elementwise bitwise NOT of bool or integer tensors (the ~ operator).
        """
    def bitwise_not_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_or(self, other: typing.Any) -> Tensor:
        """
        Elementwise bitwise OR of bool or integer tensors (the | operator).
        """
    def bitwise_or_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_xor(self, other: typing.Any) -> Tensor:
        """
        Elementwise bitwise XOR of bool or integer tensors (the ^ operator).
        """
    def bitwise_xor_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def bmm(self, mat2: Tensor) -> Tensor:
        """
        Batched matrix product of (B, N, M) and (B, M, P) tensors.
        """
    def bool(self) -> Tensor:
        """
        The tensor as bool (itself when it already is).
        """
    def ceil(self) -> Tensor:
        """
        Elementwise smallest integer >= x.
        """
    def ceil_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def chunk(self, chunks: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        At most `chunks` views of equal size (the last may be smaller).
        """
    def clamp(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        Clamps input into [min, max]; each bound a number, a tensor or None (not both None).
        """
    def clamp_(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        In-place version of clamp.
        """
    def clamp_max(self, max: typing.Any) -> Tensor:
        """
        Elementwise min(input, max); max is a number or a tensor.
        """
    def clamp_max_(self, max: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def clamp_min(self, min: typing.Any) -> Tensor:
        """
        Elementwise max(input, min); min is a number or a tensor.
        """
    def clamp_min_(self, min: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def clip(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        Clamps input into [min, max]; each bound a number, a tensor or None (not both None).
        """
    def clip_(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        In-place version of clip.
        """
    def clone(self) -> Tensor:
        """
        A copy with its own storage (differentiable: gradients flow back to the original).
        """
    def conj(self) -> Tensor:
        """
        See rt.conj.
        """
    def conj_physical(self) -> Tensor:
        """
        See rt.conj_physical.
        """
    def contiguous(self) -> Tensor:
        """
        The tensor itself if contiguous, else a row-major copy.
        """
    def copy_(self, src: typing.Any) -> Tensor:
        """
        Copies src (broadcast, type-converted) into this tensor in place and returns it.
        """
    def cos(self) -> Tensor:
        """
        Elementwise cosine.
        """
    def cos_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def cosh(self) -> Tensor:
        """
        Elementwise hyperbolic cosine.
        """
    def cosh_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def cpu(self) -> Tensor:
        """
        The tensor itself: it already lives on the CPU.
        """
    def cumprod(self, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
        """
        Cumulative product along dim (bool/int inputs in int64 unless dtype is given).
        """
    def cumsum(self, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
        """
        Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).
        """
    def data_ptr(self) -> builtins.int:
        """
        The address of the first element.
        """
    def detach(self) -> Tensor:
        """
        A new tensor sharing storage, detached from the graph.
        """
    def detach_(self) -> Tensor:
        """
        Detaches the tensor from the graph in place (not for views) and returns it.
        """
    def digamma(self) -> Tensor:
        """
        The digamma function psi(x) = d/dx log Gamma(x).
        """
    def dim(self) -> builtins.int:
        """
        The number of dims.
        """
    def div(self, other: typing.Any, *, rounding_mode: str | None = None) -> Tensor:
        """
        input / other. rounding_mode=None: true division (integers give the default float); 'trunc': rounded toward zero; 'floor': rounded down (integer dtypes are kept).
        """
    def div_(self, other: typing.Any, *, rounding_mode: str | None = None) -> Tensor:
        """
        In-place version of div.
        """
    def dot(self, other: Tensor) -> Tensor:
        """
        Dot product of two 1-D tensors of the same length.
        """
    def double(self) -> Tensor:
        """
        The tensor as float64 (itself when it already is).
        """
    def element_size(self) -> builtins.int:
        """
        Bytes per element.
        """
    def eq(self, other: typing.Any) -> Tensor:
        """
        Elementwise input == other (bool result).
        """
    def equal(self, other: Tensor) -> builtins.bool:
        """
        True when both tensors have the same shape and values.
        """
    def erf(self) -> Tensor:
        """
        Elementwise Gauss error function.
        """
    def erf_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def erfc(self) -> Tensor:
        """
        Elementwise complementary error function 1 - erf(x).
        """
    def erfc_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def erfinv(self) -> Tensor:
        """
        Inverse of erf on (-1, 1) (+-inf at +-1, NaN outside).
        """
    def exp(self) -> Tensor:
        """
        Elementwise e ** x.
        """
    def exp2(self) -> Tensor:
        """
        Elementwise 2 ** x.
        """
    def exp2_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def exp_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def expand(self, *args) -> Tensor:
        """
        A broadcast view with size-1 dims expanded (-1 keeps a size).
        """
    def expand_as(self, other: Tensor) -> Tensor:
        """
        A broadcast view with other's shape.
        """
    def expm1(self) -> Tensor:
        """
        Elementwise e ** x - 1, accurate near 0.
        """
    def expm1_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def fill_(self, value: typing.Any) -> Tensor:
        """
        Fills the tensor with value (a number or a 0-d tensor) in place and returns it.
        """
    def flatten(self, start_dim: typing.SupportsInt | typing.SupportsIndex = 0, end_dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
        """
        Merges dims start_dim..end_dim into one (a view when possible).
        """
    def flip(self, *args, **kwargs) -> Tensor:
        """
        A copy with the order of elements along dims reversed.
        """
    def float(self) -> Tensor:
        """
        The tensor as float32 (itself when it already is).
        """
    def floor(self) -> Tensor:
        """
        Elementwise largest integer <= x.
        """
    def floor_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def floor_divide(self, other: typing.Any) -> Tensor:
        """
        Elementwise floor(input / other), like Python's //.
        """
    def floor_divide_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def fmod(self, other: typing.Any) -> Tensor:
        """
        Elementwise C fmod: the remainder has the sign of the dividend.
        """
    def fmod_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def gather(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, *, sparse_grad: builtins.bool = False) -> Tensor:
        """
        Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).
        """
    def ge(self, other: typing.Any) -> Tensor:
        """
        Elementwise input >= other (bool result).
        """
    def gt(self, other: typing.Any) -> Tensor:
        """
        Elementwise input > other (bool result).
        """
    def index_add(self, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any, source: Tensor, *, alpha: Number = 1) -> Tensor:
        """
        Out-of-place index_add_.
        """
    def index_add_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any, source: Tensor, *, alpha: Number = 1) -> Tensor:
        """
        Adds alpha * source into the entries at `index` along dim, in place (duplicates summed).
        """
    def index_put(self, indices: typing.Any, values: typing.Any, accumulate: builtins.bool = False) -> Tensor:
        """
        Out-of-place index_put_.
        """
    def index_put_(self, indices: typing.Any, values: typing.Any, accumulate: builtins.bool = False) -> Tensor:
        """
        self[indices] = values (or += with accumulate, duplicates summed), in place.
        """
    def index_select(self, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any) -> Tensor:
        """
        The entries at `index` (1-D int64) along dim (a copy).
        """
    def inner(self, other: Tensor) -> Tensor:
        """
        Sum of products over the last dims.
        """
    def is_complex(self) -> builtins.bool:
        """
        True for complex64 and complex128 tensors.
        """
    def is_contiguous(self) -> builtins.bool:
        """
        True if the elements are laid out row-major without gaps.
        """
    def is_floating_point(self) -> builtins.bool:
        """
        True for float32 and float64 tensors.
        """
    def isclose(self, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> Tensor:
        """
        Elementwise |input - other| <= atol + rtol * |other| (bool result); same dtypes required.
        """
    def isfinite(self) -> Tensor:
        """
        Elementwise test for finite values (bool result).
        """
    def isinf(self) -> Tensor:
        """
        Elementwise test for +/-inf (bool result).
        """
    def isnan(self) -> Tensor:
        """
        Elementwise test for NaN (bool result).
        """
    def isneginf(self) -> Tensor:
        """
        Elementwise test for -inf (bool result).
        """
    def isposinf(self) -> Tensor:
        """
        Elementwise test for +inf (bool result).
        """
    def item(self) -> Number:
        """
        The value of a one-element tensor as a Python number.
        """
    def le(self, other: typing.Any) -> Tensor:
        """
        Elementwise input <= other (bool result).
        """
    def lgamma(self) -> Tensor:
        """
        log|Gamma(x)| elementwise (gradient: digamma).
        """
    def log(self) -> Tensor:
        """
        Elementwise natural logarithm.
        """
    def log10(self) -> Tensor:
        """
        Elementwise base-10 logarithm.
        """
    def log10_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log1p(self) -> Tensor:
        """
        Elementwise log(1 + x), accurate near 0.
        """
    def log1p_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log2(self) -> Tensor:
        """
        Elementwise base-2 logarithm.
        """
    def log2_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log_softmax(self, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
        """
        x - logsumexp(x) along dim, computed stably (input cast to dtype first when given).
        """
    def logical_and(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical AND of the truth values (bool result).
        """
    def logical_and_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_not(self) -> Tensor:
        """
        Elementwise logical NOT of the truth values (bool result).
        """
    def logical_not_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_or(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical OR of the truth values (bool result).
        """
    def logical_or_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_xor(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical XOR of the truth values (bool result).
        """
    def logical_xor_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logsumexp(self, dim: typing.Any, keepdim: builtins.bool = False) -> Tensor:
        """
        log(sum(exp(input))) over dim, computed stably.
        """
    def long(self) -> Tensor:
        """
        The tensor as int64 (itself when it already is).
        """
    def lt(self, other: typing.Any) -> Tensor:
        """
        Elementwise input < other (bool result).
        """
    def masked_fill(self, mask: typing.Any, value: typing.Any) -> Tensor:
        """
        A copy with value written where mask (bool, broadcast) is true.
        """
    def masked_fill_(self, mask: typing.Any, value: typing.Any) -> Tensor:
        """
        Writes value where mask (bool, broadcast) is true, in place.
        """
    def masked_select(self, mask: typing.Any) -> Tensor:
        """
        A 1-D tensor of the elements where mask (broadcast) is true.
        """
    def matmul(self, other: typing.Any) -> Tensor:
        """
        Matrix product with torch.matmul semantics (1-D, 2-D, batched with broadcasting).
        """
    def max(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
        """
        Without dim: the largest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise maximum.
        """
    def maximum(self, other: typing.Any) -> Tensor:
        """
        Elementwise maximum; NaN propagates.
        """
    def mean(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Mean over dim (int or tuple; all dims when None). Integer inputs need a floating dtype=.
        """
    def min(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
        """
        Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise minimum.
        """
    def minimum(self, other: typing.Any) -> Tensor:
        """
        Elementwise minimum; NaN propagates.
        """
    def mm(self, mat2: Tensor) -> Tensor:
        """
        Matrix product of two 2-D tensors (no broadcasting).
        """
    def moveaxis(self, source: typing.Any, destination: typing.Any) -> Tensor:
        """
        Alias of movedim.
        """
    def movedim(self, source: typing.Any, destination: typing.Any) -> Tensor:
        """
        A view with dims `source` moved to `destination`.
        """
    def mul(self, other: typing.Any) -> Tensor:
        """
        Elementwise product, broadcast and type-promoted.
        """
    def mul_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def multinomial(self, num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: builtins.bool = False, *, generator: typing.Any = None) -> Tensor:
        """
        num_samples category indices per row, drawn with probabilities proportional to the row's weights.
        """
    def mv(self, vec: Tensor) -> Tensor:
        """
        Matrix-vector product of a 2-D and a 1-D tensor.
        """
    def narrow(self, dim: typing.SupportsInt | typing.SupportsIndex, start: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        A view of `length` elements along dim starting at start.
        """
    def ne(self, other: typing.Any) -> Tensor:
        """
        Elementwise input != other (bool result).
        """
    def neg(self) -> Tensor:
        """
        Elementwise negation (not for bool tensors).
        """
    def neg_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def nelement(self) -> builtins.int:
        """
        The number of elements (alias of numel()).
        """
    def new_empty(self, *args, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
        """
        empty with this tensor's dtype (unless dtype= is given).
        """
    def new_full(self, size: typing.Any, fill_value: Number, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
        """
        full with this tensor's dtype (unless dtype= is given).
        """
    def new_ones(self, *args, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
        """
        ones with this tensor's dtype (unless dtype= is given).
        """
    def new_zeros(self, *args, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
        """
        zeros with this tensor's dtype (unless dtype= is given).
        """
    def nonzero(self, *, as_tuple: builtins.bool = False) -> typing.Any:
        """
        Coordinates of the non-zero elements: an (n, ndim) int64 tensor, or ndim 1-D tensors when as_tuple.
        """
    def norm(self, p: typing.Any = 'fro', dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Vector p-norm over dim (all elements when None): p = 'fro' (2), any number, inf or -inf.
        """
    def normal_(self, mean: typing.SupportsFloat | typing.SupportsIndex = 0.0, std: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills the tensor with normal(mean, std) values.
        """
    def numel(self) -> builtins.int:
        """
        The number of elements.
        """
    def numpy(self) -> numpy.ndarray:
        """
        A NumPy array sharing this tensor's memory.
        """
    def outer(self, vec2: Tensor) -> Tensor:
        """
        Outer product of two 1-D tensors.
        """
    def permute(self, *args) -> Tensor:
        """
        A view with the dims reordered.
        """
    def pow(self, exponent: typing.Any) -> Tensor:
        """
        Elementwise input ** exponent (tensor or number exponent).
        """
    def pow_(self, exponent: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def prod(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.
        """
    def random_(self, from_: typing.Any = None, to: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
        """
        Fills the tensor with integers uniform in [from, to) (to defaults to the dtype's exact-integer limit).
        """
    def reciprocal(self) -> Tensor:
        """
        Elementwise 1 / x (integers give the default float).
        """
    def reciprocal_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def register_hook(self, hook: collections.abc.Callable) -> RemovableHandle:
        """
        Registers fn(grad) -> Tensor | None, called with the gradient of this tensor.
        """
    def register_post_accumulate_grad_hook(self, hook: collections.abc.Callable) -> RemovableHandle:
        """
        Registers fn(tensor) -> None, called after this leaf's .grad was accumulated during backward.
        """
    def relu(self) -> Tensor:
        """
        Elementwise max(x, 0).
        """
    def relu_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def remainder(self, other: typing.Any) -> Tensor:
        """
        Elementwise remainder with the sign of the divisor, like Python's %.
        """
    def remainder_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def repeat(self, *args) -> Tensor:
        """
        A copy tiled the given number of times along each dim.
        """
    def requires_grad_(self, requires_grad: builtins.bool = True) -> Tensor:
        """
        Sets requires_grad in place and returns the tensor.
        """
    def reshape(self, *args) -> Tensor:
        """
        The tensor with another shape: a view when the strides allow it, else a copy.
        """
    def reshape_as(self, other: Tensor) -> Tensor:
        """
        The tensor with other's shape: a view when possible, else a copy.
        """
    def retain_grad(self) -> None:
        """
        Makes backward() keep this non-leaf tensor's gradient in .grad (leaves keep theirs anyway).
        """
    def round(self, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        Elementwise rounding half to even; decimals rounds to that many decimal places.
        """
    def round_(self, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        In-place version of round.
        """
    def rsqrt(self) -> Tensor:
        """
        Elementwise 1 / sqrt(x).
        """
    def rsqrt_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def scatter(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
        """
        A copy of input with src (a tensor, or a number) written at index along dim: out[i][index[i][j]] = src[i][j] for dim=1.
        """
    def scatter_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
        """
        In-place scatter: writes src (a tensor, or a number) at index along dim.
        """
    def scatter_add(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
        """
        A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.
        """
    def scatter_add_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
        """
        In-place scatter_add: adds src at index along dim.
        """
    def select(self, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        A view of one index along dim (the dim removed).
        """
    def sigmoid(self) -> Tensor:
        """
        Elementwise logistic sigmoid 1 / (1 + exp(-x)).
        """
    def sigmoid_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sign(self) -> Tensor:
        """
        Elementwise sign: -1, 0 or 1 (0 for NaN).
        """
    def sign_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sin(self) -> Tensor:
        """
        Elementwise sine.
        """
    def sin_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sinh(self) -> Tensor:
        """
        Elementwise hyperbolic sine.
        """
    def sinh_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def size(self, dim: typing.SupportsInt | typing.SupportsIndex | None = None) -> typing.Any:
        """
        The shape as a tuple, or the size of one dim.
        """
    def softmax(self, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
        """
        exp(x) / sum(exp(x)) along dim, computed stably (input cast to dtype first when given).
        """
    def sort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> typing.Any:
        """
        (values, indices) sorted along dim (stable; NaN sorts as the largest value).
        """
    def split(self, split_size: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
        """
        Views of split_size elements along dim (an int), or of the given sizes (a list).
        """
    def sqrt(self) -> Tensor:
        """
        Elementwise square root.
        """
    def sqrt_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def square(self) -> Tensor:
        """
        Elementwise x * x.
        """
    def square_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def squeeze(self, dim: typing.Any = None) -> Tensor:
        """
        A view without size-1 dims (all, or those in dim).
        """
    def std(self, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
        """
        Standard deviation over dim (sqrt of var; correction=1 by default; unbiased=False means 0).
        """
    def storage_offset(self) -> builtins.int:
        """
        The offset of the first element in the storage, in elements.
        """
    def stride(self, dim: typing.SupportsInt | typing.SupportsIndex | None = None) -> typing.Any:
        """
        The strides (in elements) as a tuple, or the stride of one dim.
        """
    def sub(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        input - alpha * other, broadcast and type-promoted.
        """
    def sub_(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        In-place version of the op.
        """
    def sum(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Sum over dim (int or tuple; all dims when None). bool/int inputs sum in int64 unless dtype is given.
        """
    def swapaxes(self, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        Alias of transpose.
        """
    def swapdims(self, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        Alias of transpose.
        """
    def t(self) -> Tensor:
        """
        The transpose of a matrix (a view); 0-d and 1-d tensors are returned as they are.
        """
    def take(self, index: typing.Any) -> Tensor:
        """
        The elements of the flattened tensor at `index` (result has index's shape).
        """
    def tan(self) -> Tensor:
        """
        Elementwise tangent.
        """
    def tan_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def tanh(self) -> Tensor:
        """
        Elementwise hyperbolic tangent.
        """
    def tanh_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def tensor_split(self, indices_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
        """
        Views split into n nearly equal sections (an int) or at the given indices (a list).
        """
    def tile(self, *args, **kwargs) -> Tensor:
        """
        Like repeat, with fewer reps than dims allowed (left-padded with 1s).
        """
    def to(self, target: typing.Any = None, **kwargs) -> Tensor:
        """
        Returns the tensor with the given dtype (itself when unchanged).
        """
    def tolist(self) -> typing.Any:
        """
        The elements as nested Python lists (a number for a 0-d tensor).
        """
    def topk(self, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, largest: builtins.bool = True, sorted: builtins.bool = True) -> typing.Any:
        """
        (values, indices) of the k largest (largest=False: smallest) elements along dim, in sorted order.
        """
    def transpose(self, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        A view with dims dim0 and dim1 swapped.
        """
    def trunc(self) -> Tensor:
        """
        Elementwise rounding toward zero.
        """
    def trunc_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def type(self, dtype: typing.Any = None) -> typing.Any:
        """
        With no argument the type name (e.g. 'rustorch.float32'); with a dtype, the converted tensor.
        """
    def unbind(self, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
        """
        A tuple of views, one per index along dim (the dim removed).
        """
    def unflatten(self, dim: typing.SupportsInt | typing.SupportsIndex, sizes: typing.Any) -> Tensor:
        """
        Splits dim into the given sizes (a view).
        """
    def uniform_(self, from_: typing.SupportsFloat | typing.SupportsIndex = 0.0, to: typing.SupportsFloat | typing.SupportsIndex = 1.0, *, generator: typing.Any = None) -> Tensor:
        """
        Fills the tensor with values uniform in [from, to).
        """
    def unsqueeze(self, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        A view with a size-1 dim inserted at dim.
        """
    def var(self, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
        """
        Variance over dim, divided by N - correction (correction=1 by default; unbiased=False means 0).
        """
    def view(self, *args) -> Tensor:
        """
        A view with another shape (one dim may be -1); fails when the strides do not allow it.
        """
    def view_as(self, other: Tensor) -> Tensor:
        """
        A view with other's shape (the strides must allow it).
        """
    def where(self, condition: Tensor, other: typing.Any) -> Tensor:
        """
        condition ? self : other, broadcast.
        """
    def zero_(self) -> Tensor:
        """
        Fills the tensor with zeros in place and returns it.
        """
    @property
    def T(self) -> Tensor:
        """
        A view with all dims reversed.
        """
    @property
    def _version(self) -> builtins.int:
        ...
    @property
    def data(self) -> Tensor:
        """
        The tensor detached from autograd (shares storage); assigning swaps in another tensor's data.
        """
    @data.setter
    def data(self, arg1: Tensor) -> None:
        ...
    @property
    def device(self) -> _device:
        """
        The device the tensor lives on (always cpu in this build).
        """
    @property
    def dtype(self) -> DType:
        """
        The element type (rt.float32, rt.float64, rt.int64, rt.bool).
        """
    @property
    def grad(self) -> Tensor:
        """
        The gradient accumulated by backward() (None until then; settable).
        """
    @grad.setter
    def grad(self, arg1: Tensor | None) -> None:
        ...
    @property
    def grad_fn(self) -> Node:
        """
        The autograd Node that created this tensor (None for leaves).
        """
    @property
    def imag(self) -> Tensor:
        """
        The imaginary part of a complex tensor (a float view sharing its memory).
        """
    @property
    def is_cuda(self) -> builtins.bool:
        """
        False: this build has no CUDA backend.
        """
    @property
    def is_leaf(self) -> builtins.bool:
        """
        True if the tensor was not created by a recorded op (its grad is kept).
        """
    @property
    def itemsize(self) -> builtins.int:
        """
        Bytes per element.
        """
    @property
    def mT(self) -> Tensor:
        """
        A view with the last two dims swapped (batched matrix transpose).
        """
    @property
    def nbytes(self) -> builtins.int:
        """
        Bytes of the elements (numel() * itemsize), not of the whole storage.
        """
    @property
    def ndim(self) -> builtins.int:
        """
        The number of dims (alias of dim()).
        """
    @property
    def output_nr(self) -> builtins.int:
        """
        Which output of its grad_fn this tensor is.
        """
    @property
    def real(self) -> Tensor:
        """
        The real part (a view for complex tensors; the tensor itself for real ones).
        """
    @property
    def requires_grad(self) -> builtins.bool:
        """
        Whether autograd records operations on this tensor (settable on leaves).
        """
    @requires_grad.setter
    def requires_grad(self, arg1: builtins.bool) -> None:
        ...
    @property
    def retains_grad(self) -> builtins.bool:
        """
        True if retain_grad() was called on this non-leaf tensor.
        """
    @property
    def shape(self) -> tuple:
        """
        The size of each dim (a tuple subclass, like torch.Size).
        """
class Node:
    """
    A node of the autograd graph (a grad_fn).
    """
    def __repr__(self) -> str:
        ...
    def name(self) -> str:
        """
        The node's name, e.g. 'MulBackward'.
        """
    @property
    def next_functions(self) -> tuple:
        """
        A tuple of (node, input_nr) pairs: where this node sends each input's gradient (None for inputs that need none).
        """
class RemovableHandle:
    """
    Returned by Tensor.register_hook: remove() unregisters the hook.
    """
    def remove(self) -> None:
        """
        Unregisters the hook (a second call does nothing).
        """
def _allocator_stats() -> dict:
    ...
def _backward(arg0: typing.Any, arg1: typing.Any, arg2: builtins.bool, arg3: builtins.bool) -> None:
    ...
def _dtype_from_name(arg0: str) -> DType:
    ...
def _empty_cache() -> None:
    """
    Frees the allocator's cached blocks.
    """
def _grad(arg0: typing.Any, arg1: typing.Any, arg2: typing.Any, arg3: builtins.bool, arg4: builtins.bool, arg5: builtins.bool) -> list[Tensor]:
    ...
def _queue_backward_callback(callback: collections.abc.Callable) -> None:
    """
    Runs callback() when the backward pass that is running ends (call it from a hook).
    """
def _registered_ops() -> list:
    """
    (name, differentiable) of every op registered in the engine.
    """
def _rnn_layer_composite(input: Tensor, hx: Tensor, cx: Tensor | None, weight_ih: Tensor, weight_hh: Tensor, bias_ih: Tensor | None = None, bias_hh: Tensor | None = None, weight_hr: Tensor | None = None, mode: str = 'LSTM', reverse: builtins.bool = False, batch_sizes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = []) -> tuple:
    """
    rnn_layer written step by step with differentiable tensor ops (the reference the fused kernel is tested against).
    """
def _set_cache_limit(bytes: typing.SupportsInt | typing.SupportsIndex) -> None:
    ...
def _set_grad_enabled(mode: builtins.bool) -> None:
    ...
def _standard_gamma(input: Tensor, generator: typing.Any = None) -> Tensor:
    """
    Gamma(alpha, 1) samples; differentiable in alpha (implicit reparameterisation).
    """
def _standard_gamma_grad(input: Tensor, output: Tensor) -> Tensor:
    """
    d sample / d alpha of standard gamma samples.
    """
def _trigamma(input: Tensor) -> Tensor:
    """
    polygamma(1, x) (not differentiable).
    """
def abs(input: Tensor) -> Tensor:
    """
    Elementwise absolute value.
    """
def acos(input: Tensor) -> Tensor:
    """
    Elementwise arccosine.
    """
def adaptive_avg_pool1d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    """
def adaptive_avg_pool2d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    """
def adaptive_avg_pool3d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    """
def adaptive_max_pool1d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    """
def adaptive_max_pool2d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    """
def adaptive_max_pool3d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    """
def add(input: typing.Any, other: typing.Any, *, alpha: Number = 1) -> Tensor:
    """
    input + alpha * other, broadcast and type-promoted.
    """
def addmm(input: Tensor, mat1: Tensor, mat2: Tensor, *, beta: Number = 1, alpha: Number = 1) -> Tensor:
    """
    beta * input + alpha * (mat1 @ mat2).
    """
def all(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Whether every element over dim is nonzero (bool result; all dims when None).
    """
def allclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> builtins.bool:
    """
    True when isclose holds for every element.
    """
def amax(input: Tensor, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
    """
    Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
    """
def amin(input: Tensor, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
    """
    Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
    """
def angle(input: Tensor) -> Tensor:
    """
    The phase of each element in (-pi, pi]; real inputs give 0 (x >= 0) or pi (x < 0). Not differentiable.
    """
def any(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Whether any element over dim is nonzero (bool result; all dims when None).
    """
def arange(start: typing.Any, end: typing.Any = None, step: typing.Any = 1, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    arange(end) or arange(start, end, step=1): values from start (inclusive) to end (exclusive). The dtype is int64 when all arguments are integers, else the default float dtype.
    """
def argmax(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Index of the first largest element along dim (of the flattened tensor when dim is None).
    """
def argmin(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Index of the first smallest element along dim (of the flattened tensor when dim is None).
    """
def argsort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> Tensor:
    """
    Indices that sort input along dim (stable).
    """
def argwhere(input: Tensor) -> Tensor:
    """
    Coordinates of the non-zero elements as an (n, ndim) int64 tensor.
    """
def asin(input: Tensor) -> Tensor:
    """
    Elementwise arcsine.
    """
def atan(input: Tensor) -> Tensor:
    """
    Elementwise arctangent.
    """
def atan2(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise atan2(input, other), the angle of (other, input).
    """
def avg_pool1d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True) -> Tensor:
    """
    Average pooling over the last 1 dims; stride defaults to kernel_size.
    """
def avg_pool2d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True, divisor_override: typing.SupportsInt | typing.SupportsIndex | None = None) -> Tensor:
    """
    Average pooling over the last 2 dims; stride defaults to kernel_size.
    """
def avg_pool3d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True, divisor_override: typing.SupportsInt | typing.SupportsIndex | None = None) -> Tensor:
    """
    Average pooling over the last 3 dims; stride defaults to kernel_size.
    """
def batch_norm(input: Tensor, running_mean: Tensor | None, running_var: Tensor | None, weight: Tensor | None = None, bias: Tensor | None = None, training: builtins.bool = False, momentum: typing.SupportsFloat | typing.SupportsIndex = 0.1, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Batch normalization over (N, C, *). In training, uses batch statistics and updates running_mean / running_var in place (unbiased variance); otherwise uses the running statistics.
    """
def bernoulli(input: Tensor, p: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
    """
    bernoulli(input): 1 with probability input[i], else 0 (bernoulli(input, p): with probability p).
    """
def binary_cross_entropy_with_logits(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, reduce: typing.Any = None, reduction: str = 'mean', pos_weight: Tensor | None = None) -> Tensor:
    """
    Binary cross entropy of logits against targets of the same shape, computed stably; weight and pos_weight broadcast to the input.
    """
def binomial(count: typing.Any, prob: typing.Any, generator: typing.Any = None) -> Tensor:
    """
    Binomial counts of `count` trials with success probability `prob` (broadcast).
    """
def bitwise_and(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise AND of bool or integer tensors (the & operator).
    """
def bitwise_not(input: Tensor) -> Tensor:
    """
    Elementwise bitwise NOT of bool or integer tensors (the ~ operator).
    """
def bitwise_or(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise OR of bool or integer tensors (the | operator).
    """
def bitwise_xor(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise XOR of bool or integer tensors (the ^ operator).
    """
def bmm(input: Tensor, mat2: Tensor) -> Tensor:
    """
    Batched product of two 3-D tensors with the same batch size.
    """
def cat(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Concatenates tensors along dim (dtypes promoted; 1-D empty tensors are skipped).
    """
def ceil(input: Tensor) -> Tensor:
    """
    Elementwise smallest integer >= x.
    """
def chunk(input: Tensor, chunks: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    At most `chunks` views of equal size.
    """
def clamp(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Clamps input into [min, max]; each bound a number, a tensor or None (not both None).
    """
def clamp_max(input: Tensor, max: typing.Any) -> Tensor:
    """
    Elementwise min(input, max); max is a number or a tensor.
    """
def clamp_min(input: Tensor, min: typing.Any) -> Tensor:
    """
    Elementwise max(input, min); min is a number or a tensor.
    """
def clip(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Clamps input into [min, max]; each bound a number, a tensor or None (not both None).
    """
def complex(real: Tensor, imag: Tensor) -> Tensor:
    """
    A complex tensor real + i*imag (broadcast); float32 parts give complex64, float64 parts complex128.
    """
def concat(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Alias of cat.
    """
def concatenate(tensors: typing.Any, axis: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Alias of cat.
    """
def conj(input: Tensor) -> Tensor:
    """
    The complex conjugate (a new tensor; torch returns a lazy view). Real tensors are returned as they are.
    """
def conj_physical(input: Tensor) -> Tensor:
    """
    The complex conjugate as a new tensor.
    """
def conv1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 1-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    """
def conv2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 2-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    """
def conv3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 3-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    """
def conv_transpose1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 1-D transposed convolution (the gradient of conv1d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    """
def conv_transpose2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 2-D transposed convolution (the gradient of conv2d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    """
def conv_transpose3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 3-D transposed convolution (the gradient of conv3d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    """
def cos(input: Tensor) -> Tensor:
    """
    Elementwise cosine.
    """
def cosh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic cosine.
    """
def cross_entropy(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, ignore_index: typing.SupportsInt | typing.SupportsIndex = -100, reduce: typing.Any = None, reduction: str = 'mean', label_smoothing: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> Tensor:
    """
    Cross entropy of logits (N, C, *) against int64 class indices (N, *) or class probabilities (N, C, *), fused with the log-softmax.
    """
def cumprod(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
    """
    Cumulative product along dim (bool/int inputs in int64 unless dtype is given).
    """
def cumsum(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
    """
    Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).
    """
def digamma(input: Tensor) -> Tensor:
    """
    The digamma function psi(x) = d/dx log Gamma(x).
    """
def div(input: typing.Any, other: typing.Any, *, rounding_mode: str | None = None) -> Tensor:
    """
    input / other. rounding_mode=None: true division (integers give the default float); 'trunc': rounded toward zero; 'floor': rounded down (integer dtypes are kept).
    """
def dot(input: Tensor, other: Tensor) -> Tensor:
    """
    Dot product of two 1-D tensors (a 0-D tensor).
    """
def dropout(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes elements with probability p and scales the others by 1/(1-p) when training (reproducible under rt.manual_seed).
    """
def dropout1d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    """
def dropout2d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    """
def dropout3d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    """
def einsum(equation: str, *args) -> Tensor:
    """
    Einstein summation: einsum('ij,jk->ik', a, b). Supports '...', repeated subscripts (diagonals) and implicit output.
    """
def embedding(input: Tensor, weight: Tensor, padding_idx: typing.SupportsInt | typing.SupportsIndex | None = None, max_norm: typing.SupportsFloat | typing.SupportsIndex | None = None, norm_type: typing.SupportsFloat | typing.SupportsIndex = 2.0, scale_grad_by_freq: builtins.bool = False, sparse: builtins.bool = False) -> Tensor:
    """
    Looks up rows of weight (num_embeddings, embedding_dim) at the int64 indices input (torch.nn.functional.embedding's argument order). The padding_idx row gets no gradient.
    """
def empty(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    empty(*size, dtype=None, device=None, requires_grad=False): a tensor with uninitialised contents.
    """
def empty_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    empty with input's shape and dtype.
    """
def eq(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input == other (bool result).
    """
def equal(input: Tensor, other: Tensor) -> builtins.bool:
    """
    True when both tensors have the same shape and values.
    """
def erf(input: Tensor) -> Tensor:
    """
    Elementwise Gauss error function.
    """
def erfc(input: Tensor) -> Tensor:
    """
    Elementwise complementary error function 1 - erf(x).
    """
def erfinv(input: Tensor) -> Tensor:
    """
    Inverse of erf on (-1, 1) (+-inf at +-1, NaN outside).
    """
def exp(input: Tensor) -> Tensor:
    """
    Elementwise e ** x.
    """
def exp2(input: Tensor) -> Tensor:
    """
    Elementwise 2 ** x.
    """
def expm1(input: Tensor) -> Tensor:
    """
    Elementwise e ** x - 1, accurate near 0.
    """
def eye(n: typing.Any, m: typing.Any = None, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    An n x m (default n x n) matrix with ones on the diagonal.
    """
def flatten(input: Tensor, start_dim: typing.SupportsInt | typing.SupportsIndex = 0, end_dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Merges dims start_dim..end_dim into one (a view when possible).
    """
def flip(input: Tensor, dims: typing.Any) -> Tensor:
    """
    A copy with the order of elements along dims reversed.
    """
def floor(input: Tensor) -> Tensor:
    """
    Elementwise largest integer <= x.
    """
def floor_divide(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise floor(input / other), like Python's //.
    """
def fmod(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise C fmod: the remainder has the sign of the dividend.
    """
def from_numpy(ndarray: typing.Any) -> Tensor:
    """
    A tensor sharing memory with a NumPy array.
    """
def full(size: typing.Any, fill_value: Number, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    A tensor filled with fill_value; the dtype follows fill_value (bool, int64 or the default float).
    """
def full_like(input: Tensor, fill_value: Number, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    full with input's shape and dtype.
    """
def gather(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, *, sparse_grad: builtins.bool = False) -> Tensor:
    """
    Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).
    """
def ge(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input >= other (bool result).
    """
def ger(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Alias of outer.
    """
def get_default_dtype() -> DType:
    """
    The default floating dtype (float32 unless changed).
    """
def get_num_threads() -> builtins.int:
    """
    The number of threads used by rustorch kernels and OpenBLAS.
    """
def group_norm(input: Tensor, num_groups: typing.SupportsInt | typing.SupportsIndex, weight: Tensor | None = None, bias: Tensor | None = None, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Group normalization of (N, C, *) over num_groups groups of channels.
    """
def gt(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input > other (bool result).
    """
def hstack(tensors: typing.Any) -> Tensor:
    """
    Concatenates along dim 1 (dim 0 for 1-D tensors).
    """
def imag(input: Tensor) -> Tensor:
    """
    The imaginary part of a complex tensor as a float view sharing its memory.
    """
def index_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any, source: Tensor, *, alpha: Number = 1) -> Tensor:
    """
    A copy of input with alpha * source added at `index` along dim.
    """
def index_put(input: Tensor, indices: typing.Any, values: typing.Any, accumulate: builtins.bool = False) -> Tensor:
    """
    A copy of input with input[indices] = values (or += with accumulate).
    """
def index_select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any) -> Tensor:
    """
    The entries at `index` (1-D int64) along dim.
    """
def initial_seed() -> builtins.int:
    """
    The seed the default generator was last seeded with.
    """
def inner(input: Tensor, other: Tensor) -> Tensor:
    """
    Sum of products over the last dims.
    """
def instance_norm(input: Tensor, running_mean: Tensor | None = None, running_var: Tensor | None = None, weight: Tensor | None = None, bias: Tensor | None = None, use_input_stats: builtins.bool = True, momentum: typing.SupportsFloat | typing.SupportsIndex = 0.1, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Instance normalization of each (sample, channel) plane.
    """
def interpolate(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None, mode: str = 'nearest', align_corners: builtins.bool | None = None, recompute_scale_factor: builtins.bool | None = None, antialias: builtins.bool = False) -> Tensor:
    """
    Resizes the spatial dims of (N, C, *spatial) to size or by scale_factor. mode: nearest, nearest-exact, linear, bilinear, trilinear or area.
    """
def is_complex(input: Tensor) -> builtins.bool:
    """
    True for complex64 and complex128 tensors.
    """
def is_grad_enabled() -> builtins.bool:
    """
    True unless gradient recording is off (rt.no_grad).
    """
def is_tensor(obj: typing.Any) -> builtins.bool:
    """
    True if obj is an rt.Tensor.
    """
def isclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> Tensor:
    """
    Elementwise |input - other| <= atol + rtol * |other| (bool result); same dtypes required.
    """
def isfinite(input: Tensor) -> Tensor:
    """
    Elementwise test for finite values (bool result).
    """
def isinf(input: Tensor) -> Tensor:
    """
    Elementwise test for +/-inf (bool result).
    """
def isnan(input: Tensor) -> Tensor:
    """
    Elementwise test for NaN (bool result).
    """
def isneginf(input: Tensor) -> Tensor:
    """
    Elementwise test for -inf (bool result).
    """
def isposinf(input: Tensor) -> Tensor:
    """
    Elementwise test for +inf (bool result).
    """
def layer_norm(input: Tensor, normalized_shape: typing.Any, weight: Tensor | None = None, bias: Tensor | None = None, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Layer normalization over the trailing dims given by normalized_shape.
    """
def le(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input <= other (bool result).
    """
def lgamma(input: Tensor) -> Tensor:
    """
    log|Gamma(x)| elementwise (gradient: digamma).
    """
def linspace(start: typing.Any, end: typing.Any, steps: typing.Any, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    steps values evenly spaced from start to end, both included.
    """
def log(input: Tensor) -> Tensor:
    """
    Elementwise natural logarithm.
    """
def log10(input: Tensor) -> Tensor:
    """
    Elementwise base-10 logarithm.
    """
def log1p(input: Tensor) -> Tensor:
    """
    Elementwise log(1 + x), accurate near 0.
    """
def log2(input: Tensor) -> Tensor:
    """
    Elementwise base-2 logarithm.
    """
def log_softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
    """
    x - logsumexp(x) along dim, computed stably (input cast to dtype first when given).
    """
def logical_and(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical AND of the truth values (bool result).
    """
def logical_not(input: Tensor) -> Tensor:
    """
    Elementwise logical NOT of the truth values (bool result).
    """
def logical_or(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical OR of the truth values (bool result).
    """
def logical_xor(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical XOR of the truth values (bool result).
    """
def logspace(start: typing.Any, end: typing.Any, steps: typing.Any, base: typing.SupportsFloat | typing.SupportsIndex = 10.0, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    steps values base**x for x evenly spaced from start to end, both included.
    """
def logsumexp(input: Tensor, dim: typing.Any, keepdim: builtins.bool = False) -> Tensor:
    """
    log(sum(exp(input))) over dim, computed stably.
    """
def lt(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input < other (bool result).
    """
def manual_seed(seed: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Seeds the default generator so random creation is reproducible.
    """
def masked_fill(input: Tensor, mask: typing.Any, value: typing.Any) -> Tensor:
    """
    A copy with value written where mask is true.
    """
def masked_select(input: Tensor, mask: typing.Any) -> Tensor:
    """
    A 1-D tensor of the elements where mask (broadcast) is true.
    """
def matmul(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Matrix product like torch.matmul: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, 1-D operands are promoted to a row/column and back, and batch dims broadcast.
    """
def max(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
    """
    Without dim: the largest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise maximum.
    """
def max_pool1d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 1 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    """
def max_pool1d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling returning (output, indices).
    """
def max_pool2d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 2 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    """
def max_pool2d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling returning (output, indices).
    """
def max_pool3d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 3 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    """
def max_pool3d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling returning (output, indices).
    """
def maximum(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise maximum; NaN propagates.
    """
def mean(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Mean over dim (int or tuple; all dims when None). Integer inputs need a floating dtype=.
    """
def min(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
    """
    Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise minimum.
    """
def minimum(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise minimum; NaN propagates.
    """
def mm(input: Tensor, mat2: Tensor) -> Tensor:
    """
    Product of two 2-D matrices.
    """
def moveaxis(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    Alias of movedim.
    """
def movedim(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    A view with dims moved.
    """
def mul(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise product, broadcast and type-promoted.
    """
def multinomial(input: Tensor, num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: builtins.bool = False, *, generator: typing.Any = None) -> Tensor:
    """
    Indices drawn from the rows of `input` (non-negative weights), with or without replacement.
    """
def mv(input: Tensor, vec: Tensor) -> Tensor:
    """
    Matrix-vector product.
    """
def narrow(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, start: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view of `length` elements along dim starting at start.
    """
def ne(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input != other (bool result).
    """
def neg(input: Tensor) -> Tensor:
    """
    Elementwise negation (not for bool tensors).
    """
def nll_loss(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, ignore_index: typing.SupportsInt | typing.SupportsIndex = -100, reduce: typing.Any = None, reduction: str = 'mean') -> Tensor:
    """
    Negative log likelihood of log-probabilities (N, C, *) at int64 class indices (N, *).
    """
def nonzero(input: Tensor, *, as_tuple: builtins.bool = False) -> typing.Any:
    """
    Coordinates of the non-zero elements.
    """
def norm(input: Tensor, p: typing.Any = 'fro', dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector p-norm over dim (all elements when None): p = 'fro' (2), any number, inf or -inf.
    """
def normal(mean: typing.Any = 0.0, std: typing.Any = 1.0, size: typing.Any = None, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    normal(mean, std, size) for numbers, or normal(mean, std) with tensors (broadcast): normal values.
    """
def one_hot(tensor: Tensor, num_classes: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    int64 one-hot encoding with a trailing dim of num_classes (max + 1 when -1).
    """
def ones(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    ones(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 1.
    """
def ones_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    ones with input's shape and dtype.
    """
def outer(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Outer product of two 1-D tensors.
    """
def pad(input: Tensor, pad: typing.Any, mode: str = 'constant', value: typing.SupportsFloat | typing.SupportsIndex | None = None) -> Tensor:
    """
    Pads the last len(pad) // 2 dims: pad = (left, right, top, bottom, ...); negative values crop. mode: 'constant', 'reflect', 'replicate' or 'circular'.
    """
def permute(input: Tensor, dims: typing.Any) -> Tensor:
    """
    A view with the dims reordered.
    """
def poisson(input: Tensor, generator: typing.Any = None) -> Tensor:
    """
    Poisson counts with rates `input`.
    """
def pow(input: typing.Any, exponent: typing.Any) -> Tensor:
    """
    Elementwise input ** exponent (tensor or number exponent).
    """
def prod(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.
    """
def promote_types(type1: DType, type2: DType) -> DType:
    """
    The smallest dtype both type1 and type2 can be cast to.
    """
def rand(*args, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    rand(*size, generator=None, dtype=None, ...): values uniform in [0, 1).
    """
def rand_like(input: Tensor, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    rand with input's shape and dtype.
    """
def randint(*args, low: typing.Any = None, high: typing.Any = None, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    randint(low=0, high, size, generator=None, dtype=int64): integers uniform in [low, high).
    """
def randint_like(input: Tensor, low_or_high: typing.Any, high: typing.Any = None, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    randint with input's shape and dtype: randint_like(input, high) or randint_like(input, low, high).
    """
def randn(*args, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    randn(*size, generator=None, dtype=None, ...): standard normal values.
    """
def randn_like(input: Tensor, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    randn with input's shape and dtype.
    """
def randperm(n: typing.Any, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    A random permutation of 0 .. n-1.
    """
def real(input: Tensor) -> Tensor:
    """
    The real part of a complex tensor as a float view sharing its memory (a real tensor is returned as is).
    """
def reciprocal(input: Tensor) -> Tensor:
    """
    Elementwise 1 / x (integers give the default float).
    """
def relu(input: Tensor) -> Tensor:
    """
    Elementwise max(x, 0).
    """
def remainder(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise remainder with the sign of the divisor, like Python's %.
    """
def reshape(input: Tensor, shape: typing.Any) -> Tensor:
    """
    input with another shape: a view when possible, else a copy.
    """
def result_type(tensor1: typing.Any, tensor2: typing.Any) -> DType:
    """
    The dtype PyTorch's type promotion gives an op on the two operands.
    """
def rnn_layer(input: Tensor, hx: Tensor, cx: Tensor | None, weight_ih: Tensor, weight_hh: Tensor, bias_ih: Tensor | None = None, bias_hh: Tensor | None = None, weight_hr: Tensor | None = None, mode: str = 'LSTM', reverse: builtins.bool = False, batch_sizes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = []) -> tuple:
    """
    One recurrent layer in one direction over a time-major input (T, B, input_size), run in C++ with fused gate kernels and a BPTT backward. mode: 'RNN_TANH', 'RNN_RELU', 'LSTM' (gates i, f, g, o) or 'GRU' (gates r, z, n). hx (B, P); cx (B, hidden_size) for LSTM; weight_ih (G*hidden, input_size); weight_hh (G*hidden, P); weight_hr (P, hidden) projects an LSTM's state (else P = hidden). batch_sizes: active sequences per step of a batch sorted by decreasing length (packed input). Returns (output (T, B, P), h_n) and, for LSTM, c_n.
    """
def round(input: Tensor, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Elementwise rounding half to even; decimals rounds to that many decimal places.
    """
def rsqrt(input: Tensor) -> Tensor:
    """
    Elementwise 1 / sqrt(x).
    """
def scatter(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
    """
    A copy of input with src (a tensor, or a number) written at index along dim: out[i][index[i][j]] = src[i][j] for dim=1.
    """
def scatter_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
    """
    A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.
    """
def seed() -> builtins.int:
    """
    Seeds the default generator from a nondeterministic source and returns the seed.
    """
def select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view of one index along dim.
    """
def select_scatter(input: Tensor, src: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A copy of input with input.select(dim, index) replaced by src.
    """
def set_default_dtype(d: DType) -> None:
    """
    Sets the default floating dtype used for Python floats (float32 or float64).
    """
def set_num_threads(n: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Sets the number of threads used by rustorch kernels and OpenBLAS together.
    """
def sigmoid(input: Tensor) -> Tensor:
    """
    Elementwise logistic sigmoid 1 / (1 + exp(-x)).
    """
def sign(input: Tensor) -> Tensor:
    """
    Elementwise sign: -1, 0 or 1 (0 for NaN).
    """
def sin(input: Tensor) -> Tensor:
    """
    Elementwise sine.
    """
def sinh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic sine.
    """
def slice_scatter(input: Tensor, src: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = 0, start: typing.SupportsInt | typing.SupportsIndex | None = None, end: typing.SupportsInt | typing.SupportsIndex | None = None, step: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    A copy of input with input[start:end:step] along dim replaced by src.
    """
def softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
    """
    exp(x) / sum(exp(x)) along dim, computed stably (input cast to dtype first when given).
    """
def sort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> typing.Any:
    """
    (values, indices) sorted along dim (stable; NaN sorts as the largest value).
    """
def special_gammainc(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Regularized lower incomplete gamma function P(a, x) (torch.special.gammainc); differentiable in x.
    """
def split(tensor: Tensor, split_size_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
    """
    Views of split_size elements along dim (an int), or of the given sizes (a list).
    """
def sqrt(input: Tensor) -> Tensor:
    """
    Elementwise square root.
    """
def square(input: Tensor) -> Tensor:
    """
    Elementwise x * x.
    """
def squeeze(input: Tensor, dim: typing.Any = None) -> Tensor:
    """
    A view without size-1 dims.
    """
def stack(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Stacks equal-shaped tensors along a new dim.
    """
def std(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
    """
    Standard deviation over dim (sqrt of var; correction=1 by default; unbiased=False means 0).
    """
def sub(input: typing.Any, other: typing.Any, *, alpha: Number = 1) -> Tensor:
    """
    input - alpha * other, broadcast and type-promoted.
    """
def sum(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Sum over dim (int or tuple; all dims when None). bool/int inputs sum in int64 unless dtype is given.
    """
def swapaxes(input: Tensor, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Alias of transpose.
    """
def swapdims(input: Tensor, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Alias of transpose.
    """
def t(input: Tensor) -> Tensor:
    """
    The transpose of a matrix (a view).
    """
def take(input: Tensor, index: typing.Any) -> Tensor:
    """
    The elements of the flattened input at `index`.
    """
def tan(input: Tensor) -> Tensor:
    """
    Elementwise tangent.
    """
def tanh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic tangent.
    """
def tensor(data: typing.Any, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    Creates a new tensor (a copy) from a number, nested lists/tuples, a NumPy array or a tensor.
    """
def tensor_split(input: Tensor, indices_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
    """
    Views split into n nearly equal sections (an int) or at the given indices (a list).
    """
def tile(input: Tensor, dims: typing.Any) -> Tensor:
    """
    input tiled along each dim (a copy).
    """
def topk(input: Tensor, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, largest: builtins.bool = True, sorted: builtins.bool = True) -> typing.Any:
    """
    (values, indices) of the k largest (largest=False: smallest) elements along dim, in sorted order.
    """
def transpose(input: Tensor, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view with two dims swapped.
    """
def trunc(input: Tensor) -> Tensor:
    """
    Elementwise rounding toward zero.
    """
def unbind(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    A tuple of views, one per index along dim.
    """
def unflatten(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, sizes: typing.Any) -> Tensor:
    """
    Splits dim into the given sizes (a view).
    """
def unsqueeze(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view with a size-1 dim inserted.
    """
def upsample(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None, mode: str = 'nearest', align_corners: builtins.bool | None = None) -> Tensor:
    """
    Same as interpolate (deprecated name).
    """
def upsample_bilinear(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None) -> Tensor:
    """
    interpolate(..., mode='bilinear', align_corners=True).
    """
def upsample_nearest(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None) -> Tensor:
    """
    interpolate(..., mode='nearest').
    """
def var(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
    """
    Variance over dim, divided by N - correction (correction=1 by default; unbiased=False means 0).
    """
def view_as_complex(input: Tensor) -> Tensor:
    """
    A float tensor whose last dim has size 2 and stride 1 viewed as a complex tensor without it.
    """
def view_as_real(input: Tensor) -> Tensor:
    """
    A complex tensor of shape S viewed as a float tensor of shape S + (2,) (real, imaginary).
    """
def vstack(tensors: typing.Any) -> Tensor:
    """
    Concatenates along dim 0, 1-D tensors taken as rows.
    """
def where(condition: Tensor, input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise condition ? input : other, broadcast; input and other may be numbers.
    """
def zeros(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    zeros(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 0.
    """
def zeros_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    zeros with input's shape and dtype.
    """
bool: dtype
cdouble: dtype
cfloat: dtype
complex128: dtype
complex64: dtype
default_generator: Generator
double: dtype
float: dtype
float32: dtype
float64: dtype
int64: dtype
long: dtype
multiply = mul
subtract = sub
divide = div
true_divide = div
absolute = abs
negative = neg

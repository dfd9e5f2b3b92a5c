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
    
    Pass it as ``generator=`` to the random functions to draw from it instead of the default generator
    (``rt.default_generator``). ``manual_seed`` returns the generator, so it chains.
    
    Args:
        device (str or device): the generator's device: ``'cpu'`` (anything else raises ValueError, as the
            creation functions do). Default: ``'cpu'``.
    
    Example:
        >>> g = rt.Generator().manual_seed(0)
        >>> a = rt.rand(3, generator=g)
        >>> _ = g.manual_seed(0)
        >>> bool((rt.rand(3, generator=g) == a).all())
        True
        >>> g.initial_seed()
        0
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
    The element type of a tensor (rt.float32, rt.float64, rt.int64, rt.bool, rt.complex64,
    rt.complex128).
    
    The dtype objects are module attributes (``rt.float32``; aliases ``rt.float``, ``rt.double``, ``rt.long``,
    ``rt.cfloat``, ``rt.cdouble``); the class is not called directly.
    
    Example:
        >>> rt.float32
        rustorch.float32
        >>> rt.zeros(2, dtype=rt.int64).dtype
        rustorch.int64
        >>> rt.float64.is_floating_point, rt.float64.itemsize
        (True, 8)
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
    
    Args:
        type (str): the device name: ``'cpu'`` or ``'cpu:0'`` (anything else raises ValueError).
    
    Example:
        >>> d = rt.device('cpu')
        >>> d.type, str(d)
        ('cpu', 'cpu')
        >>> rt.zeros(2).device == d
        True
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
    
    Tensors are usually made with ``rt.tensor``, ``rt.zeros``, ``rt.arange``, ... . Calling the class
    directly, as ``torch.Tensor`` does, copies data as the default float dtype, makes an uninitialised tensor
    of the given sizes, or an empty one with no arguments.
    
    Args:
        *args: nothing (an empty 1-D tensor), ints (the sizes of an uninitialised tensor of the default float
            dtype), one data argument (a number, nested lists/tuples or a NumPy array) copied as the default
            float dtype, or one tensor, returned detached (sharing its memory and keeping its dtype).
    
    Example:
        >>> x = rt.Tensor([1, 2])
        >>> x.dtype, x.tolist()
        (rustorch.float32, [1.0, 2.0])
        >>> rt.Tensor(2, 3).shape
        (2, 3)
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> x.sum(dim=0).tolist()
        [4.0, 6.0]
        >>> x.T
        tensor([[1., 3.],
                [2., 4.]])
    """
    __array_priority__: typing.ClassVar[builtins.int] = 1000
    @staticmethod
    def absolute(*args, **kwargs):
        """
        abs(self: Tensor) -> Tensor
        
        Elementwise absolute value.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.abs(rt.tensor([[-1.5, 0.], [2., -3.]]))
            tensor([[1.5000, 0.0000],
                    [2.0000, 3.0000]])
        """
    @staticmethod
    def divide(*args, **kwargs):
        """
        div(self: Tensor, other: object, *, rounding_mode: str | None = None) -> Tensor
        
        input / other. rounding_mode=None: true division (integers give the default float); 'trunc': rounded toward zero; 'floor': rounded down (integer dtypes are kept).
        
        Args:
            input (Tensor or Number): the dividend.
            other (Tensor or Number): the divisor, broadcast against ``input``.
            rounding_mode (str, optional): keyword-only; None, ``'trunc'`` or ``'floor'``. Default: None.
        
        Returns:
            Tensor: the quotients, of the broadcast shape.
        
        Example:
            >>> rt.div(rt.tensor([7., -7.]), 2).tolist()
            [3.5, -3.5]
            >>> rt.div(rt.tensor([7, -7]), 2).tolist()
            [3.5, -3.5]
            >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='trunc').tolist()
            [3, -3]
            >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='floor').tolist()
            [3, -4]
        """
    @staticmethod
    def multiply(*args, **kwargs):
        """
        mul(self: Tensor, other: object) -> Tensor
        
        Elementwise product, broadcast and type-promoted.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.mul(rt.tensor([1., 2., 3.]), rt.tensor([2., 2., 0.5])).tolist()
            [2.0, 4.0, 1.5]
            >>> rt.mul(rt.tensor([1, 2]), 1.5).tolist()
            [1.5, 3.0]
        """
    @staticmethod
    def negative(*args, **kwargs):
        """
        neg(self: Tensor) -> Tensor
        
        Elementwise negation (not for bool tensors).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.neg(rt.tensor([[1., -2.], [0.5, 3.]]))
            tensor([[-1.0000,  2.0000],
                    [-0.5000, -3.0000]])
        """
    @staticmethod
    def subtract(*args, **kwargs):
        """
        sub(self: Tensor, other: object, *, alpha: Number = 1) -> Tensor
        
        input - alpha * other, broadcast and type-promoted.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the tensor or number to subtract, broadcast against ``input``.
            alpha (Number): keyword-only multiplier of ``other``. Default: 1.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.sub(rt.tensor([5., 7.]), rt.tensor([1., 2.])).tolist()
            [4.0, 5.0]
            >>> rt.sub(rt.tensor([5, 7]), rt.tensor([1, 2]), alpha=2).tolist()
            [3, 3]
            >>> rt.sub(10, rt.tensor([1, 2])).tolist()
            [9, 8]
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.abs(rt.tensor([[-1.5, 0.], [2., -3.]]))
            tensor([[1.5000, 0.0000],
                    [2.0000, 3.0000]])
        """
    def abs_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def acos(self) -> Tensor:
        """
        Elementwise arccosine.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.acos(rt.tensor([[1., 0.5], [0., -1.]]))
            tensor([[0.0000, 1.0472],
                    [1.5708, 3.1416]])
        """
    def acos_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def add(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        input + alpha * other, broadcast and type-promoted.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the tensor or number to add, broadcast against ``input``.
            alpha (Number): keyword-only multiplier of ``other``. Default: 1.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.add(rt.tensor([1., 2.]), rt.tensor([10., 20.])).tolist()
            [11.0, 22.0]
            >>> rt.add(rt.tensor([1, 2]), 3, alpha=2).tolist()
            [7, 8]
            >>> rt.add(rt.tensor([1, 2]), 0.5).tolist()
            [1.5, 2.5]
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
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
        
        Returns:
            Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1, 0], [2, 3]])
            >>> rt.all(x).item()
            False
            >>> rt.all(x, dim=1).tolist()
            [False, True]
        """
    def allclose(self, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> builtins.bool:
        """
        True when isclose holds for every element.
        
        Args:
            input (Tensor): the first tensor.
            other (Tensor): the second tensor, broadcast against ``input`` (same dtype).
            rtol (float): the relative tolerance. Default: 1e-05.
            atol (float): the absolute tolerance. Default: 1e-08.
            equal_nan (bool): count two NaNs as close. Default: False.
        
        Returns:
            bool: whether every element is close.
        
        Example:
            >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.000001, 2.]))
            True
            >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]))
            False
            >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]), atol=0.2)
            True
        """
    def amax(self, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
        """
        Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().
            keepdim (bool): keep the reduced dims with size 1. Default: False.
        
        Returns:
            Tensor: the largest values, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 5.], [4., 2.]])
            >>> rt.amax(x).item()
            5.0
            >>> rt.amax(x, dim=0).tolist()
            [4.0, 5.0]
            >>> rt.amax(x, dim=(0, 1), keepdim=True).tolist()
            [[5.0]]
        """
    def amin(self, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
        """
        Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().
            keepdim (bool): keep the reduced dims with size 1. Default: False.
        
        Returns:
            Tensor: the smallest values, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 5.], [4., 2.]])
            >>> rt.amin(x).item()
            1.0
            >>> rt.amin(x, dim=1).tolist()
            [1.0, 2.0]
        """
    def angle(self) -> Tensor:
        """
        See rt.angle.
        """
    def any(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Whether any element over dim is nonzero (bool result; all dims when None).
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
        
        Returns:
            Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[0, 0], [2, 0]])
            >>> rt.any(x).item()
            True
            >>> rt.any(x, dim=1).tolist()
            [False, True]
            >>> rt.any(x, dim=0, keepdim=True).tolist()
            [[True, False]]
        """
    def argmax(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Index of the first largest element along dim (of the flattened tensor when dim is None).
        
        Args:
            input (Tensor): the input tensor.
            dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.
            keepdim (bool): keep the reduced dim with size 1. Default: False.
        
        Returns:
            Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])
            >>> rt.argmax(x).item()
            1
            >>> rt.argmax(x, dim=1).tolist()
            [1, 0]
            >>> rt.argmax(x, dim=1, keepdim=True)
            tensor([[1],
                    [0]])
        """
    def argmin(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
        """
        Index of the first smallest element along dim (of the flattened tensor when dim is None).
        
        Args:
            input (Tensor): the input tensor.
            dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.
            keepdim (bool): keep the reduced dim with size 1. Default: False.
        
        Returns:
            Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])
            >>> rt.argmin(x).item()
            5
            >>> rt.argmin(x, dim=0).tolist()
            [0, 1, 1]
        """
    def argsort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> Tensor:
        """
        Indices that sort input along dim (stable).
        
        Args:
            input (Tensor): the input tensor.
            dim (int): the dim to sort along. Default: -1.
            descending (bool): sort from largest to smallest. Default: False.
            stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: False.
        
        Returns:
            Tensor: the int64 indices, of ``input``'s shape.
        
        Example:
            >>> x = rt.tensor([3., 1., 2., 1.])
            >>> rt.argsort(x).tolist()
            [1, 3, 2, 0]
            >>> rt.argsort(x, descending=True).tolist()
            [0, 2, 1, 3]
            >>> rt.argsort(rt.tensor([[3, 1], [0, 5]]), dim=0)
            tensor([[1, 0],
                    [0, 1]])
        """
    def asin(self) -> Tensor:
        """
        Elementwise arcsine.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.asin(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[ 0.0000,  0.5236],
                    [ 1.5708, -1.5708]])
        """
    def asin_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def atan(self) -> Tensor:
        """
        Elementwise arctangent.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.atan(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[ 0.0000,  0.4636],
                    [ 0.7854, -0.7854]])
        """
    def atan2(self, other: typing.Any) -> Tensor:
        """
        Elementwise atan2(input, other), the angle of (other, input).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.atan2(rt.tensor([[1., 1.], [-1., 0.]]), rt.tensor([[1., -1.], [0., 1.]]))
            tensor([[ 0.7854,  2.3562],
                    [-1.5708,  0.0000]])
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
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.bitwise_and(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
            [8, 2]
            >>> rt.bitwise_and(rt.tensor([True, False]), True).tolist()
            [True, False]
        """
    def bitwise_and_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_not(self) -> Tensor:
        """
        Elementwise bitwise NOT of bool or integer tensors (the ~ operator).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.bitwise_not(rt.tensor([[0, 5], [-1, 2]]))
            tensor([[-1, -6],
                    [ 0, -3]])
            >>> rt.bitwise_not(rt.tensor([True, False])).tolist()
            [False, True]
        """
    def bitwise_not_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_or(self, other: typing.Any) -> Tensor:
        """
        Elementwise bitwise OR of bool or integer tensors (the | operator).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.bitwise_or(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
            [14, 14]
        """
    def bitwise_or_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def bitwise_xor(self, other: typing.Any) -> Tensor:
        """
        Elementwise bitwise XOR of bool or integer tensors (the ^ operator).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.bitwise_xor(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
            [6, 12]
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.ceil(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
            tensor([[-1.,  1.],
                    [ 2.,  3.]])
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
        
        Args:
            input (Tensor): the input tensor.
            min (Number or Tensor, optional): the lower bound (broadcast when a tensor); none when None. Default: None.
            max (Number or Tensor, optional): the upper bound (broadcast when a tensor); none when None. Default: None.
        
        Returns:
            Tensor: the clamped values (broadcast against tensor bounds).
        
        Example:
            >>> x = rt.tensor([-2., 0.5, 3.])
            >>> rt.clamp(x, min=-1., max=1.).tolist()
            [-1.0, 0.5, 1.0]
            >>> rt.clamp(x, max=0.).tolist()
            [-2.0, 0.0, 0.0]
            >>> rt.clamp(x, min=rt.tensor([0., 1., 2.])).tolist()
            [0.0, 1.0, 3.0]
        """
    def clamp_(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        In-place version of clamp.
        """
    def clamp_max(self, max: typing.Any) -> Tensor:
        """
        Elementwise min(input, max); max is a number or a tensor.
        
        Args:
            input (Tensor): the input tensor.
            max (Number or Tensor): the upper bound (broadcast when a tensor).
        
        Returns:
            Tensor: the clamped values (broadcast against tensor bounds).
        
        Example:
            >>> rt.clamp_max(rt.tensor([-2., 0.5, 3.]), 1.).tolist()
            [-2.0, 0.5, 1.0]
        """
    def clamp_max_(self, max: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def clamp_min(self, min: typing.Any) -> Tensor:
        """
        Elementwise max(input, min); min is a number or a tensor.
        
        Args:
            input (Tensor): the input tensor.
            min (Number or Tensor): the lower bound (broadcast when a tensor).
        
        Returns:
            Tensor: the clamped values (broadcast against tensor bounds).
        
        Example:
            >>> rt.clamp_min(rt.tensor([-2., 0.5, 3.]), 0.).tolist()
            [0.0, 0.5, 3.0]
        """
    def clamp_min_(self, min: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def clip(self, min: typing.Any = None, max: typing.Any = None) -> Tensor:
        """
        Clamps input into [min, max]; each bound a number, a tensor or None (not both None). An alias of ``clamp``.
        
        Args:
            input (Tensor): the input tensor.
            min (Number or Tensor, optional): the lower bound (broadcast when a tensor); none when None. Default: None.
            max (Number or Tensor, optional): the upper bound (broadcast when a tensor); none when None. Default: None.
        
        Returns:
            Tensor: the clamped values (broadcast against tensor bounds).
        
        Example:
            >>> rt.clip(rt.tensor([-2., 0.5, 3.]), -1, 1).tolist()
            [-1.0, 0.5, 1.0]
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.cos(rt.tensor([[0., 0.5], [3.1415927, -1.]]))
            tensor([[ 1.0000,  0.8776],
                    [-1.0000,  0.5403]])
        """
    def cos_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def cosh(self) -> Tensor:
        """
        Elementwise hyperbolic cosine.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.cosh(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[1.0000, 1.1276],
                    [1.5431, 1.5431]])
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
        
        Args:
            input (Tensor): the input tensor.
            dim (int): the dim to scan.
            dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
        
        Returns:
            Tensor: the running products, of ``input``'s shape.
        
        Example:
            >>> rt.cumprod(rt.tensor([1., 2., 3., 4.]), dim=0).tolist()
            [1.0, 2.0, 6.0, 24.0]
            >>> rt.cumprod(rt.tensor([[1, 2], [3, 4]]), dim=1)
            tensor([[ 1,  2],
                    [ 3, 12]])
        """
    def cumsum(self, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
        """
        Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).
        
        Args:
            input (Tensor): the input tensor.
            dim (int): the dim to scan.
            dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
        
        Returns:
            Tensor: the running sums, of ``input``'s shape.
        
        Example:
            >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
            >>> rt.cumsum(x, dim=1)
            tensor([[ 1,  3,  6],
                    [ 4,  9, 15]])
            >>> rt.cumsum(x, dim=0, dtype=rt.float32)
            tensor([[1., 2., 3.],
                    [5., 7., 9.]])
            >>> rt.cumsum(rt.tensor([True, False, True]), 0).tolist()
            [1, 1, 2]
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
        
        Args:
            input (Tensor or Number): the dividend.
            other (Tensor or Number): the divisor, broadcast against ``input``.
            rounding_mode (str, optional): keyword-only; None, ``'trunc'`` or ``'floor'``. Default: None.
        
        Returns:
            Tensor: the quotients, of the broadcast shape.
        
        Example:
            >>> rt.div(rt.tensor([7., -7.]), 2).tolist()
            [3.5, -3.5]
            >>> rt.div(rt.tensor([7, -7]), 2).tolist()
            [3.5, -3.5]
            >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='trunc').tolist()
            [3, -3]
            >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='floor').tolist()
            [3, -4]
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
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.eq(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()
            [True, False, True]
            >>> rt.eq(rt.tensor([[1., 2.], [2., 3.]]), 2)
            tensor([[False,  True],
                    [ True, False]])
        """
    def equal(self, other: Tensor) -> builtins.bool:
        """
        True when both tensors have the same shape and values.
        
        Args:
            input (Tensor): the first tensor.
            other (Tensor): the second tensor.
        
        Returns:
            bool: whether the shapes and all values are equal.
        
        Example:
            >>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 2]))
            True
            >>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 3]))
            False
            >>> rt.equal(rt.tensor([1, 2]), rt.tensor([[1, 2]]))
            False
        """
    def erf(self) -> Tensor:
        """
        Elementwise Gauss error function.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.erf(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[ 0.0000,  0.5205],
                    [ 0.8427, -0.8427]])
        """
    def erf_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def erfc(self) -> Tensor:
        """
        Elementwise complementary error function 1 - erf(x).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.erfc(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[1.0000, 0.4795],
                    [0.1573, 1.8427]])
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.exp(rt.tensor([[0., 1.], [2., -1.]]))
            tensor([[1.0000, 2.7183],
                    [7.3891, 0.3679]])
        """
    def exp2(self) -> Tensor:
        """
        Elementwise 2 ** x.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.exp2(rt.tensor([[0., 1.], [3., -1.]]))
            tensor([[1.0000, 2.0000],
                    [8.0000, 0.5000]])
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.expm1(rt.tensor([[0., 1e-10], [1., -1.]]))
            tensor([[ 0.0000e+00,  1.0000e-10],
                    [ 1.7183e+00, -6.3212e-01]])
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.floor(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
            tensor([[-2.,  0.],
                    [ 2.,  2.]])
        """
    def floor_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def floor_divide(self, other: typing.Any) -> Tensor:
        """
        Elementwise floor(input / other), like Python's //.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.floor_divide(rt.tensor([7, -7]), 2).tolist()
            [3, -4]
            >>> rt.floor_divide(rt.tensor([7.5, -7.5]), 2).tolist()
            [3.0, -4.0]
        """
    def floor_divide_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def fmod(self, other: typing.Any) -> Tensor:
        """
        Elementwise C fmod: the remainder has the sign of the dividend.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.fmod(rt.tensor([7, -7]), 3).tolist()
            [1, -1]
            >>> rt.fmod(rt.tensor([5.5, -5.5]), 2).tolist()
            [1.5, -1.5]
        """
    def fmod_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def gather(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, *, sparse_grad: builtins.bool = False) -> Tensor:
        """
        Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).
        
        Args:
            input (Tensor): the source tensor.
            dim (int): the dim to index along.
            index (Tensor): int64 indices, with ``input``'s number of dims.
            sparse_grad (bool): keyword-only; must be False (sparse gradients are not supported). Default: False.
        
        Returns:
            Tensor: the gathered values, of ``index``'s shape.
        
        Example:
            >>> x = rt.tensor([[1., 2., 3.], [4., 5., 6.]])
            >>> rt.gather(x, 1, rt.tensor([[2, 0], [1, 1]]))
            tensor([[3., 1.],
                    [5., 5.]])
            >>> rt.gather(x, 0, rt.tensor([[1, 0, 1]])).tolist()
            [[4.0, 2.0, 6.0]]
        """
    def ge(self, other: typing.Any) -> Tensor:
        """
        Elementwise input >= other (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.ge(rt.tensor([[1, 2], [3, 4]]), rt.tensor([2, 2]))
            tensor([[False,  True],
                    [ True,  True]])
        """
    def gt(self, other: typing.Any) -> Tensor:
        """
        Elementwise input > other (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.gt(rt.tensor([1, 2, 3]), 2).tolist()
            [False, False, True]
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
        
        Args:
            input (Tensor): the first tensor.
            other (Tensor): the second tensor, broadcast against ``input`` (same dtype).
            rtol (float): the relative tolerance. Default: 1e-05.
            atol (float): the absolute tolerance. Default: 1e-08.
            equal_nan (bool): count two NaNs as close. Default: False.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.isclose(rt.tensor([1., 2., float('nan')]), rt.tensor([1.000001, 2.1, float('nan')])).tolist()
            [True, False, False]
            >>> rt.isclose(rt.tensor([float('nan')]), rt.tensor([float('nan')]), equal_nan=True).tolist()
            [True]
        """
    def isfinite(self) -> Tensor:
        """
        Elementwise test for finite values (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.isfinite(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
            tensor([[ True, False],
                    [False, False]])
        """
    def isinf(self) -> Tensor:
        """
        Elementwise test for +/-inf (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.isinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
            tensor([[False,  True],
                    [ True, False]])
        """
    def isnan(self) -> Tensor:
        """
        Elementwise test for NaN (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.isnan(rt.tensor([[1., float('nan')], [float('inf'), 0.]]))
            tensor([[False,  True],
                    [False, False]])
        """
    def isneginf(self) -> Tensor:
        """
        Elementwise test for -inf (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.isneginf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
            tensor([[False, False],
                    [ True, False]])
        """
    def isposinf(self) -> Tensor:
        """
        Elementwise test for +inf (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.isposinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
            tensor([[False,  True],
                    [False, False]])
        """
    def item(self) -> Number:
        """
        The value of a one-element tensor as a Python number.
        """
    def le(self, other: typing.Any) -> Tensor:
        """
        Elementwise input <= other (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.le(rt.tensor([1, 2, 3]), 2).tolist()
            [True, True, False]
        """
    def lgamma(self) -> Tensor:
        """
        log|Gamma(x)| elementwise (gradient: digamma).
        """
    def log(self) -> Tensor:
        """
        Elementwise natural logarithm.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.log(rt.tensor([[1., 2.], [10., 0.5]]))
            tensor([[ 0.0000,  0.6931],
                    [ 2.3026, -0.6931]])
        """
    def log10(self) -> Tensor:
        """
        Elementwise base-10 logarithm.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.log10(rt.tensor([[1., 10.], [100., 2.]]))
            tensor([[0.0000, 1.0000],
                    [2.0000, 0.3010]])
        """
    def log10_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log1p(self) -> Tensor:
        """
        Elementwise log(1 + x), accurate near 0.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.log1p(rt.tensor([[0., 1e-10], [1., -0.5]]))
            tensor([[ 0.0000e+00,  1.0000e-10],
                    [ 6.9315e-01, -6.9315e-01]])
        """
    def log1p_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def log2(self) -> Tensor:
        """
        Elementwise base-2 logarithm.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.log2(rt.tensor([[1., 2.], [8., 0.5]]))
            tensor([[ 0.,  1.],
                    [ 3., -1.]])
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
        
        Args:
            input (Tensor): a floating-point tensor (an integer one needs ``dtype``).
            dim (int): the dim along which to normalise.
            dtype (dtype, optional): the dtype to cast the input to first. Default: None.
        
        Returns:
            Tensor: the log-probabilities, of ``input``'s shape.
        
        Example:
            >>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])
            >>> rt.log_softmax(x, dim=1)
            tensor([[-2.4076, -1.4076, -0.4076],
                    [-1.0986, -1.0986, -1.0986]])
        """
    def logical_and(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical AND of the truth values (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.logical_and(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()
            [True, False, False]
            >>> rt.logical_and(rt.tensor([0., 1., 2.]), rt.tensor([1., 1., 0.])).tolist()
            [False, True, False]
        """
    def logical_and_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_not(self) -> Tensor:
        """
        Elementwise logical NOT of the truth values (bool result).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a bool tensor of ``input``'s shape.
        
        Example:
            >>> rt.logical_not(rt.tensor([[0., 1.5], [-2., 0.]]))
            tensor([[ True, False],
                    [False,  True]])
        """
    def logical_not_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_or(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical OR of the truth values (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.logical_or(rt.tensor([True, False, False]), rt.tensor([False, False, True])).tolist()
            [True, False, True]
        """
    def logical_or_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logical_xor(self, other: typing.Any) -> Tensor:
        """
        Elementwise logical XOR of the truth values (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.logical_xor(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()
            [False, True, False]
        """
    def logical_xor_(self, other: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def logsumexp(self, dim: typing.Any, keepdim: builtins.bool = False) -> Tensor:
        """
        log(sum(exp(input))) over dim, computed stably.
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints): the dims to reduce.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
        
        Returns:
            Tensor: the results, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[0., 0.], [1000., 1000.]])
            >>> rt.logsumexp(x, dim=1, keepdim=True)
            tensor([[6.9315e-01],
                    [1.0007e+03]])
            >>> round(rt.logsumexp(rt.tensor([1., 2., 3.]), dim=0).item(), 4)
            3.4076
        """
    def long(self) -> Tensor:
        """
        The tensor as int64 (itself when it already is).
        """
    def lt(self, other: typing.Any) -> Tensor:
        """
        Elementwise input < other (bool result).
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.lt(rt.tensor([1, 2, 3]), 2).tolist()
            [True, False, False]
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
        
        Args:
            input (Tensor): the input tensor.
            dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.
            keepdim (bool): keep the reduced dim with size 1. Default: False.
        
        Returns:
            Tensor or rt.return_types.max: the largest element (no dim), the named tuple (values, indices) (with dim), or the elementwise maximum (with a tensor).
        
        Example:
            >>> x = rt.tensor([[1., 5.], [4., 2.]])
            >>> rt.max(x).item()
            5.0
            >>> values, indices = rt.max(x, dim=1)
            >>> values.tolist()
            [5.0, 4.0]
            >>> indices.tolist()
            [1, 0]
            >>> rt.max(x, 0, keepdim=True).indices.tolist()
            [[1, 0]]
            >>> rt.max(x, rt.tensor([3., 3.]))
            tensor([[3., 5.],
                    [4., 3.]])
        """
    def maximum(self, other: typing.Any) -> Tensor:
        """
        Elementwise maximum; NaN propagates.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.maximum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()
            [4.0, 5.0, 3.0]
            >>> rt.maximum(rt.tensor([[1., 5.], [-1., 0.]]), rt.tensor([0., 2.]))
            tensor([[1., 5.],
                    [0., 2.]])
        """
    def mean(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Mean over dim (int or tuple; all dims when None). Integer inputs need a floating dtype=.
        
        Args:
            input (Tensor): the tensor to reduce.
            dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.
        
        Returns:
            Tensor: the means, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 2.], [3., 4.]])
            >>> rt.mean(x).item()
            2.5
            >>> rt.mean(x, dim=0).tolist()
            [2.0, 3.0]
            >>> x.mean((0, 1), keepdim=True).tolist()
            [[2.5]]
            >>> rt.mean(rt.tensor([1, 2]), dtype=rt.float64).item()
            1.5
        """
    def min(self, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
        """
        Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise minimum.
        
        Args:
            input (Tensor): the input tensor.
            dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.
            keepdim (bool): keep the reduced dim with size 1. Default: False.
        
        Returns:
            Tensor or rt.return_types.min: the smallest element (no dim), the named tuple (values, indices) (with dim), or the elementwise minimum (with a tensor).
        
        Example:
            >>> x = rt.tensor([[1., 5.], [4., 2.]])
            >>> rt.min(x).item()
            1.0
            >>> values, indices = rt.min(x, dim=1)
            >>> values.tolist()
            [1.0, 2.0]
            >>> indices.tolist()
            [0, 1]
            >>> rt.min(x, rt.tensor([3., 3.]))
            tensor([[1., 3.],
                    [3., 2.]])
        """
    def minimum(self, other: typing.Any) -> Tensor:
        """
        Elementwise minimum; NaN propagates.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.minimum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()
            [1.0, 2.0, 3.0]
            >>> rt.minimum(rt.tensor([1., float('nan')]), rt.tensor([0., 1.])).tolist()
            [0.0, nan]
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
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.mul(rt.tensor([1., 2., 3.]), rt.tensor([2., 2., 0.5])).tolist()
            [2.0, 4.0, 1.5]
            >>> rt.mul(rt.tensor([1, 2]), 1.5).tolist()
            [1.5, 3.0]
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
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: a bool tensor of the broadcast shape.
        
        Example:
            >>> rt.ne(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()
            [False, True, False]
        """
    def neg(self) -> Tensor:
        """
        Elementwise negation (not for bool tensors).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.neg(rt.tensor([[1., -2.], [0.5, 3.]]))
            tensor([[-1.0000,  2.0000],
                    [-0.5000, -3.0000]])
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
        
        Args:
            input (Tensor): the input tensor.
            p (Number or str): the order: ``'fro'`` (2), any number, ``inf`` or ``-inf``. Default: ``'fro'``.
            dim (int or tuple of ints, optional): the dims to reduce; all elements when None. Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            dtype (dtype, optional): keyword-only computation and result dtype. Default: None.
        
        Returns:
            Tensor: the norms, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[3., 4.], [-6., 8.]])
            >>> round(rt.norm(x).item(), 4)
            11.1803
            >>> rt.norm(x, dim=1).tolist()
            [5.0, 10.0]
            >>> rt.norm(x, p=1, dim=0).tolist()
            [9.0, 12.0]
            >>> rt.norm(x, p=float('inf')).item()
            8.0
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
        
        Args:
            input (Tensor or Number): the base.
            exponent (Tensor or Number): the exponent, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.pow(rt.tensor([1., 2., 3.]), 2).tolist()
            [1.0, 4.0, 9.0]
            >>> rt.pow(2, rt.tensor([1, 2, 3])).tolist()
            [2, 4, 8]
            >>> rt.pow(rt.tensor([[4., 9.], [2., 3.]]), rt.tensor([0.5, 2.]))
            tensor([[ 2.0000, 81.0000],
                    [ 1.4142,  9.0000]])
        """
    def pow_(self, exponent: typing.Any) -> Tensor:
        """
        In-place version of the op.
        """
    def prod(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.
        
        Args:
            input (Tensor): the input tensor.
            dim (int, optional): the dim to reduce; all elements when None. Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
        
        Returns:
            Tensor: the products, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 2.], [3., 4.]])
            >>> rt.prod(x).item()
            24.0
            >>> rt.prod(x, dim=0).tolist()
            [3.0, 8.0]
            >>> rt.prod(x, 1, keepdim=True)
            tensor([[ 2.],
                    [12.]])
            >>> rt.prod(rt.tensor([2, 3]), dtype=rt.float64).item()
            6.0
        """
    def random_(self, from_: typing.Any = None, to: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
        """
        Fills the tensor with integers uniform in [from, to) (to defaults to the dtype's exact-integer limit).
        """
    def reciprocal(self) -> Tensor:
        """
        Elementwise 1 / x (integers give the default float).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.reciprocal(rt.tensor([[1., 2.], [4., -0.5]]))
            tensor([[ 1.0000,  0.5000],
                    [ 0.2500, -2.0000]])
            >>> rt.reciprocal(rt.tensor([1, 2])).dtype
            rustorch.float32
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.relu(rt.tensor([[-1., 0.], [2., 3.5]]))
            tensor([[0.0000, 0.0000],
                    [2.0000, 3.5000]])
        """
    def relu_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def remainder(self, other: typing.Any) -> Tensor:
        """
        Elementwise remainder with the sign of the divisor, like Python's %.
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the second operand, broadcast against ``input``.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.remainder(rt.tensor([7, -7]), 3).tolist()
            [1, 2]
            >>> rt.remainder(rt.tensor([5.5, -5.5]), 2).tolist()
            [1.5, 0.5]
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
        
        Args:
            input (Tensor): the input tensor.
            decimals (int): keyword-only number of decimal places to keep. Default: 0.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.round(rt.tensor([0.5, 1.5, 2.5, -1.7])).tolist()
            [0.0, 2.0, 2.0, -2.0]
            >>> rt.round(rt.tensor([[1.2345, 6.789], [-0.125, 2.]]), decimals=2)
            tensor([[ 1.2300,  6.7900],
                    [-0.1200,  2.0000]])
        """
    def round_(self, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
        """
        In-place version of round.
        """
    def rsqrt(self) -> Tensor:
        """
        Elementwise 1 / sqrt(x).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.rsqrt(rt.tensor([[1., 4.], [2., 16.]]))
            tensor([[1.0000, 0.5000],
                    [0.7071, 0.2500]])
        """
    def rsqrt_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def scatter(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
        """
        A copy of input with src (a tensor, or a number) written at index along dim: out[i][index[i][j]] = src[i][j] for dim=1.
        
        Args:
            input (Tensor): the tensor to copy.
            dim (int): the dim to index along.
            index (Tensor): int64 indices where the values go.
            src (Tensor or Number, optional): the values to write (a tensor read at the positions of ``index``, or a number). Default: None.
            value (Number, optional): keyword-only; the number to write when ``src`` is not given. Default: None.
            reduce (str, optional): keyword-only; must be None (reductions are not supported). Default: None.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape.
        
        Example:
            >>> x = rt.zeros(2, 3)
            >>> rt.scatter(x, 1, rt.tensor([[2], [0]]), rt.tensor([[5.], [7.]]))
            tensor([[0., 0., 5.],
                    [7., 0., 0.]])
            >>> rt.scatter(x, 0, rt.tensor([[1, 0, 1]]), value=2.)
            tensor([[0., 2., 0.],
                    [2., 0., 2.]])
        """
    def scatter_(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
        """
        In-place scatter: writes src (a tensor, or a number) at index along dim.
        """
    def scatter_add(self, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
        """
        A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.
        
        Args:
            input (Tensor): the tensor to copy.
            dim (int): the dim to index along.
            index (Tensor): int64 indices where the values are added.
            src (Tensor): the values to add, read at the positions of ``index``.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape.
        
        Example:
            >>> rt.scatter_add(rt.zeros(3), 0, rt.tensor([0, 2, 0, 2]), rt.tensor([1., 2., 3., 4.])).tolist()
            [4.0, 0.0, 6.0]
            >>> rt.scatter_add(rt.ones(2, 2), 1, rt.tensor([[0, 0], [1, 0]]), rt.tensor([[1., 2.], [3., 4.]]))
            tensor([[4., 1.],
                    [5., 4.]])
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.sigmoid(rt.tensor([[0., 2.], [-2., 1.]]))
            tensor([[0.5000, 0.8808],
                    [0.1192, 0.7311]])
        """
    def sigmoid_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sign(self) -> Tensor:
        """
        Elementwise sign: -1, 0 or 1 (0 for NaN).
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.sign(rt.tensor([[-2., 0.], [3., float('nan')]]))
            tensor([[-1.,  0.],
                    [ 1.,  0.]])
        """
    def sign_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sin(self) -> Tensor:
        """
        Elementwise sine.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.sin(rt.tensor([[0., 0.5], [1.5707964, -1.]]))
            tensor([[ 0.0000,  0.4794],
                    [ 1.0000, -0.8415]])
        """
    def sin_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def sinh(self) -> Tensor:
        """
        Elementwise hyperbolic sine.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.sinh(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[ 0.0000,  0.5211],
                    [ 1.1752, -1.1752]])
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
        
        Args:
            input (Tensor): a floating-point tensor (an integer one needs ``dtype``).
            dim (int): the dim along which the values sum to 1.
            dtype (dtype, optional): the dtype to cast the input to first. Default: None.
        
        Returns:
            Tensor: the probabilities, of ``input``'s shape.
        
        Example:
            >>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])
            >>> rt.softmax(x, dim=1)
            tensor([[0.0900, 0.2447, 0.6652],
                    [0.3333, 0.3333, 0.3333]])
            >>> rt.softmax(x, dim=1).sum(dim=1).tolist()
            [1.0, 1.0]
        """
    def sort(self, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> typing.Any:
        """
        (values, indices) sorted along dim (stable; NaN sorts as the largest value).
        
        Args:
            input (Tensor): the input tensor.
            dim (int): the dim to sort along. Default: -1.
            descending (bool): sort from largest to smallest. Default: False.
            stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: False.
        
        Returns:
            rt.return_types.sort: the named tuple (values, indices) of the sorted values and their int64 positions in ``input``.
        
        Example:
            >>> x = rt.tensor([[3., 1., 2.], [0., 5., -1.]])
            >>> values, indices = rt.sort(x)
            >>> values
            tensor([[ 1.,  2.,  3.],
                    [-1.,  0.,  5.]])
            >>> indices
            tensor([[1, 2, 0],
                    [2, 0, 1]])
            >>> rt.sort(x, dim=0, descending=True).values
            tensor([[ 3.,  5.,  2.],
                    [ 0.,  1., -1.]])
            >>> rt.sort(rt.tensor([2., float('nan'), 1.])).values.tolist()
            [1.0, 2.0, nan]
        """
    def split(self, split_size: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
        """
        Views of split_size elements along dim (an int), or of the given sizes (a list).
        """
    def sqrt(self) -> Tensor:
        """
        Elementwise square root.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.sqrt(rt.tensor([[0., 4.], [2., 9.]]))
            tensor([[0.0000, 2.0000],
                    [1.4142, 3.0000]])
        """
    def sqrt_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def square(self) -> Tensor:
        """
        Elementwise x * x.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.square(rt.tensor([[-2., 3.], [0.5, 1.]]))
            tensor([[4.0000, 9.0000],
                    [0.2500, 1.0000]])
            >>> rt.square(rt.tensor([-2, 3])).tolist()
            [4, 9]
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
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
            unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: None.
        
        Returns:
            Tensor: the standard deviations, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])
            >>> round(rt.std(x).item(), 4)
            2.6077
            >>> rt.std(x, dim=1).tolist()
            [1.0, 2.0]
            >>> rt.std(x, dim=1, keepdim=True, correction=0)
            tensor([[0.8165],
                    [1.6330]])
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
        
        Args:
            input (Tensor or Number): the first operand.
            other (Tensor or Number): the tensor or number to subtract, broadcast against ``input``.
            alpha (Number): keyword-only multiplier of ``other``. Default: 1.
        
        Returns:
            Tensor: the results, of the broadcast shape and the promoted dtype.
        
        Example:
            >>> rt.sub(rt.tensor([5., 7.]), rt.tensor([1., 2.])).tolist()
            [4.0, 5.0]
            >>> rt.sub(rt.tensor([5, 7]), rt.tensor([1, 2]), alpha=2).tolist()
            [3, 3]
            >>> rt.sub(10, rt.tensor([1, 2])).tolist()
            [9, 8]
        """
    def sub_(self, other: typing.Any, *, alpha: Number = 1) -> Tensor:
        """
        In-place version of the op.
        """
    def sum(self, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
        """
        Sum over dim (int or tuple; all dims when None). bool/int inputs sum in int64 unless dtype is given.
        
        Args:
            input (Tensor): the tensor to reduce.
            dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.
        
        Returns:
            Tensor: the sums, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 2.], [3., 4.]])
            >>> rt.sum(x).item()
            10.0
            >>> rt.sum(x, dim=1).tolist()
            [3.0, 7.0]
            >>> x.sum(0, keepdim=True).tolist()
            [[4.0, 6.0]]
            >>> rt.sum(rt.tensor([True, True, False])).dtype
            rustorch.int64
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
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.tan(rt.tensor([[0., 0.5], [0.7853982, -1.]]))
            tensor([[ 0.0000,  0.5463],
                    [ 1.0000, -1.5574]])
        """
    def tan_(self) -> Tensor:
        """
        In-place version of the op.
        """
    def tanh(self) -> Tensor:
        """
        Elementwise hyperbolic tangent.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.tanh(rt.tensor([[0., 0.5], [1., -1.]]))
            tensor([[ 0.0000,  0.4621],
                    [ 0.7616, -0.7616]])
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
        
        Args:
            input (Tensor): the input tensor.
            k (int): the number of elements to keep.
            dim (int): the dim to search along. Default: -1.
            largest (bool): the largest elements when True, the smallest when False. Default: True.
            sorted (bool): return them in sorted order. Default: True.
        
        Returns:
            rt.return_types.topk: the named tuple (values, indices), each with size k along ``dim``.
        
        Example:
            >>> x = rt.tensor([1., 5., 3., 4., 2.])
            >>> values, indices = rt.topk(x, 2)
            >>> values.tolist()
            [5.0, 4.0]
            >>> indices.tolist()
            [1, 3]
            >>> rt.topk(x, 2, largest=False).values.tolist()
            [1.0, 2.0]
            >>> rt.topk(rt.tensor([[1., 9.], [7., 3.]]), 1, dim=0).indices.tolist()
            [[1, 0]]
        """
    def transpose(self, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
        """
        A view with dims dim0 and dim1 swapped.
        """
    def trunc(self) -> Tensor:
        """
        Elementwise rounding toward zero.
        
        Args:
            input (Tensor): the input tensor.
        
        Returns:
            Tensor: a new tensor of ``input``'s shape with the results.
        
        Example:
            >>> rt.trunc(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
            tensor([[-1.,  0.],
                    [ 2.,  2.]])
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
        
        Args:
            input (Tensor): the input tensor.
            dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
            unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). Default: None.
            keepdim (bool): keep the reduced dims with size 1. Default: False.
            correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: None.
        
        Returns:
            Tensor: the variances, with ``dim`` removed unless ``keepdim``.
        
        Example:
            >>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])
            >>> round(rt.var(x).item(), 4)
            6.8
            >>> rt.var(x, dim=1).tolist()
            [1.0, 4.0]
            >>> rt.var(x, dim=1, keepdim=True, correction=0)
            tensor([[0.6667],
                    [2.6667]])
            >>> rt.var(x, 1, unbiased=False).shape
            (2,)
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
    
    Nodes are made by autograd, not by users: a tensor computed from tensors that require grad has one as
    ``grad_fn``, and ``next_functions`` links it to the nodes of its inputs.
    
    Example:
        >>> x = rt.tensor([1., 2.], requires_grad=True)
        >>> y = (x * 2).sum()
        >>> y.grad_fn
        <SumBackward object>
        >>> y.grad_fn.name()
        'SumBackward'
        >>> y.grad_fn.next_functions
        ((<MulBackward object>, 0),)
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
    
    Example:
        >>> x = rt.tensor([1., 2.], requires_grad=True)
        >>> h = x.register_hook(lambda g: g * 10)
        >>> (x * 3).sum().backward()
        >>> x.grad.tolist()
        [30.0, 30.0]
        >>> h.remove()
        >>> x.grad = None
        >>> (x * 3).sum().backward()
        >>> x.grad.tolist()
        [3.0, 3.0]
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
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.abs(rt.tensor([[-1.5, 0.], [2., -3.]]))
        tensor([[1.5000, 0.0000],
                [2.0000, 3.0000]])
    """
def acos(input: Tensor) -> Tensor:
    """
    Elementwise arccosine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.acos(rt.tensor([[1., 0.5], [0., -1.]]))
        tensor([[0.0000, 1.0472],
                [1.5708, 3.1416]])
    """
def adaptive_avg_pool1d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        output_size (int or tuple of ints / None): the output size of the last 1 dim(s); None entries keep the input's size.
    
    Returns:
        Tensor: the pooled output, (N, C, *output_size) or (C, *output_size).
    
    Example:
        >>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])
        >>> F.adaptive_avg_pool1d(x, 2).tolist()
        [[[2.6666667461395264, 2.3333332538604736]]]
        >>> F.adaptive_avg_pool1d(x, 1).item()
        2.5
    """
def adaptive_avg_pool2d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        output_size (int or tuple of ints / None): the output size of the last 2 dim(s); None entries keep the input's size.
    
    Returns:
        Tensor: the pooled output, (N, C, *output_size) or (C, *output_size).
    
    Example:
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> F.adaptive_avg_pool2d(x, 1).item()
        7.5
        >>> tuple(F.adaptive_avg_pool2d(rt.randn(2, 3, 7, 9), (2, None)).shape)
        (2, 3, 2, 9)
    """
def adaptive_avg_pool3d(input: Tensor, output_size: typing.Any) -> Tensor:
    """
    Adaptive average pooling to output_size (an int, or a tuple whose None entries keep the input size).
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        output_size (int or tuple of ints / None): the output size of the last 3 dim(s); None entries keep the input's size.
    
    Returns:
        Tensor: the pooled output, (N, C, *output_size) or (C, *output_size).
    
    Example:
        >>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)
        >>> tuple(F.adaptive_avg_pool3d(x, (1, 2, 3)).shape)
        (1, 1, 1, 2, 3)
        >>> F.adaptive_avg_pool3d(x, 1).item()
        31.5
    """
def adaptive_max_pool1d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        output_size (int or tuple of ints / None): the output size of the last 1 dim(s); None entries keep the input's size.
        return_indices (bool): also return the indices of the maxima in the input's last dim (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])
        >>> F.adaptive_max_pool1d(x, 2).tolist()
        [[[5.0, 4.0]]]
        >>> out, idx = F.adaptive_max_pool1d(x, 3, return_indices=True)
        >>> idx.tolist()
        [[[1, 2, 5]]]
    """
def adaptive_max_pool2d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        output_size (int or tuple of ints / None): the output size of the last 2 dim(s); None entries keep the input's size.
        return_indices (bool): also return the flat indices of the maxima in each (H, W) plane (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> F.adaptive_max_pool2d(x, 2)
        tensor([[[[ 5.,  7.],
                  [13., 15.]]]])
    """
def adaptive_max_pool3d(input: Tensor, output_size: typing.Any, return_indices: builtins.bool = False) -> typing.Any:
    """
    Adaptive max pooling to output_size; with return_indices also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        output_size (int or tuple of ints / None): the output size of the last 3 dim(s); None entries keep the input's size.
        return_indices (bool): also return the flat indices of the maxima in each (D, H, W) plane (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)
        >>> out, idx = F.adaptive_max_pool3d(x, 1, return_indices=True)
        >>> out.item(), idx.item()
        (63.0, 63)
    """
def add(input: typing.Any, other: typing.Any, *, alpha: Number = 1) -> Tensor:
    """
    input + alpha * other, broadcast and type-promoted.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the tensor or number to add, broadcast against ``input``.
        alpha (Number): keyword-only multiplier of ``other``. Default: 1.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.add(rt.tensor([1., 2.]), rt.tensor([10., 20.])).tolist()
        [11.0, 22.0]
        >>> rt.add(rt.tensor([1, 2]), 3, alpha=2).tolist()
        [7, 8]
        >>> rt.add(rt.tensor([1, 2]), 0.5).tolist()
        [1.5, 2.5]
    """
def addmm(input: Tensor, mat1: Tensor, mat2: Tensor, *, beta: Number = 1, alpha: Number = 1) -> Tensor:
    """
    beta * input + alpha * (mat1 @ mat2).
    
    Args:
        input (Tensor): the tensor added, broadcast to the (n, p) shape of the product.
        mat1 (Tensor): the (n, m) matrix.
        mat2 (Tensor): the (m, p) matrix.
        beta (number): the factor of ``input``. Default: 1.
        alpha (number): the factor of the product. Default: 1.
    
    Returns:
        Tensor: the (n, p) result.
    
    Example:
        >>> m = rt.ones(2, 2)
        >>> rt.addmm(m, rt.tensor([[1., 2.], [3., 4.]]), rt.eye(2), beta=0.5, alpha=2)
        tensor([[2.5000, 4.5000],
                [6.5000, 8.5000]])
    """
def all(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Whether every element over dim is nonzero (bool result; all dims when None).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
    
    Returns:
        Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1, 0], [2, 3]])
        >>> rt.all(x).item()
        False
        >>> rt.all(x, dim=1).tolist()
        [False, True]
    """
def allclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> builtins.bool:
    """
    True when isclose holds for every element.
    
    Args:
        input (Tensor): the first tensor.
        other (Tensor): the second tensor, broadcast against ``input`` (same dtype).
        rtol (float): the relative tolerance. Default: 1e-05.
        atol (float): the absolute tolerance. Default: 1e-08.
        equal_nan (bool): count two NaNs as close. Default: False.
    
    Returns:
        bool: whether every element is close.
    
    Example:
        >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.000001, 2.]))
        True
        >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]))
        False
        >>> rt.allclose(rt.tensor([1., 2.]), rt.tensor([1.1, 2.]), atol=0.2)
        True
    """
def amax(input: Tensor, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
    """
    Largest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().
        keepdim (bool): keep the reduced dims with size 1. Default: False.
    
    Returns:
        Tensor: the largest values, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 5.], [4., 2.]])
        >>> rt.amax(x).item()
        5.0
        >>> rt.amax(x, dim=0).tolist()
        [4.0, 5.0]
        >>> rt.amax(x, dim=(0, 1), keepdim=True).tolist()
        [[5.0]]
    """
def amin(input: Tensor, dim: typing.Any = (), keepdim: builtins.bool = False) -> Tensor:
    """
    Smallest values over dim (int or tuple; all dims when empty/None); the gradient is shared evenly by ties.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints): the dims to reduce; all when empty or None. Default: ().
        keepdim (bool): keep the reduced dims with size 1. Default: False.
    
    Returns:
        Tensor: the smallest values, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 5.], [4., 2.]])
        >>> rt.amin(x).item()
        1.0
        >>> rt.amin(x, dim=1).tolist()
        [1.0, 2.0]
    """
def angle(input: Tensor) -> Tensor:
    """
    The phase of each element in (-pi, pi]; real inputs give 0 (x >= 0) or pi (x < 0). Not differentiable.
    
    Args:
        input (Tensor): a complex or real tensor.
    
    Returns:
        Tensor: the angles in radians, a real tensor of ``input``'s shape.
    
    Example:
        >>> z = rt.complex(rt.tensor([[1., 0.], [-1., 1.]]), rt.tensor([[1., 2.], [0., -1.]]))
        >>> rt.angle(z)
        tensor([[ 0.7854,  1.5708],
                [ 3.1416, -0.7854]])
        >>> rt.angle(rt.tensor([[2., 0.], [-3., -0.5]]))
        tensor([[0.0000, 0.0000],
                [3.1416, 3.1416]])
    """
def any(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Whether any element over dim is nonzero (bool result; all dims when None).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dims to reduce; all when None (an empty tuple reduces none). Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
    
    Returns:
        Tensor: a bool tensor, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[0, 0], [2, 0]])
        >>> rt.any(x).item()
        True
        >>> rt.any(x, dim=1).tolist()
        [False, True]
        >>> rt.any(x, dim=0, keepdim=True).tolist()
        [[True, False]]
    """
def arange(start: typing.Any, end: typing.Any = None, step: typing.Any = 1, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    arange(end) or arange(start, end, step=1): values from start (inclusive) to end (exclusive). The dtype is
    int64 when all arguments are integers, else the default float dtype.
    
    Args:
        start (number): the first value; with a single positional argument it is ``end`` and the range starts at 0.
        end (number, optional): the end of the range (excluded).
        step (number): the difference between consecutive values. Default: 1.
        dtype (dtype, optional): the element type; inferred from the arguments when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a 1-D tensor of ``ceil((end - start) / step)`` values.
    
    Example:
        >>> rt.arange(5).tolist()
        [0, 1, 2, 3, 4]
        >>> rt.arange(1, 2.5, 0.5).tolist()
        [1.0, 1.5, 2.0]
    """
def argmax(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Index of the first largest element along dim (of the flattened tensor when dim is None).
    
    Args:
        input (Tensor): the input tensor.
        dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.
        keepdim (bool): keep the reduced dim with size 1. Default: False.
    
    Returns:
        Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])
        >>> rt.argmax(x).item()
        1
        >>> rt.argmax(x, dim=1).tolist()
        [1, 0]
        >>> rt.argmax(x, dim=1, keepdim=True)
        tensor([[1],
                [0]])
    """
def argmin(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> Tensor:
    """
    Index of the first smallest element along dim (of the flattened tensor when dim is None).
    
    Args:
        input (Tensor): the input tensor.
        dim (int, optional): the dim to reduce; the flattened tensor when None. Default: None.
        keepdim (bool): keep the reduced dim with size 1. Default: False.
    
    Returns:
        Tensor: the int64 indices, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 5., 5.], [4., 2., 0.]])
        >>> rt.argmin(x).item()
        5
        >>> rt.argmin(x, dim=0).tolist()
        [0, 1, 1]
    """
def argsort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> Tensor:
    """
    Indices that sort input along dim (stable).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dim to sort along. Default: -1.
        descending (bool): sort from largest to smallest. Default: False.
        stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: False.
    
    Returns:
        Tensor: the int64 indices, of ``input``'s shape.
    
    Example:
        >>> x = rt.tensor([3., 1., 2., 1.])
        >>> rt.argsort(x).tolist()
        [1, 3, 2, 0]
        >>> rt.argsort(x, descending=True).tolist()
        [0, 2, 1, 3]
        >>> rt.argsort(rt.tensor([[3, 1], [0, 5]]), dim=0)
        tensor([[1, 0],
                [0, 1]])
    """
def argwhere(input: Tensor) -> Tensor:
    """
    Coordinates of the non-zero elements as an (n, ndim) int64 tensor.
    
    Args:
        input (Tensor): the tensor.
    
    Returns:
        Tensor: the (n, input.dim()) int64 coordinates, in row-major order.
    
    Example:
        >>> rt.argwhere(rt.tensor([0., 3., 0., 5.]))
        tensor([[1],
                [3]])
    """
def asin(input: Tensor) -> Tensor:
    """
    Elementwise arcsine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.asin(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[ 0.0000,  0.5236],
                [ 1.5708, -1.5708]])
    """
def atan(input: Tensor) -> Tensor:
    """
    Elementwise arctangent.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.atan(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[ 0.0000,  0.4636],
                [ 0.7854, -0.7854]])
    """
def atan2(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise atan2(input, other), the angle of (other, input).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.atan2(rt.tensor([[1., 1.], [-1., 0.]]), rt.tensor([[1., -1.], [0., 1.]]))
        tensor([[ 0.7854,  2.3562],
                [-1.5708,  0.0000]])
    """
def avg_pool1d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True) -> Tensor:
    """
    Average pooling over the last 1 dims; stride defaults to kernel_size.
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit zero padding on both sides (at most half the kernel). Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the zero padding in the averages' divisor. Default: True.
    
    Returns:
        Tensor: the pooled output, (N, C, *out) or (C, *out).
    
    Example:
        >>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])
        >>> F.avg_pool1d(x, 2).tolist()
        [[[3.0, 1.0, 3.5]]]
        >>> F.avg_pool1d(x, 2, padding=1, count_include_pad=False).tolist()
        [[[1.0, 3.5, 1.5, 4.0]]]
    """
def avg_pool2d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True, divisor_override: typing.SupportsInt | typing.SupportsIndex | None = None) -> Tensor:
    """
    Average pooling over the last 2 dims; stride defaults to kernel_size.
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit zero padding on both sides (at most half the kernel). Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the zero padding in the averages' divisor. Default: True.
        divisor_override (int, optional): divide each window's sum by this instead. Default: None.
    
    Returns:
        Tensor: the pooled output, (N, C, *out) or (C, *out).
    
    Example:
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> F.avg_pool2d(x, 2)
        tensor([[[[ 2.5000,  4.5000],
                  [10.5000, 12.5000]]]])
        >>> F.avg_pool2d(x, 4, divisor_override=1).item()
        120.0
    """
def avg_pool3d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, ceil_mode: builtins.bool = False, count_include_pad: builtins.bool = True, divisor_override: typing.SupportsInt | typing.SupportsIndex | None = None) -> Tensor:
    """
    Average pooling over the last 3 dims; stride defaults to kernel_size.
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit zero padding on both sides (at most half the kernel). Default: 0.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        count_include_pad (bool): count the zero padding in the averages' divisor. Default: True.
        divisor_override (int, optional): divide each window's sum by this instead. Default: None.
    
    Returns:
        Tensor: the pooled output, (N, C, *out) or (C, *out).
    
    Example:
        >>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)
        >>> F.avg_pool3d(x, 4).item()
        31.5
        >>> tuple(F.avg_pool3d(x, 2, stride=1).shape)
        (1, 1, 3, 3, 3)
    """
def batch_norm(input: Tensor, running_mean: Tensor | None, running_var: Tensor | None, weight: Tensor | None = None, bias: Tensor | None = None, training: builtins.bool = False, momentum: typing.SupportsFloat | typing.SupportsIndex = 0.1, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Batch normalization over (N, C, *). In training, uses batch statistics and updates running_mean / running_var in place (unbiased variance); otherwise uses the running statistics.
    
    Args:
        input (Tensor): the input, (N, C, *).
        running_mean (Tensor or None): the running means, (C,); updated in place when training.
        running_var (Tensor or None): the running variances, (C,); updated in place when training.
        weight (Tensor, optional): the per-channel scale, (C,). Default: None.
        bias (Tensor, optional): the per-channel shift, (C,). Default: None.
        training (bool): normalise with the batch statistics (and update the running ones). Default: False.
        momentum (float): the weight of the batch statistics in the running update. Default: 0.1.
        eps (float): added to the variance. Default: 1e-05.
    
    Returns:
        Tensor: the normalised input, of the same shape.
    
    Example:
        >>> x = rt.tensor([[1., 2.], [3., 6.]])
        >>> mean, var = rt.zeros(2), rt.ones(2)
        >>> F.batch_norm(x, mean, var, training=True, momentum=0.5, eps=0.)
        tensor([[-1., -1.],
                [ 1.,  1.]])
        >>> mean.tolist(), var.tolist()
        ([1.0, 2.0], [1.5, 4.5])
        >>> F.batch_norm(x, mean, var, eps=0.)[0].tolist()
        [0.0, 0.0]
    """
def bernoulli(input: Tensor, p: typing.Any = None, *, generator: typing.Any = None) -> Tensor:
    """
    bernoulli(input): 1 with probability input[i], else 0 (bernoulli(input, p): with probability p).
    
    Args:
        input (Tensor): the probabilities in [0, 1] (or, with ``p``, a tensor giving the shape of the result).
        p (float or Tensor, optional): the probability of 1 for every element; ``input``'s values when None.
            Default: None.
        generator (Generator, optional): keyword-only source of randomness; the default generator when None.
            Default: None.
    
    Returns:
        Tensor: 0/1 samples of ``input``'s shape (``input``'s dtype when floating, else the default float).
    
    Example:
        >>> p = rt.tensor([0., 1., 0.5])
        >>> s = rt.bernoulli(p)
        >>> s.shape, s.dtype
        ((3,), rustorch.float32)
        >>> s[:2].tolist()
        [0.0, 1.0]
        >>> rt.bernoulli(rt.zeros(2, 2), 1.).tolist()
        [[1.0, 1.0], [1.0, 1.0]]
        >>> rt.bernoulli(rt.zeros(3), p=rt.tensor([0., 1., 1.])).tolist()
        [0.0, 1.0, 1.0]
    """
def binary_cross_entropy_with_logits(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, reduce: typing.Any = None, reduction: str = 'mean', pos_weight: Tensor | None = None) -> Tensor:
    """
    Binary cross entropy of logits against targets of the same shape, computed stably; weight and pos_weight broadcast to the input.
    
    Args:
        input (Tensor): the logits.
        target (Tensor): the targets in [0, 1], of ``input``'s shape.
        weight (Tensor, optional): weights multiplying each element's loss (broadcast). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        pos_weight (Tensor, optional): the weight of the positive term (e.g. one per class), broadcast to ``input``. Default: None.
    
    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per element).
    
    Example:
        >>> x = rt.tensor([0., 2., -1.])
        >>> t = rt.tensor([1., 1., 0.])
        >>> [round(v, 4) for v in F.binary_cross_entropy_with_logits(x, t, reduction='none').tolist()]
        [0.6931, 0.1269, 0.3133]
        >>> round(F.binary_cross_entropy_with_logits(x, t, pos_weight=rt.tensor(2.)).item(), 4)
        0.6511
    """
def binomial(count: typing.Any, prob: typing.Any, generator: typing.Any = None) -> Tensor:
    """
    Binomial counts of `count` trials with success probability `prob` (broadcast).
    
    Args:
        count (Tensor): the numbers of trials.
        prob (Tensor): the success probabilities in [0, 1], broadcast against ``count``.
        generator (Generator, optional): the source of randomness; the default generator when None. Default: None.
    
    Returns:
        Tensor: the numbers of successes, of the broadcast shape.
    
    Example:
        >>> b = rt.binomial(rt.tensor([10., 10., 5.]), rt.tensor([0., 1., 0.5]))
        >>> b.dtype
        rustorch.float32
        >>> b[:2].tolist()
        [0.0, 10.0]
        >>> bool(0 <= b[2] <= 5)
        True
    """
def bitwise_and(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise AND of bool or integer tensors (the & operator).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.bitwise_and(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
        [8, 2]
        >>> rt.bitwise_and(rt.tensor([True, False]), True).tolist()
        [True, False]
    """
def bitwise_not(input: Tensor) -> Tensor:
    """
    Elementwise bitwise NOT of bool or integer tensors (the ~ operator).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.bitwise_not(rt.tensor([[0, 5], [-1, 2]]))
        tensor([[-1, -6],
                [ 0, -3]])
        >>> rt.bitwise_not(rt.tensor([True, False])).tolist()
        [False, True]
    """
def bitwise_or(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise OR of bool or integer tensors (the | operator).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.bitwise_or(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
        [14, 14]
    """
def bitwise_xor(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise bitwise XOR of bool or integer tensors (the ^ operator).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.bitwise_xor(rt.tensor([12, 10]), rt.tensor([10, 6])).tolist()
        [6, 12]
    """
def bmm(input: Tensor, mat2: Tensor) -> Tensor:
    """
    Batched product of two 3-D tensors with the same batch size.
    
    Args:
        input (Tensor): the (b, n, m) batch of matrices.
        mat2 (Tensor): the (b, m, p) batch of matrices.
    
    Returns:
        Tensor: the (b, n, p) batch of products.
    
    Example:
        >>> rt.bmm(rt.ones(4, 2, 3), rt.ones(4, 3, 5)).shape
        (4, 2, 5)
    """
def cat(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Concatenates tensors along dim (dtypes promoted; 1-D empty tensors are skipped).
    
    Args:
        tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
            skipped).
        dim (int): the dim to join along. Default: 0.
    
    Returns:
        Tensor: a new tensor, with the sizes along ``dim`` added up and the promoted dtype.
    
    Example:
        >>> a, b = rt.tensor([[1, 2]]), rt.tensor([[3, 4]])
        >>> rt.cat([a, b])
        tensor([[1, 2],
                [3, 4]])
        >>> rt.cat((a, b), dim=1).shape
        (1, 4)
    """
def ceil(input: Tensor) -> Tensor:
    """
    Elementwise smallest integer >= x.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.ceil(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
        tensor([[-1.,  1.],
                [ 2.,  3.]])
    """
def chunk(input: Tensor, chunks: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    At most `chunks` views of equal size.
    
    Each piece has ``ceil(size / chunks)`` elements along ``dim``, the last may be smaller, so there can be
    fewer than ``chunks`` pieces.
    
    Args:
        input (Tensor): the tensor to split.
        chunks (int): the number of pieces wanted.
        dim (int): the dim to split along. Default: 0.
    
    Returns:
        tuple of Tensor: the pieces, views of ``input``.
    
    Example:
        >>> rt.chunk(rt.arange(5), 3)
        (tensor([0, 1]), tensor([2, 3]), tensor([4]))
    """
def clamp(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Clamps input into [min, max]; each bound a number, a tensor or None (not both None).
    
    Args:
        input (Tensor): the input tensor.
        min (Number or Tensor, optional): the lower bound (broadcast when a tensor); none when None. Default: None.
        max (Number or Tensor, optional): the upper bound (broadcast when a tensor); none when None. Default: None.
    
    Returns:
        Tensor: the clamped values (broadcast against tensor bounds).
    
    Example:
        >>> x = rt.tensor([-2., 0.5, 3.])
        >>> rt.clamp(x, min=-1., max=1.).tolist()
        [-1.0, 0.5, 1.0]
        >>> rt.clamp(x, max=0.).tolist()
        [-2.0, 0.0, 0.0]
        >>> rt.clamp(x, min=rt.tensor([0., 1., 2.])).tolist()
        [0.0, 1.0, 3.0]
    """
def clamp_max(input: Tensor, max: typing.Any) -> Tensor:
    """
    Elementwise min(input, max); max is a number or a tensor.
    
    Args:
        input (Tensor): the input tensor.
        max (Number or Tensor): the upper bound (broadcast when a tensor).
    
    Returns:
        Tensor: the clamped values (broadcast against tensor bounds).
    
    Example:
        >>> rt.clamp_max(rt.tensor([-2., 0.5, 3.]), 1.).tolist()
        [-2.0, 0.5, 1.0]
    """
def clamp_min(input: Tensor, min: typing.Any) -> Tensor:
    """
    Elementwise max(input, min); min is a number or a tensor.
    
    Args:
        input (Tensor): the input tensor.
        min (Number or Tensor): the lower bound (broadcast when a tensor).
    
    Returns:
        Tensor: the clamped values (broadcast against tensor bounds).
    
    Example:
        >>> rt.clamp_min(rt.tensor([-2., 0.5, 3.]), 0.).tolist()
        [0.0, 0.5, 3.0]
    """
def clip(input: Tensor, min: typing.Any = None, max: typing.Any = None) -> Tensor:
    """
    Clamps input into [min, max]; each bound a number, a tensor or None (not both None). An alias of ``clamp``.
    
    Args:
        input (Tensor): the input tensor.
        min (Number or Tensor, optional): the lower bound (broadcast when a tensor); none when None. Default: None.
        max (Number or Tensor, optional): the upper bound (broadcast when a tensor); none when None. Default: None.
    
    Returns:
        Tensor: the clamped values (broadcast against tensor bounds).
    
    Example:
        >>> rt.clip(rt.tensor([-2., 0.5, 3.]), -1, 1).tolist()
        [-1.0, 0.5, 1.0]
    """
def complex(real: Tensor, imag: Tensor) -> Tensor:
    """
    A complex tensor real + i*imag (broadcast); float32 parts give complex64, float64 parts complex128.
    
    Args:
        real (Tensor): the real parts (float32 or float64).
        imag (Tensor): the imaginary parts, of ``real``'s dtype, broadcast against ``real``.
    
    Returns:
        Tensor: a new complex tensor of the broadcast shape.
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> z.tolist()
        [(1+3j), (2-4j)]
        >>> z.dtype
        rustorch.complex64
        >>> rt.complex(rt.tensor([1.], dtype=rt.float64), rt.tensor([0.], dtype=rt.float64)).dtype
        rustorch.complex128
    """
def concat(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Alias of cat.
    
    Args:
        tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
            skipped).
        dim (int): the dim to join along. Default: 0.
    
    Returns:
        Tensor: the concatenation.
    
    Example:
        >>> rt.concat([rt.tensor([1, 2]), rt.tensor([3])]).tolist()
        [1, 2, 3]
    """
def concatenate(tensors: typing.Any, axis: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Alias of cat.
    
    Args:
        tensors (sequence of Tensor): the tensors; all dims but the joined one must match (1-D empty tensors are
            skipped).
        axis (int): the dim to join along. Default: 0.
    
    Returns:
        Tensor: the concatenation.
    
    Example:
        >>> rt.concatenate([rt.ones(1, 2), rt.zeros(1, 2)], axis=0)
        tensor([[1., 1.],
                [0., 0.]])
    """
def conj(input: Tensor) -> Tensor:
    """
    The complex conjugate (a new tensor; torch returns a lazy view). Real tensors are returned as they are.
    
    Args:
        input (Tensor): a complex or real tensor.
    
    Returns:
        Tensor: the conjugates, of ``input``'s shape and dtype.
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> rt.conj(z).tolist()
        [(1-3j), (2+4j)]
        >>> rt.conj(rt.tensor([1., 2.])).tolist()
        [1.0, 2.0]
    """
def conj_physical(input: Tensor) -> Tensor:
    """
    The complex conjugate as a new tensor.
    
    Args:
        input (Tensor): a complex or real tensor (a real one is returned as it is).
    
    Returns:
        Tensor: the conjugates, of ``input``'s shape and dtype.
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> rt.conj_physical(z).tolist()
        [(1-3j), (2+4j)]
    """
def conv1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 1-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 1 spatial dim(s).
        weight (Tensor): the filters, (C_out, C_in / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the step of the kernel. Default: 1.
        padding (int, tuple of ints or str): the zero padding on both sides of each spatial dim, or ``'valid'`` (none) or ``'same'`` (the output keeps the input's size; stride 1). Default: 0.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections from input to output channels (divides C_in and C_out). Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) (no batch dim when the input has none).
    
    Example:
        >>> x = rt.arange(5.).reshape(1, 1, 5)
        >>> w = rt.tensor([[[1., 0., -1.]], [[1., 1., 1.]]])
        >>> F.conv1d(x, w)
        tensor([[[-2., -2., -2.],
                 [ 3.,  6.,  9.]]])
        >>> tuple(F.conv1d(rt.randn(2, 3, 10), rt.randn(4, 3, 3), padding='same').shape)
        (2, 4, 10)
    """
def conv2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 2-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 2 spatial dim(s).
        weight (Tensor): the filters, (C_out, C_in / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the step of the kernel. Default: 1.
        padding (int, tuple of ints or str): the zero padding on both sides of each spatial dim, or ``'valid'`` (none) or ``'same'`` (the output keeps the input's size; stride 1). Default: 0.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections from input to output channels (divides C_in and C_out). Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) (no batch dim when the input has none).
    
    Example:
        >>> x = rt.arange(9.).reshape(1, 1, 3, 3)
        >>> F.conv2d(x, rt.ones(1, 1, 2, 2))
        tensor([[[[ 8., 12.],
                  [20., 24.]]]])
        >>> tuple(F.conv2d(rt.randn(1, 4, 8, 8), rt.randn(6, 2, 3, 3), stride=2, padding=1, groups=2).shape)
        (1, 6, 4, 4)
    """
def conv3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, dilation: typing.Any = 1, groups: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    Applies a 3-D convolution over an input of shape (N, C_in, *spatial) or (C_in, *spatial) with a weight of shape (C_out, C_in / groups, *kernel). padding: int, tuple, 'same' or 'valid'.
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 3 spatial dim(s).
        weight (Tensor): the filters, (C_out, C_in / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the step of the kernel. Default: 1.
        padding (int, tuple of ints or str): the zero padding on both sides of each spatial dim, or ``'valid'`` (none) or ``'same'`` (the output keeps the input's size; stride 1). Default: 0.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
        groups (int): the number of blocked connections from input to output channels (divides C_in and C_out). Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) (no batch dim when the input has none).
    
    Example:
        >>> x = rt.ones(1, 1, 3, 3, 3)
        >>> F.conv3d(x, rt.ones(2, 1, 2, 2, 2))[0, 1, 0]
        tensor([[8., 8.],
                [8., 8.]])
        >>> tuple(F.conv3d(x, rt.ones(2, 1, 3, 3, 3), padding=1).shape)
        (1, 2, 3, 3, 3)
    """
def conv_transpose1d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 1-D transposed convolution (the gradient of conv1d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 1 spatial dim(s).
        weight (Tensor): the filters, (C_in, C_out / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the stride of the convolution this one transposes. Default: 1.
        padding (int or tuple of ints): the padding of the convolution this one transposes (removed from each side of the output). Default: 0.
        output_padding (int or tuple of ints): extra size added to one side of each output dim. Default: 0.
        groups (int): the number of blocked connections from input to output channels. Default: 1.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) with spatial_out = (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1.
    
    Example:
        >>> x = rt.tensor([[[1., 2.]]])
        >>> F.conv_transpose1d(x, rt.ones(1, 1, 3)).tolist()
        [[[1.0, 3.0, 3.0, 2.0]]]
        >>> tuple(F.conv_transpose1d(rt.randn(2, 4, 5), rt.randn(4, 3, 3), stride=2).shape)
        (2, 3, 11)
    """
def conv_transpose2d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 2-D transposed convolution (the gradient of conv2d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 2 spatial dim(s).
        weight (Tensor): the filters, (C_in, C_out / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the stride of the convolution this one transposes. Default: 1.
        padding (int or tuple of ints): the padding of the convolution this one transposes (removed from each side of the output). Default: 0.
        output_padding (int or tuple of ints): extra size added to one side of each output dim. Default: 0.
        groups (int): the number of blocked connections from input to output channels. Default: 1.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) with spatial_out = (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1.
    
    Example:
        >>> x = rt.ones(1, 1, 2, 2)
        >>> F.conv_transpose2d(x, rt.ones(1, 1, 2, 2))
        tensor([[[[1., 2., 1.],
                  [2., 4., 2.],
                  [1., 2., 1.]]]])
        >>> tuple(F.conv_transpose2d(x, rt.ones(1, 3, 2, 2), stride=2).shape)
        (1, 3, 4, 4)
    """
def conv_transpose3d(input: Tensor, weight: Tensor, bias: Tensor | None = None, stride: typing.Any = 1, padding: typing.Any = 0, output_padding: typing.Any = 0, groups: typing.SupportsInt | typing.SupportsIndex = 1, dilation: typing.Any = 1) -> Tensor:
    """
    Applies a 3-D transposed convolution (the gradient of conv3d with respect to its input) with a weight of shape (C_in, C_out / groups, *kernel).
    
    Args:
        input (Tensor): the input, (N, C_in, *spatial) or (C_in, *spatial) with 3 spatial dim(s).
        weight (Tensor): the filters, (C_in, C_out / groups, *kernel).
        bias (Tensor, optional): the bias, (C_out,). Default: None.
        stride (int or tuple of ints): the stride of the convolution this one transposes. Default: 1.
        padding (int or tuple of ints): the padding of the convolution this one transposes (removed from each side of the output). Default: 0.
        output_padding (int or tuple of ints): extra size added to one side of each output dim. Default: 0.
        groups (int): the number of blocked connections from input to output channels. Default: 1.
        dilation (int or tuple of ints): the spacing between kernel elements. Default: 1.
    
    Returns:
        Tensor: the output, (N, C_out, *spatial_out) with spatial_out = (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1.
    
    Example:
        >>> x = rt.ones(1, 2, 2, 2, 2)
        >>> tuple(F.conv_transpose3d(x, rt.ones(2, 4, 3, 3, 3), stride=2, padding=1, output_padding=1).shape)
        (1, 4, 4, 4, 4)
    """
def cos(input: Tensor) -> Tensor:
    """
    Elementwise cosine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.cos(rt.tensor([[0., 0.5], [3.1415927, -1.]]))
        tensor([[ 1.0000,  0.8776],
                [-1.0000,  0.5403]])
    """
def cosh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic cosine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.cosh(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[1.0000, 1.1276],
                [1.5431, 1.5431]])
    """
def cross_entropy(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, ignore_index: typing.SupportsInt | typing.SupportsIndex = -100, reduce: typing.Any = None, reduction: str = 'mean', label_smoothing: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> Tensor:
    """
    Cross entropy of logits (N, C, *) against int64 class indices (N, *) or class probabilities (N, C, *), fused with the log-softmax.
    
    Args:
        input (Tensor): the logits, (N, C, *) or (C,).
        target (Tensor): int64 class indices (N, *), or class probabilities of ``input``'s shape.
        weight (Tensor, optional): per-class weights, (C,). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        ignore_index (int): a target index that contributes no loss (nor to the mean). Default: -100.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        label_smoothing (float): the amount in [0, 1] of the target mass spread uniformly over the classes. Default: 0.0.
    
    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per sample, (N, *)).
    
    Example:
        >>> logits = rt.tensor([[2., 0., 0.], [0., 0., 0.]])
        >>> target = rt.tensor([0, 2])
        >>> round(F.cross_entropy(logits, target).item(), 4)
        0.6691
        >>> [round(v, 4) for v in F.cross_entropy(logits, target, reduction='none').tolist()]
        [0.2395, 1.0986]
    """
def cumprod(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
    """
    Cumulative product along dim (bool/int inputs in int64 unless dtype is given).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dim to scan.
        dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
    
    Returns:
        Tensor: the running products, of ``input``'s shape.
    
    Example:
        >>> rt.cumprod(rt.tensor([1., 2., 3., 4.]), dim=0).tolist()
        [1.0, 2.0, 6.0, 24.0]
        >>> rt.cumprod(rt.tensor([[1, 2], [3, 4]]), dim=1)
        tensor([[ 1,  2],
                [ 3, 12]])
    """
def cumsum(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, *, dtype: DType | None = None) -> Tensor:
    """
    Cumulative sum along dim (bool/int inputs in int64 unless dtype is given).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dim to scan.
        dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
    
    Returns:
        Tensor: the running sums, of ``input``'s shape.
    
    Example:
        >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.cumsum(x, dim=1)
        tensor([[ 1,  3,  6],
                [ 4,  9, 15]])
        >>> rt.cumsum(x, dim=0, dtype=rt.float32)
        tensor([[1., 2., 3.],
                [5., 7., 9.]])
        >>> rt.cumsum(rt.tensor([True, False, True]), 0).tolist()
        [1, 1, 2]
    """
def digamma(input: Tensor) -> Tensor:
    """
    The digamma function psi(x) = d/dx log Gamma(x).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.digamma(rt.tensor([[1., 2.], [0.5, 10.]]))
        tensor([[-0.5772,  0.4228],
                [-1.9635,  2.2518]])
    """
def div(input: typing.Any, other: typing.Any, *, rounding_mode: str | None = None) -> Tensor:
    """
    input / other. rounding_mode=None: true division (integers give the default float); 'trunc': rounded toward zero; 'floor': rounded down (integer dtypes are kept).
    
    Args:
        input (Tensor or Number): the dividend.
        other (Tensor or Number): the divisor, broadcast against ``input``.
        rounding_mode (str, optional): keyword-only; None, ``'trunc'`` or ``'floor'``. Default: None.
    
    Returns:
        Tensor: the quotients, of the broadcast shape.
    
    Example:
        >>> rt.div(rt.tensor([7., -7.]), 2).tolist()
        [3.5, -3.5]
        >>> rt.div(rt.tensor([7, -7]), 2).tolist()
        [3.5, -3.5]
        >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='trunc').tolist()
        [3, -3]
        >>> rt.div(rt.tensor([7, -7]), 2, rounding_mode='floor').tolist()
        [3, -4]
    """
def dot(input: Tensor, other: Tensor) -> Tensor:
    """
    Dot product of two 1-D tensors (a 0-D tensor).
    
    Args:
        input (Tensor): the first vector.
        other (Tensor): the second vector, of the same length.
    
    Returns:
        Tensor: the 0-D sum of the elementwise products.
    
    Example:
        >>> rt.dot(rt.tensor([1., 2., 3.]), rt.tensor([4., 5., 6.])).item()
        32.0
    """
def dropout(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes elements with probability p and scales the others by 1/(1-p) when training (reproducible under rt.manual_seed).
    
    Args:
        input (Tensor): the input.
        p (float): the probability of zeroing an element, in [0, 1]. Default: 0.5.
        training (bool): apply dropout; else return the input unchanged. Default: True.
        inplace (bool): write the result into ``input``. Default: False.
    
    Returns:
        Tensor: the result, with the shape of ``input``.
    
    Example:
        >>> y = F.dropout(rt.ones(4, 4), 0.5)
        >>> sorted(set(y.flatten().tolist()))
        [0.0, 2.0]
        >>> F.dropout(rt.ones(2, 2), 0.5, training=False).tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """
def dropout1d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        p (float): the probability of zeroing a channel, in [0, 1]. Default: 0.5.
        training (bool): apply dropout; else return the input unchanged. Default: True.
        inplace (bool): write the result into ``input``. Default: False.
    
    Returns:
        Tensor: the result, with the shape of ``input``.
    
    Example:
        >>> y = F.dropout1d(rt.ones(2, 8, 3), 0.5)
        >>> bool((y.amax(2) == y.amin(2)).all())  # whole channels
        True
        >>> sorted(set(y.flatten().tolist()))
        [0.0, 2.0]
    """
def dropout2d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        p (float): the probability of zeroing a channel, in [0, 1]. Default: 0.5.
        training (bool): apply dropout; else return the input unchanged. Default: True.
        inplace (bool): write the result into ``input``. Default: False.
    
    Returns:
        Tensor: the result, with the shape of ``input``.
    
    Example:
        >>> y = F.dropout2d(rt.ones(2, 8, 3, 3), 0.5)
        >>> bool((y.amax((2, 3)) == y.amin((2, 3))).all())  # whole channels
        True
        >>> sorted(set(y.flatten().tolist()))
        [0.0, 2.0]
    """
def dropout3d(input: Tensor, p: typing.SupportsFloat | typing.SupportsIndex = 0.5, training: builtins.bool = True, inplace: builtins.bool = False) -> Tensor:
    """
    Zeroes whole channels (feature maps) with probability p when training, scaling the rest by 1/(1-p).
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        p (float): the probability of zeroing a channel, in [0, 1]. Default: 0.5.
        training (bool): apply dropout; else return the input unchanged. Default: True.
        inplace (bool): write the result into ``input``. Default: False.
    
    Returns:
        Tensor: the result, with the shape of ``input``.
    
    Example:
        >>> y = F.dropout3d(rt.ones(2, 8, 2, 2, 2), 0.5)
        >>> bool((y.amax((2, 3, 4)) == y.amin((2, 3, 4))).all())  # whole channels
        True
        >>> sorted(set(y.flatten().tolist()))
        [0.0, 2.0]
    """
def einsum(equation: str, *args) -> Tensor:
    """
    Einstein summation: einsum('ij,jk->ik', a, b). Supports '...', repeated subscripts (diagonals) and
    implicit output.
    
    Args:
        equation (str): the subscripts of each operand separated by commas, optionally followed by ``->`` and the
            subscripts of the output (without ``->``, the subscripts that appear once, in alphabetical order).
        *operands (Tensor): the tensors, given as separate arguments or as one list.
    
    Returns:
        Tensor: the contraction described by ``equation``.
    
    Example:
        >>> a = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.einsum('ij,jk->ik', a, a)
        tensor([[ 7., 10.],
                [15., 22.]])
        >>> rt.einsum('ii', a).item()
        5.0
        >>> rt.einsum('ij->j', [a]).tolist()
        [4.0, 6.0]
    """
def embedding(input: Tensor, weight: Tensor, padding_idx: typing.SupportsInt | typing.SupportsIndex | None = None, max_norm: typing.SupportsFloat | typing.SupportsIndex | None = None, norm_type: typing.SupportsFloat | typing.SupportsIndex = 2.0, scale_grad_by_freq: builtins.bool = False, sparse: builtins.bool = False) -> Tensor:
    """
    Looks up rows of weight (num_embeddings, embedding_dim) at the int64 indices input (torch.nn.functional.embedding's argument order). The padding_idx row gets no gradient.
    
    Args:
        input (Tensor): the int64 indices, of any shape.
        weight (Tensor): the embedding table, (num_embeddings, embedding_dim).
        padding_idx (int, optional): the row that gets no gradient. Default: None.
        max_norm (float, optional): rows looked up with a larger norm are renormalised to it in place. Default: None.
        norm_type (float): the p of the p-norm for ``max_norm``. Default: 2.0.
        scale_grad_by_freq (bool): scale the gradient by the inverse frequency of each index in the batch. Default: False.
        sparse (bool): sparse gradients are not supported; must be False. Default: False.
    
    Returns:
        Tensor: the rows, of shape (*input.shape, embedding_dim).
    
    Example:
        >>> weight = rt.arange(6.).reshape(3, 2)
        >>> F.embedding(rt.tensor([[0, 2], [1, 1]]), weight)
        tensor([[[0., 1.],
                 [4., 5.]],
        <BLANKLINE>
                [[2., 3.],
                 [2., 3.]]])
    """
def empty(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    empty(*size, dtype=None, device=None, requires_grad=False): a tensor with uninitialised contents.
    
    The values are whatever the memory held; write every element before reading it.
    
    Args:
        size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
            or as the keyword ``size=``.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of the given shape with arbitrary contents.
    
    Example:
        >>> x = rt.empty(2, 3)
        >>> x.shape, x.dtype
        ((2, 3), rustorch.float32)
    """
def empty_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    empty with input's shape and dtype.
    
    The values are whatever the memory held; write every element before reading it.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: a new tensor with arbitrary contents, shaped like ``input``.
    
    Example:
        >>> x = rt.empty_like(rt.ones(2, 3, dtype=rt.float64))
        >>> x.shape, x.dtype
        ((2, 3), rustorch.float64)
    """
def eq(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input == other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.eq(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()
        [True, False, True]
        >>> rt.eq(rt.tensor([[1., 2.], [2., 3.]]), 2)
        tensor([[False,  True],
                [ True, False]])
    """
def equal(input: Tensor, other: Tensor) -> builtins.bool:
    """
    True when both tensors have the same shape and values.
    
    Args:
        input (Tensor): the first tensor.
        other (Tensor): the second tensor.
    
    Returns:
        bool: whether the shapes and all values are equal.
    
    Example:
        >>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 2]))
        True
        >>> rt.equal(rt.tensor([1, 2]), rt.tensor([1, 3]))
        False
        >>> rt.equal(rt.tensor([1, 2]), rt.tensor([[1, 2]]))
        False
    """
def erf(input: Tensor) -> Tensor:
    """
    Elementwise Gauss error function.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.erf(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[ 0.0000,  0.5205],
                [ 0.8427, -0.8427]])
    """
def erfc(input: Tensor) -> Tensor:
    """
    Elementwise complementary error function 1 - erf(x).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.erfc(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[1.0000, 0.4795],
                [0.1573, 1.8427]])
    """
def erfinv(input: Tensor) -> Tensor:
    """
    Inverse of erf on (-1, 1) (+-inf at +-1, NaN outside).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.erfinv(rt.tensor([[0., 0.5], [-0.5, 0.9]]))
        tensor([[ 0.0000,  0.4769],
                [-0.4769,  1.1631]])
        >>> rt.erfinv(rt.tensor([1., -1., 2.])).tolist()
        [inf, -inf, nan]
    """
def exp(input: Tensor) -> Tensor:
    """
    Elementwise e ** x.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.exp(rt.tensor([[0., 1.], [2., -1.]]))
        tensor([[1.0000, 2.7183],
                [7.3891, 0.3679]])
    """
def exp2(input: Tensor) -> Tensor:
    """
    Elementwise 2 ** x.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.exp2(rt.tensor([[0., 1.], [3., -1.]]))
        tensor([[1.0000, 2.0000],
                [8.0000, 0.5000]])
    """
def expm1(input: Tensor) -> Tensor:
    """
    Elementwise e ** x - 1, accurate near 0.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.expm1(rt.tensor([[0., 1e-10], [1., -1.]]))
        tensor([[ 0.0000e+00,  1.0000e-10],
                [ 1.7183e+00, -6.3212e-01]])
    """
def eye(n: typing.Any, m: typing.Any = None, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    An n x m (default n x n) matrix with ones on the diagonal.
    
    Args:
        n (int): the number of rows.
        m (int, optional): the number of columns; ``n`` when None.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a 2-D tensor with ones on the main diagonal and zeros elsewhere.
    
    Example:
        >>> rt.eye(2)
        tensor([[1., 0.],
                [0., 1.]])
        >>> rt.eye(2, 3)
        tensor([[1., 0., 0.],
                [0., 1., 0.]])
    """
def flatten(input: Tensor, start_dim: typing.SupportsInt | typing.SupportsIndex = 0, end_dim: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    Merges dims start_dim..end_dim into one (a view when possible).
    
    Args:
        input (Tensor): the tensor.
        start_dim (int): the first dim to merge. Default: 0.
        end_dim (int): the last dim to merge (included). Default: -1.
    
    Returns:
        Tensor: ``input`` with dims ``start_dim`` to ``end_dim`` merged; a copy when the strides do not allow a view.
    
    Example:
        >>> x = rt.zeros(2, 3, 4)
        >>> rt.flatten(x).shape
        (24,)
        >>> rt.flatten(x, start_dim=1).shape
        (2, 12)
    """
def flip(input: Tensor, dims: typing.Any) -> Tensor:
    """
    A copy with the order of elements along dims reversed.
    
    Args:
        input (Tensor): the tensor.
        dims (int or tuple of ints): the dims to reverse.
    
    Returns:
        Tensor: a new tensor with the elements along ``dims`` in reverse order.
    
    Example:
        >>> rt.flip(rt.tensor([[1, 2], [3, 4]]), (0,))
        tensor([[3, 4],
                [1, 2]])
        >>> rt.flip(rt.tensor([[1, 2], [3, 4]]), [0, 1])
        tensor([[4, 3],
                [2, 1]])
    """
def floor(input: Tensor) -> Tensor:
    """
    Elementwise largest integer <= x.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.floor(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
        tensor([[-2.,  0.],
                [ 2.,  2.]])
    """
def floor_divide(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise floor(input / other), like Python's //.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.floor_divide(rt.tensor([7, -7]), 2).tolist()
        [3, -4]
        >>> rt.floor_divide(rt.tensor([7.5, -7.5]), 2).tolist()
        [3.0, -4.0]
    """
def fmod(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise C fmod: the remainder has the sign of the dividend.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.fmod(rt.tensor([7, -7]), 3).tolist()
        [1, -1]
        >>> rt.fmod(rt.tensor([5.5, -5.5]), 2).tolist()
        [1.5, -1.5]
    """
def from_numpy(ndarray: typing.Any) -> Tensor:
    """
    A tensor sharing memory with a NumPy array.
    
    Writes to either are seen by the other; the tensor keeps the array alive. The dtype is the array's.
    
    Args:
        ndarray (numpy.ndarray): the array, of dtype float32, float64, int64, bool, complex64 or complex128
            (others raise TypeError).
    
    Returns:
        Tensor: a tensor viewing the array's memory.
    
    Example:
        >>> a = np.array([1., 2., 3.])
        >>> x = rt.from_numpy(a)
        >>> x.dtype, x.tolist()
        (rustorch.float64, [1.0, 2.0, 3.0])
        >>> a[0] = 10.
        >>> x.tolist()
        [10.0, 2.0, 3.0]
    """
def full(size: typing.Any, fill_value: Number, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    A tensor filled with fill_value; the dtype follows fill_value (bool, int64 or the default float).
    
    Args:
        size (tuple of ints): the shape, as one tuple or list.
        fill_value (bool, int, float or complex): the value of every element.
        dtype (dtype, optional): the element type; when None it follows ``fill_value``: ``rt.bool`` for a bool,
            ``rt.int64`` for an int, the default float dtype for a float (a complex dtype for a complex).
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of shape ``size`` filled with ``fill_value``.
    
    Example:
        >>> rt.full((2, 2), 7.)
        tensor([[7., 7.],
                [7., 7.]])
        >>> rt.full((3,), 2).dtype
        rustorch.int64
    """
def full_like(input: Tensor, fill_value: Number, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    full with input's shape and dtype.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        fill_value (bool, int, float or complex): the value of every element.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: a new tensor filled with ``fill_value``, shaped like ``input``.
    
    Example:
        >>> rt.full_like(rt.zeros(2, 2), 3.5)
        tensor([[3.5000, 3.5000],
                [3.5000, 3.5000]])
    """
def gather(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, *, sparse_grad: builtins.bool = False) -> Tensor:
    """
    Values along dim at index: out[i][j] = input[i][index[i][j]] for dim=1 (out has index's shape).
    
    Args:
        input (Tensor): the source tensor.
        dim (int): the dim to index along.
        index (Tensor): int64 indices, with ``input``'s number of dims.
        sparse_grad (bool): keyword-only; must be False (sparse gradients are not supported). Default: False.
    
    Returns:
        Tensor: the gathered values, of ``index``'s shape.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.], [4., 5., 6.]])
        >>> rt.gather(x, 1, rt.tensor([[2, 0], [1, 1]]))
        tensor([[3., 1.],
                [5., 5.]])
        >>> rt.gather(x, 0, rt.tensor([[1, 0, 1]])).tolist()
        [[4.0, 2.0, 6.0]]
    """
def ge(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input >= other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.ge(rt.tensor([[1, 2], [3, 4]]), rt.tensor([2, 2]))
        tensor([[False,  True],
                [ True,  True]])
    """
def ger(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Alias of outer.
    
    Args:
        input (Tensor): the vector of length n.
        vec2 (Tensor): the vector of length m.
    
    Returns:
        Tensor: the (n, m) matrix ``input[i] * vec2[j]``.
    
    Example:
        >>> rt.ger(rt.tensor([1., 2.]), rt.tensor([3., 4.]))
        tensor([[3., 4.],
                [6., 8.]])
    """
def get_default_dtype() -> DType:
    """
    The default floating dtype (float32 unless changed).
    
    It is the dtype of tensors made from Python floats and of ``rt.zeros``, ``rt.rand``, ... without ``dtype=``.
    
    Returns:
        dtype: ``rt.float32`` or ``rt.float64``.
    
    Example:
        >>> rt.get_default_dtype()
        rustorch.float32
        >>> rt.tensor([1.5]).dtype
        rustorch.float32
    """
def get_num_threads() -> builtins.int:
    """
    The number of threads used by rustorch kernels and OpenBLAS.
    
    Returns:
        int: the number of threads (see ``set_num_threads``).
    
    Example:
        >>> rt.get_num_threads() >= 1
        True
    """
def group_norm(input: Tensor, num_groups: typing.SupportsInt | typing.SupportsIndex, weight: Tensor | None = None, bias: Tensor | None = None, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Group normalization of (N, C, *) over num_groups groups of channels.
    
    Args:
        input (Tensor): the input, (N, C, *).
        num_groups (int): the number of groups (divides C).
        weight (Tensor, optional): the per-channel scale, (C,). Default: None.
        bias (Tensor, optional): the per-channel shift, (C,). Default: None.
        eps (float): added to the variance. Default: 1e-05.
    
    Returns:
        Tensor: the normalised input, of the same shape.
    
    Example:
        >>> x = rt.tensor([[1., 3., 5., 9.]])
        >>> F.group_norm(x, 2, eps=0.).tolist()
        [[-1.0, 1.0, -1.0, 1.0]]
    """
def gt(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input > other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.gt(rt.tensor([1, 2, 3]), 2).tolist()
        [False, False, True]
    """
def hstack(tensors: typing.Any) -> Tensor:
    """
    Concatenates along dim 1 (dim 0 for 1-D tensors).
    
    Args:
        tensors (sequence of Tensor): the tensors.
    
    Returns:
        Tensor: the concatenation.
    
    Example:
        >>> rt.hstack([rt.tensor([1, 2]), rt.tensor([3])]).tolist()
        [1, 2, 3]
        >>> rt.hstack([rt.tensor([[1], [2]]), rt.tensor([[3], [4]])])
        tensor([[1, 3],
                [2, 4]])
    """
def imag(input: Tensor) -> Tensor:
    """
    The imaginary part of a complex tensor as a float view sharing its memory.
    
    Args:
        input (Tensor): a complex tensor (a real one raises TypeError).
    
    Returns:
        Tensor: the imaginary parts (float32 for complex64, float64 for complex128), a view of ``input``.
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> rt.imag(z).tolist()
        [3.0, -4.0]
        >>> rt.imag(z).dtype
        rustorch.float32
    """
def index_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any, source: Tensor, *, alpha: Number = 1) -> Tensor:
    """
    A copy of input with alpha * source added at `index` along dim.
    
    Entry ``i`` of ``source`` along ``dim`` is added to entry ``index[i]`` of ``input``; repeated indices are
    summed.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to index.
        index (Tensor): the 1-D int64 indices, one per entry of ``source`` along ``dim``.
        source (Tensor): the values to add; like ``input`` except along ``dim``.
        alpha (number): the factor of ``source``. Default: 1.
    
    Returns:
        Tensor: the updated copy; ``input`` is unchanged.
    
    Example:
        >>> x = rt.zeros(3, 2)
        >>> rt.index_add(x, 0, rt.tensor([0, 2, 0]), rt.ones(3, 2), alpha=2)
        tensor([[4., 4.],
                [0., 0.],
                [2., 2.]])
    """
def index_put(input: Tensor, indices: typing.Any, values: typing.Any, accumulate: builtins.bool = False) -> Tensor:
    """
    A copy of input with input[indices] = values (or += with accumulate).
    
    Args:
        input (Tensor): the tensor.
        indices (tuple of Tensor): one int64 (or bool) index tensor per leading dim, as in ``input[indices]``
            (None takes the whole dim).
        values (Tensor or number): the values, broadcast to the indexed shape.
        accumulate (bool): add ``values`` instead of writing them; repeated indices are then summed. Default: False.
    
    Returns:
        Tensor: the updated copy; ``input`` is unchanged.
    
    Example:
        >>> x = rt.zeros(4)
        >>> rt.index_put(x, (rt.tensor([0, 2]),), rt.tensor([1., 2.])).tolist()
        [1.0, 0.0, 2.0, 0.0]
        >>> rt.index_put(x, (rt.tensor([1, 1]),), rt.tensor([1., 2.]), accumulate=True).tolist()
        [0.0, 3.0, 0.0, 0.0]
    """
def index_select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.Any) -> Tensor:
    """
    The entries at `index` (1-D int64) along dim.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to index.
        index (Tensor): the 1-D int64 indices (a list is converted); repeats allowed.
    
    Returns:
        Tensor: a new tensor with ``len(index)`` entries along ``dim``.
    
    Example:
        >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.index_select(x, 1, rt.tensor([2, 0]))
        tensor([[3, 1],
                [6, 4]])
    """
def initial_seed() -> builtins.int:
    """
    The seed the default generator was last seeded with.
    
    Returns:
        int: the seed given to ``manual_seed`` (or drawn by ``seed``).
    
    Example:
        >>> rt.manual_seed(7)
        >>> rt.initial_seed()
        7
    """
def inner(input: Tensor, other: Tensor) -> Tensor:
    """
    Sum of products over the last dims.
    
    For 1-D tensors it is the dot product; in general the result has shape
    ``input.shape[:-1] + other.shape[:-1]``.
    
    Args:
        input (Tensor): the first tensor.
        other (Tensor): the second tensor, with the same last dim.
    
    Returns:
        Tensor: the sums of products over the last dim.
    
    Example:
        >>> rt.inner(rt.tensor([1., 2., 3.]), rt.tensor([1., 0., -1.])).item()
        -2.0
        >>> rt.inner(rt.ones(2, 3), rt.ones(4, 3)).shape
        (2, 4)
    """
def instance_norm(input: Tensor, running_mean: Tensor | None = None, running_var: Tensor | None = None, weight: Tensor | None = None, bias: Tensor | None = None, use_input_stats: builtins.bool = True, momentum: typing.SupportsFloat | typing.SupportsIndex = 0.1, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Instance normalization of each (sample, channel) plane.
    
    Args:
        input (Tensor): the input, (N, C, *spatial) with at least one spatial dim.
        running_mean (Tensor, optional): running means, (C,); updated in place with ``use_input_stats``. Default: None.
        running_var (Tensor, optional): running variances, (C,); updated in place with ``use_input_stats``. Default: None.
        weight (Tensor, optional): the per-channel scale, (C,). Default: None.
        bias (Tensor, optional): the per-channel shift, (C,). Default: None.
        use_input_stats (bool): normalise with each plane's statistics; else with the running ones (which are then required). Default: True.
        momentum (float): the weight of the batch statistics in the running update. Default: 0.1.
        eps (float): added to the variance. Default: 1e-05.
    
    Returns:
        Tensor: the normalised input, of the same shape.
    
    Example:
        >>> x = rt.tensor([[[1., 3.], [0., 4.]]])
        >>> F.instance_norm(x, eps=0.)
        tensor([[[-1.,  1.],
                 [-1.,  1.]]])
    """
def interpolate(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None, mode: str = 'nearest', align_corners: builtins.bool | None = None, recompute_scale_factor: builtins.bool | None = None, antialias: builtins.bool = False) -> Tensor:
    """
    Resizes the spatial dims of (N, C, *spatial) to size or by scale_factor. mode: nearest, nearest-exact, linear, bilinear, trilinear or area.
    
    Args:
        input (Tensor): the input, (N, C, *spatial) with 1 to 3 spatial dims.
        size (int or tuple of ints, optional): the output spatial size. Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of the spatial size (when ``size`` is None). Default: None.
        mode (str): ``'nearest'``, ``'nearest-exact'``, ``'linear'``, ``'bilinear'``, ``'trilinear'`` or ``'area'``. Default: ``'nearest'``.
        align_corners (bool, optional): for the linear modes, align the corner pixels' centres of input and output (False when None). Default: None.
        recompute_scale_factor (bool, optional): compute the sampling from the output size instead of ``scale_factor``. Default: None.
        antialias (bool): not supported; must be False. Default: False.
    
    Returns:
        Tensor: the resized tensor, (N, C, *size).
    
    Example:
        >>> x = rt.tensor([[[1., 2.]]])
        >>> F.interpolate(x, scale_factor=2).tolist()
        [[[1.0, 1.0, 2.0, 2.0]]]
        >>> F.interpolate(x, size=4, mode='linear').tolist()
        [[[1.0, 1.25, 1.75, 2.0]]]
        >>> F.interpolate(x, size=3, mode='linear', align_corners=True).tolist()
        [[[1.0, 1.5, 2.0]]]
    """
def is_complex(input: Tensor) -> builtins.bool:
    """
    True for complex64 and complex128 tensors.
    
    Args:
        input (Tensor): the tensor.
    
    Returns:
        bool: whether ``input``'s dtype is complex.
    
    Example:
        >>> rt.is_complex(rt.zeros(2, dtype=rt.complex64))
        True
        >>> rt.is_complex(rt.zeros(2))
        False
    """
def is_grad_enabled() -> builtins.bool:
    """
    True unless gradient recording is off (rt.no_grad).
    
    Returns:
        bool: whether operations on tensors that require grad are recorded for autograd.
    
    Example:
        >>> rt.is_grad_enabled()
        True
        >>> with rt.no_grad():
        ...     print(rt.is_grad_enabled())
        False
    """
def is_tensor(obj: typing.Any) -> builtins.bool:
    """
    True if obj is an rt.Tensor.
    
    Args:
        obj: any object.
    
    Returns:
        bool: whether ``obj`` is a tensor.
    
    Example:
        >>> rt.is_tensor(rt.zeros(2))
        True
        >>> rt.is_tensor([0., 0.])
        False
    """
def isclose(input: Tensor, other: Tensor, rtol: typing.SupportsFloat | typing.SupportsIndex = 1e-05, atol: typing.SupportsFloat | typing.SupportsIndex = 1e-08, equal_nan: builtins.bool = False) -> Tensor:
    """
    Elementwise |input - other| <= atol + rtol * |other| (bool result); same dtypes required.
    
    Args:
        input (Tensor): the first tensor.
        other (Tensor): the second tensor, broadcast against ``input`` (same dtype).
        rtol (float): the relative tolerance. Default: 1e-05.
        atol (float): the absolute tolerance. Default: 1e-08.
        equal_nan (bool): count two NaNs as close. Default: False.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.isclose(rt.tensor([1., 2., float('nan')]), rt.tensor([1.000001, 2.1, float('nan')])).tolist()
        [True, False, False]
        >>> rt.isclose(rt.tensor([float('nan')]), rt.tensor([float('nan')]), equal_nan=True).tolist()
        [True]
    """
def isfinite(input: Tensor) -> Tensor:
    """
    Elementwise test for finite values (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.isfinite(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
        tensor([[ True, False],
                [False, False]])
    """
def isinf(input: Tensor) -> Tensor:
    """
    Elementwise test for +/-inf (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.isinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
        tensor([[False,  True],
                [ True, False]])
    """
def isnan(input: Tensor) -> Tensor:
    """
    Elementwise test for NaN (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.isnan(rt.tensor([[1., float('nan')], [float('inf'), 0.]]))
        tensor([[False,  True],
                [False, False]])
    """
def isneginf(input: Tensor) -> Tensor:
    """
    Elementwise test for -inf (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.isneginf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
        tensor([[False, False],
                [ True, False]])
    """
def isposinf(input: Tensor) -> Tensor:
    """
    Elementwise test for +inf (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.isposinf(rt.tensor([[1., float('inf')], [float('-inf'), float('nan')]]))
        tensor([[False,  True],
                [False, False]])
    """
def layer_norm(input: Tensor, normalized_shape: typing.Any, weight: Tensor | None = None, bias: Tensor | None = None, eps: typing.SupportsFloat | typing.SupportsIndex = 1e-05) -> Tensor:
    """
    Layer normalization over the trailing dims given by normalized_shape.
    
    Args:
        input (Tensor): the input, (*, *normalized_shape).
        normalized_shape (int or tuple of ints): the trailing dims to normalise over.
        weight (Tensor, optional): the elementwise scale, of shape normalized_shape. Default: None.
        bias (Tensor, optional): the elementwise shift, of shape normalized_shape. Default: None.
        eps (float): added to the variance. Default: 1e-05.
    
    Returns:
        Tensor: the normalised input, of the same shape.
    
    Example:
        >>> x = rt.tensor([[1., 3.], [2., 6.]])
        >>> F.layer_norm(x, (2,), eps=0.)
        tensor([[-1.,  1.],
                [-1.,  1.]])
        >>> F.layer_norm(x, 2, weight=rt.tensor([1., 2.]), bias=rt.tensor([0., 1.]), eps=0.)[0].tolist()
        [-1.0, 3.0]
    """
def le(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input <= other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.le(rt.tensor([1, 2, 3]), 2).tolist()
        [True, True, False]
    """
def lgamma(input: Tensor) -> Tensor:
    """
    log|Gamma(x)| elementwise (gradient: digamma).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results (inf at 0 and the negative integers).
    
    Example:
        >>> rt.lgamma(rt.tensor([[1., 2.], [5., 0.5]]))
        tensor([[0.0000, 0.0000],
                [3.1781, 0.5724]])
        >>> rt.lgamma(rt.tensor([0., -1.])).tolist()
        [inf, inf]
    """
def linspace(start: typing.Any, end: typing.Any, steps: typing.Any, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    steps values evenly spaced from start to end, both included.
    
    Args:
        start (number): the first value.
        end (number): the last value.
        steps (int): the number of values.
        dtype (dtype, optional): the element type; the default float dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a 1-D tensor of ``steps`` values.
    
    Example:
        >>> rt.linspace(0, 1, 5).tolist()
        [0.0, 0.25, 0.5, 0.75, 1.0]
    """
def log(input: Tensor) -> Tensor:
    """
    Elementwise natural logarithm.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.log(rt.tensor([[1., 2.], [10., 0.5]]))
        tensor([[ 0.0000,  0.6931],
                [ 2.3026, -0.6931]])
    """
def log10(input: Tensor) -> Tensor:
    """
    Elementwise base-10 logarithm.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.log10(rt.tensor([[1., 10.], [100., 2.]]))
        tensor([[0.0000, 1.0000],
                [2.0000, 0.3010]])
    """
def log1p(input: Tensor) -> Tensor:
    """
    Elementwise log(1 + x), accurate near 0.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.log1p(rt.tensor([[0., 1e-10], [1., -0.5]]))
        tensor([[ 0.0000e+00,  1.0000e-10],
                [ 6.9315e-01, -6.9315e-01]])
    """
def log2(input: Tensor) -> Tensor:
    """
    Elementwise base-2 logarithm.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.log2(rt.tensor([[1., 2.], [8., 0.5]]))
        tensor([[ 0.,  1.],
                [ 3., -1.]])
    """
def log_softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
    """
    x - logsumexp(x) along dim, computed stably (input cast to dtype first when given).
    
    Args:
        input (Tensor): a floating-point tensor (an integer one needs ``dtype``).
        dim (int): the dim along which to normalise.
        dtype (dtype, optional): the dtype to cast the input to first. Default: None.
    
    Returns:
        Tensor: the log-probabilities, of ``input``'s shape.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])
        >>> rt.log_softmax(x, dim=1)
        tensor([[-2.4076, -1.4076, -0.4076],
                [-1.0986, -1.0986, -1.0986]])
    """
def logical_and(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical AND of the truth values (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.logical_and(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()
        [True, False, False]
        >>> rt.logical_and(rt.tensor([0., 1., 2.]), rt.tensor([1., 1., 0.])).tolist()
        [False, True, False]
    """
def logical_not(input: Tensor) -> Tensor:
    """
    Elementwise logical NOT of the truth values (bool result).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a bool tensor of ``input``'s shape.
    
    Example:
        >>> rt.logical_not(rt.tensor([[0., 1.5], [-2., 0.]]))
        tensor([[ True, False],
                [False,  True]])
    """
def logical_or(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical OR of the truth values (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.logical_or(rt.tensor([True, False, False]), rt.tensor([False, False, True])).tolist()
        [True, False, True]
    """
def logical_xor(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise logical XOR of the truth values (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.logical_xor(rt.tensor([True, True, False]), rt.tensor([True, False, False])).tolist()
        [False, True, False]
    """
def logspace(start: typing.Any, end: typing.Any, steps: typing.Any, base: typing.SupportsFloat | typing.SupportsIndex = 10.0, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    steps values base**x for x evenly spaced from start to end, both included.
    
    Args:
        start (number): the first exponent.
        end (number): the last exponent.
        steps (int): the number of values.
        base (float): the base of the powers. Default: 10.0.
        dtype (dtype, optional): the element type; the default float dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a 1-D tensor of ``steps`` values ``base ** x``.
    
    Example:
        >>> rt.logspace(0, 2, 3).tolist()
        [1.0, 10.0, 100.0]
        >>> rt.logspace(0, 3, 4, base=2).tolist()
        [1.0, 2.0, 4.0, 8.0]
    """
def logsumexp(input: Tensor, dim: typing.Any, keepdim: builtins.bool = False) -> Tensor:
    """
    log(sum(exp(input))) over dim, computed stably.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints): the dims to reduce.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
    
    Returns:
        Tensor: the results, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[0., 0.], [1000., 1000.]])
        >>> rt.logsumexp(x, dim=1, keepdim=True)
        tensor([[6.9315e-01],
                [1.0007e+03]])
        >>> round(rt.logsumexp(rt.tensor([1., 2., 3.]), dim=0).item(), 4)
        3.4076
    """
def lt(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input < other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.lt(rt.tensor([1, 2, 3]), 2).tolist()
        [True, False, False]
    """
def manual_seed(seed: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Seeds the default generator so random creation is reproducible.
    
    Args:
        seed (int): the seed, a non-negative integer below 2**64.
    
    Example:
        >>> rt.manual_seed(42)
        >>> a = rt.rand(3)
        >>> rt.manual_seed(42)
        >>> bool((rt.rand(3) == a).all())
        True
        >>> rt.initial_seed()
        42
    """
def masked_fill(input: Tensor, mask: typing.Any, value: typing.Any) -> Tensor:
    """
    A copy with value written where mask is true.
    
    Args:
        input (Tensor): the tensor.
        mask (Tensor): a bool tensor broadcastable to ``input``'s shape.
        value (number or Tensor): the value to write (a number or a 0-D tensor).
    
    Returns:
        Tensor: a copy of ``input`` with ``value`` where ``mask`` is true.
    
    Example:
        >>> x = rt.tensor([1., 2., 3.])
        >>> rt.masked_fill(x, x > 1.5, 0.).tolist()
        [1.0, 0.0, 0.0]
    """
def masked_select(input: Tensor, mask: typing.Any) -> Tensor:
    """
    A 1-D tensor of the elements where mask (broadcast) is true.
    
    Args:
        input (Tensor): the tensor.
        mask (Tensor): a bool tensor; ``input`` and ``mask`` broadcast together.
    
    Returns:
        Tensor: a new 1-D tensor of the selected elements, in row-major order.
    
    Example:
        >>> x = rt.tensor([[1, 2], [3, 4]])
        >>> rt.masked_select(x, x % 2 == 0).tolist()
        [2, 4]
    """
def matmul(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Matrix product like torch.matmul: 1-D @ 1-D is a dot product, 2-D @ 2-D a matrix product, 1-D operands are
    promoted to a row/column and back, and batch dims broadcast.
    
    Large products run with the GIL released. ``a @ b`` on tensors is the same product.
    
    Args:
        input (Tensor): the first operand (lists and NumPy arrays are converted).
        other (Tensor): the second operand (lists and NumPy arrays are converted).
    
    Returns:
        Tensor: the product; a 0-D tensor for two 1-D operands.
    
    Example:
        >>> a = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.matmul(a, rt.tensor([1., 1.])).tolist()
        [3.0, 7.0]
        >>> rt.matmul(a, a)
        tensor([[ 7., 10.],
                [15., 22.]])
        >>> rt.matmul(rt.ones(5, 2, 3), rt.ones(3, 4)).shape
        (5, 2, 4)
    """
def max(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
    """
    Without dim: the largest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise maximum.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.
        keepdim (bool): keep the reduced dim with size 1. Default: False.
    
    Returns:
        Tensor or rt.return_types.max: the largest element (no dim), the named tuple (values, indices) (with dim), or the elementwise maximum (with a tensor).
    
    Example:
        >>> x = rt.tensor([[1., 5.], [4., 2.]])
        >>> rt.max(x).item()
        5.0
        >>> values, indices = rt.max(x, dim=1)
        >>> values.tolist()
        [5.0, 4.0]
        >>> indices.tolist()
        [1, 0]
        >>> rt.max(x, 0, keepdim=True).indices.tolist()
        [[1, 0]]
        >>> rt.max(x, rt.tensor([3., 3.]))
        tensor([[3., 5.],
                [4., 3.]])
    """
def max_pool1d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 1 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides (at most half the kernel). Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): also return the indices of the maxima in the input's last dim (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])
        >>> F.max_pool1d(x, 2).tolist()
        [[[5.0, 2.0, 4.0]]]
        >>> out, idx = F.max_pool1d(x, 3, stride=1, return_indices=True)
        >>> idx.tolist()
        [[[1, 1, 4, 5]]]
    """
def max_pool1d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling over the last 1 dims returning (output, indices).
    
    Args:
        input (Tensor): the input, (N, C, L) or (C, L).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides. Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.
    
    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices``: the indices of the maxima in the input's last dim.
    
    Example:
        >>> x = rt.tensor([[[1., 5., 2., 0., 3., 4.]]])
        >>> out, idx = F.max_pool1d_with_indices(x, 2)
        >>> out.tolist(), idx.tolist()
        ([[[5.0, 2.0, 4.0]]], [[[1, 2, 5]]])
    """
def max_pool2d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 2 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides (at most half the kernel). Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): also return the flat indices of the maxima in each (H, W) plane (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> F.max_pool2d(x, 2)
        tensor([[[[ 5.,  7.],
                  [13., 15.]]]])
        >>> tuple(F.max_pool2d(rt.randn(2, 3, 7, 7), 3, stride=2, padding=1).shape)
        (2, 3, 4, 4)
    """
def max_pool2d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling over the last 2 dims returning (output, indices).
    
    Args:
        input (Tensor): the input, (N, C, H, W) or (C, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides. Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.
    
    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices``: the flat indices of the maxima in each (H, W) plane.
    
    Example:
        >>> x = rt.arange(16.).reshape(1, 1, 4, 4)
        >>> out, idx = F.max_pool2d_with_indices(x, 2)
        >>> idx
        tensor([[[[ 5,  7],
                  [13, 15]]]])
    """
def max_pool3d(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = False) -> typing.Any:
    """
    Max pooling over the last 3 dims; stride defaults to kernel_size. With return_indices, also returns the flat indices of the maxima.
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides (at most half the kernel). Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): also return the flat indices of the maxima in each (D, H, W) plane (int64). Default: False.
    
    Returns:
        Tensor or tuple of Tensors: the pooled output, or ``(output, indices)`` with ``return_indices``.
    
    Example:
        >>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)
        >>> F.max_pool3d(x, 2)[0, 0]
        tensor([[[21., 23.],
                 [29., 31.]],
        <BLANKLINE>
                [[53., 55.],
                 [61., 63.]]])
        >>> tuple(F.max_pool3d(x, 3, stride=1, ceil_mode=True).shape)
        (1, 1, 2, 2, 2)
    """
def max_pool3d_with_indices(input: Tensor, kernel_size: typing.Any, stride: typing.Any = None, padding: typing.Any = 0, dilation: typing.Any = 1, ceil_mode: builtins.bool = False, return_indices: builtins.bool = True) -> typing.Any:
    """
    Max pooling over the last 3 dims returning (output, indices).
    
    Args:
        input (Tensor): the input, (N, C, D, H, W) or (C, D, H, W).
        kernel_size (int or tuple of ints): the window size.
        stride (int or tuple of ints, optional): the step of the window; ``kernel_size`` when None. Default: None.
        padding (int or tuple of ints): the implicit -inf padding on both sides. Default: 0.
        dilation (int or tuple of ints): the spacing between window elements. Default: 1.
        ceil_mode (bool): round the output size up instead of down. Default: False.
        return_indices (bool): accepted for compatibility; the indices are always returned. Default: True.
    
    Returns:
        tuple of Tensors: the pooled ``output`` and the int64 ``indices``: the flat indices of the maxima in each (D, H, W) plane.
    
    Example:
        >>> x = rt.arange(64.).reshape(1, 1, 4, 4, 4)
        >>> out, idx = F.max_pool3d_with_indices(x, 4)
        >>> out.item(), idx.item()
        (63.0, 63)
    """
def maximum(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise maximum; NaN propagates.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.maximum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()
        [4.0, 5.0, 3.0]
        >>> rt.maximum(rt.tensor([[1., 5.], [-1., 0.]]), rt.tensor([0., 2.]))
        tensor([[1., 5.],
                [0., 2.]])
    """
def mean(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Mean over dim (int or tuple; all dims when None). Integer inputs need a floating dtype=.
    
    Args:
        input (Tensor): the tensor to reduce.
        dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.
    
    Returns:
        Tensor: the means, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.mean(x).item()
        2.5
        >>> rt.mean(x, dim=0).tolist()
        [2.0, 3.0]
        >>> x.mean((0, 1), keepdim=True).tolist()
        [[2.5]]
        >>> rt.mean(rt.tensor([1, 2]), dtype=rt.float64).item()
        1.5
    """
def min(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False) -> typing.Any:
    """
    Without dim: the smallest element (NaN if any). With dim: a (values, indices) named tuple; indices are the first occurrence. With a tensor instead of dim: the elementwise minimum.
    
    Args:
        input (Tensor): the input tensor.
        dim (int or Tensor, optional): the dim to reduce, or a tensor to compare with elementwise. Default: None.
        keepdim (bool): keep the reduced dim with size 1. Default: False.
    
    Returns:
        Tensor or rt.return_types.min: the smallest element (no dim), the named tuple (values, indices) (with dim), or the elementwise minimum (with a tensor).
    
    Example:
        >>> x = rt.tensor([[1., 5.], [4., 2.]])
        >>> rt.min(x).item()
        1.0
        >>> values, indices = rt.min(x, dim=1)
        >>> values.tolist()
        [1.0, 2.0]
        >>> indices.tolist()
        [0, 1]
        >>> rt.min(x, rt.tensor([3., 3.]))
        tensor([[1., 3.],
                [3., 2.]])
    """
def minimum(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise minimum; NaN propagates.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.minimum(rt.tensor([1., 5., 3.]), rt.tensor([4., 2., 3.])).tolist()
        [1.0, 2.0, 3.0]
        >>> rt.minimum(rt.tensor([1., float('nan')]), rt.tensor([0., 1.])).tolist()
        [0.0, nan]
    """
def mm(input: Tensor, mat2: Tensor) -> Tensor:
    """
    Product of two 2-D matrices.
    
    Unlike ``matmul`` it does not broadcast: ``input`` is (n, m) and ``mat2`` is (m, p).
    
    Args:
        input (Tensor): the (n, m) matrix.
        mat2 (Tensor): the (m, p) matrix.
    
    Returns:
        Tensor: the (n, p) product.
    
    Example:
        >>> rt.mm(rt.tensor([[1., 2.], [3., 4.]]), rt.tensor([[1., 0.], [0., 2.]]))
        tensor([[1., 4.],
                [3., 8.]])
    """
def moveaxis(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    Alias of movedim.
    
    Args:
        input (Tensor): the tensor.
        source (int or tuple of ints): the dims to move.
        destination (int or tuple of ints): their new positions (as many as ``source``).
    
    Returns:
        Tensor: a view of ``input`` with the dims moved.
    
    Example:
        >>> rt.moveaxis(rt.zeros(2, 3, 4), 2, 0).shape
        (4, 2, 3)
    """
def movedim(input: Tensor, source: typing.Any, destination: typing.Any) -> Tensor:
    """
    A view with dims moved.
    
    The dims in ``source`` move to the positions in ``destination``; the other dims keep their order.
    
    Args:
        input (Tensor): the tensor.
        source (int or tuple of ints): the dims to move.
        destination (int or tuple of ints): their new positions (as many as ``source``).
    
    Returns:
        Tensor: a view of ``input`` with the dims moved.
    
    Example:
        >>> rt.movedim(rt.zeros(2, 3, 4), 0, -1).shape
        (3, 4, 2)
        >>> rt.movedim(rt.zeros(2, 3, 4), (0, 1), (2, 0)).shape
        (3, 4, 2)
    """
def mul(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise product, broadcast and type-promoted.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.mul(rt.tensor([1., 2., 3.]), rt.tensor([2., 2., 0.5])).tolist()
        [2.0, 4.0, 1.5]
        >>> rt.mul(rt.tensor([1, 2]), 1.5).tolist()
        [1.5, 3.0]
    """
def multinomial(input: Tensor, num_samples: typing.SupportsInt | typing.SupportsIndex, replacement: builtins.bool = False, *, generator: typing.Any = None) -> Tensor:
    """
    Indices drawn from the rows of `input` (non-negative weights), with or without replacement.
    
    Index ``i`` is drawn with probability ``input[..., i] / input.sum(-1)``; without replacement, each draw
    excludes the indices already drawn.
    
    Args:
        input (Tensor): the non-negative weights: a 1-D tensor, or a 2-D tensor with one distribution per row.
        num_samples (int): the number of indices to draw from each row.
        replacement (bool): draw with replacement. Default: False.
        generator (Generator, optional): the generator to draw from; the default generator when None.
    
    Returns:
        Tensor: the int64 indices, of shape (num_samples,) or (rows, num_samples).
    
    Example:
        >>> w = rt.tensor([0., 1., 3.])
        >>> s = rt.multinomial(w, 4, replacement=True)
        >>> s.shape, s.dtype
        ((4,), rustorch.int64)
        >>> bool((s > 0).all())
        True
        >>> sorted(rt.multinomial(w, 2).tolist())
        [1, 2]
    """
def mv(input: Tensor, vec: Tensor) -> Tensor:
    """
    Matrix-vector product.
    
    Args:
        input (Tensor): the (n, m) matrix.
        vec (Tensor): the vector of length m.
    
    Returns:
        Tensor: the vector of length n.
    
    Example:
        >>> rt.mv(rt.tensor([[1., 2.], [3., 4.]]), rt.tensor([1., -1.])).tolist()
        [-1.0, -1.0]
    """
def narrow(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, start: typing.SupportsInt | typing.SupportsIndex, length: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view of `length` elements along dim starting at start.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to narrow.
        start (int): the first index kept (negative counts from the end).
        length (int): the number of indices kept.
    
    Returns:
        Tensor: a view of ``input`` with ``length`` elements along ``dim``.
    
    Example:
        >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.narrow(x, 1, 1, 2)
        tensor([[2, 3],
                [5, 6]])
    """
def ne(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise input != other (bool result).
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: a bool tensor of the broadcast shape.
    
    Example:
        >>> rt.ne(rt.tensor([1, 2, 3]), rt.tensor([1, 0, 3])).tolist()
        [False, True, False]
    """
def neg(input: Tensor) -> Tensor:
    """
    Elementwise negation (not for bool tensors).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.neg(rt.tensor([[1., -2.], [0.5, 3.]]))
        tensor([[-1.0000,  2.0000],
                [-0.5000, -3.0000]])
    """
def nll_loss(input: Tensor, target: Tensor, weight: Tensor | None = None, size_average: typing.Any = None, ignore_index: typing.SupportsInt | typing.SupportsIndex = -100, reduce: typing.Any = None, reduction: str = 'mean') -> Tensor:
    """
    Negative log likelihood of log-probabilities (N, C, *) at int64 class indices (N, *).
    
    Args:
        input (Tensor): log-probabilities, (N, C, *) or (C,).
        target (Tensor): int64 class indices, (N, *).
        weight (Tensor, optional): per-class weights, (C,); the mean divides by the sum of the targets' weights. Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        ignore_index (int): a target index that contributes no loss (nor to the mean). Default: -100.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
    
    Returns:
        Tensor: the loss, a 0-d tensor unless ``reduction='none'`` (then one value per sample, (N, *)).
    
    Example:
        >>> logp = rt.tensor([[-0.5, -1.0], [-2.0, -0.25]])
        >>> F.nll_loss(logp, rt.tensor([0, 1])).item()
        0.375
        >>> F.nll_loss(logp, rt.tensor([0, 1]), ignore_index=1).item()
        0.5
    """
def nonzero(input: Tensor, *, as_tuple: builtins.bool = False) -> typing.Any:
    """
    Coordinates of the non-zero elements.
    
    Args:
        input (Tensor): the tensor.
        as_tuple (bool): return one 1-D tensor per dim instead of one 2-D tensor. Default: False.
    
    Returns:
        Tensor or tuple of Tensor: an (n, input.dim()) int64 tensor of the coordinates of the n non-zero
        elements, in row-major order; with ``as_tuple``, ``input.dim()`` 1-D int64 tensors of length n.
    
    Example:
        >>> x = rt.tensor([[0, 1], [2, 0]])
        >>> rt.nonzero(x)
        tensor([[0, 1],
                [1, 0]])
        >>> rt.nonzero(x, as_tuple=True)
        (tensor([0, 1]), tensor([1, 0]))
    """
def norm(input: Tensor, p: typing.Any = 'fro', dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Vector p-norm over dim (all elements when None): p = 'fro' (2), any number, inf or -inf.
    
    Args:
        input (Tensor): the input tensor.
        p (Number or str): the order: ``'fro'`` (2), any number, ``inf`` or ``-inf``. Default: ``'fro'``.
        dim (int or tuple of ints, optional): the dims to reduce; all elements when None. Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): keyword-only computation and result dtype. Default: None.
    
    Returns:
        Tensor: the norms, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[3., 4.], [-6., 8.]])
        >>> round(rt.norm(x).item(), 4)
        11.1803
        >>> rt.norm(x, dim=1).tolist()
        [5.0, 10.0]
        >>> rt.norm(x, p=1, dim=0).tolist()
        [9.0, 12.0]
        >>> rt.norm(x, p=float('inf')).item()
        8.0
    """
def normal(mean: typing.Any = 0.0, std: typing.Any = 1.0, size: typing.Any = None, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    normal(mean, std, size) for numbers, or normal(mean, std) with tensors (broadcast): normal values.
    
    Args:
        mean (float or Tensor): the mean of each value. Default: 0.0.
        std (float or Tensor): the standard deviation of each value. Default: 1.0.
        size (tuple of ints, optional): the shape of the result; required when ``mean`` and ``std`` are numbers,
            not allowed when either is a tensor (the result then has their broadcast shape).
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type when ``mean`` and ``std`` are numbers; the default float dtype
            when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: values drawn from N(mean, std ** 2).
    
    Example:
        >>> rt.normal(0., 1., (2, 3)).shape
        (2, 3)
        >>> rt.normal(rt.zeros(4), rt.ones(4)).shape
        (4,)
    """
def one_hot(tensor: Tensor, num_classes: typing.SupportsInt | typing.SupportsIndex = -1) -> Tensor:
    """
    int64 one-hot encoding with a trailing dim of num_classes (max + 1 when -1).
    
    Args:
        tensor (Tensor): the int64 class indices, of any shape.
        num_classes (int): the number of classes; the largest index + 1 when -1. Default: -1.
    
    Returns:
        Tensor: the int64 encoding, of shape (*tensor.shape, num_classes).
    
    Example:
        >>> F.one_hot(rt.tensor([0, 2, 1]))
        tensor([[1, 0, 0],
                [0, 0, 1],
                [0, 1, 0]])
        >>> F.one_hot(rt.tensor([1]), num_classes=4).tolist()
        [[0, 1, 0, 0]]
    """
def ones(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    ones(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 1.
    
    Args:
        size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
            or as the keyword ``size=``.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of the given shape, filled with 1.
    
    Example:
        >>> rt.ones(2, 2)
        tensor([[1., 1.],
                [1., 1.]])
        >>> x = rt.ones(3, dtype=rt.float64)
        >>> x.dtype, x.tolist()
        (rustorch.float64, [1.0, 1.0, 1.0])
    """
def ones_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    ones with input's shape and dtype.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: a new tensor filled with 1, shaped like ``input``.
    
    Example:
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.ones_like(x)
        tensor([[1., 1.],
                [1., 1.]])
    """
def outer(input: Tensor, vec2: Tensor) -> Tensor:
    """
    Outer product of two 1-D tensors.
    
    Args:
        input (Tensor): the vector of length n.
        vec2 (Tensor): the vector of length m.
    
    Returns:
        Tensor: the (n, m) matrix ``input[i] * vec2[j]``.
    
    Example:
        >>> rt.outer(rt.tensor([1., 2.]), rt.tensor([1., 10., 100.]))
        tensor([[  1.,  10., 100.],
                [  2.,  20., 200.]])
    """
def pad(input: Tensor, pad: typing.Any, mode: str = 'constant', value: typing.SupportsFloat | typing.SupportsIndex | None = None) -> Tensor:
    """
    Pads the last len(pad) // 2 dims: pad = (left, right, top, bottom, ...); negative values crop. mode: 'constant', 'reflect', 'replicate' or 'circular'.
    
    Args:
        input (Tensor): the input.
        pad (tuple of ints): (before, after) pairs, from the last dim backwards.
        mode (str): ``'constant'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'constant'``.
        value (float, optional): the fill value of ``'constant'`` mode (0 when None). Default: None.
    
    Returns:
        Tensor: the padded tensor.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.]])
        >>> F.pad(x, (1, 2)).tolist()
        [[0.0, 1.0, 2.0, 3.0, 0.0, 0.0]]
        >>> F.pad(x, (1, 1), mode='reflect').tolist()
        [[2.0, 1.0, 2.0, 3.0, 2.0]]
        >>> F.pad(x, (0, 0, 1, 0), value=9.)
        tensor([[9., 9., 9.],
                [1., 2., 3.]])
    """
def permute(input: Tensor, dims: typing.Any) -> Tensor:
    """
    A view with the dims reordered.
    
    Args:
        input (Tensor): the tensor.
        dims (tuple of ints): the new order: dim ``i`` of the result is dim ``dims[i]`` of ``input``.
    
    Returns:
        Tensor: a view of ``input`` with its dims permuted.
    
    Example:
        >>> rt.permute(rt.zeros(2, 3, 4), (2, 0, 1)).shape
        (4, 2, 3)
    """
def poisson(input: Tensor, generator: typing.Any = None) -> Tensor:
    """
    Poisson counts with rates `input`.
    
    Args:
        input (Tensor): the rates (non-negative).
        generator (Generator, optional): the source of randomness; the default generator when None. Default: None.
    
    Returns:
        Tensor: the counts, of ``input``'s shape and dtype.
    
    Example:
        >>> r = rt.poisson(rt.tensor([0., 3., 100.]))
        >>> r.shape, r.dtype
        ((3,), rustorch.float32)
        >>> r[0].item()
        0.0
        >>> bool((r == r.round()).all())
        True
    """
def pow(input: typing.Any, exponent: typing.Any) -> Tensor:
    """
    Elementwise input ** exponent (tensor or number exponent).
    
    Args:
        input (Tensor or Number): the base.
        exponent (Tensor or Number): the exponent, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.pow(rt.tensor([1., 2., 3.]), 2).tolist()
        [1.0, 4.0, 9.0]
        >>> rt.pow(2, rt.tensor([1, 2, 3])).tolist()
        [2, 4, 8]
        >>> rt.pow(rt.tensor([[4., 9.], [2., 3.]]), rt.tensor([0.5, 2.]))
        tensor([[ 2.0000, 81.0000],
                [ 1.4142,  9.0000]])
    """
def prod(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Product over dim (all elements when None). bool/int inputs multiply in int64 unless dtype is given.
    
    Args:
        input (Tensor): the input tensor.
        dim (int, optional): the dim to reduce; all elements when None. Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): keyword-only accumulation and result dtype. Default: None.
    
    Returns:
        Tensor: the products, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.prod(x).item()
        24.0
        >>> rt.prod(x, dim=0).tolist()
        [3.0, 8.0]
        >>> rt.prod(x, 1, keepdim=True)
        tensor([[ 2.],
                [12.]])
        >>> rt.prod(rt.tensor([2, 3]), dtype=rt.float64).item()
        6.0
    """
def promote_types(type1: DType, type2: DType) -> DType:
    """
    The smallest dtype both type1 and type2 can be cast to.
    
    The order is bool < int64 < float32 < float64, with complex64 / complex128 above the floats.
    
    Args:
        type1 (dtype): the first dtype.
        type2 (dtype): the second dtype.
    
    Returns:
        dtype: the promoted dtype.
    
    Example:
        >>> rt.promote_types(rt.int64, rt.float32)
        rustorch.float32
        >>> rt.promote_types(rt.bool, rt.int64)
        rustorch.int64
        >>> rt.promote_types(rt.float64, rt.complex64)
        rustorch.complex128
    """
def rand(*args, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    rand(*size, generator=None, dtype=None, ...): values uniform in [0, 1).
    
    Args:
        size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
            or as the keyword ``size=``.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of the given shape with values drawn uniformly from [0, 1).
    
    Example:
        >>> x = rt.rand(2, 3)
        >>> x.shape
        (2, 3)
        >>> bool(((x >= 0) & (x < 1)).all())
        True
    """
def rand_like(input: Tensor, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    rand with input's shape and dtype.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: values drawn uniformly from [0, 1), shaped like ``input``.
    
    Example:
        >>> x = rt.rand_like(rt.zeros(2, 3))
        >>> x.shape, x.dtype
        ((2, 3), rustorch.float32)
    """
def randint(*args, low: typing.Any = None, high: typing.Any = None, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    randint(low=0, high, size, generator=None, dtype=int64): integers uniform in [low, high).
    
    Called as ``randint(high, size)`` or ``randint(low, high, size)``; each may also be given by keyword.
    
    Args:
        low (int): the smallest value that can be drawn. Default: 0.
        high (int): one above the largest value that can be drawn.
        size (tuple of ints): the shape of the result.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; ``rt.int64`` when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of shape ``size`` with integers drawn uniformly from [low, high).
    
    Example:
        >>> x = rt.randint(0, 10, (2, 3))
        >>> x.shape, x.dtype
        ((2, 3), rustorch.int64)
        >>> bool(((x >= 0) & (x < 10)).all())
        True
        >>> rt.randint(3, (4,)).shape
        (4,)
    """
def randint_like(input: Tensor, low_or_high: typing.Any, high: typing.Any = None, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    randint with input's shape and dtype: randint_like(input, high) or randint_like(input, low, high).
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        low_or_high (int): ``high`` when ``high`` is not given (``low`` is then 0), else ``low``.
        high (int, optional): one above the largest value that can be drawn.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: integers drawn uniformly from [low, high), shaped like ``input``.
    
    Example:
        >>> x = rt.randint_like(rt.zeros(2, 3, dtype=rt.int64), 5)
        >>> x.shape, x.dtype
        ((2, 3), rustorch.int64)
        >>> bool(((x >= 0) & (x < 5)).all())
        True
    """
def randn(*args, size: typing.Any = None, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    randn(*size, generator=None, dtype=None, ...): standard normal values.
    
    Args:
        size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
            or as the keyword ``size=``.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of the given shape with values drawn from the normal distribution N(0, 1).
    
    Example:
        >>> rt.randn(2, 3).shape
        (2, 3)
        >>> rt.randn(4, dtype=rt.float64).dtype
        rustorch.float64
    """
def randn_like(input: Tensor, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    randn with input's shape and dtype.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: values drawn from N(0, 1), shaped like ``input``.
    
    Example:
        >>> rt.randn_like(rt.zeros(3, dtype=rt.float64)).dtype
        rustorch.float64
    """
def randperm(n: typing.Any, *, generator: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    A random permutation of 0 .. n-1.
    
    Args:
        n (int): the number of values.
        generator (Generator, optional): the generator to draw from; the default generator when None.
        dtype (dtype, optional): the element type; ``rt.int64`` when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a 1-D tensor holding each of 0 .. n-1 once, in random order.
    
    Example:
        >>> p = rt.randperm(5)
        >>> sorted(p.tolist())
        [0, 1, 2, 3, 4]
    """
def real(input: Tensor) -> Tensor:
    """
    The real part of a complex tensor as a float view sharing its memory (a real tensor is returned as is).
    
    Args:
        input (Tensor): a complex or real tensor.
    
    Returns:
        Tensor: the real parts (float32 for complex64, float64 for complex128), a view of ``input``.
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> rt.real(z).tolist()
        [1.0, 2.0]
        >>> r = rt.real(z)
        >>> r[0] = 10.
        >>> z.tolist()
        [(10+3j), (2-4j)]
        >>> rt.real(rt.tensor([1., 2.])).tolist()
        [1.0, 2.0]
    """
def reciprocal(input: Tensor) -> Tensor:
    """
    Elementwise 1 / x (integers give the default float).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.reciprocal(rt.tensor([[1., 2.], [4., -0.5]]))
        tensor([[ 1.0000,  0.5000],
                [ 0.2500, -2.0000]])
        >>> rt.reciprocal(rt.tensor([1, 2])).dtype
        rustorch.float32
    """
def relu(input: Tensor) -> Tensor:
    """
    Elementwise max(x, 0).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.relu(rt.tensor([[-1., 0.], [2., 3.5]]))
        tensor([[0.0000, 0.0000],
                [2.0000, 3.5000]])
    """
def remainder(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise remainder with the sign of the divisor, like Python's %.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the second operand, broadcast against ``input``.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.remainder(rt.tensor([7, -7]), 3).tolist()
        [1, 2]
        >>> rt.remainder(rt.tensor([5.5, -5.5]), 2).tolist()
        [1.5, 0.5]
    """
def reshape(input: Tensor, shape: typing.Any) -> Tensor:
    """
    input with another shape: a view when possible, else a copy.
    
    Args:
        input (Tensor): the tensor to reshape.
        shape (tuple of ints): the new shape, with the same number of elements; one entry may be -1 (inferred).
    
    Returns:
        Tensor: ``input``'s elements, in row-major order, with shape ``shape``.
    
    Example:
        >>> rt.reshape(rt.arange(6), (2, 3))
        tensor([[0, 1, 2],
                [3, 4, 5]])
        >>> rt.reshape(rt.arange(6), (-1, 2)).shape
        (3, 2)
    """
def result_type(tensor1: typing.Any, tensor2: typing.Any) -> DType:
    """
    The dtype PyTorch's type promotion gives an op on the two operands.
    
    Args:
        tensor1 (Tensor or Number): the first operand.
        tensor2 (Tensor or Number): the second operand.
    
    Returns:
        dtype: the promoted dtype.
    
    Example:
        >>> rt.result_type(rt.tensor([1, 2]), 1.5)
        rustorch.float32
        >>> rt.result_type(rt.tensor([1., 2.]), rt.tensor([1], dtype=rt.float64))
        rustorch.float64
        >>> rt.result_type(2, 3)
        rustorch.int64
    """
def rnn_layer(input: Tensor, hx: Tensor, cx: Tensor | None, weight_ih: Tensor, weight_hh: Tensor, bias_ih: Tensor | None = None, bias_hh: Tensor | None = None, weight_hr: Tensor | None = None, mode: str = 'LSTM', reverse: builtins.bool = False, batch_sizes: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = []) -> tuple:
    """
    One recurrent layer in one direction over a time-major input (T, B, input_size), run in C++ with fused gate
    kernels and a BPTT backward. mode: 'RNN_TANH', 'RNN_RELU', 'LSTM' (gates i, f, g, o) or 'GRU' (gates r, z, n).
    hx (B, P); cx (B, hidden_size) for LSTM; weight_ih (G*hidden, input_size); weight_hh (G*hidden, P); weight_hr
    (P, hidden) projects an LSTM's state (else P = hidden). batch_sizes: active sequences per step of a batch sorted
    by decreasing length (packed input). Returns (output (T, B, P), h_n) and, for LSTM, c_n.
    
    Args:
        input (Tensor): the time-major input, (T, B, input_size); with ``batch_sizes``, the packed data
            (sum(batch_sizes), input_size).
        hx (Tensor): the initial hidden state, (B, P).
        cx (Tensor, optional): the initial cell state of an LSTM, (B, hidden_size). Default: None.
        weight_ih (Tensor): the input weights, (G * hidden_size, input_size), G = 1 (RNN), 4 (LSTM) or 3 (GRU).
        weight_hh (Tensor): the recurrent weights, (G * hidden_size, P).
        bias_ih (Tensor, optional): the input bias, (G * hidden_size,). Default: None.
        bias_hh (Tensor, optional): the recurrent bias, (G * hidden_size,). Default: None.
        weight_hr (Tensor, optional): the LSTM projection, (P, hidden_size). Default: None.
        mode (str): ``'RNN_TANH'``, ``'RNN_RELU'``, ``'LSTM'`` or ``'GRU'``. Default: ``'LSTM'``.
        reverse (bool): run from the last time step to the first. Default: False.
        batch_sizes (list of ints): the active sequences per step of a packed input; empty for a padded one.
            Default: [].
    
    Returns:
        tuple of Tensors: ``(output, h_n)``, and ``(output, h_n, c_n)`` for LSTM: output (T, B, P), h_n (B, P),
        c_n (B, hidden_size).
    
    Example:
        >>> T, B, I, H = 5, 2, 3, 4
        >>> x, h0, c0 = rt.randn(T, B, I), rt.zeros(B, H), rt.zeros(B, H)
        >>> out, h, c = rt.rnn_layer(x, h0, c0, rt.randn(4 * H, I), rt.randn(4 * H, H))
        >>> tuple(out.shape), tuple(h.shape), tuple(c.shape)
        ((5, 2, 4), (2, 4), (2, 4))
        >>> rt.equal(out[-1], h)
        True
        >>> out, h = rt.rnn_layer(x, h0, None, rt.randn(3 * H, I), rt.randn(3 * H, H), mode='GRU', reverse=True)
        >>> rt.equal(out[0], h)
        True
    """
def round(input: Tensor, *, decimals: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Elementwise rounding half to even; decimals rounds to that many decimal places.
    
    Args:
        input (Tensor): the input tensor.
        decimals (int): keyword-only number of decimal places to keep. Default: 0.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.round(rt.tensor([0.5, 1.5, 2.5, -1.7])).tolist()
        [0.0, 2.0, 2.0, -2.0]
        >>> rt.round(rt.tensor([[1.2345, 6.789], [-0.125, 2.]]), decimals=2)
        tensor([[ 1.2300,  6.7900],
                [-0.1200,  2.0000]])
    """
def rsqrt(input: Tensor) -> Tensor:
    """
    Elementwise 1 / sqrt(x).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.rsqrt(rt.tensor([[1., 4.], [2., 16.]]))
        tensor([[1.0000, 0.5000],
                [0.7071, 0.2500]])
    """
def scatter(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: typing.Any = None, *, value: typing.Any = None, reduce: typing.Any = None) -> Tensor:
    """
    A copy of input with src (a tensor, or a number) written at index along dim: out[i][index[i][j]] = src[i][j] for dim=1.
    
    Args:
        input (Tensor): the tensor to copy.
        dim (int): the dim to index along.
        index (Tensor): int64 indices where the values go.
        src (Tensor or Number, optional): the values to write (a tensor read at the positions of ``index``, or a number). Default: None.
        value (Number, optional): keyword-only; the number to write when ``src`` is not given. Default: None.
        reduce (str, optional): keyword-only; must be None (reductions are not supported). Default: None.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape.
    
    Example:
        >>> x = rt.zeros(2, 3)
        >>> rt.scatter(x, 1, rt.tensor([[2], [0]]), rt.tensor([[5.], [7.]]))
        tensor([[0., 0., 5.],
                [7., 0., 0.]])
        >>> rt.scatter(x, 0, rt.tensor([[1, 0, 1]]), value=2.)
        tensor([[0., 2., 0.],
                [2., 0., 2.]])
    """
def scatter_add(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: Tensor, src: Tensor) -> Tensor:
    """
    A copy of input with src added at index along dim: out[i][index[i][j]] += src[i][j] for dim=1.
    
    Args:
        input (Tensor): the tensor to copy.
        dim (int): the dim to index along.
        index (Tensor): int64 indices where the values are added.
        src (Tensor): the values to add, read at the positions of ``index``.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape.
    
    Example:
        >>> rt.scatter_add(rt.zeros(3), 0, rt.tensor([0, 2, 0, 2]), rt.tensor([1., 2., 3., 4.])).tolist()
        [4.0, 0.0, 6.0]
        >>> rt.scatter_add(rt.ones(2, 2), 1, rt.tensor([[0, 0], [1, 0]]), rt.tensor([[1., 2.], [3., 4.]]))
        tensor([[4., 1.],
                [5., 4.]])
    """
def seed() -> builtins.int:
    """
    Seeds the default generator from a nondeterministic source and returns the seed.
    
    Returns:
        int: the new seed (also returned by ``initial_seed`` afterwards).
    
    Example:
        >>> s = rt.seed()
        >>> rt.initial_seed() == s
        True
    """
def select(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view of one index along dim.
    
    ``rt.select(x, 1, i)`` is ``x[:, i]``.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to index.
        index (int): the index along ``dim`` (negative counts from the end).
    
    Returns:
        Tensor: a view of ``input`` without ``dim``.
    
    Example:
        >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.select(x, 1, 0).tolist()
        [1, 4]
    """
def select_scatter(input: Tensor, src: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, index: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A copy of input with input.select(dim, index) replaced by src.
    
    Args:
        input (Tensor): the tensor.
        src (Tensor): the values, with the shape of ``input.select(dim, index)``.
        dim (int): the dim to index.
        index (int): the index along ``dim``.
    
    Returns:
        Tensor: the updated copy; ``input`` is unchanged.
    
    Example:
        >>> rt.select_scatter(rt.zeros(2, 3), rt.tensor([1., 2., 3.]), 0, 1)
        tensor([[0., 0., 0.],
                [1., 2., 3.]])
    """
def set_default_dtype(d: DType) -> None:
    """
    Sets the default floating dtype used for Python floats (float32 or float64).
    
    It also applies to factories such as ``rt.zeros`` and ``rt.rand`` called without ``dtype=``.
    
    Args:
        d (dtype): ``rt.float32`` or ``rt.float64``.
    
    Example:
        >>> rt.set_default_dtype(rt.float64)
        >>> rt.tensor([1.5]).dtype
        rustorch.float64
        >>> rt.set_default_dtype(rt.float32)
        >>> rt.get_default_dtype()
        rustorch.float32
    """
def set_num_threads(n: typing.SupportsInt | typing.SupportsIndex) -> None:
    """
    Sets the number of threads used by rustorch kernels and OpenBLAS together.
    
    Args:
        n (int): the number of threads.
    
    Example:
        >>> n = rt.get_num_threads()
        >>> rt.set_num_threads(1)
        >>> rt.get_num_threads()
        1
        >>> rt.set_num_threads(n)
    """
def sigmoid(input: Tensor) -> Tensor:
    """
    Elementwise logistic sigmoid 1 / (1 + exp(-x)).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.sigmoid(rt.tensor([[0., 2.], [-2., 1.]]))
        tensor([[0.5000, 0.8808],
                [0.1192, 0.7311]])
    """
def sign(input: Tensor) -> Tensor:
    """
    Elementwise sign: -1, 0 or 1 (0 for NaN).
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.sign(rt.tensor([[-2., 0.], [3., float('nan')]]))
        tensor([[-1.,  0.],
                [ 1.,  0.]])
    """
def sin(input: Tensor) -> Tensor:
    """
    Elementwise sine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.sin(rt.tensor([[0., 0.5], [1.5707964, -1.]]))
        tensor([[ 0.0000,  0.4794],
                [ 1.0000, -0.8415]])
    """
def sinh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic sine.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.sinh(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[ 0.0000,  0.5211],
                [ 1.1752, -1.1752]])
    """
def slice_scatter(input: Tensor, src: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = 0, start: typing.SupportsInt | typing.SupportsIndex | None = None, end: typing.SupportsInt | typing.SupportsIndex | None = None, step: typing.SupportsInt | typing.SupportsIndex = 1) -> Tensor:
    """
    A copy of input with input[start:end:step] along dim replaced by src.
    
    Args:
        input (Tensor): the tensor.
        src (Tensor): the values, with the shape of the slice.
        dim (int): the dim to slice. Default: 0.
        start (int, optional): the first index of the slice; 0 when None.
        end (int, optional): the end of the slice (excluded); the size of ``dim`` when None.
        step (int): the step of the slice. Default: 1.
    
    Returns:
        Tensor: the updated copy; ``input`` is unchanged.
    
    Example:
        >>> rt.slice_scatter(rt.zeros(5), rt.ones(2), start=1, end=5, step=2).tolist()
        [0.0, 1.0, 0.0, 1.0, 0.0]
    """
def softmax(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, dtype: DType | None = None) -> Tensor:
    """
    exp(x) / sum(exp(x)) along dim, computed stably (input cast to dtype first when given).
    
    Args:
        input (Tensor): a floating-point tensor (an integer one needs ``dtype``).
        dim (int): the dim along which the values sum to 1.
        dtype (dtype, optional): the dtype to cast the input to first. Default: None.
    
    Returns:
        Tensor: the probabilities, of ``input``'s shape.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.], [1., 1., 1.]])
        >>> rt.softmax(x, dim=1)
        tensor([[0.0900, 0.2447, 0.6652],
                [0.3333, 0.3333, 0.3333]])
        >>> rt.softmax(x, dim=1).sum(dim=1).tolist()
        [1.0, 1.0]
    """
def sort(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = -1, descending: builtins.bool = False, *, stable: builtins.bool = False) -> typing.Any:
    """
    (values, indices) sorted along dim (stable; NaN sorts as the largest value).
    
    Args:
        input (Tensor): the input tensor.
        dim (int): the dim to sort along. Default: -1.
        descending (bool): sort from largest to smallest. Default: False.
        stable (bool): keyword-only; accepted for PyTorch compatibility (the sort is always stable). Default: False.
    
    Returns:
        rt.return_types.sort: the named tuple (values, indices) of the sorted values and their int64 positions in ``input``.
    
    Example:
        >>> x = rt.tensor([[3., 1., 2.], [0., 5., -1.]])
        >>> values, indices = rt.sort(x)
        >>> values
        tensor([[ 1.,  2.,  3.],
                [-1.,  0.,  5.]])
        >>> indices
        tensor([[1, 2, 0],
                [2, 0, 1]])
        >>> rt.sort(x, dim=0, descending=True).values
        tensor([[ 3.,  5.,  2.],
                [ 0.,  1., -1.]])
        >>> rt.sort(rt.tensor([2., float('nan'), 1.])).values.tolist()
        [1.0, 2.0, nan]
    """
def special_gammainc(input: typing.Any, other: typing.Any) -> Tensor:
    """
    Regularized lower incomplete gamma function P(a, x) (torch.special.gammainc); differentiable in x.
    
    Args:
        input (Tensor): the shape parameters a (positive).
        other (Tensor): the points x (non-negative), broadcast against ``input``.
    
    Returns:
        Tensor: P(a, x), of the broadcast shape.
    
    Example:
        >>> a = rt.tensor([[1., 2.], [3., 0.5]])
        >>> rt.special_gammainc(a, rt.ones(2, 2))
        tensor([[0.6321, 0.2642],
                [0.0803, 0.8427]])
        >>> rt.special_gammainc(rt.tensor([2.]), rt.tensor([0.])).tolist()
        [0.0]
    """
def split(tensor: Tensor, split_size_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
    """
    Views of split_size elements along dim (an int), or of the given sizes (a list).
    
    Args:
        tensor (Tensor): the tensor to split.
        split_size_or_sections (int or list of ints): the size of each piece (the last may be smaller), or the
            sizes of the pieces, which must add up to the size of ``dim``.
        dim (int): the dim to split along. Default: 0.
    
    Returns:
        tuple of Tensor: the pieces, views of ``tensor``.
    
    Example:
        >>> x = rt.arange(5)
        >>> rt.split(x, 2)
        (tensor([0, 1]), tensor([2, 3]), tensor([4]))
        >>> rt.split(x, [1, 4])
        (tensor([0]), tensor([1, 2, 3, 4]))
    """
def sqrt(input: Tensor) -> Tensor:
    """
    Elementwise square root.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.sqrt(rt.tensor([[0., 4.], [2., 9.]]))
        tensor([[0.0000, 2.0000],
                [1.4142, 3.0000]])
    """
def square(input: Tensor) -> Tensor:
    """
    Elementwise x * x.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.square(rt.tensor([[-2., 3.], [0.5, 1.]]))
        tensor([[4.0000, 9.0000],
                [0.2500, 1.0000]])
        >>> rt.square(rt.tensor([-2, 3])).tolist()
        [4, 9]
    """
def squeeze(input: Tensor, dim: typing.Any = None) -> Tensor:
    """
    A view without size-1 dims.
    
    Args:
        input (Tensor): the tensor.
        dim (int or tuple of ints, optional): the dims to remove where their size is 1 (others are kept); all
            size-1 dims when None.
    
    Returns:
        Tensor: a view of ``input`` without the squeezed dims.
    
    Example:
        >>> x = rt.zeros(2, 1, 3, 1)
        >>> rt.squeeze(x).shape
        (2, 3)
        >>> rt.squeeze(x, 1).shape
        (2, 3, 1)
    """
def stack(tensors: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> Tensor:
    """
    Stacks equal-shaped tensors along a new dim.
    
    Args:
        tensors (sequence of Tensor): the tensors, all of the same shape.
        dim (int): the position of the new dim. Default: 0.
    
    Returns:
        Tensor: a new tensor with one more dim, of size ``len(tensors)``.
    
    Example:
        >>> rt.stack([rt.tensor([1, 2]), rt.tensor([3, 4])])
        tensor([[1, 2],
                [3, 4]])
        >>> rt.stack([rt.tensor([1, 2]), rt.tensor([3, 4])], dim=1)
        tensor([[1, 3],
                [2, 4]])
    """
def std(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
    """
    Standard deviation over dim (sqrt of var; correction=1 by default; unbiased=False means 0).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
        unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: None.
    
    Returns:
        Tensor: the standard deviations, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])
        >>> round(rt.std(x).item(), 4)
        2.6077
        >>> rt.std(x, dim=1).tolist()
        [1.0, 2.0]
        >>> rt.std(x, dim=1, keepdim=True, correction=0)
        tensor([[0.8165],
                [1.6330]])
    """
def sub(input: typing.Any, other: typing.Any, *, alpha: Number = 1) -> Tensor:
    """
    input - alpha * other, broadcast and type-promoted.
    
    Args:
        input (Tensor or Number): the first operand.
        other (Tensor or Number): the tensor or number to subtract, broadcast against ``input``.
        alpha (Number): keyword-only multiplier of ``other``. Default: 1.
    
    Returns:
        Tensor: the results, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> rt.sub(rt.tensor([5., 7.]), rt.tensor([1., 2.])).tolist()
        [4.0, 5.0]
        >>> rt.sub(rt.tensor([5, 7]), rt.tensor([1, 2]), alpha=2).tolist()
        [3, 3]
        >>> rt.sub(10, rt.tensor([1, 2])).tolist()
        [9, 8]
    """
def sum(input: Tensor, dim: typing.Any = None, keepdim: builtins.bool = False, *, dtype: DType | None = None) -> Tensor:
    """
    Sum over dim (int or tuple; all dims when None). bool/int inputs sum in int64 unless dtype is given.
    
    Args:
        input (Tensor): the tensor to reduce.
        dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        dtype (dtype, optional): the accumulation and result dtype (keyword-only). Default: None.
    
    Returns:
        Tensor: the sums, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 2.], [3., 4.]])
        >>> rt.sum(x).item()
        10.0
        >>> rt.sum(x, dim=1).tolist()
        [3.0, 7.0]
        >>> x.sum(0, keepdim=True).tolist()
        [[4.0, 6.0]]
        >>> rt.sum(rt.tensor([True, True, False])).dtype
        rustorch.int64
    """
def swapaxes(input: Tensor, axis0: typing.SupportsInt | typing.SupportsIndex, axis1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Alias of transpose.
    
    Args:
        input (Tensor): the tensor.
        axis0 (int): the first dim to swap.
        axis1 (int): the second dim to swap.
    
    Returns:
        Tensor: a view of ``input`` with the two dims swapped.
    
    Example:
        >>> rt.swapaxes(rt.zeros(2, 3, 4), 0, 2).shape
        (4, 3, 2)
    """
def swapdims(input: Tensor, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    Alias of transpose.
    
    Args:
        input (Tensor): the tensor.
        dim0 (int): the first dim to swap.
        dim1 (int): the second dim to swap.
    
    Returns:
        Tensor: a view of ``input`` with the two dims swapped.
    
    Example:
        >>> rt.swapdims(rt.zeros(2, 3, 4), 1, 2).shape
        (2, 4, 3)
    """
def t(input: Tensor) -> Tensor:
    """
    The transpose of a matrix (a view).
    
    0-D and 1-D tensors are returned as they are (as a view); more than 2 dims raise ValueError.
    
    Args:
        input (Tensor): a tensor with at most 2 dims.
    
    Returns:
        Tensor: a view of ``input`` with dims 0 and 1 swapped.
    
    Example:
        >>> rt.t(rt.tensor([[1, 2], [3, 4]]))
        tensor([[1, 3],
                [2, 4]])
        >>> rt.t(rt.tensor([1, 2, 3])).shape
        (3,)
    """
def take(input: Tensor, index: typing.Any) -> Tensor:
    """
    The elements of the flattened input at `index`.
    
    Args:
        input (Tensor): the tensor, read as if flattened to 1-D.
        index (Tensor): the int64 indices into the flattened ``input`` (a list is converted).
    
    Returns:
        Tensor: a new tensor with ``index``'s shape.
    
    Example:
        >>> x = rt.tensor([[1, 2], [3, 4]])
        >>> rt.take(x, rt.tensor([0, 3])).tolist()
        [1, 4]
    """
def tan(input: Tensor) -> Tensor:
    """
    Elementwise tangent.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.tan(rt.tensor([[0., 0.5], [0.7853982, -1.]]))
        tensor([[ 0.0000,  0.5463],
                [ 1.0000, -1.5574]])
    """
def tanh(input: Tensor) -> Tensor:
    """
    Elementwise hyperbolic tangent.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.tanh(rt.tensor([[0., 0.5], [1., -1.]]))
        tensor([[ 0.0000,  0.4621],
                [ 0.7616, -0.7616]])
    """
def tensor(data: typing.Any, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    Creates a new tensor (a copy) from a number, nested lists/tuples, a NumPy array or a tensor.
    
    Args:
        data: a number, nested lists/tuples of numbers, a NumPy array or a tensor.
        dtype (dtype, optional): the element type; when None it is inferred from ``data``: ``rt.bool`` for
            bools, ``rt.int64`` for ints, the default float dtype for Python floats, a complex dtype for complex
            numbers, and the dtype of a tensor or NumPy array (NumPy integer types other than int64, e.g. int32,
            become int64).
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor that shares no memory with ``data``.
    
    Example:
        >>> rt.tensor([[1, 2], [3, 4]])
        tensor([[1, 2],
                [3, 4]])
        >>> rt.tensor([1.5, 2.0]).dtype
        rustorch.float32
        >>> rt.tensor([1, 2], dtype=rt.float64).dtype
        rustorch.float64
        >>> x = rt.tensor([1., 2.], requires_grad=True)
        >>> x.requires_grad
        True
    """
def tensor_split(input: Tensor, indices_or_sections: typing.Any, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> typing.Any:
    """
    Views split into n nearly equal sections (an int) or at the given indices (a list).
    
    With an int ``n``, the first ``size % n`` sections have one element more than the others.
    
    Args:
        input (Tensor): the tensor to split.
        indices_or_sections (int, list of ints or Tensor): the number of sections, or the indices along ``dim``
            where new sections start (an int64 tensor of 0 or 1 dims is read the same way).
        dim (int): the dim to split along. Default: 0.
    
    Returns:
        tuple of Tensor: the sections, views of ``input``.
    
    Example:
        >>> rt.tensor_split(rt.arange(5), 3)
        (tensor([0, 1]), tensor([2, 3]), tensor([4]))
        >>> rt.tensor_split(rt.arange(5), [1, 3])
        (tensor([0]), tensor([1, 2]), tensor([3, 4]))
    """
def tile(input: Tensor, dims: typing.Any) -> Tensor:
    """
    input tiled along each dim (a copy).
    
    With fewer reps than dims, 1s are prepended to ``dims``; with more, ``input`` gets leading size-1 dims.
    
    Args:
        input (Tensor): the tensor to repeat.
        dims (tuple of ints): the number of repetitions along each dim.
    
    Returns:
        Tensor: a new tensor holding the copies.
    
    Example:
        >>> rt.tile(rt.tensor([1, 2]), (2, 2))
        tensor([[1, 2, 1, 2],
                [1, 2, 1, 2]])
    """
def topk(input: Tensor, k: typing.SupportsInt | typing.SupportsIndex, dim: typing.SupportsInt | typing.SupportsIndex = -1, largest: builtins.bool = True, sorted: builtins.bool = True) -> typing.Any:
    """
    (values, indices) of the k largest (largest=False: smallest) elements along dim, in sorted order.
    
    Args:
        input (Tensor): the input tensor.
        k (int): the number of elements to keep.
        dim (int): the dim to search along. Default: -1.
        largest (bool): the largest elements when True, the smallest when False. Default: True.
        sorted (bool): return them in sorted order. Default: True.
    
    Returns:
        rt.return_types.topk: the named tuple (values, indices), each with size k along ``dim``.
    
    Example:
        >>> x = rt.tensor([1., 5., 3., 4., 2.])
        >>> values, indices = rt.topk(x, 2)
        >>> values.tolist()
        [5.0, 4.0]
        >>> indices.tolist()
        [1, 3]
        >>> rt.topk(x, 2, largest=False).values.tolist()
        [1.0, 2.0]
        >>> rt.topk(rt.tensor([[1., 9.], [7., 3.]]), 1, dim=0).indices.tolist()
        [[1, 0]]
    """
def transpose(input: Tensor, dim0: typing.SupportsInt | typing.SupportsIndex, dim1: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view with two dims swapped.
    
    Args:
        input (Tensor): the tensor.
        dim0 (int): the first dim to swap (negative counts from the end).
        dim1 (int): the second dim to swap.
    
    Returns:
        Tensor: a view of ``input`` with ``dim0`` and ``dim1`` swapped (it shares ``input``'s memory).
    
    Example:
        >>> x = rt.tensor([[1, 2, 3], [4, 5, 6]])
        >>> rt.transpose(x, 0, 1)
        tensor([[1, 4],
                [2, 5],
                [3, 6]])
    """
def trunc(input: Tensor) -> Tensor:
    """
    Elementwise rounding toward zero.
    
    Args:
        input (Tensor): the input tensor.
    
    Returns:
        Tensor: a new tensor of ``input``'s shape with the results.
    
    Example:
        >>> rt.trunc(rt.tensor([[-1.5, 0.5], [2., 2.7]]))
        tensor([[-1.,  0.],
                [ 2.,  2.]])
    """
def unbind(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex = 0) -> tuple:
    """
    A tuple of views, one per index along dim.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to remove. Default: 0.
    
    Returns:
        tuple of Tensor: ``input.size(dim)`` views without ``dim``.
    
    Example:
        >>> rt.unbind(rt.tensor([[1, 2], [3, 4]]))
        (tensor([1, 2]), tensor([3, 4]))
        >>> rt.unbind(rt.tensor([[1, 2], [3, 4]]), dim=1)
        (tensor([1, 3]), tensor([2, 4]))
    """
def unflatten(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex, sizes: typing.Any) -> Tensor:
    """
    Splits dim into the given sizes (a view).
    
    Args:
        input (Tensor): the tensor.
        dim (int): the dim to split.
        sizes (tuple of ints): the sizes that replace ``dim``; their product is its size (one may be -1).
    
    Returns:
        Tensor: a view of ``input`` with ``dim`` replaced by ``sizes``.
    
    Example:
        >>> rt.unflatten(rt.arange(6), 0, (2, 3))
        tensor([[0, 1, 2],
                [3, 4, 5]])
    """
def unsqueeze(input: Tensor, dim: typing.SupportsInt | typing.SupportsIndex) -> Tensor:
    """
    A view with a size-1 dim inserted.
    
    Args:
        input (Tensor): the tensor.
        dim (int): the position of the new dim, in ``[-input.dim() - 1, input.dim()]``.
    
    Returns:
        Tensor: a view of ``input`` with one more dim, of size 1.
    
    Example:
        >>> x = rt.tensor([1, 2, 3])
        >>> rt.unsqueeze(x, 0).shape
        (1, 3)
        >>> rt.unsqueeze(x, 1).shape
        (3, 1)
    """
def upsample(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None, mode: str = 'nearest', align_corners: builtins.bool | None = None) -> Tensor:
    """
    Same as interpolate (deprecated name).
    
    Args:
        input (Tensor): the input, (N, C, *spatial).
        size (int or tuple of ints, optional): the output spatial size. Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None.
        mode (str): the interpolation mode (see :func:`interpolate`). Default: ``'nearest'``.
        align_corners (bool, optional): for the linear modes (False when None). Default: None.
    
    Returns:
        Tensor: the resized tensor.
    
    Example:
        >>> F.upsample(rt.tensor([[[1., 2.]]]), scale_factor=2, mode='linear').tolist()
        [[[1.0, 1.25, 1.75, 2.0]]]
    """
def upsample_bilinear(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None) -> Tensor:
    """
    interpolate(..., mode='bilinear', align_corners=True).
    
    Args:
        input (Tensor): the input, (N, C, H, W).
        size (int or tuple of ints, optional): the output size (H_out, W_out). Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None.
    
    Returns:
        Tensor: the resized tensor, (N, C, H_out, W_out).
    
    Example:
        >>> F.upsample_bilinear(rt.tensor([[[[1., 2.], [3., 4.]]]]), size=3)
        tensor([[[[1.0000, 1.5000, 2.0000],
                  [2.0000, 2.5000, 3.0000],
                  [3.0000, 3.5000, 4.0000]]]])
    """
def upsample_nearest(input: Tensor, size: typing.Any = None, scale_factor: typing.Any = None) -> Tensor:
    """
    interpolate(..., mode='nearest').
    
    Args:
        input (Tensor): the input, (N, C, *spatial).
        size (int or tuple of ints, optional): the output spatial size. Default: None.
        scale_factor (float or tuple of floats, optional): the multiplier of the spatial size. Default: None.
    
    Returns:
        Tensor: the resized tensor.
    
    Example:
        >>> F.upsample_nearest(rt.tensor([[[[1., 2.], [3., 4.]]]]), scale_factor=2)
        tensor([[[[1., 1., 2., 2.],
                  [1., 1., 2., 2.],
                  [3., 3., 4., 4.],
                  [3., 3., 4., 4.]]]])
    """
def var(input: Tensor, dim: typing.Any = None, unbiased: typing.Any = None, keepdim: builtins.bool = False, *, correction: typing.Any = None) -> Tensor:
    """
    Variance over dim, divided by N - correction (correction=1 by default; unbiased=False means 0).
    
    Args:
        input (Tensor): the input tensor.
        dim (int or tuple of ints, optional): the dims to reduce; all when None. Default: None.
        unbiased (bool, optional): True for correction=1, False for 0 (legacy; not with ``correction``). Default: None.
        keepdim (bool): keep the reduced dims with size 1. Default: False.
        correction (Number, optional): keyword-only; subtracted from N in the divisor (1 when None). Default: None.
    
    Returns:
        Tensor: the variances, with ``dim`` removed unless ``keepdim``.
    
    Example:
        >>> x = rt.tensor([[1., 2., 3.], [4., 6., 8.]])
        >>> round(rt.var(x).item(), 4)
        6.8
        >>> rt.var(x, dim=1).tolist()
        [1.0, 4.0]
        >>> rt.var(x, dim=1, keepdim=True, correction=0)
        tensor([[0.6667],
                [2.6667]])
        >>> rt.var(x, 1, unbiased=False).shape
        (2,)
    """
def view_as_complex(input: Tensor) -> Tensor:
    """
    A float tensor whose last dim has size 2 and stride 1 viewed as a complex tensor without it.
    
    Args:
        input (Tensor): a float32 or float64 tensor whose last dim has size 2 and stride 1.
    
    Returns:
        Tensor: a complex view of ``input`` without its last dim.
    
    Example:
        >>> x = rt.tensor([[1., 3.], [2., -4.]])
        >>> z = rt.view_as_complex(x)
        >>> z.tolist()
        [(1+3j), (2-4j)]
        >>> z.shape
        (2,)
    """
def view_as_real(input: Tensor) -> Tensor:
    """
    A complex tensor of shape S viewed as a float tensor of shape S + (2,) (real, imaginary).
    
    Args:
        input (Tensor): a complex tensor.
    
    Returns:
        Tensor: a float view of ``input`` with a last dim of size 2 holding (real, imaginary).
    
    Example:
        >>> z = rt.complex(rt.tensor([1., 2.]), rt.tensor([3., -4.]))
        >>> rt.view_as_real(z)
        tensor([[ 1.,  3.],
                [ 2., -4.]])
        >>> rt.view_as_real(z).shape
        (2, 2)
    """
def vstack(tensors: typing.Any) -> Tensor:
    """
    Concatenates along dim 0, 1-D tensors taken as rows.
    
    Args:
        tensors (sequence of Tensor): the tensors.
    
    Returns:
        Tensor: the concatenation, at least 2-D.
    
    Example:
        >>> rt.vstack([rt.tensor([1, 2]), rt.tensor([3, 4])])
        tensor([[1, 2],
                [3, 4]])
    """
def where(condition: Tensor, input: typing.Any, other: typing.Any) -> Tensor:
    """
    Elementwise condition ? input : other, broadcast; input and other may be numbers.
    
    Args:
        condition (Tensor): a bool tensor; where True, take ``input``, else ``other``.
        input (Tensor or Number): the values where ``condition`` holds.
        other (Tensor or Number): the values elsewhere.
    
    Returns:
        Tensor: the selected values, of the broadcast shape and the promoted dtype.
    
    Example:
        >>> x = rt.tensor([1., -2., 3.])
        >>> rt.where(x > 0, x, 0.).tolist()
        [1.0, 0.0, 3.0]
        >>> rt.where(x > 0, x, rt.tensor([10., 20., 30.])).tolist()
        [1.0, 20.0, 3.0]
        >>> rt.where(x > 0, 1, -1).tolist()
        [1, -1, 1]
    """
def zeros(*args, size: typing.Any = None, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False) -> Tensor:
    """
    zeros(*size, dtype=None, device=None, requires_grad=False): a tensor filled with 0.
    
    Args:
        size (int...): the shape, given as ints (``f(2, 3)``), as one tuple or list (``f((2, 3))``),
            or as the keyword ``size=``.
        dtype (dtype, optional): the element type; the default float dtype (``rt.get_default_dtype()``) when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
    
    Returns:
        Tensor: a new tensor of the given shape, filled with 0.
    
    Example:
        >>> rt.zeros(2, 3)
        tensor([[0., 0., 0.],
                [0., 0., 0.]])
        >>> x = rt.zeros((2,), dtype=rt.int64)
        >>> x.dtype, x.tolist()
        (rustorch.int64, [0, 0])
    """
def zeros_like(input: Tensor, *, dtype: DType | None = None, _device: typing.Any = None, requires_grad: builtins.bool = False, memory_format: typing.Any = None) -> Tensor:
    """
    zeros with input's shape and dtype.
    
    Args:
        input (Tensor): the tensor whose shape (and, by default, dtype) the result takes.
        dtype (dtype, optional): the element type; ``input``'s dtype when None.
        device (str or device, optional): where to create the tensor; only ``'cpu'`` is accepted. Default: None (cpu).
        requires_grad (bool): whether autograd records operations on the result. Default: False.
        memory_format (optional): accepted for PyTorch compatibility and ignored (results are contiguous).
    
    Returns:
        Tensor: a new tensor filled with 0, shaped like ``input``.
    
    Example:
        >>> x = rt.tensor([[1, 2], [3, 4]])
        >>> rt.zeros_like(x)
        tensor([[0, 0],
                [0, 0]])
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

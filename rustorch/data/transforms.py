"""Image transforms (torchvision's names and semantics) for rustorch tensors and NumPy arrays.

Layouts: a NumPy array is an image as it comes from disk, ``(H, W)`` or ``(H, W, C)``; a tensor
is ``(..., C, H, W)`` (after :class:`ToTensor`). Random transforms draw from rustorch's generator
(the DataLoader worker's own generator inside a worker thread, else the default generator), so
``rt.manual_seed`` makes them reproducible.

``Compose([ToTensor(), Normalize(mean, std)])`` is also recognised by the built-in image datasets,
which then convert the whole dataset in one C++ pass instead of image by image.
"""
import numbers

import numpy as np

from .. import _C
from . import _random

_D = _C._data

__all__ = ["Compose", "ToTensor", "Normalize", "RandomHorizontalFlip", "RandomCrop", "Lambda"]


def _tensor_from(arr):
    """A tensor for a NumPy result (sharing memory when the dtype allows)."""
    arr = np.ascontiguousarray(arr)
    if arr.dtype in (np.float32, np.float64, np.int64, np.bool_):
        return _C.from_numpy(arr)
    return _C.tensor(arr)


class Compose:
    """Applies transforms one after the other.

    ToTensor followed by Normalize on a uint8 NumPy image runs as one C++ pass (same values).

    Args:
        transforms (list of callables): the transforms, applied in order.

    Example:
        >>> T = rt.data.transforms
        >>> t = T.Compose([T.ToTensor(), T.Normalize(mean=[0.5], std=[0.5])])
        >>> x = t(np.array([[0, 255]], dtype=np.uint8))
        >>> x.shape, x.tolist()
        ((1, 1, 2), [[[-1.0, 1.0]]])
    """

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, img):
        ts = self.transforms
        i = 0
        while i < len(ts):
            t = ts[i]
            # ToTensor then Normalize on a uint8 array: one C++ pass, same float values.
            if (type(t) is ToTensor and i + 1 < len(ts) and type(ts[i + 1]) is Normalize
                    and isinstance(img, np.ndarray) and img.dtype == np.uint8 and img.ndim in (2, 3)
                    and _C.get_default_dtype() == _C.float32):
                n = ts[i + 1]
                img = _D.u8_images_to_float(img, False, n.mean, n.std, _C.float32)
                i += 2
                continue
            img = t(img)
            i += 1
        return img

    def __repr__(self):
        body = "".join(f"\n    {t}" for t in self.transforms)
        return f"{self.__class__.__name__}({body}\n)"


class ToTensor:
    """A uint8 image ``(H, W)`` or ``(H, W, C)`` (NumPy array, PIL image, or integer tensor holding
    byte values) to a float32 tensor ``(C, H, W)`` in [0, 1]. Arrays of other dtypes are only
    moved to CHW, keeping their values and dtype (like torchvision).

    Example:
        >>> x = rt.data.transforms.ToTensor()(np.full((2, 3, 3), 51, dtype=np.uint8))
        >>> x.shape, x.dtype, round(x.max().item(), 4)
        ((3, 2, 3), rustorch.float32, 0.2)
    """

    def __call__(self, pic):
        if isinstance(pic, _C.Tensor):
            arr = pic.detach().numpy()
            if arr.dtype.kind in "iu":
                if arr.size and (arr.min() < 0 or arr.max() > 255):
                    raise ValueError("ToTensor: an integer tensor image must hold byte values in [0, 255]")
                arr = arr.astype(np.uint8)
            pic = arr
        elif not isinstance(pic, np.ndarray) and hasattr(pic, "mode") and hasattr(pic, "size"):  # PIL image
            pic = np.asarray(pic)
        if not isinstance(pic, np.ndarray):
            raise TypeError(f"pic should be PIL Image or ndarray. Got {type(pic)}")
        if pic.ndim not in (2, 3):
            raise ValueError(f"pic should be 2/3 dimensional. Got {pic.ndim} dimensions.")
        if pic.dtype == np.uint8:
            return _D.u8_images_to_float(pic, False, [0.0], [1.0], _C.get_default_dtype())
        img = pic[:, :, None] if pic.ndim == 2 else pic
        return _tensor_from(img.transpose(2, 0, 1))

    def __repr__(self):
        return f"{self.__class__.__name__}()"


class Normalize:
    """``(x - mean[c]) / std[c]`` for each channel c of a float image ``(..., C, H, W)``.

    Args:
        mean (sequence of floats or float): the mean of each channel (or of all).
        std (sequence of floats or float): the standard deviation of each channel (or of all).
        inplace (bool): normalize the input in place. Default: False.

    Example:
        >>> x = rt.ones(2, 1, 2) * rt.tensor([1., 3.]).reshape(2, 1, 1)
        >>> rt.data.transforms.Normalize(mean=[1., 1.], std=[1., 2.])(x).tolist()
        [[[0.0, 0.0]], [[1.0, 1.0]]]
    """

    def __init__(self, mean, std, inplace=False):
        self.mean = [float(m) for m in (mean if isinstance(mean, (list, tuple)) else
                                        np.atleast_1d(np.asarray(mean)).tolist())]
        self.std = [float(s) for s in (std if isinstance(std, (list, tuple)) else
                                       np.atleast_1d(np.asarray(std)).tolist())]
        self.inplace = inplace

    def __call__(self, tensor):
        is_tensor = isinstance(tensor, _C.Tensor)
        if not is_tensor and not isinstance(tensor, np.ndarray):
            raise TypeError(f"img should be a Tensor or ndarray. Got {type(tensor)}")
        if is_tensor and not self.inplace:
            if not tensor.is_floating_point():
                raise TypeError(f"Input tensor should be a float tensor. Got {tensor.dtype}.")
            return _D.normalize(tensor, self.mean, self.std)
        arr = tensor.detach().numpy() if is_tensor else tensor
        if arr.dtype.kind != "f":
            raise TypeError(f"Input tensor should be a float tensor. Got {tensor.dtype}.")
        if arr.ndim < 3:
            raise ValueError("Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = "
                             f"{tuple(arr.shape)}")
        c = arr.shape[-3]
        mean = np.asarray(self.mean, dtype=arr.dtype)
        std = np.asarray(self.std, dtype=arr.dtype)
        if mean.size not in (1, c) or std.size not in (1, c):
            raise ValueError(f"Normalize: {mean.size} mean and {std.size} std values for an image with {c} channels")
        if (std == 0).any():
            raise ValueError(f"std evaluated to zero after conversion to {arr.dtype}, leading to division by zero.")
        mean = mean.reshape(-1, 1, 1)
        std = std.reshape(-1, 1, 1)
        if self.inplace:
            np.subtract(arr, mean, out=arr)
            np.divide(arr, std, out=arr)
            return tensor
        out = (arr - mean) / std
        return _tensor_from(out) if is_tensor else out

    def __repr__(self):
        return f"{self.__class__.__name__}(mean={self.mean}, std={self.std})"


class RandomHorizontalFlip:
    """Mirrors the image left-right with probability ``p`` (tensors: last dim; NumPy HW/HWC: axis 1).

    Args:
        p (float): the probability of the flip. Default: 0.5.

    Example:
        >>> img = rt.tensor([[[1., 2., 3.]]])
        >>> rt.data.transforms.RandomHorizontalFlip(p=1.0)(img).tolist()
        [[[3.0, 2.0, 1.0]]]
        >>> rt.data.transforms.RandomHorizontalFlip(p=0.0)(img).tolist()
        [[[1.0, 2.0, 3.0]]]
    """

    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, img):
        if _random.uniform() < self.p:
            return hflip(img)
        return img

    def __repr__(self):
        return f"{self.__class__.__name__}(p={self.p})"


def hflip(img):
    """The image mirrored left-right (a copy)."""
    if isinstance(img, _C.Tensor):
        return _tensor_from(img.detach().numpy()[..., ::-1])
    if isinstance(img, np.ndarray):
        if img.ndim < 2:
            raise ValueError(f"hflip: expected an (H, W) or (H, W, C) array, got shape {img.shape}")
        return np.ascontiguousarray(img[:, ::-1])
    raise TypeError(f"img should be a Tensor or ndarray. Got {type(img)}")


def _setup_size(size, what):
    if isinstance(size, numbers.Number):
        return int(size), int(size)
    if isinstance(size, (list, tuple)) and len(size) == 1:
        return int(size[0]), int(size[0])
    if not isinstance(size, (list, tuple)) or len(size) != 2:
        raise ValueError(f"{what}: please provide only two dimensions (h, w) for size.")
    return int(size[0]), int(size[1])


_PAD_MODES = {"constant": "constant", "edge": "edge", "reflect": "reflect", "symmetric": "symmetric"}


def pad(img, padding, fill=0, padding_mode="constant"):
    """Pads the image borders: ``padding`` is an int (all sides), (left/right, top/bottom) or
    (left, top, right, bottom)."""
    if padding_mode not in _PAD_MODES:
        raise ValueError("Padding mode should be either constant, edge, reflect or symmetric")
    if isinstance(padding, numbers.Number):
        left = top = right = bottom = int(padding)
    elif len(padding) == 1:
        left = top = right = bottom = int(padding[0])
    elif len(padding) == 2:
        left = right = int(padding[0])
        top = bottom = int(padding[1])
    elif len(padding) == 4:
        left, top, right, bottom = (int(p) for p in padding)
    else:
        raise ValueError(f"Padding must be an int or a 1, 2, or 4 element tuple, not a {len(padding)} element tuple")
    kw = {"constant_values": fill} if padding_mode == "constant" else {}
    if isinstance(img, _C.Tensor):
        arr = img.detach().numpy()
        width = [(0, 0)] * (arr.ndim - 2) + [(top, bottom), (left, right)]
        return _tensor_from(np.pad(arr, width, mode=_PAD_MODES[padding_mode], **kw))
    if isinstance(img, np.ndarray):
        width = [(top, bottom), (left, right)] + [(0, 0)] * (img.ndim - 2)
        return np.pad(img, width, mode=_PAD_MODES[padding_mode], **kw)
    raise TypeError(f"img should be a Tensor or ndarray. Got {type(img)}")


def _hw(img):
    if isinstance(img, _C.Tensor):
        return img.shape[-2], img.shape[-1]
    return img.shape[0], img.shape[1]


def crop(img, top, left, height, width):
    """The ``height`` x ``width`` region whose top-left corner is (top, left)."""
    if isinstance(img, _C.Tensor):
        return _tensor_from(img.detach().numpy()[..., top:top + height, left:left + width])
    return np.ascontiguousarray(img[top:top + height, left:left + width])


class RandomCrop:
    """Crops a random ``size`` region, after optional ``padding`` (and ``pad_if_needed`` to reach
    the size).

    Args:
        size (int or sequence of 2 ints): the crop size ``(h, w)`` (an int gives a square).
        padding (int or sequence, optional): padding added to the borders before cropping.
        pad_if_needed (bool): pad an image smaller than ``size``. Default: False.
        fill (number): the fill value of ``'constant'`` padding. Default: 0.
        padding_mode (str): ``'constant'``, ``'edge'``, ``'reflect'`` or ``'symmetric'``.
            Default: ``'constant'``.

    Example:
        >>> crop = rt.data.transforms.RandomCrop(2, padding=1)
        >>> crop(rt.ones(3, 4, 4)).shape
        (3, 2, 2)
    """

    def __init__(self, size, padding=None, pad_if_needed=False, fill=0, padding_mode="constant"):
        self.size = _setup_size(size, "RandomCrop")
        self.padding = padding
        self.pad_if_needed = pad_if_needed
        self.fill = fill
        if padding_mode not in _PAD_MODES:
            raise ValueError("Padding mode should be either constant, edge, reflect or symmetric")
        self.padding_mode = padding_mode

    @staticmethod
    def get_params(img, output_size):
        """A random crop window ``(top, left, height, width)`` of size ``output_size`` inside ``img``
        (drawn from rustorch's generator). ValueError if the crop is larger than the image.
        """
        h, w = _hw(img)
        th, tw = output_size
        if h < th or w < tw:
            raise ValueError(f"Required crop size {(th, tw)} is larger than input image size {(h, w)}")
        if w == tw and h == th:
            return 0, 0, h, w
        i = _random.randint(0, h - th + 1)
        j = _random.randint(0, w - tw + 1)
        return i, j, th, tw

    def __call__(self, img):
        if self.padding is not None:
            img = pad(img, self.padding, self.fill, self.padding_mode)
        h, w = _hw(img)
        if self.pad_if_needed and w < self.size[1]:
            img = pad(img, [self.size[1] - w, 0], self.fill, self.padding_mode)
        if self.pad_if_needed and h < self.size[0]:
            img = pad(img, [0, self.size[0] - h], self.fill, self.padding_mode)
        i, j, th, tw = self.get_params(img, self.size)
        return crop(img, i, j, th, tw)

    def __repr__(self):
        return f"{self.__class__.__name__}(size={self.size}, padding={self.padding})"


class Lambda:
    """Applies a user function.

    Args:
        lambd (callable): the function applied to the input.

    Example:
        >>> rt.data.transforms.Lambda(lambda x: x * 2)(rt.tensor([1., 2.])).tolist()
        [2.0, 4.0]
    """

    def __init__(self, lambd):
        if not callable(lambd):
            raise TypeError(f"Argument lambd should be callable, got {type(lambd).__name__!r}")
        self.lambd = lambd

    def __call__(self, img):
        return self.lambd(img)

    def __repr__(self):
        return f"{self.__class__.__name__}()"


def _flatten(t):
    if isinstance(t, Compose):
        out = []
        for x in t.transforms:
            sub = _flatten(x)
            if sub is None:
                return None
            out += sub
        return out
    return [t]


def static_image_pipeline(transform):
    """``(mean, std)`` when ``transform`` is ToTensor optionally followed by one Normalize (so it
    can be applied to a whole uint8 dataset in one pass with the same values), else None."""
    if transform is None:
        return None
    steps = _flatten(transform)
    if not steps or type(steps[0]) is not ToTensor or len(steps) > 2:
        return None
    if _C.get_default_dtype() != _C.float32:
        return None
    if len(steps) == 1:
        return [0.0], [1.0]
    n = steps[1]
    if type(n) is not Normalize:
        return None
    return list(n.mean), list(n.std)

"""Flatten, Unflatten."""
from .module import Module
from .utils import layer_error

__all__ = ["Flatten", "Unflatten"]


class Flatten(Module):
    """Flattens dims start_dim..end_dim into one (default: everything but the batch dim).

    Args:
        start_dim (int): the first dim to flatten. Default: 1.
        end_dim (int): the last dim to flatten. Default: -1.

    Example:
        >>> m = nn.Flatten()
        >>> tuple(m(rt.ones(2, 3, 4, 5)).shape)
        (2, 60)
        >>> tuple(nn.Flatten(0, 1)(rt.ones(2, 3, 4)).shape)
        (6, 4)
    """

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        try:
            return input.flatten(self.start_dim, self.end_dim)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    """Splits dim ``dim`` into ``unflattened_size`` (a tuple; one entry may be -1).

    Args:
        dim (int): the dim to split (named dims raise ``TypeError``).
        unflattened_size (tuple or list of ints): the new sizes; their product must equal the size of ``dim``.

    Example:
        >>> m = nn.Unflatten(1, (2, 5))
        >>> tuple(m(rt.ones(3, 10)).shape)
        (3, 2, 5)
        >>> tuple(nn.Unflatten(-1, (-1, 2))(rt.ones(4, 6)).shape)
        (4, 3, 2)
    """

    def __init__(self, dim, unflattened_size):
        super().__init__()
        if isinstance(dim, str):
            raise TypeError("Unflatten: named dims are not supported; dim must be an int")
        if not isinstance(unflattened_size, (tuple, list)):
            raise TypeError(f"unflattened_size must be tuple of ints, but found type {type(unflattened_size).__name__}")
        for i, s in enumerate(unflattened_size):
            if not isinstance(s, int):
                raise TypeError(f"unflattened_size must be tuple of ints, but found element of type "
                                f"{type(s).__name__} at pos {i}")
        self.dim = dim
        self.unflattened_size = unflattened_size

    def forward(self, input):
        try:
            return input.unflatten(self.dim, tuple(self.unflattened_size))
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"

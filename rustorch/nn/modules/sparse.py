"""Embedding: a lookup table of vectors indexed by int64 ids."""
from ...autograd import no_grad
from .. import functional as F
from .. import init
from ..parameter import Parameter
from .module import Module
from .utils import _factory, layer_error, shape_str

__all__ = ["Embedding"]


class Embedding(Module):
    """Maps int64 indices of any shape to rows of ``weight`` (num_embeddings, embedding_dim),
    initialised from N(0, 1); the ``padding_idx`` row starts at zero and gets no gradient.

    Args:
        num_embeddings (int): the number of rows (the size of the vocabulary).
        embedding_dim (int): the size of each vector.
        padding_idx (int, optional): a row (negative counts from the end) that starts at zero and gets no gradient.
            Default: None.
        max_norm (float, optional): renormalise, in place, looked-up rows whose norm exceeds this. Default: None.
        norm_type (float): the p of the norm for ``max_norm``. Default: 2.0.
        scale_grad_by_freq (bool): scale gradients by the inverse frequency of the indices in the batch. Default: False.
        sparse (bool): request a sparse gradient for ``weight``. Default: False.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Embedding(10, 3, padding_idx=0)
        >>> tuple(m(rt.tensor([[1, 2, 4], [4, 3, 0]])).shape)
        (2, 3, 3)
        >>> m(rt.tensor([0])).tolist()
        [[0.0, 0.0, 0.0]]
        >>> nn.Embedding.from_pretrained(rt.tensor([[1., 1.], [2., 2.]]))(rt.tensor([1])).tolist()
        [[2.0, 2.0]]
    """

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
                 scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, device=None, dtype=None):
        super().__init__()
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        if padding_idx is not None:
            if padding_idx > 0:
                if padding_idx >= num_embeddings:
                    raise ValueError(f"Embedding: padding_idx ({padding_idx}) must be within num_embeddings "
                                     f"({num_embeddings})")
            elif padding_idx < 0:
                if padding_idx < -num_embeddings:
                    raise ValueError(f"Embedding: padding_idx ({padding_idx}) must be within num_embeddings "
                                     f"({num_embeddings})")
                padding_idx = num_embeddings + padding_idx
        self.padding_idx = padding_idx
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if _weight is None:
            self.weight = Parameter(_factory((num_embeddings, embedding_dim), dtype, device),
                                    requires_grad=not _freeze)
            self.reset_parameters()
        else:
            if tuple(_weight.shape) != (num_embeddings, embedding_dim):
                raise ValueError(f"Embedding: shape of weight {shape_str(_weight.shape)} does not match "
                                 f"num_embeddings and embedding_dim ({num_embeddings}, {embedding_dim})")
            self.weight = Parameter(_weight, requires_grad=not _freeze)
        self.sparse = sparse

    def reset_parameters(self):
        """Re-draws the weight from N(0, 1) and zeroes the ``padding_idx`` row, as PyTorch does."""
        init.normal_(self.weight)
        self._fill_padding_idx_with_zero()

    def _fill_padding_idx_with_zero(self):
        if self.padding_idx is not None:
            with no_grad():
                self.weight[self.padding_idx].fill_(0)

    def forward(self, input):
        try:
            return F.embedding(input, self._parameters["weight"], self.padding_idx, self.max_norm, self.norm_type,
                               self.scale_grad_by_freq, self.sparse)
        except Exception as e:
            raise layer_error(self, e) from None

    def extra_repr(self):
        s = f"{self.num_embeddings}, {self.embedding_dim}"
        if self.padding_idx is not None:
            s += f", padding_idx={self.padding_idx}"
        if self.max_norm is not None:
            s += f", max_norm={self.max_norm}"
        if self.norm_type != 2:
            s += f", norm_type={self.norm_type}"
        if self.scale_grad_by_freq is not False:
            s += f", scale_grad_by_freq={self.scale_grad_by_freq}"
        if self.sparse is not False:
            s += ", sparse=True"
        return s

    @classmethod
    def from_pretrained(cls, embeddings, freeze=True, padding_idx=None, max_norm=None, norm_type=2.0,
                        scale_grad_by_freq=False, sparse=False):
        """An Embedding whose weight is ``embeddings`` (2-D; shares its data); ``freeze`` (default)
        turns off its gradient."""
        if embeddings.dim() != 2:
            raise ValueError(f"Embedding.from_pretrained: embeddings must be 2-D, got shape "
                             f"{shape_str(embeddings.shape)}")
        rows, cols = embeddings.shape
        return cls(num_embeddings=rows, embedding_dim=cols, _weight=embeddings, _freeze=freeze,
                   padding_idx=padding_idx, max_norm=max_norm, norm_type=norm_type,
                   scale_grad_by_freq=scale_grad_by_freq, sparse=sparse)


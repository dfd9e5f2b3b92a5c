"""Attention and Transformer layers (PyTorch names, parameters and semantics): MultiheadAttention,
TransformerEncoderLayer / TransformerEncoder, TransformerDecoderLayer / TransformerDecoder and
Transformer.

Attention is composed from the engine's differentiable batched matmul and softmax (one GEMM per
head for scores and one for the weighted values), so its gradient comes from autograd.
"""
import copy
import math

from ... import _C
from .. import functional as F
from .. import init
from ..parameter import Parameter
from .container import ModuleList
from .dropout import Dropout
from .linear import Linear
from .module import Module
from .normalization import LayerNorm
from .utils import _factory, shape_str

__all__ = ["MultiheadAttention", "TransformerEncoderLayer", "TransformerEncoder", "TransformerDecoderLayer",
           "TransformerDecoder", "Transformer"]


def _is_bool(t):
    return t.dtype == _C.bool


def _float_mask(mask, dtype, what, name):
    """A mask as an additive float tensor: bool True (masked out) -> -inf, float masks as given."""
    if _is_bool(mask):
        return _C.zeros(tuple(mask.shape), dtype=dtype).masked_fill(mask, float("-inf"))
    if not mask.dtype.is_floating_point:
        raise TypeError(f"{name}: only bool and floating types of {what} are supported, got {mask.dtype}")
    return mask.to(dtype)


def _canonical_mask(mask, dtype, what, name):
    return None if mask is None else _float_mask(mask, dtype, what, name)


class MultiheadAttention(Module):
    """Multi-head attention ``softmax(Q K^T / sqrt(head_dim) + mask) V`` over num_heads heads of
    embed_dim / num_heads features, with input projections (``in_proj_weight`` (3E, E), or
    ``q_proj_weight`` / ``k_proj_weight`` / ``v_proj_weight`` when kdim / vdim differ from
    embed_dim) and an output projection ``out_proj``.

    forward(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
    average_attn_weights=True, is_causal=False) -> (output, weights or None). Inputs (L, N, E)
    ((N, L, E) with batch_first, or unbatched (L, E)). Bool masks mark positions that may NOT be
    attended (True = masked out); float masks are added to the scores.

    Args:
        embed_dim (int): the number of features E; it must be divisible by ``num_heads``.
        num_heads (int): the number of heads.
        dropout (float): dropout on the attention weights, in training mode. Default: 0.0.
        bias (bool): use biases in the input and output projections. Default: True.
        add_bias_kv (bool): append learned bias vectors to the key and value sequences. Default: False.
        add_zero_attn (bool): append a zero vector to the key and value sequences. Default: False.
        kdim (int, optional): the number of key features. Default: None (``embed_dim``).
        vdim (int, optional): the number of value features. Default: None (``embed_dim``).
        batch_first (bool): inputs and output are (N, L, E) instead of (L, N, E). Default: False.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)
        >>> q, kv = rt.randn(4, 3, 8), rt.randn(6, 3, 8)
        >>> out, w = mha(q, kv, kv)
        >>> tuple(out.shape), tuple(w.shape)
        ((4, 3, 8), (3, 4, 6))
        >>> out, w = mha(q, kv, kv, need_weights=False)
        >>> w is None
        True
    """

    def __init__(self, embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False,
                 kdim=None, vdim=None, batch_first=False, device=None, dtype=None):
        super().__init__()
        if embed_dim <= 0 or num_heads <= 0:
            raise ValueError(f"MultiheadAttention: embed_dim and num_heads must be greater than 0, got "
                             f"embed_dim={embed_dim} and num_heads={num_heads} instead")
        if embed_dim % num_heads != 0:
            raise ValueError(f"MultiheadAttention: embed_dim ({embed_dim}) must be divisible by num_heads "
                             f"({num_heads})")
        if not 0.0 <= dropout <= 1.0:
            raise ValueError(f"MultiheadAttention: dropout probability has to be between 0 and 1, but got {dropout}")
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.batch_first = batch_first
        self.head_dim = embed_dim // num_heads
        if self._qkv_same_embed_dim:
            self.in_proj_weight = Parameter(_factory((3 * embed_dim, embed_dim), dtype, device))
            self.register_parameter("q_proj_weight", None)
            self.register_parameter("k_proj_weight", None)
            self.register_parameter("v_proj_weight", None)
        else:
            self.q_proj_weight = Parameter(_factory((embed_dim, embed_dim), dtype, device))
            self.k_proj_weight = Parameter(_factory((embed_dim, self.kdim), dtype, device))
            self.v_proj_weight = Parameter(_factory((embed_dim, self.vdim), dtype, device))
            self.register_parameter("in_proj_weight", None)
        if bias:
            self.in_proj_bias = Parameter(_factory((3 * embed_dim,), dtype, device))
        else:
            self.register_parameter("in_proj_bias", None)
        self.out_proj = Linear(embed_dim, embed_dim, bias=bias, device=device, dtype=dtype)
        if add_bias_kv:
            self.bias_k = Parameter(_factory((1, 1, embed_dim), dtype, device))
            self.bias_v = Parameter(_factory((1, 1, embed_dim), dtype, device))
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = add_zero_attn
        self._reset_parameters()

    def _reset_parameters(self):
        if self._qkv_same_embed_dim:
            init.xavier_uniform_(self.in_proj_weight)
        else:
            init.xavier_uniform_(self.q_proj_weight)
            init.xavier_uniform_(self.k_proj_weight)
            init.xavier_uniform_(self.v_proj_weight)
        if self.in_proj_bias is not None:
            init.constant_(self.in_proj_bias, 0.0)
            init.constant_(self.out_proj.bias, 0.0)
        if self.bias_k is not None:
            init.xavier_normal_(self.bias_k)
        if self.bias_v is not None:
            init.xavier_normal_(self.bias_v)

    def extra_repr(self):
        return f"embed_dim={self.embed_dim}, num_heads={self.num_heads}, dropout={self.dropout}, " \
               f"batch_first={self.batch_first}"

    def _projections(self, query, key, value):
        E = self.embed_dim
        b = self.in_proj_bias
        bq, bk, bv = (None, None, None) if b is None else (b[:E], b[E:2 * E], b[2 * E:])
        if self._qkv_same_embed_dim:
            w = self.in_proj_weight
            if query is key and key is value:
                return F.linear(query, w, b).chunk(3, -1)
            if key is value:
                q = F.linear(query, w[:E], bq)
                k, v = F.linear(key, w[E:], None if b is None else b[E:]).chunk(2, -1)
                return q, k, v
            return F.linear(query, w[:E], bq), F.linear(key, w[E:2 * E], bk), F.linear(value, w[2 * E:], bv)
        return (F.linear(query, self.q_proj_weight, bq), F.linear(key, self.k_proj_weight, bk),
                F.linear(value, self.v_proj_weight, bv))

    def forward(self, query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None,
                average_attn_weights=True, is_causal=False):
        name = "MultiheadAttention"
        for t, what in ((query, "query"), (key, "key"), (value, "value")):
            if not isinstance(t, _C.Tensor):
                raise TypeError(f"{name}: {what} must be a Tensor, got {type(t).__name__}")
        batched = query.dim() == 3
        if query.dim() not in (2, 3) or key.dim() != query.dim() or value.dim() != query.dim():
            raise ValueError(f"{name}: query, key and value must all be 2-D (unbatched) or 3-D (batched), got "
                             f"shapes {shape_str(query.shape)}, {shape_str(key.shape)}, {shape_str(value.shape)}")
        if batched and self.batch_first:
            # (N, L, E) -> (L, N, E), keeping identity so self-attention uses one projection GEMM.
            if key is value:
                if query is key:
                    query = key = value = query.transpose(0, 1)
                else:
                    query = query.transpose(0, 1)
                    key = value = key.transpose(0, 1)
            else:
                query, key, value = query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1)
        if not batched:
            same_kv = key is value
            same_qk = query is key
            query = query.unsqueeze(1)
            key = query if same_qk else key.unsqueeze(1)
            value = key if same_kv else value.unsqueeze(1)
            if key_padding_mask is not None:
                if key_padding_mask.dim() != 1:
                    raise ValueError(f"{name}: for unbatched input key_padding_mask must be 1-D (S,), got shape "
                                     f"{shape_str(key_padding_mask.shape)}")
                key_padding_mask = key_padding_mask.unsqueeze(0)
        L, N, E = query.shape
        S = key.shape[0]
        if E != self.embed_dim:
            raise ValueError(f"{name}: was expecting embedding dimension of {self.embed_dim}, but got {E} "
                             f"(query shape {shape_str(query.shape)})")
        if key.shape[-1] != self.kdim or value.shape[-1] != self.vdim:
            raise ValueError(f"{name}: expected key with {self.kdim} and value with {self.vdim} features, got key "
                             f"{shape_str(key.shape)} and value {shape_str(value.shape)}")
        if key.shape[:2] != value.shape[:2] or key.shape[1] != N:
            raise ValueError(f"{name}: key shape {shape_str(key.shape)} does not match value shape "
                             f"{shape_str(value.shape)} or the batch of query {shape_str(query.shape)}")
        H, hd = self.num_heads, self.head_dim
        dtype = query.dtype
        if is_causal and attn_mask is None:
            attn_mask = Transformer.generate_square_subsequent_mask(L, dtype=dtype) if L == S else \
                (_C.arange(S).unsqueeze(0) > _C.arange(L).unsqueeze(1))
        attn_mask = _canonical_mask(attn_mask, dtype, "attn_mask", name)
        key_padding_mask = _canonical_mask(key_padding_mask, dtype, "key_padding_mask", name)
        if attn_mask is not None:
            if attn_mask.dim() == 2:
                if tuple(attn_mask.shape) != (L, S):
                    raise ValueError(f"{name}: the shape of the 2D attn_mask is {shape_str(attn_mask.shape)}, but "
                                     f"should be {shape_str((L, S))}")
                attn_mask = attn_mask.unsqueeze(0)
            elif attn_mask.dim() == 3:
                if tuple(attn_mask.shape) != (N * H, L, S):
                    raise ValueError(f"{name}: the shape of the 3D attn_mask is {shape_str(attn_mask.shape)}, but "
                                     f"should be {shape_str((N * H, L, S))}")
            else:
                raise ValueError(f"{name}: attn_mask's dimension {attn_mask.dim()} is not supported (2-D or 3-D)")
        if key_padding_mask is not None and tuple(key_padding_mask.shape) != (N, S):
            raise ValueError(f"{name}: expected key_padding_mask of shape {shape_str((N, S))}, got "
                             f"{shape_str(key_padding_mask.shape)}")

        q, k, v = self._projections(query, key, value)
        if self.bias_k is not None:
            k = _C.cat([k, self.bias_k.expand(1, N, E)], 0)
            v = _C.cat([v, self.bias_v.expand(1, N, E)], 0)
            attn_mask = None if attn_mask is None else F.pad(attn_mask, (0, 1))
            key_padding_mask = None if key_padding_mask is None else F.pad(key_padding_mask, (0, 1))
        # (L, N, E) -> (N * H, L, hd)
        q = q.reshape(L, N * H, hd).transpose(0, 1)
        k = k.reshape(k.shape[0], N * H, hd).transpose(0, 1)
        v = v.reshape(v.shape[0], N * H, hd).transpose(0, 1)
        if self.add_zero_attn:
            k = _C.cat([k, _C.zeros((N * H, 1, hd), dtype=dtype)], 1)
            v = _C.cat([v, _C.zeros((N * H, 1, hd), dtype=dtype)], 1)
            attn_mask = None if attn_mask is None else F.pad(attn_mask, (0, 1))
            key_padding_mask = None if key_padding_mask is None else F.pad(key_padding_mask, (0, 1))
        S_eff = k.shape[1]
        mask = attn_mask
        if key_padding_mask is not None:
            kpm = key_padding_mask.reshape(N, 1, 1, S_eff).expand(N, H, 1, S_eff).reshape(N * H, 1, S_eff)
            mask = kpm if mask is None else mask + kpm
        scores = (q * (1.0 / math.sqrt(hd))).matmul(k.transpose(1, 2))
        if mask is not None:
            scores = scores + mask
        weights = _C.softmax(scores, -1)
        if self.training and self.dropout > 0.0:
            weights = F.dropout(weights, self.dropout, True)
        out = weights.matmul(v)  # (N * H, L, hd)
        out = out.transpose(0, 1).reshape(L, N, E)
        out = self.out_proj(out)
        if batched and self.batch_first:
            out = out.transpose(0, 1)
        if not batched:
            out = out.squeeze(1)
        if not need_weights:
            return out, None
        w = weights.reshape(N, H, L, S_eff)
        if average_attn_weights:
            w = w.mean(1)
        if not batched:
            w = w.squeeze(0)
        return out, w


def _get_activation(activation, name):
    if callable(activation):
        return activation
    if activation == "relu":
        return F.relu
    if activation == "gelu":
        return F.gelu
    raise ValueError(f"{name}: activation should be relu/gelu or a callable, not {activation!r}")


class TransformerEncoderLayer(Module):
    """Self-attention and a feed-forward block, each with a residual connection and LayerNorm
    (after the block by default, before it with norm_first=True).

    ``forward(src, src_mask=None, src_key_padding_mask=None, is_causal=False)`` returns a tensor of the
    shape of ``src``.

    Args:
        d_model (int): the number of features E of the input.
        nhead (int): the number of attention heads; it must divide ``d_model``.
        dim_feedforward (int): the hidden size of the feed-forward block. Default: 2048.
        dropout (float): the dropout probability. Default: 0.1.
        activation (str or callable): ``'relu'``, ``'gelu'`` or a callable, in the feed-forward block. Default:
            ``'relu'``.
        layer_norm_eps (float): the eps of the LayerNorms. Default: 1e-5.
        batch_first (bool): inputs and outputs are (N, L, E) instead of (L, N, E). Default: False.
        norm_first (bool): apply LayerNorm before each block instead of after it. Default: False.
        bias (bool): use biases in the linear layers and LayerNorms. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> tuple(layer(rt.randn(5, 3, 8)).shape)
        (5, 3, 8)
    """

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu", layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        super().__init__()
        kw = {"device": device, "dtype": dtype}
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first, **kw)
        self.linear1 = Linear(d_model, dim_feedforward, bias=bias, **kw)
        self.dropout = Dropout(dropout)
        self.linear2 = Linear(dim_feedforward, d_model, bias=bias, **kw)
        self.norm_first = norm_first
        self.norm1 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw)
        self.norm2 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        self.activation = _get_activation(activation, "TransformerEncoderLayer")
        self.batch_first = batch_first

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False,
                           is_causal=is_causal)[0]
        return self.dropout1(x)

    def _ff_block(self, x):
        return self.dropout2(self.linear2(self.dropout(self.activation(self.linear1(x)))))

    def forward(self, src, src_mask=None, src_key_padding_mask=None, is_causal=False):
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask, is_causal)
            x = x + self._ff_block(self.norm2(x))
        else:
            x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask, is_causal))
            x = self.norm2(x + self._ff_block(x))
        return x


class TransformerDecoderLayer(Module):
    """Self-attention, attention over the encoder output (memory) and a feed-forward block, each
    with a residual connection and LayerNorm.

    ``forward(tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
    memory_key_padding_mask=None, tgt_is_causal=False, memory_is_causal=False)`` returns a tensor of
    the shape of ``tgt``.

    Args:
        d_model (int): the number of features E of the input.
        nhead (int): the number of attention heads; it must divide ``d_model``.
        dim_feedforward (int): the hidden size of the feed-forward block. Default: 2048.
        dropout (float): the dropout probability. Default: 0.1.
        activation (str or callable): ``'relu'``, ``'gelu'`` or a callable, in the feed-forward block. Default:
            ``'relu'``.
        layer_norm_eps (float): the eps of the LayerNorms. Default: 1e-5.
        batch_first (bool): inputs and outputs are (N, L, E) instead of (L, N, E). Default: False.
        norm_first (bool): apply LayerNorm before each block instead of after it. Default: False.
        bias (bool): use biases in the linear layers and LayerNorms. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> tuple(layer(rt.randn(4, 3, 8), rt.randn(6, 3, 8)).shape)
        (4, 3, 8)
    """

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu", layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        super().__init__()
        kw = {"device": device, "dtype": dtype}
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first, **kw)
        self.multihead_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first,
                                                 **kw)
        self.linear1 = Linear(d_model, dim_feedforward, bias=bias, **kw)
        self.dropout = Dropout(dropout)
        self.linear2 = Linear(dim_feedforward, d_model, bias=bias, **kw)
        self.norm_first = norm_first
        self.norm1 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw)
        self.norm2 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw)
        self.norm3 = LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        self.dropout3 = Dropout(dropout)
        self.activation = _get_activation(activation, "TransformerDecoderLayer")
        self.batch_first = batch_first

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, is_causal=is_causal,
                           need_weights=False)[0]
        return self.dropout1(x)

    def _mha_block(self, x, mem, attn_mask, key_padding_mask, is_causal):
        x = self.multihead_attn(x, mem, mem, attn_mask=attn_mask, key_padding_mask=key_padding_mask,
                                is_causal=is_causal, need_weights=False)[0]
        return self.dropout2(x)

    def _ff_block(self, x):
        return self.dropout3(self.linear2(self.dropout(self.activation(self.linear1(x)))))

    def forward(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                memory_key_padding_mask=None, tgt_is_causal=False, memory_is_causal=False):
        x = tgt
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), tgt_mask, tgt_key_padding_mask, tgt_is_causal)
            x = x + self._mha_block(self.norm2(x), memory, memory_mask, memory_key_padding_mask, memory_is_causal)
            x = x + self._ff_block(self.norm3(x))
        else:
            x = self.norm1(x + self._sa_block(x, tgt_mask, tgt_key_padding_mask, tgt_is_causal))
            x = self.norm2(x + self._mha_block(x, memory, memory_mask, memory_key_padding_mask, memory_is_causal))
            x = self.norm3(x + self._ff_block(x))
        return x


def _clones(module, n):
    return ModuleList([copy.deepcopy(module) for _ in range(n)])


class TransformerEncoder(Module):
    """num_layers copies of encoder_layer (independent weights), then an optional norm.

    ``forward(src, mask=None, src_key_padding_mask=None, is_causal=None)``.

    Args:
        encoder_layer (TransformerEncoderLayer): the layer to copy (deep copies; it is not used itself).
        num_layers (int): the number of copies (at least 1).
        norm (Module, optional): applied to the output of the last layer. Default: None.
        enable_nested_tensor (bool): accepted for PyTorch compatibility; ignored. Default: True.
        mask_check (bool): accepted for PyTorch compatibility; ignored. Default: True.

    Example:
        >>> layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> enc = nn.TransformerEncoder(layer, num_layers=2)
        >>> len(enc.layers)
        2
        >>> tuple(enc(rt.randn(5, 3, 8)).shape)
        (5, 3, 8)
    """

    def __init__(self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True):
        super().__init__()
        if num_layers < 1:
            raise ValueError(f"TransformerEncoder: num_layers must be at least 1, got {num_layers}")
        self.layers = _clones(encoder_layer, num_layers)
        self.num_layers = num_layers
        self.norm = norm

    def forward(self, src, mask=None, src_key_padding_mask=None, is_causal=None):
        x = src
        for layer in self.layers:
            x = layer(x, src_mask=mask, src_key_padding_mask=src_key_padding_mask, is_causal=bool(is_causal))
        return self.norm(x) if self.norm is not None else x


class TransformerDecoder(Module):
    """num_layers copies of decoder_layer (independent weights), then an optional norm.

    ``forward(tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
    memory_key_padding_mask=None, tgt_is_causal=None, memory_is_causal=False)``.

    Args:
        decoder_layer (TransformerDecoderLayer): the layer to copy (deep copies; it is not used itself).
        num_layers (int): the number of copies (at least 1).
        norm (Module, optional): applied to the output of the last layer. Default: None.

    Example:
        >>> layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> dec = nn.TransformerDecoder(layer, num_layers=2)
        >>> tuple(dec(rt.randn(4, 3, 8), rt.randn(6, 3, 8)).shape)
        (4, 3, 8)
    """

    def __init__(self, decoder_layer, num_layers, norm=None):
        super().__init__()
        if num_layers < 1:
            raise ValueError(f"TransformerDecoder: num_layers must be at least 1, got {num_layers}")
        self.layers = _clones(decoder_layer, num_layers)
        self.num_layers = num_layers
        self.norm = norm

    def forward(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                memory_key_padding_mask=None, tgt_is_causal=None, memory_is_causal=False):
        x = tgt
        for layer in self.layers:
            x = layer(x, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                      tgt_key_padding_mask=tgt_key_padding_mask, memory_key_padding_mask=memory_key_padding_mask,
                      tgt_is_causal=bool(tgt_is_causal), memory_is_causal=memory_is_causal)
        return self.norm(x) if self.norm is not None else x


class Transformer(Module):
    """The encoder-decoder Transformer (Vaswani et al.): an encoder and a decoder stack, each ending
    in a LayerNorm; weights with more than one dim start Xavier-uniform.

    ``forward(src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
    tgt_key_padding_mask=None, memory_key_padding_mask=None, src_is_causal=None, tgt_is_causal=None,
    memory_is_causal=False)`` returns a tensor of the shape of ``tgt``.

    Args:
        d_model (int): the number of features E. Default: 512.
        nhead (int): the number of attention heads. Default: 8.
        num_encoder_layers (int): the number of encoder layers. Default: 6.
        num_decoder_layers (int): the number of decoder layers. Default: 6.
        dim_feedforward (int): the hidden size of the feed-forward blocks. Default: 2048.
        dropout (float): the dropout probability. Default: 0.1.
        activation (str or callable): ``'relu'``, ``'gelu'`` or a callable. Default: ``'relu'``.
        custom_encoder (Module, optional): used instead of the built encoder. Default: None.
        custom_decoder (Module, optional): used instead of the built decoder. Default: None.
        layer_norm_eps (float): the eps of the LayerNorms. Default: 1e-5.
        batch_first (bool): inputs and outputs are (N, L, E) instead of (L, N, E). Default: False.
        norm_first (bool): apply LayerNorm before each block instead of after it. Default: False.
        bias (bool): use biases in the linear layers and LayerNorms. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16)
        >>> src, tgt = rt.randn(6, 2, 8), rt.randn(4, 2, 8)
        >>> tuple(m(src, tgt).shape)
        (4, 2, 8)
    """

    def __init__(self, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048,
                 dropout=0.1, activation="relu", custom_encoder=None, custom_decoder=None, layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        super().__init__()
        kw = {"device": device, "dtype": dtype}
        if custom_encoder is not None:
            self.encoder = custom_encoder
        else:
            layer = TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
                                            batch_first, norm_first, bias, **kw)
            self.encoder = TransformerEncoder(layer, num_encoder_layers,
                                              LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw))
        if custom_decoder is not None:
            self.decoder = custom_decoder
        else:
            layer = TransformerDecoderLayer(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
                                            batch_first, norm_first, bias, **kw)
            self.decoder = TransformerDecoder(layer, num_decoder_layers,
                                              LayerNorm(d_model, eps=layer_norm_eps, bias=bias, **kw))
        self.d_model = d_model
        self.nhead = nhead
        self.batch_first = batch_first
        for p in self.parameters():
            if p.dim() > 1:
                init.xavier_uniform_(p)

    def forward(self, src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
                tgt_key_padding_mask=None, memory_key_padding_mask=None, src_is_causal=None, tgt_is_causal=None,
                memory_is_causal=False):
        batch_dim = 0 if self.batch_first else 1
        if src.dim() == 3 and tgt.dim() == 3 and src.shape[batch_dim] != tgt.shape[batch_dim]:
            raise ValueError(f"Transformer: the batch number of src and tgt must be equal, got src "
                             f"{shape_str(src.shape)} and tgt {shape_str(tgt.shape)}")
        if src.shape[-1] != self.d_model or tgt.shape[-1] != self.d_model:
            raise ValueError(f"Transformer: the feature number of src and tgt must be equal to d_model "
                             f"({self.d_model}), got src {shape_str(src.shape)} and tgt {shape_str(tgt.shape)}")
        memory = self.encoder(src, mask=src_mask, src_key_padding_mask=src_key_padding_mask, is_causal=src_is_causal)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                            tgt_key_padding_mask=tgt_key_padding_mask,
                            memory_key_padding_mask=memory_key_padding_mask, tgt_is_causal=tgt_is_causal,
                            memory_is_causal=memory_is_causal)

    @staticmethod
    def generate_square_subsequent_mask(sz, device=None, dtype=None):
        """A (sz, sz) float mask: -inf above the diagonal (future positions), 0 elsewhere."""
        dtype = _C.float32 if dtype is None else dtype
        future = _C.arange(sz).unsqueeze(0) > _C.arange(sz).unsqueeze(1)
        return _C.zeros((sz, sz), dtype=dtype).masked_fill(future, float("-inf"))

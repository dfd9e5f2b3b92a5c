"""Recurrent layers: RNN, LSTM, GRU and their single-step cells, with PyTorch's parameter names
(``weight_ih_l0``, ``weight_hh_l1_reverse``, ``weight_hr_l0``, ...), shapes and initialisation.

Each (layer, direction) is one call of the C++ op ``rt.rnn_layer`` (the time loop, fused gates and
BPTT run there); this module stacks layers and directions, applies dropout between layers and
handles batch_first, unbatched input and PackedSequence input.
"""
import math

from ... import _C
from .. import functional as F
from .. import init
from ..parameter import Parameter
from ..utils.rnn import PackedSequence
from .module import Module
from .utils import _factory, shape_str

__all__ = ["RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell"]

_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _check_positive_int(value, what, name):
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name}: {what} should be of type int, got: {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name}: {what} must be greater than zero, got {value}")


class RNNBase(Module):
    """Shared implementation of RNN / LSTM / GRU (``mode`` is 'LSTM', 'GRU', 'RNN_TANH' or 'RNN_RELU')."""

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        name = {"RNN_TANH": "RNN", "RNN_RELU": "RNN"}.get(mode, mode)
        _check_positive_int(hidden_size, "hidden_size", name)
        _check_positive_int(num_layers, "num_layers", name)
        if isinstance(input_size, bool) or not isinstance(input_size, int) or input_size < 0:
            raise ValueError(f"{name}: input_size must be a non-negative int, got {input_size!r}")
        if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0 <= dropout <= 1:
            raise ValueError(f"{name}: dropout should be a number in range [0, 1] representing the probability of "
                             f"an element being zeroed, got {dropout!r}")
        if proj_size < 0:
            raise ValueError(f"{name}: proj_size should be a positive integer or zero to disable projections, "
                             f"got {proj_size}")
        if proj_size >= hidden_size:
            raise ValueError(f"{name}: proj_size has to be smaller than hidden_size (got proj_size={proj_size}, "
                             f"hidden_size={hidden_size})")
        if proj_size and mode != "LSTM":
            raise ValueError(f"{name}: proj_size argument is only supported for LSTM, not RNN or GRU")
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        gate_size = _GATES[mode] * hidden_size
        real_hidden = proj_size if proj_size > 0 else hidden_size
        directions = 2 if bidirectional else 1
        self._flat_weights_names = []
        for layer in range(num_layers):
            layer_input = input_size if layer == 0 else real_hidden * directions
            for direction in range(directions):
                suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
                shapes = [("weight_ih", (gate_size, layer_input)), ("weight_hh", (gate_size, real_hidden))]
                if bias:
                    shapes += [("bias_ih", (gate_size,)), ("bias_hh", (gate_size,))]
                if proj_size > 0:
                    shapes.append(("weight_hr", (proj_size, hidden_size)))
                for base, shape in shapes:
                    setattr(self, base + suffix, Parameter(_factory(shape, dtype, device)))
                    self._flat_weights_names.append(base + suffix)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size)
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    @property
    def _flat_weights(self):
        return [getattr(self, n) for n in self._flat_weights_names]

    @property
    def all_weights(self):
        per_direction = len(self._flat_weights_names) // (self.num_layers * (2 if self.bidirectional else 1))
        w = self._flat_weights
        return [w[i:i + per_direction] for i in range(0, len(w), per_direction)]

    def flatten_parameters(self):
        """Kept for PyTorch compatibility (weights are used in place; nothing to flatten)."""

    def _layer_weights(self, layer, direction):
        suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
        p = self._parameters
        return (p["weight_ih" + suffix], p["weight_hh" + suffix], p.get("bias_ih" + suffix),
                p.get("bias_hh" + suffix), p.get("weight_hr" + suffix))

    def _error(self, cls, msg):
        return cls(f"{self._get_name()}: {msg}")

    def _check_hidden(self, h, expected, what):
        if tuple(h.shape) != tuple(expected):
            raise self._error(ValueError, f"Expected {what} size {shape_str(expected)}, got {shape_str(h.shape)}")

    def forward(self, input, hx=None):
        name = self._get_name()
        is_lstm = self.mode == "LSTM"
        packed = isinstance(input, PackedSequence)
        directions = 2 if self.bidirectional else 1
        real_hidden = self.proj_size if self.proj_size > 0 else self.hidden_size
        batch_sizes = []
        if packed:
            from ..utils.rnn import _packed_to_padded
            batch_sizes = [int(v) for v in input.batch_sizes.tolist()]
            sorted_indices, unsorted_indices = input.sorted_indices, input.unsorted_indices
            x, _ = _packed_to_padded(input, 0.0)
            batched = True
            if x.dim() != 3:
                raise self._error(ValueError, f"packed input must have data of shape (N, input_size), got "
                                              f"{shape_str(input.data.shape)}")
        else:
            if not isinstance(input, _C.Tensor):
                raise self._error(TypeError, f"input must be a Tensor or a PackedSequence, got {type(input).__name__}")
            if input.dim() not in (2, 3):
                raise self._error(ValueError, f"Expected input to be 2D or 3D, got {input.dim()}D instead "
                                              f"(shape {shape_str(input.shape)})")
            batched = input.dim() == 3
            x = input if batched else input.unsqueeze(1)
            if batched and self.batch_first:
                x = x.transpose(0, 1)
            sorted_indices = unsorted_indices = None
        if x.shape[-1] != self.input_size:
            raise self._error(ValueError, f"input.size(-1) must be equal to input_size. Expected {self.input_size}, "
                                          f"got {x.shape[-1]} (input shape {shape_str(x.shape)})")
        B = x.shape[1]
        state_shape = (self.num_layers * directions, B, real_hidden)
        cell_shape = (self.num_layers * directions, B, self.hidden_size)
        if hx is None:
            h0 = _C.zeros(state_shape, dtype=x.dtype)
            c0 = _C.zeros(cell_shape, dtype=x.dtype) if is_lstm else None
        else:
            if is_lstm:
                if not isinstance(hx, (tuple, list)) or len(hx) != 2:
                    raise self._error(TypeError, "hx must be a tuple (h_0, c_0) for LSTM")
                h0, c0 = hx
            else:
                if isinstance(hx, (tuple, list)):
                    raise self._error(TypeError, f"hx must be a Tensor for {name}, got a tuple")
                h0, c0 = hx, None
            if not batched:
                if h0.dim() != 2 or (c0 is not None and c0.dim() != 2):
                    raise self._error(ValueError, f"For unbatched 2-D input, hx should also be 2-D but got "
                                                  f"{h0.dim()}-D tensor")
                h0 = h0.unsqueeze(1)
                c0 = c0.unsqueeze(1) if c0 is not None else None
            elif h0.dim() != 3 or (c0 is not None and c0.dim() != 3):
                raise self._error(ValueError, f"For batched 3-D input, hx should also be 3-D but got "
                                              f"{h0.dim()}-D tensor")
            if sorted_indices is not None:
                h0 = h0.index_select(1, sorted_indices)
                c0 = c0.index_select(1, sorted_indices) if c0 is not None else None
            self._check_hidden(h0, state_shape, "hidden")
            if c0 is not None:
                self._check_hidden(c0, cell_shape, "cell")

        layer_input = x
        h_n, c_n = [], []
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(directions):
                k = layer * directions + direction
                w_ih, w_hh, b_ih, b_hh, w_hr = self._layer_weights(layer, direction)
                res = _C.rnn_layer(layer_input, h0[k], c0[k] if is_lstm else None, w_ih, w_hh, b_ih, b_hh, w_hr,
                                   self.mode, direction == 1, batch_sizes)
                outputs.append(res[0])
                h_n.append(res[1])
                if is_lstm:
                    c_n.append(res[2])
            layer_input = outputs[0] if directions == 1 else _C.cat(outputs, 2)
            if self.dropout > 0 and self.training and layer < self.num_layers - 1:
                layer_input = F.dropout(layer_input, self.dropout, True)
        output = layer_input
        h_n = _C.stack(h_n, 0)
        c_n = _C.stack(c_n, 0) if is_lstm else None

        if packed:
            T = len(batch_sizes)
            gather = [t * B + b for t in range(T) for b in range(batch_sizes[t])]
            data = output.reshape(T * B, output.shape[2]).index_select(0, _C.tensor(gather, dtype=_C.int64))
            output = PackedSequence(data, input.batch_sizes, sorted_indices, unsorted_indices)
            if unsorted_indices is not None:
                h_n = h_n.index_select(1, unsorted_indices)
                c_n = c_n.index_select(1, unsorted_indices) if c_n is not None else None
        else:
            if not batched:
                output = output.squeeze(1)
                h_n = h_n.squeeze(1)
                c_n = c_n.squeeze(1) if c_n is not None else None
            elif self.batch_first:
                output = output.transpose(0, 1)
        return output, ((h_n, c_n) if is_lstm else h_n)

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.proj_size != 0:
            s += f", proj_size={self.proj_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.batch_first is not False:
            s += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            s += f", dropout={self.dropout}"
        if self.bidirectional is not False:
            s += f", bidirectional={self.bidirectional}"
        if self.mode == "RNN_RELU":
            s += ", nonlinearity='relu'"
        return s


class RNN(RNNBase):
    """Elman RNN: ``h_t = act(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)`` with act tanh or relu.
    Input (L, N, H_in) ((N, L, H_in) with batch_first, or unbatched (L, H_in)) or a PackedSequence;
    returns (output (L, N, D * H_out), h_n (D * num_layers, N, H_out)).

    ``forward(input, hx=None)``: hx is the initial hidden state (zeros when None).

    Args:
        input_size (int): the number of input features H_in.
        hidden_size (int): the number of hidden features H_out.
        num_layers (int): the number of stacked layers. Default: 1.
        nonlinearity (str): ``'tanh'`` or ``'relu'``. Default: ``'tanh'``.
        bias (bool): use the biases ``b_ih`` and ``b_hh``. Default: True.
        batch_first (bool): input and output are (N, L, H) instead of (L, N, H). Default: False.
        dropout (float): dropout on the outputs of every layer but the last, in training mode. Default: 0.0.
        bidirectional (bool): run a second, reversed direction (D = 2). Default: False.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.RNN(10, 20, num_layers=2)
        >>> out, h_n = m(rt.randn(5, 3, 10))
        >>> tuple(out.shape), tuple(h_n.shape)
        ((5, 3, 20), (2, 3, 20))
    """

    def __init__(self, input_size, hidden_size, num_layers=1, nonlinearity="tanh", bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, device=None, dtype=None):
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"RNN: unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        self.nonlinearity = nonlinearity
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", input_size, hidden_size, num_layers,
                         bias, batch_first, dropout, bidirectional, 0, device, dtype)


class LSTM(RNNBase):
    """Long short-term memory (gates i, f, g, o stacked in that order in the weights), optionally with
    a projection of the hidden state to proj_size. Returns (output, (h_n, c_n)).

    ``forward(input, hx=None)``: hx is (h_0, c_0) (zeros when None); input as for ``RNN``.

    Args:
        input_size (int): the number of input features H_in.
        hidden_size (int): the number of hidden features H_out.
        num_layers (int): the number of stacked layers. Default: 1.
        bias (bool): use the biases ``b_ih`` and ``b_hh``. Default: True.
        batch_first (bool): input and output are (N, L, H) instead of (L, N, H). Default: False.
        dropout (float): dropout on the outputs of every layer but the last, in training mode. Default: 0.0.
        bidirectional (bool): run a second, reversed direction (D = 2). Default: False.
        proj_size (int): when > 0, project the hidden state to this size (must be smaller than hidden_size). Default: 0.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.LSTM(10, 20, batch_first=True, bidirectional=True)
        >>> out, (h_n, c_n) = m(rt.randn(3, 5, 10))
        >>> tuple(out.shape), tuple(h_n.shape), tuple(c_n.shape)
        ((3, 5, 40), (2, 3, 20), (2, 3, 20))
    """

    def __init__(self, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__("LSTM", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional,
                         proj_size, device, dtype)


class GRU(RNNBase):
    """Gated recurrent unit (gates r, z, n; ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``).
    Returns (output, h_n).

    ``forward(input, hx=None)``: hx is the initial hidden state (zeros when None); input as for ``RNN``.

    Args:
        input_size (int): the number of input features H_in.
        hidden_size (int): the number of hidden features H_out.
        num_layers (int): the number of stacked layers. Default: 1.
        bias (bool): use the biases ``b_ih`` and ``b_hh``. Default: True.
        batch_first (bool): input and output are (N, L, H) instead of (L, N, H). Default: False.
        dropout (float): dropout on the outputs of every layer but the last, in training mode. Default: 0.0.
        bidirectional (bool): run a second, reversed direction (D = 2). Default: False.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> m = nn.GRU(10, 20)
        >>> out, h_n = m(rt.randn(5, 3, 10))
        >>> tuple(out.shape), tuple(h_n.shape)
        ((5, 3, 20), (1, 3, 20))
    """

    def __init__(self, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, device=None, dtype=None):
        super().__init__("GRU", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, 0,
                         device, dtype)


class RNNCellBase(Module):
    """One time step: weights weight_ih (G * hidden, input), weight_hh (G * hidden, hidden) and
    optional biases, from U(-1/sqrt(hidden), 1/sqrt(hidden))."""

    def __init__(self, mode, input_size, hidden_size, bias, device=None, dtype=None):
        super().__init__()
        _check_positive_int(hidden_size, "hidden_size", type(self).__name__)
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        gate_size = _GATES[mode] * hidden_size
        self.weight_ih = Parameter(_factory((gate_size, input_size), dtype, device))
        self.weight_hh = Parameter(_factory((gate_size, hidden_size), dtype, device))
        if bias:
            self.bias_ih = Parameter(_factory((gate_size,), dtype, device))
            self.bias_hh = Parameter(_factory((gate_size,), dtype, device))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size)
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            s += f", bias={self.bias}"
        if self.mode == "RNN_RELU":
            s += ", nonlinearity='relu'"
        return s

    def _step(self, input, hx):
        name = self._get_name()
        is_lstm = self.mode == "LSTM"
        if not isinstance(input, _C.Tensor) or input.dim() not in (1, 2):
            shape = shape_str(input.shape) if isinstance(input, _C.Tensor) else type(input).__name__
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {shape}")
        if input.shape[-1] != self.input_size:
            raise ValueError(f"{name}: input has inconsistent input_size: got {input.shape[-1]} expected "
                             f"{self.input_size}")
        batched = input.dim() == 2
        x = input if batched else input.unsqueeze(0)
        B = x.shape[0]
        if hx is None:
            h0 = _C.zeros((B, self.hidden_size), dtype=x.dtype)
            c0 = _C.zeros((B, self.hidden_size), dtype=x.dtype) if is_lstm else None
        else:
            h0, c0 = (hx if is_lstm else (hx, None))
            if not batched:
                h0 = h0.unsqueeze(0)
                c0 = c0.unsqueeze(0) if c0 is not None else None
            for t, what in ((h0, "hidden"), (c0, "cell")):
                if t is not None and tuple(t.shape) != (B, self.hidden_size):
                    raise ValueError(f"{name}: Expected {what} state of shape {shape_str((B, self.hidden_size))}, "
                                     f"got {shape_str(t.shape if batched else t.shape[1:])}")
        res = _C.rnn_layer(x.unsqueeze(0), h0, c0, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh, None,
                           self.mode, False, [])
        h1 = res[1] if batched else res[1].squeeze(0)
        if is_lstm:
            c1 = res[2] if batched else res[2].squeeze(0)
            return h1, c1
        return h1


class RNNCell(RNNCellBase):
    """``h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)`` for one step; input (N, H_in) or (H_in,).

    ``forward(input, hx=None)`` returns h' (hx is zeros when None).

    Args:
        input_size (int): the number of input features.
        hidden_size (int): the number of hidden features.
        bias (bool): use the biases ``bias_ih`` and ``bias_hh``. Default: True.
        nonlinearity (str): ``'tanh'`` or ``'relu'``. Default: ``'tanh'``.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> cell = nn.RNNCell(10, 20)
        >>> h = cell(rt.randn(3, 10))
        >>> h = cell(rt.randn(3, 10), h)
        >>> tuple(h.shape)
        (3, 20)
    """

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"RNNCell: unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        self.nonlinearity = nonlinearity
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", input_size, hidden_size, bias, device,
                         dtype)

    def forward(self, input, hx=None):
        return self._step(input, hx)


class LSTMCell(RNNCellBase):
    """One LSTM step: returns (h', c') from input and (h, c) (zeros when hx is None).

    Args:
        input_size (int): the number of input features.
        hidden_size (int): the number of hidden features.
        bias (bool): use the biases ``bias_ih`` and ``bias_hh``. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> cell = nn.LSTMCell(10, 20)
        >>> h, c = cell(rt.randn(3, 10))
        >>> h, c = cell(rt.randn(3, 10), (h, c))
        >>> tuple(h.shape), tuple(c.shape)
        ((3, 20), (3, 20))
    """

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__("LSTM", input_size, hidden_size, bias, device, dtype)

    def forward(self, input, hx=None):
        if hx is not None and (not isinstance(hx, (tuple, list)) or len(hx) != 2):
            raise TypeError("LSTMCell: hx must be a tuple (h_0, c_0)")
        return self._step(input, hx)


class GRUCell(RNNCellBase):
    """One GRU step: returns h' (hx is zeros when None).

    Args:
        input_size (int): the number of input features.
        hidden_size (int): the number of hidden features.
        bias (bool): use the biases ``bias_ih`` and ``bias_hh``. Default: True.
        device (device, optional): the device of the parameters.
        dtype (dtype, optional): the dtype of the parameters.

    Example:
        >>> cell = nn.GRUCell(10, 20)
        >>> h = cell(rt.randn(3, 10))
        >>> tuple(h.shape)
        (3, 20)
    """

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__("GRU", input_size, hidden_size, bias, device, dtype)

    def forward(self, input, hx=None):
        return self._step(input, hx)

"""Gradient-check cases for the recurrent-layer op (rt.rnn_layer): every mode, reverse direction,
LSTM projection, packed batch sizes, no bias and a non-contiguous input. Second derivatives go
through the op's composite form (create_graph)."""
import rustorch as rt

from .common import case, rand


def _layer(mode, reverse=False, batch_sizes=()):
    def fn(*args):
        return rt.rnn_layer(*args, mode=mode, reverse=reverse, batch_sizes=list(batch_sizes))
    return fn


def _no_bias(mode, reverse=False):
    def fn(x, h0, w_ih, w_hh):
        return rt.rnn_layer(x, h0, None, w_ih, w_hh, mode=mode, reverse=reverse)
    return fn


CASES = {
    "rnn_layer": [
        case(lambda x, h0, c0, wi, wh, bi, bh, wr: rt.rnn_layer(x, h0, c0, wi, wh, bi, bh, wr, mode="LSTM",
                                                                 reverse=True, batch_sizes=[2, 2, 1]),
             rand(3, 2, 2), rand(2, 1), rand(2, 2), rand(8, 2), rand(8, 1), rand(8), rand(8), rand(1, 2)),
        case(lambda x, h0, c0, wi, wh, bi, bh: rt.rnn_layer(x, h0, c0, wi, wh, bi, bh, mode="LSTM"),
             rand(3, 2, 2, transposed=True), rand(2, 2), rand(2, 2), rand(8, 2), rand(8, 2), rand(8), rand(8)),
        case(lambda x, h0, wi, wh, bi, bh: rt.rnn_layer(x, h0, None, wi, wh, bi, bh, mode="GRU", batch_sizes=[2, 1, 1]),
             rand(3, 2, 2), rand(2, 2), rand(6, 2), rand(6, 2), rand(6), rand(6)),
        case(_no_bias("GRU", reverse=True), rand(3, 2, 2), rand(2, 2), rand(6, 2), rand(6, 2)),
        case(_no_bias("RNN_TANH"), rand(3, 2, 2), rand(2, 3), rand(3, 2), rand(3, 3)),
        # relu's second derivative is zero almost everywhere; values stay away from the kink.
        case(lambda x, h0, wi, wh, bi, bh: rt.rnn_layer(x, h0, None, wi, wh, bi, bh, mode="RNN_RELU", reverse=True),
             rand(3, 2, 2, low=0.2, high=1.0), rand(2, 2, low=0.2, high=1.0), rand(2, 2, low=0.2, high=1.0),
             rand(2, 2, low=0.2, high=1.0), rand(2, low=0.1, high=0.5), rand(2, low=0.1, high=0.5)),
    ],
}

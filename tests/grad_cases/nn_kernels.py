"""Gradient-check cases for the nn functional kernels (conv, pooling, norms, losses, ...)."""
import numpy as np

import rustorch as rt

from .common import case, const, rand


def _idx(values):
    return const(rt.tensor(np.array(values, dtype=np.int64)))


def _seeded(fn, seed=0):
    """Random ops must draw the same mask on every call of a gradient check."""
    def wrapped(*args):
        rt.manual_seed(seed)
        return fn(*args)
    return wrapped



CASES = {
    "conv1d": [case(lambda x, w, b: rt.conv1d(x, w, b, stride=2, padding=1), rand(2, 2, 7), rand(3, 2, 3), rand(3)),
               case(lambda x, w: rt.conv1d(x, w, padding="same", dilation=2, groups=2), rand(1, 4, 6, transposed=True),
                    rand(2, 2, 2))],
    "conv2d": [case(lambda x, w, b: rt.conv2d(x, w, b, padding=1), rand(2, 2, 4, 4), rand(3, 2, 3, 3), rand(3)),
               case(lambda x, w: rt.conv2d(x, w, stride=(2, 1), padding=(0, 1), dilation=(1, 2), groups=2),
                    rand(1, 4, 5, 4, transposed=True), rand(2, 2, 2, 2)),
               case(lambda x, w: rt.conv2d(x, w), rand(3, 3, 3), rand(2, 3, 1, 1))],  # unbatched, pointwise
    "conv3d": [case(lambda x, w, b: rt.conv3d(x, w, b, stride=(1, 2, 1), padding=1), rand(1, 2, 3, 4, 3),
                    rand(2, 2, 2, 2, 2), rand(2))],
    "conv_transpose1d": [case(lambda x, w, b: rt.conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1),
                              rand(2, 2, 4), rand(2, 3, 3), rand(3))],
    "conv_transpose2d": [case(lambda x, w, b: rt.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=(1, 0)),
                              rand(1, 2, 3, 3), rand(2, 2, 3, 3), rand(2)),
                         case(lambda x, w: rt.conv_transpose2d(x, w, groups=2, dilation=2), rand(2, 4, 2, 3, transposed=True),
                              rand(4, 1, 2, 2))],
    "conv_transpose3d": [case(lambda x, w: rt.conv_transpose3d(x, w, stride=2), rand(1, 2, 2, 2, 2), rand(2, 1, 2, 1, 2))],
    "max_pool1d": [case(lambda x: rt.max_pool1d(x, 3, 2, 1), rand(2, 2, 7))],
    "max_pool2d": [case(lambda x: rt.max_pool2d(x, 2), rand(2, 2, 4, 4)),
                   case(lambda x: rt.max_pool2d(x, 3, 2, 1, dilation=(1, 2), ceil_mode=True), rand(1, 2, 6, 7, transposed=True))],
    "max_pool3d": [case(lambda x: rt.max_pool3d(x, 2, 1), rand(1, 2, 3, 3, 3))],
    "avg_pool1d": [case(lambda x: rt.avg_pool1d(x, 3, 2, 1, ceil_mode=True), rand(2, 2, 8))],
    "avg_pool2d": [case(lambda x: rt.avg_pool2d(x, 3, 2, 1, count_include_pad=False), rand(1, 2, 5, 6, transposed=True)),
                   case(lambda x: rt.avg_pool2d(x, 2, divisor_override=3), rand(2, 1, 4, 4))],
    "avg_pool3d": [case(lambda x: rt.avg_pool3d(x, 2, ceil_mode=True), rand(1, 2, 3, 3, 4))],
    "adaptive_avg_pool1d": [case(lambda x: rt.adaptive_avg_pool1d(x, 3), rand(2, 2, 7))],
    "adaptive_avg_pool2d": [case(lambda x: rt.adaptive_avg_pool2d(x, (2, 3)), rand(2, 2, 5, 4, transposed=True))],
    "adaptive_avg_pool3d": [case(lambda x: rt.adaptive_avg_pool3d(x, (2, None, 2)), rand(1, 2, 3, 2, 3))],
    "adaptive_max_pool1d": [case(lambda x: rt.adaptive_max_pool1d(x, 3), rand(2, 2, 7))],
    "adaptive_max_pool2d": [case(lambda x: rt.adaptive_max_pool2d(x, (2, 3)), rand(1, 2, 5, 4))],
    "adaptive_max_pool3d": [case(lambda x: rt.adaptive_max_pool3d(x, 2), rand(1, 2, 3, 3, 3))],
    "batch_norm": [case(lambda x, w, b: rt.batch_norm(x, None, None, w, b, training=True), rand(3, 2, 2, 2),
                        rand(2), rand(2), atol=1e-4),
                   case(lambda x, w: rt.batch_norm(x, rt.zeros(3, dtype=rt.float64) + 0.1, rt.ones(3, dtype=rt.float64) * 2,
                                                   w, None, training=False), rand(4, 3, transposed=True), rand(3)),
                   case(lambda x: rt.batch_norm(x, None, None, training=True), rand(4, 2, 3, transposed=True), atol=1e-4)],
    "layer_norm": [case(lambda x, w, b: rt.layer_norm(x, (3,), w, b), rand(2, 3, transposed=True), rand(3), rand(3)),
                   case(lambda x: rt.layer_norm(x, (2, 3)), rand(2, 2, 3), atol=1e-4)],
    "group_norm": [case(lambda x, w, b: rt.group_norm(x, 2, w, b), rand(2, 4, 3), rand(4), rand(4), atol=1e-4)],
    "instance_norm": [case(lambda x, w, b: rt.instance_norm(x, weight=w, bias=b), rand(2, 2, 4), rand(2), rand(2),
                           atol=1e-4)],
    "pad": [case(lambda x: rt.pad(x, (1, 2, -1, 1), value=0.5), rand(2, 3, 4)),
            case(lambda x: rt.pad(x, (2, 1, 1, 2), mode="reflect"), rand(1, 2, 3, 4, transposed=True)),
            case(lambda x: rt.pad(x, (1, 2), mode="replicate"), rand(2, 3)),
            case(lambda x: rt.pad(x, (1, 1, 2, 0), mode="circular"), rand(1, 1, 3, 3))],
    "interpolate": [case(lambda x: rt.interpolate(x, scale_factor=2), rand(1, 2, 2, 3)),
                    case(lambda x: rt.interpolate(x, size=(3, 5), mode="bilinear"), rand(1, 2, 2, 3, transposed=True)),
                    case(lambda x: rt.interpolate(x, size=(4, 2), mode="bilinear", align_corners=True), rand(1, 1, 3, 3)),
                    case(lambda x: rt.interpolate(x, size=5, mode="linear"), rand(2, 1, 3))],
    "dropout": [case(_seeded(lambda x: rt.dropout(x, 0.4)), rand(3, 4))],
    "feature_dropout": [case(_seeded(lambda x: rt.dropout2d(x, 0.5)), rand(2, 3, 2, 2))],
    # padding_idx and scale_grad_by_freq change the gradient on purpose (not the true derivative);
    # their semantics are checked against torch in test_nn_kernels.py.
    "embedding": [case(lambda w: rt.embedding(rt.tensor(np.array([[0, 2], [3, 2]])), w, padding_idx=4), rand(5, 3)),
                  case(lambda w: rt.embedding(rt.tensor(np.array([1, 1, 3])), w), rand(4, 2, transposed=True))],
    "cross_entropy": [case(lambda x: rt.cross_entropy(x, rt.tensor(np.array([1, 0, 3]))), rand(3, 4)),
                      case(lambda x: rt.cross_entropy(x, rt.tensor(np.array([1, -100, 3])), label_smoothing=0.2,
                                                      weight=rt.tensor(np.array([1.0, 2.0, 0.5, 1.5])), reduction="sum"),
                           rand(3, 4, transposed=True)),
                      case(lambda x: rt.cross_entropy(x, rt.tensor(np.array([[1, 0], [2, 2]])), reduction="none"),
                           rand(2, 3, 2)),
                      case(lambda x, t: rt.cross_entropy(x, t, label_smoothing=0.1), rand(3, 4),
                           rand(3, 4, low=0.0, high=1.0))],
    "nll_loss": [case(lambda x: rt.nll_loss(x, rt.tensor(np.array([1, 0, 3])), weight=rt.tensor(np.array([1.0, 2.0, 0.5, 1.5]))),
                      rand(3, 4)),
                 case(lambda x: rt.nll_loss(x, rt.tensor(np.array([[1, -100], [2, 0]])), reduction="none"), rand(2, 3, 2))],
    "binary_cross_entropy_with_logits": [
        case(lambda x, t: rt.binary_cross_entropy_with_logits(x, t), rand(3, 4, low=-3, high=3), rand(3, 4, low=0, high=1)),
        case(lambda x, t, w, p: rt.binary_cross_entropy_with_logits(x, t, w, pos_weight=p, reduction="sum"),
             rand(2, 3, transposed=True), rand(2, 3, low=0, high=1), rand(2, 1), rand(3, low=0.5, high=2))],
}

"""Loss modules (``reduction`` 'none' | 'mean' | 'sum'); each calls its nn.functional form."""
from .. import functional as F
from .module import Module
from .utils import layer_error

__all__ = [
    "L1Loss", "MSELoss", "SmoothL1Loss", "HuberLoss", "CrossEntropyLoss", "NLLLoss", "BCELoss",
    "BCEWithLogitsLoss", "KLDivLoss", "CosineEmbeddingLoss", "MarginRankingLoss", "HingeEmbeddingLoss",
    "SoftMarginLoss", "MultiLabelSoftMarginLoss", "PoissonNLLLoss", "GaussianNLLLoss", "TripletMarginLoss",
]


class _Loss(Module):
    def __init__(self, size_average=None, reduce=None, reduction="mean"):
        super().__init__()
        if size_average is not None or reduce is not None:
            reduction = F._legacy_reduction(size_average, reduce, reduction)
        if reduction not in ("none", "mean", "sum", "batchmean"):
            raise ValueError(f"{type(self).__name__}: {reduction!r} is not a valid value for reduction "
                             "(expected 'none', 'mean' or 'sum')")
        self.reduction = reduction


class _WeightedLoss(_Loss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)


def _call(module, fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception as e:
        raise layer_error(module, e) from None


class L1Loss(_Loss):
    """Mean absolute error |input - target|.

    Args:
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.L1Loss()
        >>> x, y = rt.tensor([1., 2., 3.]), rt.tensor([1., 4., 7.])
        >>> loss(x, y).item()
        2.0
        >>> nn.L1Loss(reduction='none')(x, y).tolist()
        [0.0, 2.0, 4.0]
    """

    def forward(self, input, target):
        return _call(self, F.l1_loss, input, target, reduction=self.reduction)


class MSELoss(_Loss):
    """Mean squared error (input - target)^2.

    Args:
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.MSELoss()
        >>> x, y = rt.tensor([1., 2., 3.]), rt.tensor([1., 4., 7.])
        >>> round(loss(x, y).item(), 4)
        6.6667
        >>> nn.MSELoss(reduction='sum')(x, y).item()
        20.0
    """

    def forward(self, input, target):
        return _call(self, F.mse_loss, input, target, reduction=self.reduction)


class SmoothL1Loss(_Loss):
    """Squared error below ``beta``, absolute error above (0.5 d^2 / beta | |d| - 0.5 beta).

    Args:
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        beta (float): the threshold between the squared and the absolute part. Default: 1.0.

    Example:
        >>> loss = nn.SmoothL1Loss(reduction='none')
        >>> loss(rt.tensor([0.5, 3.]), rt.tensor([0., 0.])).tolist()
        [0.125, 2.5]
    """

    def __init__(self, size_average=None, reduce=None, reduction="mean", beta=1.0):
        super().__init__(size_average, reduce, reduction)
        self.beta = beta

    def forward(self, input, target):
        return _call(self, F.smooth_l1_loss, input, target, reduction=self.reduction, beta=self.beta)


class HuberLoss(_Loss):
    """Squared error below ``delta``, delta-scaled absolute error above (0.5 d^2 | delta (|d| - 0.5 delta)).

    Args:
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        delta (float): the threshold between the squared and the absolute part. Default: 1.0.

    Example:
        >>> loss = nn.HuberLoss(reduction='none', delta=2.0)
        >>> loss(rt.tensor([1., 4.]), rt.tensor([0., 0.])).tolist()
        [0.5, 6.0]
    """

    def __init__(self, reduction="mean", delta=1.0):
        super().__init__(reduction=reduction)
        self.delta = delta

    def forward(self, input, target):
        return _call(self, F.huber_loss, input, target, reduction=self.reduction, delta=self.delta)


class CrossEntropyLoss(_WeightedLoss):
    """Cross entropy of logits (N, C, *) or (C,) against int64 class indices (N, *) or class
    probabilities of the input's shape; ``weight`` per class, ``ignore_index``, ``label_smoothing``.

    Args:
        weight (Tensor, optional): a rescaling weight per class (a buffer of the module). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        ignore_index (int): a target class index that contributes nothing (class-index targets only). Default: -100.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        label_smoothing (float): the amount in [0, 1] of uniform smoothing of the targets. Default: 0.0.

    Example:
        >>> loss = nn.CrossEntropyLoss()
        >>> logits = rt.zeros(2, 4)
        >>> target = rt.tensor([0, 3])
        >>> round(loss(logits, target).item(), 4)
        1.3863
        >>> round(float(np.log(4)), 4)
        1.3863
    """

    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean",
                 label_smoothing=0.0):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index
        self.label_smoothing = label_smoothing

    def forward(self, input, target):
        return _call(self, F.cross_entropy, input, target, weight=self.weight, ignore_index=self.ignore_index,
                     reduction=self.reduction, label_smoothing=self.label_smoothing)


class NLLLoss(_WeightedLoss):
    """Negative log likelihood of log-probabilities (N, C, *) at int64 class indices (N, *).

    Args:
        weight (Tensor, optional): a rescaling weight per class (a buffer of the module). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        ignore_index (int): a target class index that contributes nothing. Default: -100.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.NLLLoss()
        >>> logp = rt.tensor([[-1., -2.], [-3., -0.5]])
        >>> loss(logp, rt.tensor([0, 1])).item()
        0.75
        >>> nn.NLLLoss(reduction='none')(logp, rt.tensor([1, 0])).tolist()
        [2.0, 3.0]
    """

    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
        super().__init__(weight, size_average, reduce, reduction)
        self.ignore_index = ignore_index

    def forward(self, input, target):
        return _call(self, F.nll_loss, input, target, weight=self.weight, ignore_index=self.ignore_index,
                     reduction=self.reduction)


class BCELoss(_WeightedLoss):
    """Binary cross entropy of probabilities in [0, 1] (logs clamped at -100).

    Args:
        weight (Tensor, optional): a rescaling weight per element (broadcast) (a buffer of the module). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.BCELoss()
        >>> p = rt.tensor([0.5, 0.5])
        >>> round(loss(p, rt.tensor([1., 0.])).item(), 4)
        0.6931
        >>> nn.BCELoss(reduction='none')(rt.tensor([0.]), rt.tensor([1.])).tolist()
        [100.0]
    """

    def forward(self, input, target):
        return _call(self, F.binary_cross_entropy, input, target, weight=self.weight, reduction=self.reduction)


class BCEWithLogitsLoss(_Loss):
    """Binary cross entropy of logits (sigmoid fused, numerically stable); ``pos_weight`` scales the
    positive term per class.

    Args:
        weight (Tensor, optional): a rescaling weight per element (broadcast) (a buffer of the module). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        pos_weight (Tensor, optional): the weight of the positive term, per class (last dim). Default: None.

    Example:
        >>> loss = nn.BCEWithLogitsLoss()
        >>> round(loss(rt.zeros(3), rt.tensor([1., 0., 1.])).item(), 4)
        0.6931
        >>> w = nn.BCEWithLogitsLoss(pos_weight=rt.tensor([2.]), reduction='none')
        >>> [round(v, 4) for v in w(rt.zeros(2), rt.tensor([1., 0.])).tolist()]
        [1.3863, 0.6931]
    """

    def __init__(self, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None):
        super().__init__(size_average, reduce, reduction)
        self.register_buffer("weight", weight)
        self.register_buffer("pos_weight", pos_weight)

    def forward(self, input, target):
        return _call(self, F.binary_cross_entropy_with_logits, input, target, self.weight,
                     pos_weight=self.pos_weight, reduction=self.reduction)


class KLDivLoss(_Loss):
    """KL divergence of log-probability input from target (probabilities, or log-probabilities with
    ``log_target``); use reduction='batchmean' for the true KL per sample.

    Args:
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'``, ``'mean'`` (over all elements), ``'batchmean'`` (sum / batch size) or ``'sum'``.
            Default: ``'mean'``.
        log_target (bool): ``target`` holds log-probabilities. Default: False.

    Example:
        >>> loss = nn.KLDivLoss(reduction='batchmean')
        >>> p = rt.tensor([[0.5, 0.5]])
        >>> loss(p.log(), p).item()
        0.0
        >>> round(loss(rt.tensor([[0.25, 0.75]]).log(), p).item(), 4)
        0.1438
    """

    def __init__(self, size_average=None, reduce=None, reduction="mean", log_target=False):
        super().__init__(size_average, reduce, reduction)
        self.log_target = log_target

    def forward(self, input, target):
        return _call(self, F.kl_div, input, target, reduction=self.reduction, log_target=self.log_target)


class CosineEmbeddingLoss(_Loss):
    """1 - cos(x1, x2) for target 1, max(0, cos(x1, x2) - margin) for target -1.

    Args:
        margin (float): the margin for dissimilar pairs, in [-1, 1]. Default: 0.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.CosineEmbeddingLoss(reduction='none')
        >>> x1 = rt.tensor([[1., 0.], [1., 0.]])
        >>> x2 = rt.tensor([[0., 1.], [1., 0.]])
        >>> loss(x1, x2, rt.tensor([1., -1.])).tolist()
        [1.0, 1.0]
    """

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return _call(self, F.cosine_embedding_loss, input1, input2, target, margin=self.margin,
                     reduction=self.reduction)


class MarginRankingLoss(_Loss):
    """max(0, -target * (x1 - x2) + margin) for target in {1, -1}.

    Args:
        margin (float): the required margin. Default: 0.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.MarginRankingLoss(margin=1.0, reduction='none')
        >>> loss(rt.tensor([3., 1.]), rt.tensor([1., 1.]), rt.tensor([1., 1.])).tolist()
        [0.0, 1.0]
    """

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return _call(self, F.margin_ranking_loss, input1, input2, target, margin=self.margin,
                     reduction=self.reduction)


class HingeEmbeddingLoss(_Loss):
    """x for target 1, max(0, margin - x) for target -1.

    Args:
        margin (float): the margin for target -1. Default: 1.0.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.HingeEmbeddingLoss(reduction='none')
        >>> loss(rt.tensor([0.5, 0.5, 2.]), rt.tensor([1., -1., -1.])).tolist()
        [0.5, 0.5, 0.0]
    """

    def __init__(self, margin=1.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input, target):
        return _call(self, F.hinge_embedding_loss, input, target, margin=self.margin, reduction=self.reduction)


class SoftMarginLoss(_Loss):
    """log(1 + exp(-target * x)) for target in {1, -1}.

    Args:
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.SoftMarginLoss()
        >>> round(loss(rt.zeros(2), rt.tensor([1., -1.])).item(), 4)
        0.6931
    """

    def forward(self, input, target):
        return _call(self, F.soft_margin_loss, input, target, reduction=self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    """Multi-label one-vs-all logistic loss, averaged over classes.

    ``input`` is (N, C) logits, ``target`` (N, C) with entries 0 or 1.

    Args:
        weight (Tensor, optional): a rescaling weight per class (a buffer of the module). Default: None.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.MultiLabelSoftMarginLoss()
        >>> round(loss(rt.zeros(2, 3), rt.tensor([[1., 0., 1.], [0., 0., 1.]])).item(), 4)
        0.6931
    """

    def forward(self, input, target):
        return _call(self, F.multilabel_soft_margin_loss, input, target, weight=self.weight,
                     reduction=self.reduction)


class PoissonNLLLoss(_Loss):
    """Poisson negative log likelihood (input is the log-rate when ``log_input``).

    With ``log_input`` the loss is exp(input) - target * input, otherwise input - target * log(input + eps).

    Args:
        log_input (bool): ``input`` is the log of the rate. Default: True.
        full (bool): add the Stirling approximation of log(target!). Default: False.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        eps (float): keeps the log finite when ``log_input`` is False. Default: 1e-8.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.PoissonNLLLoss()
        >>> loss(rt.zeros(2), rt.tensor([1., 3.])).item()
        1.0
    """

    def __init__(self, log_input=True, full=False, size_average=None, eps=1e-8, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.log_input = log_input
        self.full = full
        self.eps = eps

    def forward(self, log_input, target):
        return _call(self, F.poisson_nll_loss, log_input, target, log_input=self.log_input, full=self.full,
                     eps=self.eps, reduction=self.reduction)


class TripletMarginLoss(_Loss):
    """max(d(a, p) - d(a, n) + margin, 0) with p-norm distances.

    ``forward(anchor, positive, negative)``; ``margin <= 0`` raises ``ValueError``.

    Args:
        margin (float): the required gap between the distances. Default: 1.0.
        p (float): the norm degree of the distance. Default: 2.0.
        eps (float): added to the differences to avoid a zero norm. Default: 1e-6.
        swap (bool): use the distance from positive to negative when it is smaller. Default: False.
        size_average (bool, optional): deprecated; use ``reduction``. Default: None.
        reduce (bool, optional): deprecated; use ``reduction``. Default: None.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.TripletMarginLoss(margin=1.0, eps=0.0)
        >>> a, pos, neg = rt.zeros(1, 2), rt.tensor([[3., 4.]]), rt.tensor([[0., 1.]])
        >>> loss(a, pos, neg).item()
        5.0
    """

    def __init__(self, margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        if margin <= 0:
            raise ValueError(f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead")
        self.margin = margin
        self.p = p
        self.eps = eps
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return _call(self, F.triplet_margin_loss, anchor, positive, negative, margin=self.margin, p=self.p,
                     eps=self.eps, swap=self.swap, reduction=self.reduction)


class GaussianNLLLoss(_Loss):
    """Gaussian negative log likelihood of target given a predicted mean (input) and variance (var).

    The loss is 0.5 * (log(var) + (input - target)^2 / var), with ``var`` clamped to at least ``eps``.

    Args:
        full (bool): add the constant 0.5 * log(2 pi). Keyword only. Default: False.
        eps (float): the lower clamp of ``var``. Keyword only. Default: 1e-6.
        reduction (str): ``'none'`` (per element), ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Example:
        >>> loss = nn.GaussianNLLLoss()
        >>> loss(rt.tensor([1., 2.]), rt.tensor([2., 2.]), rt.ones(2)).item()
        0.25
    """

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(reduction=reduction)
        self.full = full
        self.eps = eps

    def forward(self, input, target, var):
        return _call(self, F.gaussian_nll_loss, input, target, var, full=self.full, eps=self.eps,
                     reduction=self.reduction)

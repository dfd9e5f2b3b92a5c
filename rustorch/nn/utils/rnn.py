"""Variable-length batches for the recurrent layers (``torch.nn.utils.rnn``): pad_sequence,
pack_padded_sequence, pad_packed_sequence, pack_sequence, unpad_sequence, unpack_sequence and
PackedSequence.

A PackedSequence stores the sequences sorted by decreasing length, time step by time step:
``data`` holds the ``batch_sizes[0]`` first elements, then the ``batch_sizes[1]`` second
elements, ...; ``sorted_indices`` / ``unsorted_indices`` map between the caller's batch order and
the sorted one. Packing and unpacking are index_select gathers, so gradients flow through them.
"""
from collections import namedtuple

from ... import _C

__all__ = ["PackedSequence", "pad_sequence", "pack_padded_sequence", "pad_packed_sequence", "pack_sequence",
           "unpad_sequence", "unpack_sequence"]


def _index(values):
    return _C.tensor(list(values), dtype=_C.int64)


class PackedSequence(namedtuple("PackedSequence", ["data", "batch_sizes", "sorted_indices", "unsorted_indices"])):
    """The data of a packed batch (sum(lengths), *), the number of sequences active at each time
    step (``batch_sizes``, int64) and the permutations to and from the sorted batch order (None when
    the batch was already sorted). Build one with :func:`pack_padded_sequence` or
    :func:`pack_sequence` rather than by hand; the recurrent layers accept it as input.

    Args:
        data (Tensor): the packed elements, (sum(lengths), *).
        batch_sizes (Tensor): the number of sequences active at each time step (int64; required).
        sorted_indices (Tensor, optional): the batch order sorted by decreasing length. Default: None.
        unsorted_indices (Tensor, optional): the inverse permutation; computed from ``sorted_indices``
            when None. Default: None.

    Example:
        >>> seqs = [rt.tensor([1., 2.]), rt.tensor([3., 4., 5.])]
        >>> packed = nn.utils.rnn.pack_sequence(seqs, enforce_sorted=False)
        >>> packed.data.tolist()
        [3.0, 1.0, 4.0, 2.0, 5.0]
        >>> packed.batch_sizes.tolist(), packed.sorted_indices.tolist()
        ([2, 2, 1], [1, 0])
        >>> nn.utils.rnn.PackedSequence(rt.tensor([1., 2., 3.]), rt.tensor([2, 1])).unsorted_indices is None
        True
    """

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if batch_sizes is None:
            raise TypeError("PackedSequence: batch_sizes is required (use pack_padded_sequence to build one)")
        if unsorted_indices is None and sorted_indices is not None:
            unsorted_indices = _invert_permutation(sorted_indices)
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def _replace_data(self, data):
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def to(self, *args, **kwargs):
        """The packed sequence with its data converted by ``Tensor.to`` (dtype); the index tensors are kept."""
        return self._replace_data(self.data.to(*args, **kwargs))

    def double(self):
        """The packed sequence with float64 data."""
        return self._replace_data(self.data.double())

    def float(self):
        """The packed sequence with float32 data."""
        return self._replace_data(self.data.float())

    @property
    def is_cuda(self):
        """False: rustorch tensors live on the CPU."""
        return False

    def is_pinned(self):
        """False: rustorch has no pinned memory."""
        return False


def _invert_permutation(perm):
    order = [int(i) for i in perm.tolist()]
    inv = [0] * len(order)
    for pos, i in enumerate(order):
        inv[i] = pos
    return _index(inv)


def _lengths_list(lengths, name):
    if isinstance(lengths, _C.Tensor):
        if lengths.dim() != 1:
            raise ValueError(f"{name}: lengths must be a 1-D tensor or a list of ints, got shape {tuple(lengths.shape)}")
        return [int(v) for v in lengths.tolist()]
    return [int(v) for v in lengths]


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stacks tensors of shape (L_i, *) into (max L, B, *) ((B, max L, *) with batch_first),
    filling with padding_value on the right (or the left)."""
    if isinstance(sequences, _C.Tensor):
        sequences = list(sequences.unbind(0))
    sequences = list(sequences)
    if not sequences:
        raise ValueError("pad_sequence: received an empty list of sequences")
    if padding_side not in ("right", "left"):
        raise ValueError(f"pad_sequence: padding_side must be 'left' or 'right', got {padding_side!r}")
    trailing = tuple(sequences[0].shape[1:])
    for i, s in enumerate(sequences):
        if s.dim() < 1 or tuple(s.shape[1:]) != trailing:
            raise ValueError(f"pad_sequence: sequence {i} has shape {tuple(s.shape)}; every sequence must have shape "
                             f"(L, *{trailing})")
    max_len = max(s.shape[0] for s in sequences)
    rows = []
    for s in sequences:
        missing = max_len - s.shape[0]
        if missing:
            pad = _C.full((missing, *trailing), padding_value, dtype=s.dtype)
            s = _C.cat([s, pad] if padding_side == "right" else [pad, s], 0)
        rows.append(s)
    return _C.stack(rows, 0 if batch_first else 1)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Packs a padded batch (T, B, *) ((B, T, *) with batch_first) of sequences with the given
    lengths. With enforce_sorted the lengths must be non-increasing; otherwise the batch is sorted
    here and the permutation kept in the PackedSequence."""
    name = "pack_padded_sequence"
    lengths = _lengths_list(lengths, name)
    if input.dim() < 2:
        raise ValueError(f"{name}: expected an input of at least 2 dims (T, B, *), got shape {tuple(input.shape)}")
    if batch_first:
        input = input.transpose(0, 1)
    T, B = input.shape[0], input.shape[1]
    if len(lengths) != B:
        raise ValueError(f"{name}: got {len(lengths)} lengths for a batch of {B} sequences (input shape "
                         f"{tuple(input.shape)}, batch_first={batch_first})")
    for i, n in enumerate(lengths):
        if n <= 0 or n > T:
            raise ValueError(f"{name}: length {n} of sequence {i} is outside [1, {T}] (the padded length)")
    if enforce_sorted:
        for i in range(1, B):
            if lengths[i] > lengths[i - 1]:
                raise RuntimeError(f"{name}: `lengths` array must be sorted in decreasing order when "
                                   f"`enforce_sorted` is True (got {lengths}). You can pass `enforce_sorted=False` "
                                   "to pack_padded_sequence and/or pack_sequence to sidestep this requirement if "
                                   "you do not need ONNX exportability.")
        sorted_indices = None
        order = list(range(B))
    else:
        order = sorted(range(B), key=lambda b: -lengths[b])  # stable: ties keep their order
        sorted_indices = _index(order)
        input = input.index_select(1, sorted_indices)
    sorted_lengths = [lengths[b] for b in order]
    max_len = sorted_lengths[0]
    batch_sizes = [sum(1 for n in sorted_lengths if n > t) for t in range(max_len)]
    gather = [t * B + b for t in range(max_len) for b in range(batch_sizes[t])]
    flat = input.reshape(T * B, *input.shape[2:])
    data = flat.index_select(0, _index(gather))
    return PackedSequence(data, _index(batch_sizes), sorted_indices, None)


def _packed_to_padded(sequence, padding_value, total_length=None):
    """(T, B, *) in the sorted batch order, and the sorted lengths."""
    batch_sizes = [int(v) for v in sequence.batch_sizes.tolist()]
    T, B = len(batch_sizes), batch_sizes[0]
    T_out = T if total_length is None else total_length
    data = sequence.data
    trailing = tuple(data.shape[1:])
    pad_row = data.shape[0]
    padded_source = _C.cat([data, _C.full((1, *trailing), padding_value, dtype=data.dtype)], 0)
    gather, offset = [], 0
    for t in range(T_out):
        bs = batch_sizes[t] if t < T else 0
        gather.extend(offset + b if b < bs else pad_row for b in range(B))
        offset += bs
    padded = padded_source.index_select(0, _index(gather)).reshape(T_out, B, *trailing)
    lengths = [sum(1 for bs in batch_sizes if bs > b) for b in range(B)]
    return padded, lengths


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """Unpacks a PackedSequence into a padded batch (T, B, *) ((B, T, *) with batch_first) in the
    original batch order, and the lengths (int64)."""
    T = int(sequence.batch_sizes.shape[0])
    if total_length is not None:
        if total_length < T:
            raise ValueError(f"pad_packed_sequence: expected total_length to be at least the length of the longest "
                             f"sequence ({T}), but got total_length={total_length}")
    padded, lengths = _packed_to_padded(sequence, padding_value, total_length)
    if sequence.unsorted_indices is not None:
        padded = padded.index_select(1, sequence.unsorted_indices)
        order = [int(i) for i in sequence.unsorted_indices.tolist()]
        lengths = [lengths[i] for i in order]
    if batch_first:
        padded = padded.transpose(0, 1)
    return padded, _index(lengths)


def pack_sequence(sequences, enforce_sorted=True):
    """Packs a list of tensors (L_i, *) (pad_sequence then pack_padded_sequence)."""
    lengths = [s.shape[0] for s in sequences]
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """The list of sequences (L_i, *) of a padded batch."""
    if not batch_first:
        padded_sequences = padded_sequences.transpose(0, 1)
    return [padded_sequences[i, :n] for i, n in enumerate(_lengths_list(lengths, "unpad_sequence"))]


def unpack_sequence(packed_sequences):
    """The list of sequences (L_i, *) of a PackedSequence, in the original order."""
    padded, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded, lengths, batch_first=True)

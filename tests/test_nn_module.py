"""nn.Module bookkeeping: registration, iteration, state_dict, modes, hooks, repr, containers."""
import copy
from collections import OrderedDict

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn

torch = pytest.importorskip("torch")
tnn = torch.nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 4)
        self.act = nn.ReLU()
        self.register_buffer("steps", rt.zeros(1))
        self.register_buffer("scratch", rt.zeros(2), persistent=False)
        self.scale = nn.Parameter(rt.ones(4))

    def forward(self, x):
        return self.act(self.fc(x)) * self.scale


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.head = nn.Sequential(nn.Linear(4, 4), nn.Tanh(), nn.Linear(4, 2))
        self.extra = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2)])

    def forward(self, x):
        x = self.head(self.block(x))
        for m in self.extra:
            x = m(x)
        return x


def test_parameter_is_tensor_subclass_and_repr():
    data = rt.ones(2, 3)
    p = nn.Parameter(data)
    assert isinstance(p, rt.Tensor) and isinstance(p, nn.Parameter)
    assert p.requires_grad and p.is_leaf
    assert p.data_ptr() == data.data_ptr()  # shares storage, like torch
    assert repr(p).startswith("Parameter containing:\ntensor(")
    assert str(p) == repr(p)
    assert not nn.Parameter(rt.zeros(1), requires_grad=False).requires_grad
    assert type(p * 2) is rt.Tensor
    assert nn.Parameter().shape == (0,)


def test_parameter_deepcopy():
    p = nn.Parameter(rt.randn(3))
    p.grad = rt.ones(3)
    q = copy.deepcopy(p)
    assert isinstance(q, nn.Parameter) and q.requires_grad
    assert q.data_ptr() != p.data_ptr()
    np.testing.assert_array_equal(q.detach().numpy(), p.detach().numpy())
    np.testing.assert_array_equal(q.grad.numpy(), np.ones(3))


def test_registration_by_assignment_and_iteration_order():
    net = Net()
    names = [n for n, _ in net.named_parameters()]
    assert names == ["block.scale", "block.fc.weight", "block.fc.bias", "head.0.weight", "head.0.bias",
                     "head.2.weight", "head.2.bias", "extra.0.weight", "extra.0.bias", "extra.1.weight",
                     "extra.1.bias"]
    assert len(list(net.parameters())) == len(names)
    assert [n for n, _ in net.named_buffers()] == ["block.steps", "block.scratch"]
    assert [n for n, _ in net.named_children()] == ["block", "head", "extra"]
    assert [n for n, _ in net.named_modules()] == [
        "", "block", "block.fc", "block.act", "head", "head.0", "head.1", "head.2", "extra", "extra.0", "extra.1"]
    assert [n for n, _ in net.block.named_parameters(prefix="b", recurse=False)] == ["b.scale"]
    assert list(net.modules())[0] is net
    assert net.get_submodule("head.2") is net.head[2]
    assert net.get_parameter("block.fc.bias") is net.block.fc.bias
    assert net.get_buffer("block.steps") is net.block.steps
    with pytest.raises(AttributeError):
        net.get_submodule("head.7")


def test_named_modules_order_matches_torch():
    rt.manual_seed(0)
    ours = nn.Sequential(nn.Conv2d(1, 2, 3), nn.Sequential(nn.ReLU(), nn.Linear(2, 2)), nn.BatchNorm1d(2))
    theirs = tnn.Sequential(tnn.Conv2d(1, 2, 3), tnn.Sequential(tnn.ReLU(), tnn.Linear(2, 2)), tnn.BatchNorm1d(2))
    assert [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    assert [n for n, _ in ours.named_buffers()] == [n for n, _ in theirs.named_buffers()]
    assert list(ours.state_dict()) == list(theirs.state_dict())


def test_shared_modules_and_parameters_are_yielded_once():
    lin = nn.Linear(2, 2)
    seq = nn.Sequential(lin, nn.ReLU(), lin)
    assert len(list(seq.parameters())) == 2
    assert len(list(seq.named_parameters(remove_duplicate=False))) == 4
    assert [n for n, _ in seq.named_modules()] == ["", "0", "1"]
    assert [n for n, _ in seq.named_modules(remove_duplicate=False)] == ["", "0", "1", "2"]


def test_setattr_getattr_delattr():
    m = nn.Module()
    m.w = nn.Parameter(rt.zeros(2))
    m.sub = nn.Linear(1, 1)
    m.register_buffer("buf", rt.ones(1))
    m.plain = 3
    assert "w" in m._parameters and "sub" in m._modules and "buf" in m._buffers
    assert "w" not in m.__dict__
    m.buf = rt.zeros(3)  # assigning a tensor to a buffer name replaces the buffer
    assert m._buffers["buf"].shape == (3,)
    with pytest.raises(TypeError, match="parameter 'w'"):
        m.w = rt.zeros(2)
    m.w = None
    assert m.w is None and list(m.parameters()) == list(m.sub.parameters())
    with pytest.raises(TypeError, match="child module 'sub'"):
        m.sub = 5
    del m.sub
    assert "sub" not in m._modules
    with pytest.raises(AttributeError, match="'Module' object has no attribute 'sub'"):
        m.sub
    del m.buf
    assert "buf" not in m._buffers
    assert m.plain == 3
    with pytest.raises(KeyError, match="already exists"):
        m.register_buffer("plain", rt.zeros(1))
    with pytest.raises(KeyError, match="contain"):
        m.register_parameter("a.b", None)
    with pytest.raises(TypeError, match="Parameter or None"):
        m.register_parameter("q", rt.zeros(1))
    with pytest.raises(TypeError, match="not a Module subclass"):
        m.add_module("x", 3)
    m.register_module("late", nn.ReLU())
    assert m.late is m._modules["late"]
    assert "late" in dir(m)
    m.b2 = nn.Buffer(rt.ones(2), persistent=False)
    assert "b2" in m._buffers and "b2" not in m.state_dict()


def test_parameter_before_init_raises():
    class Bad(nn.Module):
        def __init__(self):
            self.w = nn.Parameter(rt.zeros(1))

    with pytest.raises(AttributeError, match="before Module.__init__"):
        Bad()


def test_forward_missing():
    with pytest.raises(NotImplementedError, match='missing the required "forward"'):
        nn.Module()(rt.zeros(1))


def test_state_dict_contents_and_keep_vars():
    net = Net()
    sd = net.state_dict()
    assert isinstance(sd, OrderedDict)
    assert "block.steps" in sd and "block.scratch" not in sd  # non-persistent buffers are left out
    assert list(sd)[:4] == ["block.scale", "block.steps", "block.fc.weight", "block.fc.bias"]
    w = sd["block.fc.weight"]
    assert not w.requires_grad and not isinstance(w, nn.Parameter)
    assert w.data_ptr() == net.block.fc.weight.data_ptr()  # detached view, no copy
    kv = net.state_dict(keep_vars=True)
    assert kv["block.fc.weight"] is net.block.fc.weight


def test_state_dict_round_trip_and_in_place_copy():
    rt.manual_seed(1)
    a, b = Net(), Net()
    weight_obj = b.block.fc.weight
    result = b.load_state_dict(a.state_dict())
    assert result.missing_keys == [] and result.unexpected_keys == []
    assert repr(result) == "<All keys matched successfully>"
    assert b.block.fc.weight is weight_obj  # copied in place: optimizers keep working
    for (ka, va), (kb, vb) in zip(a.state_dict().items(), b.state_dict().items()):
        assert ka == kb
        np.testing.assert_array_equal(va.numpy(), vb.numpy())
    x = rt.randn(2, 3)
    np.testing.assert_allclose(a(x).detach().numpy(), b(x).detach().numpy())
    # through NumPy arrays too (what a safetensors loader produces)
    c = Net()
    c.load_state_dict({k: v.numpy().copy() for k, v in a.state_dict().items()})
    np.testing.assert_allclose(c(x).detach().numpy(), a(x).detach().numpy())


def test_load_state_dict_strict_errors_name_the_keys():
    net = Net()
    sd = net.state_dict()
    del sd["head.0.bias"]
    sd["head.9.weight"] = rt.zeros(1)
    with pytest.raises(RuntimeError) as info:
        net.load_state_dict(sd)
    msg = str(info.value)
    assert "Error(s) in loading state_dict for Net" in msg
    assert 'Missing key(s) in state_dict: "head.0.bias"' in msg
    assert 'Unexpected key(s) in state_dict: "head.9.weight"' in msg
    # non-strict: reported, not raised
    missing, unexpected = net.load_state_dict(sd, strict=False)
    assert missing == ["head.0.bias"] and unexpected == ["head.9.weight"]


def test_load_state_dict_shape_mismatch_names_key_and_shapes():
    net = Net()
    sd = net.state_dict()
    sd["block.fc.weight"] = rt.zeros(5, 3)
    for strict in (True, False):
        with pytest.raises(RuntimeError, match=r"size mismatch for block\.fc\.weight: copying a param with shape "
                                               r"\(5, 3\) from checkpoint, the shape in current model is \(4, 3\)"):
            net.load_state_dict(sd, strict=strict)


def test_load_state_dict_matches_torch_key_report():
    theirs = tnn.Sequential(tnn.Linear(2, 3), tnn.BatchNorm1d(3))
    ours = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3))
    sd_t = theirs.state_dict()
    sd_r = ours.state_dict()
    for sd in (sd_t, sd_r):
        del sd["1.running_var"]
        sd["1.extra"] = sd["0.bias"]
        sd["2.weight"] = sd["0.bias"]
    rt_res = ours.load_state_dict(sd_r, strict=False)
    t_res = theirs.load_state_dict(sd_t, strict=False)
    assert rt_res.missing_keys == t_res.missing_keys
    assert sorted(rt_res.unexpected_keys) == sorted(t_res.unexpected_keys)


def test_load_state_dict_assign():
    m = nn.Linear(2, 2)
    new = {"weight": rt.ones(2, 2), "bias": rt.zeros(2)}
    m.load_state_dict(new, assign=True)
    assert isinstance(m.weight, nn.Parameter) and m.weight.requires_grad
    np.testing.assert_array_equal(m.weight.detach().numpy(), np.ones((2, 2)))


def test_train_eval_propagate():
    net = Net()
    assert net.training and net.head[1].training
    assert net.eval() is net
    assert not any(m.training for m in net.modules())
    net.train()
    assert all(m.training for m in net.modules())
    with pytest.raises(ValueError):
        net.train("yes")


def test_zero_grad_and_requires_grad():
    net = Net()
    net(rt.randn(2, 3)).sum().backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad(set_to_none=False)
    assert all(p.grad is not None and float(p.grad.abs().sum().item()) == 0 for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())
    net.requires_grad_(False)
    assert not any(p.requires_grad for p in net.parameters())


def test_apply_visits_children_first():
    net = Net()
    seen = []
    assert net.apply(lambda m: seen.append(type(m).__name__)) is net
    theirs = []

    class TNet(tnn.Module):
        def __init__(self):
            super().__init__()
            self.block = tnn.Module()
            self.block.fc = tnn.Linear(3, 4)
            self.block.act = tnn.ReLU()

    TNet().apply(lambda m: theirs.append(type(m).__name__))
    assert seen[:3] == ["Linear", "ReLU", "Block"] and theirs[:2] == ["Linear", "ReLU"]
    assert seen[-1] == "Net"


def test_to_dtype_keeps_parameter_objects():
    net = Net()
    w = net.block.fc.weight
    net(rt.randn(2, 3)).sum().backward()
    assert net.double() is net
    assert w is net.block.fc.weight and w.dtype == rt.float64 and w.grad.dtype == rt.float64
    assert net.block.steps.dtype == rt.float64
    assert isinstance(net.block.fc.weight, nn.Parameter) and w.requires_grad
    out = net(rt.randn(2, 3, dtype=rt.float64))
    assert out.dtype == rt.float64
    net.to(rt.float32)
    assert w.dtype == rt.float32
    net.to("cpu")
    net.to(device="cpu", dtype=rt.float32)
    net.float()
    with pytest.raises(TypeError, match="floating point"):
        net.to(rt.int64)
    with pytest.raises(RuntimeError, match="cuda"):
        net.to("cuda")
    bn = nn.BatchNorm1d(3).double()
    assert bn.num_batches_tracked.dtype == rt.int64  # integer buffers keep their dtype


def test_forward_hooks_and_pre_hooks():
    lin = nn.Linear(2, 2)
    calls = []
    h1 = lin.register_forward_pre_hook(lambda m, args: calls.append("pre") or (args[0] * 0,))
    h2 = lin.register_forward_hook(lambda m, args, out: calls.append("post") or out + 1)
    out = lin(rt.randn(3, 2))
    assert calls == ["pre", "post"]
    np.testing.assert_allclose(out.detach().numpy(), (lin.bias.detach().numpy() + 1)[None].repeat(3, 0), rtol=1e-6)
    h1.remove()
    h2.remove()
    calls.clear()
    lin(rt.randn(3, 2))
    assert calls == []
    # with_kwargs and prepend
    order = []
    lin.register_forward_hook(lambda m, a, o: order.append("a"))
    lin.register_forward_hook(lambda m, a, o: order.append("b"), prepend=True)
    lin.register_forward_pre_hook(lambda m, a, k: (a, k), with_kwargs=True)
    lin(rt.randn(1, 2))
    assert order == ["b", "a"]
    # global hooks
    seen = []
    handle = nn.modules.register_module_forward_hook(lambda m, a, o: seen.append(type(m).__name__))
    try:
        nn.Sequential(nn.ReLU())(rt.randn(2))
    finally:
        handle.remove()
    assert seen == ["ReLU", "Sequential"]


def test_always_call_hook_runs_on_error():
    class Boom(nn.Module):
        def forward(self, x):
            raise ValueError("boom")

    m = Boom()
    seen = []
    m.register_forward_hook(lambda mod, a, o: seen.append(o), always_call=True)
    with pytest.raises(ValueError, match="boom"):
        m(1)
    assert seen == [None]


def test_deepcopy_module():
    net = Net()
    net2 = copy.deepcopy(net)
    assert net2.block.fc.weight is not net.block.fc.weight
    assert net2.block.fc.weight.data_ptr() != net.block.fc.weight.data_ptr()
    assert isinstance(net2.block.fc.weight, nn.Parameter)
    x = rt.randn(2, 3)
    np.testing.assert_array_equal(net(x).detach().numpy(), net2(x).detach().numpy())
    with rt.no_grad():
        net2.block.fc.weight.fill_(0)
    assert float(net.block.fc.weight.abs().sum().item()) > 0


def _torch_like(text):
    return text


def test_repr_matches_torch():
    ours = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, (3, 5), stride=2, dilation=(1, 2), groups=2, bias=False, padding_mode="reflect"),
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Dropout(0.25), nn.Linear(32, 10), nn.LogSoftmax(dim=1),
        nn.Sequential(OrderedDict([("ln", nn.LayerNorm(10)), ("gelu", nn.GELU(approximate="tanh"))])),
        nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 2), nn.ReLU()]),
        nn.ModuleDict({"emb": nn.Embedding(10, 3, padding_idx=0), "up": nn.Upsample(scale_factor=2)}),
        nn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=1), nn.Conv1d(2, 2, 3, padding="same"),
        nn.GroupNorm(2, 4), nn.InstanceNorm2d(3), nn.AvgPool1d(3), nn.AvgPool2d(2, stride=1),
        nn.LeakyReLU(0.2), nn.ELU(alpha=0.5, inplace=True), nn.Softplus(beta=2), nn.Hardtanh(-2, 2), nn.ReLU6(),
        nn.PReLU(3), nn.ZeroPad2d((1, 2, 0, 1)), nn.Unflatten(1, (2, 5)), nn.Identity(), nn.Bilinear(2, 3, 4),
        nn.Dropout2d(), nn.Softmax(dim=-1), nn.SiLU(), nn.Mish(), nn.Sigmoid(), nn.Tanh(), nn.Hardswish(),
        nn.SELU(), nn.MSELoss(), nn.CrossEntropyLoss(), nn.BatchNorm1d(4, momentum=None, affine=False),
        nn.AdaptiveMaxPool1d(3), nn.MaxPool3d(2, stride=1, padding=1), nn.Conv3d(1, 1, 1),
        nn.UpsamplingBilinear2d(scale_factor=2), nn.ConstantPad1d(2, 1.5),
    )
    theirs = tnn.Sequential(
        tnn.Conv2d(3, 16, 3, padding=1), tnn.BatchNorm2d(16), tnn.ReLU(inplace=True), tnn.MaxPool2d(2),
        tnn.Conv2d(16, 32, (3, 5), stride=2, dilation=(1, 2), groups=2, bias=False, padding_mode="reflect"),
        tnn.AdaptiveAvgPool2d((1, 1)), tnn.Flatten(), tnn.Dropout(0.25), tnn.Linear(32, 10), tnn.LogSoftmax(dim=1),
        tnn.Sequential(OrderedDict([("ln", tnn.LayerNorm(10)), ("gelu", tnn.GELU(approximate="tanh"))])),
        tnn.ModuleList([tnn.Linear(2, 2), tnn.Linear(2, 2), tnn.Linear(2, 2), tnn.ReLU()]),
        tnn.ModuleDict({"emb": tnn.Embedding(10, 3, padding_idx=0), "up": tnn.Upsample(scale_factor=2)}),
        tnn.ConvTranspose2d(4, 2, 3, stride=2, output_padding=1), tnn.Conv1d(2, 2, 3, padding="same"),
        tnn.GroupNorm(2, 4), tnn.InstanceNorm2d(3), tnn.AvgPool1d(3), tnn.AvgPool2d(2, stride=1),
        tnn.LeakyReLU(0.2), tnn.ELU(alpha=0.5, inplace=True), tnn.Softplus(beta=2), tnn.Hardtanh(-2, 2), tnn.ReLU6(),
        tnn.PReLU(3), tnn.ZeroPad2d((1, 2, 0, 1)), tnn.Unflatten(1, (2, 5)), tnn.Identity(), tnn.Bilinear(2, 3, 4),
        tnn.Dropout2d(), tnn.Softmax(dim=-1), tnn.SiLU(), tnn.Mish(), tnn.Sigmoid(), tnn.Tanh(), tnn.Hardswish(),
        tnn.SELU(), tnn.MSELoss(), tnn.CrossEntropyLoss(), tnn.BatchNorm1d(4, momentum=None, affine=False),
        tnn.AdaptiveMaxPool1d(3), tnn.MaxPool3d(2, stride=1, padding=1), tnn.Conv3d(1, 1, 1),
        tnn.UpsamplingBilinear2d(scale_factor=2), tnn.ConstantPad1d(2, 1.5),
    )
    assert repr(ours) == repr(theirs)


def test_custom_module_repr_with_extra_repr():
    class Mine(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(1, 1)

        def extra_repr(self):
            return "k=3"

    assert repr(Mine()) == "Mine(\n  k=3\n  (fc): Linear(in_features=1, out_features=1, bias=True)\n)"
    assert repr(nn.Module()) == "Module()"


# ---- containers -----------------------------------------------------------------------------

def test_sequential_construction_forms_and_indexing():
    a, b, c = nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)
    s1 = nn.Sequential(a, b, c)
    s2 = nn.Sequential([a, b, c])
    s3 = nn.Sequential(OrderedDict([("fc1", a), ("act", b), ("fc2", c)]))
    for s in (s1, s2, s3):
        assert len(s) == 3 and s[0] is a and s[-1] is c and list(s) == [a, b, c]
    assert list(s3._modules) == ["fc1", "act", "fc2"] and s3.fc1 is a
    sl = s3[1:]
    assert isinstance(sl, nn.Sequential) and list(sl._modules) == ["act", "fc2"] and sl[0] is b
    with pytest.raises(IndexError):
        s1[3]
    x = rt.randn(4, 2)
    np.testing.assert_allclose(s1(x).detach().numpy(), c(b(a(x))).detach().numpy())


def test_sequential_mutation():
    s = nn.Sequential(nn.Linear(2, 2))
    assert s.append(nn.ReLU()) is s
    s.insert(0, nn.Identity())
    s.extend([nn.Tanh(), nn.Sigmoid()])
    assert [type(m).__name__ for m in s] == ["Identity", "Linear", "ReLU", "Tanh", "Sigmoid"]
    assert list(s._modules) == ["0", "1", "2", "3", "4"]
    del s[1]
    assert [type(m).__name__ for m in s] == ["Identity", "ReLU", "Tanh", "Sigmoid"]
    assert list(s._modules) == ["0", "1", "2", "3"]
    s[0] = nn.ELU()
    assert isinstance(s[0], nn.ELU)
    popped = s.pop(-1)
    assert isinstance(popped, nn.Sigmoid) and len(s) == 3
    t = s + nn.Sequential(nn.ReLU())
    assert len(t) == 4
    assert len(s * 2) == 6
    assert len(s[::2]) == 2


def test_module_list():
    ml = nn.ModuleList([nn.Linear(1, 1) for _ in range(3)])
    assert len(ml) == 3 and len(list(ml.parameters())) == 6
    ml.append(nn.ReLU())
    ml.extend([nn.Tanh()])
    ml.insert(1, nn.Sigmoid())
    assert [type(m).__name__ for m in ml] == ["Linear", "Sigmoid", "Linear", "Linear", "ReLU", "Tanh"]
    assert isinstance(ml[1:3], nn.ModuleList) and len(ml[1:3]) == 2
    del ml[0]
    assert list(ml._modules) == [str(i) for i in range(5)]
    ml += [nn.ReLU()]
    assert len(ml) == 6
    assert isinstance(ml[-1], nn.ReLU)
    with pytest.raises(IndexError):
        ml[10]
    with pytest.raises(TypeError):
        ml.extend(3)


def test_module_dict():
    md = nn.ModuleDict({"a": nn.Linear(1, 1)})
    md["b"] = nn.ReLU()
    md.update([("c", nn.Tanh())])
    assert list(md) == ["a", "b", "c"] and list(md.keys()) == ["a", "b", "c"] and "b" in md
    assert len(md) == 3 and isinstance(md["c"], nn.Tanh)
    assert isinstance(md.pop("b"), nn.ReLU) and "b" not in md
    assert [k for k, _ in md.items()] == ["a", "c"]
    assert len(list(md.parameters())) == 2
    md.clear()
    assert len(md) == 0


def test_parameter_list_and_dict():
    pl = nn.ParameterList([nn.Parameter(rt.zeros(2)), rt.ones(3)])
    assert len(pl) == 2 and all(isinstance(p, nn.Parameter) for p in pl)
    pl.append(rt.zeros(1))
    assert len(list(pl.parameters())) == 3
    assert [n for n, _ in pl.named_parameters()] == ["0", "1", "2"]
    pd = nn.ParameterDict({"w": rt.zeros(2)})
    pd["v"] = nn.Parameter(rt.ones(1))
    assert list(pd.keys()) == ["w", "v"] and isinstance(pd["w"], nn.Parameter)
    assert len(list(pd.parameters())) == 2


def test_top_level_aliases():
    for name in ("Linear", "Conv2d", "ReLU", "Dropout", "Flatten", "BatchNorm2d", "MaxPool2d", "GELU",
                 "CrossEntropyLoss", "Embedding", "LayerNorm"):
        assert getattr(rt, name) is getattr(nn, name)
    assert not hasattr(rt, "ModuleList") and not hasattr(rt, "ModuleDict")
    assert getattr(rt, "Sequential", None) is not nn.Sequential

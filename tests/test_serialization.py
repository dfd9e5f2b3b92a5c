"""Module configs (get_config/from_config through JSON), the serialisable registry and
custom_objects, and the errors for what cannot be stored or resolved."""
import json
from collections import OrderedDict

import numpy as np
import pytest

import rustorch as rt
from rustorch import nn
import rustorch.nn.modules as M
from rustorch.serialization import config as cfg

# Constructor arguments for every class exported by rustorch.nn.modules (non-default values where
# there are any, so that a lost argument shows up as a changed config).
SAMPLE_ARGS = {
    "Identity": {}, "Linear": dict(in_features=3, out_features=4, bias=False),
    "Bilinear": dict(in1_features=2, in2_features=3, out_features=4), "Flatten": dict(start_dim=2, end_dim=-1),
    "Unflatten": dict(dim=1, unflattened_size=(2, 3)),
    "Conv1d": dict(in_channels=2, out_channels=4, kernel_size=3, stride=2, padding=1),
    "Conv2d": dict(in_channels=2, out_channels=4, kernel_size=(3, 2), dilation=2, groups=2, padding_mode="reflect"),
    "Conv3d": dict(in_channels=1, out_channels=2, kernel_size=2, bias=False),
    "ConvTranspose1d": dict(in_channels=2, out_channels=3, kernel_size=3, output_padding=1, stride=2),
    "ConvTranspose2d": dict(in_channels=2, out_channels=3, kernel_size=(2, 3)),
    "ConvTranspose3d": dict(in_channels=1, out_channels=2, kernel_size=2),
    "MaxPool1d": dict(kernel_size=3, stride=2), "MaxPool2d": dict(kernel_size=(2, 3), ceil_mode=True),
    "MaxPool3d": dict(kernel_size=2), "AvgPool1d": dict(kernel_size=2, count_include_pad=False),
    "AvgPool2d": dict(kernel_size=3, padding=1), "AvgPool3d": dict(kernel_size=2),
    "AdaptiveAvgPool1d": dict(output_size=3), "AdaptiveAvgPool2d": dict(output_size=(2, None)),
    "AdaptiveAvgPool3d": dict(output_size=2), "AdaptiveMaxPool1d": dict(output_size=4),
    "AdaptiveMaxPool2d": dict(output_size=(3, 2)), "AdaptiveMaxPool3d": dict(output_size=1),
    "LPPool1d": dict(norm_type=2.0, kernel_size=3), "LPPool2d": dict(norm_type=1.5, kernel_size=(2, 2)),
    "LPPool3d": dict(norm_type=2, kernel_size=2),
    "BatchNorm1d": dict(num_features=5, momentum=0.3), "BatchNorm2d": dict(num_features=3, affine=False),
    "BatchNorm3d": dict(num_features=2, eps=1e-3), "InstanceNorm1d": dict(num_features=3, affine=True),
    "InstanceNorm2d": dict(num_features=3), "InstanceNorm3d": dict(num_features=2, track_running_stats=True),
    "LayerNorm": dict(normalized_shape=(4, 5), eps=1e-6), "GroupNorm": dict(num_groups=2, num_channels=4),
    "RMSNorm": dict(normalized_shape=[6]), "LocalResponseNorm": dict(size=3, alpha=2e-4),
    "Dropout": dict(p=0.3), "Dropout1d": dict(p=0.2), "Dropout2d": dict(p=0.1, inplace=False),
    "Dropout3d": dict(p=0.4), "AlphaDropout": dict(p=0.25),
    "Embedding": dict(num_embeddings=10, embedding_dim=3, padding_idx=0),
    "Upsample": dict(scale_factor=2.0, mode="bilinear", align_corners=False),
    "UpsamplingNearest2d": dict(size=(4, 4)), "UpsamplingBilinear2d": dict(scale_factor=2),
    "ZeroPad1d": dict(padding=(1, 2)), "ZeroPad2d": dict(padding=1), "ZeroPad3d": dict(padding=(1, 0, 1, 0, 2, 2)),
    "ConstantPad1d": dict(padding=2, value=3.5), "ConstantPad2d": dict(padding=(1, 1, 0, 2), value=-1.0),
    "ConstantPad3d": dict(padding=1, value=0.5), "ReflectionPad1d": dict(padding=1),
    "ReflectionPad2d": dict(padding=(1, 0, 2, 1)), "ReflectionPad3d": dict(padding=1),
    "ReplicationPad1d": dict(padding=2), "ReplicationPad2d": dict(padding=1), "ReplicationPad3d": dict(padding=1),
    "CircularPad1d": dict(padding=1), "CircularPad2d": dict(padding=(1, 1, 1, 1)), "CircularPad3d": dict(padding=1),
    "Threshold": dict(threshold=0.1, value=-2.0), "ReLU": {}, "RReLU": dict(lower=0.1, upper=0.2),
    "Hardtanh": dict(min_val=-2.0, max_val=3.0), "ReLU6": {}, "Sigmoid": {}, "Hardsigmoid": {}, "Tanh": {},
    "SiLU": {}, "Mish": {}, "Hardswish": {}, "ELU": dict(alpha=0.5), "CELU": dict(alpha=1.5), "SELU": {},
    "GLU": dict(dim=1), "GELU": dict(approximate="tanh"), "Hardshrink": dict(lambd=0.3),
    "LeakyReLU": dict(negative_slope=0.2), "LogSigmoid": {}, "Softplus": dict(beta=2.0, threshold=10.0),
    "Softshrink": dict(lambd=0.4), "PReLU": dict(num_parameters=3, init=0.1), "Softsign": {}, "Tanhshrink": {},
    "Softmin": dict(dim=1), "Softmax": dict(dim=-1), "Softmax2d": {}, "LogSoftmax": dict(dim=0),
    "PixelShuffle": dict(upscale_factor=2), "PixelUnshuffle": dict(downscale_factor=3),
    "ChannelShuffle": dict(groups=2), "CosineSimilarity": dict(dim=0, eps=1e-6), "PairwiseDistance": dict(p=1.0),
    "L1Loss": dict(reduction="sum"), "MSELoss": {}, "SmoothL1Loss": dict(beta=0.5), "HuberLoss": dict(delta=2.0),
    "CrossEntropyLoss": dict(weight=rt.tensor([1.0, 2.0, 0.5]), label_smoothing=0.1, ignore_index=-1),
    "NLLLoss": dict(reduction="none"), "BCELoss": {}, "BCEWithLogitsLoss": dict(pos_weight=rt.tensor([2.0])),
    "KLDivLoss": dict(log_target=True), "CosineEmbeddingLoss": dict(margin=0.2),
    "MarginRankingLoss": dict(margin=1.0), "HingeEmbeddingLoss": dict(margin=2.0), "SoftMarginLoss": {},
    "MultiLabelSoftMarginLoss": {}, "PoissonNLLLoss": dict(log_input=False), "GaussianNLLLoss": dict(full=True),
    "TripletMarginLoss": dict(margin=0.5, p=1.0),
    # recurrent and attention layers
    "RNNBase": dict(mode="GRU", input_size=3, hidden_size=4, num_layers=2, bidirectional=True),
    "RNN": dict(input_size=3, hidden_size=4, nonlinearity="relu", batch_first=True),
    "LSTM": dict(input_size=3, hidden_size=4, num_layers=2, proj_size=2, dropout=0.1),
    "GRU": dict(input_size=3, hidden_size=4, bias=False, bidirectional=True),
    "RNNCellBase": dict(mode="LSTM", input_size=3, hidden_size=4, bias=True),
    "RNNCell": dict(input_size=3, hidden_size=4, nonlinearity="relu"), "LSTMCell": dict(input_size=3, hidden_size=4),
    "GRUCell": dict(input_size=3, hidden_size=4, bias=False),
    "MultiheadAttention": dict(embed_dim=8, num_heads=2, kdim=3, vdim=5, batch_first=True),
    "TransformerEncoderLayer": dict(d_model=8, nhead=2, dim_feedforward=16, activation="gelu", norm_first=True),
    "TransformerDecoderLayer": dict(d_model=8, nhead=2, dim_feedforward=16, batch_first=True),
    "TransformerEncoder": dict(encoder_layer=nn.TransformerEncoderLayer(8, 2, 16), num_layers=2),
    "TransformerDecoder": dict(decoder_layer=nn.TransformerDecoderLayer(8, 2, 16), num_layers=2, norm=nn.LayerNorm(8)),
    "Transformer": dict(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16),
}

CONTAINERS = {
    "Sequential": lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)),
    "ModuleList": lambda: nn.ModuleList([nn.Linear(2, 2), nn.Tanh()]),
    "ModuleDict": lambda: nn.ModuleDict({"enc": nn.Linear(2, 3), "act": nn.GELU()}),
    "ParameterList": lambda: nn.ParameterList([nn.Parameter(rt.randn(2, 3)), nn.Parameter(rt.randn(4))]),
    "ParameterDict": lambda: nn.ParameterDict({"a": nn.Parameter(rt.randn(3)), "b": nn.Parameter(rt.randn(1, 2))}),
}


def exported_module_classes():
    names = set(M.LAYERS) | {"Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"}
    names |= {n for n in dir(M) if isinstance(getattr(M, n), type) and issubclass(getattr(M, n), nn.Module)}
    names.discard("Module")
    return sorted(names)


def json_round_trip(obj, custom_objects=None):
    text = json.dumps(cfg.serialize_object(obj))
    return cfg.deserialize_object(json.loads(text), custom_objects)


def assert_same_module(a, b):
    assert type(a) is type(b)
    assert json.dumps(cfg.serialize_object(a)) == json.dumps(cfg.serialize_object(b))
    assert repr(a) == repr(b)
    sa, sb = a.state_dict(), b.state_dict()
    assert list(sa) == list(sb)
    for k in sa:
        assert tuple(sa[k].shape) == tuple(sb[k].shape) and sa[k].dtype == sb[k].dtype, k


def test_every_exported_class_has_sample_args():
    missing = [n for n in exported_module_classes() if n not in SAMPLE_ARGS and n not in CONTAINERS]
    assert not missing, f"add constructor arguments for {missing} to SAMPLE_ARGS"


@pytest.mark.parametrize("name", exported_module_classes())
def test_config_round_trips_through_json(name):
    module = CONTAINERS[name]() if name in CONTAINERS else getattr(M, name)(**SAMPLE_ARGS[name])
    config = module.get_config()
    if name in SAMPLE_ARGS:
        for k, v in SAMPLE_ARGS[name].items():  # the arguments given are recorded as given
            if isinstance(v, rt.Tensor):
                assert np.array_equal(config[k].numpy(), v.numpy())
            else:
                assert config[k] == v, (k, config[k], v)
    rebuilt = json_round_trip(module)
    assert_same_module(module, rebuilt)
    rebuilt.load_state_dict(module.state_dict())
    for k, v in module.state_dict().items():
        assert np.array_equal(rebuilt.state_dict()[k].numpy(), v.numpy()), k


def test_rebuilt_layers_compute_the_same_function():
    rt.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(4 * 4 * 4, 5), nn.LogSoftmax(dim=1))
    x = rt.randn(3, 1, 8, 8)
    model(x)  # moves the batch-norm running stats away from their initial values
    model.eval()
    rebuilt = json_round_trip(model)
    rebuilt.load_state_dict(model.state_dict())
    rebuilt.eval()
    assert np.array_equal(rebuilt(x).detach().numpy(), model(x).detach().numpy())


def test_sequential_config_follows_appended_layers_and_names():
    seq = nn.Sequential(OrderedDict([("enc", nn.Linear(2, 3)), ("act", nn.ReLU())]))
    seq.append(nn.Linear(3, 1))
    rebuilt = json_round_trip(seq)
    assert list(rebuilt.state_dict()) == list(seq.state_dict()) == ["enc.weight", "enc.bias", "2.weight", "2.bias"]


def test_nested_custom_modules_record_most_derived_arguments():
    class Block(nn.Module):
        def __init__(self, width, act=None):
            super().__init__()
            self.fc = nn.Linear(width, width)
            self.act = act if act is not None else nn.ReLU()

    class Net(nn.Module):
        def __init__(self, width=4, depth=2, *, act=None):
            super().__init__()
            self.blocks = nn.ModuleList([Block(width, act) for _ in range(depth)])

    class WideNet(Net):  # inherits __init__: records Net's arguments
        pass

    net = WideNet(width=5, depth=3, act=nn.Tanh())
    assert set(net.get_config()) == {"width", "depth", "act"} and net.get_config()["depth"] == 3
    with pytest.raises(ValueError, match="WideNet"):
        json_round_trip(net)  # not registered: a clear error naming the class
    rebuilt = json_round_trip(net, custom_objects={"WideNet": WideNet})
    assert_same_module(net, rebuilt)
    assert isinstance(rebuilt.blocks[0].act, nn.Tanh)


def test_register_serializable_and_keras_spelling():
    @rt.register_serializable()
    class Scale(nn.Module):
        def __init__(self, factor=2.0):
            super().__init__()
            self.factor = factor

        def forward(self, x):
            return x * self.factor

    @rt.saving.register_keras_serializable(package="MyPkg")
    class Shift(nn.Module):
        def __init__(self, by):
            super().__init__()
            self.by = by

    data = cfg.serialize_object(nn.Sequential(Scale(3.0), Shift(by=(1, 2))))
    rebuilt = cfg.deserialize_object(json.loads(json.dumps(data)))
    assert isinstance(rebuilt[0], Scale) and rebuilt[0].factor == 3.0
    assert isinstance(rebuilt[1], Shift) and rebuilt[1].by == (1, 2)  # tuples stay tuples
    assert rt.saving.get_registered_name(Shift) == "MyPkg>Shift"
    assert rt.saving.get_registered_object("MyPkg>Shift") is Shift


def test_functions_only_by_registered_name():
    def my_loss(a, b):
        return (a - b).abs().mean()

    with pytest.raises(ValueError, match="my_loss"):
        cfg.serialize_object({"loss": my_loss})
    rt.register_serializable(name="tests.my_loss")(my_loss)
    data = json.loads(json.dumps(cfg.serialize_object({"loss": my_loss})))
    assert cfg.deserialize_object(data)["loss"] is my_loss


def test_unserialisable_values_are_named():
    class Holder(nn.Module):
        def __init__(self, thing):
            super().__init__()

    with pytest.raises(ValueError, match="set"):
        cfg.serialize_object(Holder({1, 2}))


def test_loading_never_resolves_arbitrary_classes():
    # A hostile config naming a class outside rustorch (here os.system's module) must not import or call it.
    hostile = {"class_name": "system", "module": "os", "config": {"__dict__": [["command", "echo pwned"]]}}
    with pytest.raises(ValueError, match="unknown class 'system'"):
        cfg.deserialize_object(hostile)
    with pytest.raises(ValueError, match="unknown class"):
        cfg.deserialize_object({"class_name": "Popen", "module": "subprocess", "config": {}})
    with pytest.raises(ValueError, match="unrecognised tag"):
        cfg.deserialize_object({"__import__": "os"})
    with pytest.raises(ValueError, match="unknown dtype"):
        cfg.deserialize_object({"__dtype__": "complex128"})
    with pytest.raises(ValueError, match="values"):
        cfg.deserialize_object({"__tensor__": {"dtype": "float32", "shape": [3], "values": [1.0]}})


def test_parameters_in_configs_are_filled_from_weights():
    emb = nn.Embedding(4, 2, _weight=rt.randn(4, 2))
    data = cfg.serialize_object(emb)
    spec = data["config"]["__dict__"]
    weight = dict((k, v) for k, v in spec)["_weight"]["__tensor__"]
    assert weight["values"] == "from_weights" and weight["shape"] == [4, 2]
    rebuilt = cfg.deserialize_object(json.loads(json.dumps(data)))
    rebuilt.load_state_dict(emb.state_dict())
    assert np.array_equal(rebuilt.weight.detach().numpy(), emb.weight.detach().numpy())

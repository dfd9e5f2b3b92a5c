"""rt.data.transforms against torchvision-style semantics (checked with NumPy, and torch where it helps)."""
import numpy as np
import pytest
import torch

import rustorch as rt
from rustorch.data import transforms as T


def u8(shape, seed=0):
    return np.random.default_rng(seed).integers(0, 256, size=shape, dtype=np.uint8)


def test_to_tensor_uint8_hw_and_hwc():
    a = u8((5, 4))
    t = T.ToTensor()(a)
    assert t.shape == (1, 5, 4) and t.dtype == rt.float32
    np.testing.assert_array_equal(t.numpy()[0], a.astype(np.float32) / np.float32(255))
    c = u8((5, 4, 3), 1)
    t = T.ToTensor()(c)
    assert t.shape == (3, 5, 4)
    expect = torch.from_numpy(c.transpose(2, 0, 1).copy()).float().div(255).numpy()
    np.testing.assert_array_equal(t.numpy(), expect)  # same float32 values as torchvision's ToTensor
    nc = c[:, ::-1]  # non-contiguous input
    np.testing.assert_array_equal(T.ToTensor()(nc).numpy(), nc.transpose(2, 0, 1).astype(np.float32) / 255)


def test_to_tensor_other_inputs():
    f = np.random.default_rng(0).random((3, 2, 2))
    t = T.ToTensor()(f)
    assert t.dtype == rt.float64 and t.shape == (2, 3, 2)
    np.testing.assert_array_equal(t.numpy(), f.transpose(2, 0, 1))
    it = T.ToTensor()(rt.tensor([[0, 255], [51, 102]]))
    assert it.dtype == rt.float32 and it.shape == (1, 2, 2)
    np.testing.assert_allclose(it.numpy()[0], [[0, 1], [0.2, 0.4]], rtol=1e-6)
    with pytest.raises(TypeError, match="pic should be"):
        T.ToTensor()([1, 2])
    with pytest.raises(ValueError, match="2/3 dimensional"):
        T.ToTensor()(np.zeros((1, 2, 3, 4), np.uint8))


def test_normalize_matches_torch_and_checks():
    x = np.random.default_rng(1).random((3, 4, 5)).astype(np.float32)
    mean, std = [0.1, 0.2, 0.3], [0.5, 0.25, 2.0]
    out = T.Normalize(mean, std)(rt.from_numpy(x))
    expect = ((torch.from_numpy(x) - torch.tensor(mean).view(-1, 1, 1)) / torch.tensor(std).view(-1, 1, 1)).numpy()
    np.testing.assert_array_equal(out.numpy(), expect)
    assert out.dtype == rt.float32
    batch = np.stack([x, x])  # (N, C, H, W)
    np.testing.assert_array_equal(T.Normalize(mean, std)(batch)[1], expect)
    y = rt.from_numpy(x.copy())
    assert T.Normalize(mean, std, inplace=True)(y) is y
    np.testing.assert_array_equal(y.numpy(), expect)
    with pytest.raises(TypeError, match="float tensor"):
        T.Normalize([0], [1])(rt.zeros(1, 2, 2, dtype=rt.int64))
    with pytest.raises(ValueError, match="division by zero"):
        T.Normalize([0], [0])(rt.zeros(1, 2, 2))
    with pytest.raises(ValueError, match="channels"):
        T.Normalize([0, 0], [1, 1])(rt.zeros(3, 2, 2))
    with pytest.raises(ValueError, match=r"\(\.\.\., C, H, W\)"):
        T.Normalize([0], [1])(rt.zeros(2, 2))


def test_compose_lambda_and_to_tensor_normalize_pipeline():
    tf = T.Compose([T.ToTensor(), T.Normalize((0.5,), (0.5,)), T.Lambda(lambda t: t * 2)])
    out = tf(np.full((2, 2), 255, np.uint8))
    np.testing.assert_allclose(out.numpy(), 2.0)
    assert "Normalize" in repr(tf)
    with pytest.raises(TypeError, match="callable"):
        T.Lambda(3)
    assert T.static_image_pipeline(T.Compose([T.ToTensor(), T.Normalize([0.1], [0.2])])) == ([0.1], [0.2])
    assert T.static_image_pipeline(T.Compose([T.Compose([T.ToTensor()])])) == ([0.0], [1.0])
    assert T.static_image_pipeline(tf) is None
    assert T.static_image_pipeline(T.Compose([T.RandomHorizontalFlip(), T.ToTensor()])) is None


def test_random_horizontal_flip():
    x = rt.from_numpy(np.arange(12, dtype=np.float32).reshape(1, 3, 4))
    np.testing.assert_array_equal(T.RandomHorizontalFlip(p=1.0)(x).numpy(), x.numpy()[..., ::-1])
    assert T.RandomHorizontalFlip(p=0.0)(x) is x
    a = u8((3, 4, 2))
    np.testing.assert_array_equal(T.RandomHorizontalFlip(p=1.0)(a), a[:, ::-1])
    flip = T.RandomHorizontalFlip()
    rt.manual_seed(0)
    first = [flip(x) is x for _ in range(64)]
    rt.manual_seed(0)
    assert [flip(x) is x for _ in range(64)] == first
    assert 10 < sum(first) < 54


def test_random_crop_padding_and_reproducibility():
    x = rt.from_numpy(np.arange(2 * 6 * 6, dtype=np.float32).reshape(2, 6, 6))
    crop = T.RandomCrop(4)
    rt.manual_seed(1)
    outs = [crop(x).numpy() for _ in range(20)]
    rt.manual_seed(1)
    assert all(np.array_equal(a, crop(x).numpy()) for a in outs)
    full = x.numpy()
    for o in outs:  # every crop is a window of the input
        assert o.shape == (2, 4, 4)
        i, j = np.argwhere(full[0] == o[0, 0, 0])[0]
        np.testing.assert_array_equal(full[:, i:i + 4, j:j + 4], o)
    padded = T.RandomCrop(6, padding=2)(x)
    assert padded.shape == (2, 6, 6)
    a = u8((28, 28))
    c = T.RandomCrop(28, padding=4)(a)
    assert c.shape == (28, 28) and c.dtype == np.uint8
    same = T.RandomCrop((6, 6))(x)
    np.testing.assert_array_equal(same.numpy(), full)
    grown = T.RandomCrop(8, pad_if_needed=True, padding_mode="edge")(x)
    assert grown.shape == (2, 8, 8)
    p = T.pad(x, (1, 2), fill=-1)
    assert p.shape == (2, 10, 8) and p.numpy()[0, 0, 0] == -1
    reflect = T.pad(rt.from_numpy(np.arange(3, dtype=np.float32).reshape(1, 1, 3)), [1, 0], padding_mode="reflect")
    assert reflect.numpy().tolist() == [[[1, 0, 1, 2, 1]]]
    with pytest.raises(ValueError, match="larger than input"):
        T.RandomCrop(7)(x)
    with pytest.raises(ValueError, match="Padding mode"):
        T.RandomCrop(3, padding_mode="wrap")

"""A short tour of rustorch's tensor core: creation, broadcasting, indexing, matmul, reductions,
autograd (checked against the analytic gradient) and NumPy interop.

Run it after set-up (`bash scripts/setup.sh`) with `python examples/tensor_demo.py` (the README's
main job, `bash scripts/demo.sh`, now trains a CNN instead). It exits non-zero if a check fails.
"""
import numpy as np

import rustorch as rt


def section(title):
    print(f"\n== {title}")


def check(name, ok):
    print(f"   check {name}: {'ok' if ok else 'FAILED'}")
    if not ok:
        raise SystemExit(f"tensor_demo: check failed: {name}")


rt.manual_seed(0)
print(f"rustorch {rt.__version__}, {rt.get_num_threads()} threads")

section("creation")
x = rt.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("x =", x)
print("x.shape", tuple(x.shape), "dtype", x.dtype, "device", x.device)
print("zeros(2, 3) =", rt.zeros(2, 3))
print("arange(6).reshape(2, 3) =", rt.arange(6).reshape(2, 3))
print("randn(2, 3) =", rt.randn(2, 3))
print("eye(2) =", rt.eye(2))

section("broadcasting (NumPy rules)")
print("x + [10, 20, 30] =", x + rt.tensor([10.0, 20.0, 30.0]))
print("x * [[1], [-1]] =", x * rt.tensor([[1.0], [-1.0]]))
print("x / 2 + 1 =", x / 2 + 1)

section("indexing and views")
print("x[1] =", x[1], "  x[:, 1] =", x[:, 1], "  x[-1, ::2] =", x[-1, ::2])
print("x[x > 2.5] =", x[x > 2.5])
print("x.T =", x.T)
print("index_select(x, 1, [2, 0]) =", rt.index_select(x, 1, rt.tensor([2, 0])))
v = x.view(3, 2)
check("a view shares storage", v.data_ptr() == x.data_ptr())

section("matmul")
a = rt.tensor([[1, 2], [3, 4]])
b = rt.tensor([[5, 6], [7, 8]])
print("[[1, 2], [3, 4]] @ [[5, 6], [7, 8]] =", a @ b)
check("integer matmul", (a @ b).tolist() == [[19, 22], [43, 50]])
m = rt.randn(64, 32)
n = rt.randn(32, 16)
check("float32 matmul matches NumPy", np.allclose((m @ n).numpy(), m.numpy() @ n.numpy(), atol=1e-4))

section("reductions")
print("x.sum() =", x.sum(), "  x.mean(dim=0) =", x.mean(dim=0))
values, indices = x.max(dim=1)
print("x.max(dim=1): values", values, " indices", indices)
print("softmax(x, dim=1) =", rt.softmax(x, dim=1))
check("softmax rows sum to 1", np.allclose(rt.softmax(x, dim=1).sum(dim=1).numpy(), 1.0))

section("autograd")
# f(w) = sum(sigmoid(x @ w)); df/dw = x^T (s * (1 - s)) with s = sigmoid(x @ w)
w = rt.randn(3, 2, requires_grad=True)
f = rt.sigmoid(x @ w).sum()
f.backward()
s = 1 / (1 + np.exp(-(x.numpy() @ w.detach().numpy())))
analytic = x.numpy().T @ (s * (1 - s))
print("f =", f)
print("df/dw =", w.grad)
check("gradient equals the analytic x^T s(1-s)", np.allclose(w.grad.numpy(), analytic, atol=1e-5))
# g(t) = t^3 - 2t, elementwise; dg/dt = 3t^2 - 2
t = rt.tensor([-1.0, 0.5, 2.0], requires_grad=True)
(t ** 3 - 2 * t).sum().backward()
check("d/dt (t^3 - 2t) = 3t^2 - 2", np.allclose(t.grad.numpy(), [1.0, -1.25, 10.0]))

section("NumPy interop (shared memory)")
arr = np.arange(6, dtype=np.float32).reshape(2, 3)
shared = rt.from_numpy(arr)
arr[0, 0] = 100.0
print("from_numpy(arr) after arr[0, 0] = 100:", shared)
check("from_numpy shares memory", shared[0, 0].item() == 100.0)
back = shared.numpy()
back[1, 2] = -1.0
check(".numpy() shares memory", arr[1, 2] == -1.0)
print("np.asarray(x) =", np.asarray(x).tolist())

print("\ntensor_demo: all checks passed")

"""rt.distributions against scipy.stats: log_prob, entropy, cdf/icdf, mean, variance; sample moments
and Kolmogorov-Smirnov tests (fixed seeds, so the outcomes are deterministic, with loose thresholds);
rsample gradients by gradcheck (and the implicit gamma gradient against the inverse CDF); KL against
Monte-Carlo estimates; validation, shapes and expand; the sampling kernels and special functions."""
import math

import numpy as np
import pytest
import scipy.special as sp
import scipy.stats as st

import rustorch as rt

D = rt.distributions
rng = np.random.default_rng(0)


def T(x):
    return rt.tensor(np.asarray(x, dtype=np.float64))


def N(t):
    return np.asarray(t.detach().numpy(), dtype=np.float64)


# name -> (rt constructor from numpy params, scipy frozen distribution from numpy params, params,
#          values for log_prob (numpy), has cdf, has icdf)
def _cases():
    loc, scale = np.array([0.0, -1.5, 2.0]), np.array([1.0, 0.5, 3.0])
    conc, rate = np.array([0.5, 2.0, 7.5]), np.array([1.0, 0.3, 4.0])
    a, b = np.array([0.7, 2.0, 5.0]), np.array([1.5, 0.8, 5.0])
    return {
        "Normal": (lambda p: D.Normal(T(p[0]), T(p[1])), lambda p: st.norm(p[0], p[1]), (loc, scale),
                   lambda: rng.normal(size=(5, 3)) * 2, True, True),
        "LogNormal": (lambda p: D.LogNormal(T(p[0]), T(p[1])), lambda p: st.lognorm(s=p[1], scale=np.exp(p[0])),
                      (loc, scale), lambda: rng.lognormal(size=(5, 3)), True, True),
        "Uniform": (lambda p: D.Uniform(T(p[0]), T(p[1])), lambda p: st.uniform(p[0], p[1] - p[0]),
                    (loc - 1, loc + scale), lambda: (loc - 1) + rng.uniform(size=(5, 3)) * scale, True, True),
        "Exponential": (lambda p: D.Exponential(T(p[0])), lambda p: st.expon(scale=1 / p[0]), (rate,),
                        lambda: rng.exponential(size=(5, 3)), True, True),
        "Laplace": (lambda p: D.Laplace(T(p[0]), T(p[1])), lambda p: st.laplace(p[0], p[1]), (loc, scale),
                    lambda: rng.normal(size=(5, 3)) * 2, True, True),
        "Gamma": (lambda p: D.Gamma(T(p[0]), T(p[1])), lambda p: st.gamma(p[0], scale=1 / p[1]), (conc, rate),
                  lambda: rng.gamma(2.0, size=(5, 3)), True, False),
        "Beta": (lambda p: D.Beta(T(p[0]), T(p[1])), lambda p: st.beta(p[0], p[1]), (a, b),
                 lambda: rng.uniform(0.01, 0.99, size=(5, 3)), False, False),
    }


CONT = _cases()


@pytest.mark.parametrize("name", sorted(CONT))
def test_continuous_matches_scipy(name):
    make, ref, params, values, has_cdf, has_icdf = CONT[name]
    d, s = make(params), ref(params)
    x = values()
    assert d.batch_shape == (3,) and d.event_shape == ()
    np.testing.assert_allclose(N(d.log_prob(T(x))), s.logpdf(x), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(N(d.entropy()), s.entropy(), rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(N(d.mean), s.mean(), rtol=1e-10)
    np.testing.assert_allclose(N(d.variance), s.var(), rtol=1e-10)
    np.testing.assert_allclose(N(d.stddev), s.std(), rtol=1e-10)
    if has_cdf:
        np.testing.assert_allclose(N(d.cdf(T(x))), s.cdf(x), rtol=1e-9, atol=1e-12)
    if has_icdf:
        q = rng.uniform(0.01, 0.99, size=(5, 3))
        np.testing.assert_allclose(N(d.icdf(T(q))), s.ppf(q), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", sorted(CONT))
def test_continuous_samples_match_scipy(name):
    make, ref, params, *_ = CONT[name]
    d, s = make(params), ref(params)
    rt.manual_seed(1)
    n = 20000
    x = N(d.sample((n,)))
    assert x.shape == (n, 3)
    assert np.all(np.isfinite(x))
    for j in range(3):
        sj = ref(tuple(p[j] for p in params))
        assert abs(x[:, j].mean() - sj.mean()) < 6 * sj.std() / math.sqrt(n)
        assert st.kstest(x[:, j], sj.cdf).pvalue > 1e-4
    assert d.rsample((2, 4)).shape == (2, 4, 3)


DISCRETE = {
    "Bernoulli": (lambda: D.Bernoulli(probs=T([0.1, 0.5, 0.9])), lambda j: st.bernoulli([0.1, 0.5, 0.9][j]),
                  np.array([[0, 1, 1], [1, 0, 0]])),
    "Binomial": (lambda: D.Binomial(T([3, 10, 40]), probs=T([0.2, 0.5, 0.95])),
                 lambda j: st.binom([3, 10, 40][j], [0.2, 0.5, 0.95][j]), np.array([[0, 5, 38], [3, 10, 40]])),
    "Poisson": (lambda: D.Poisson(T([0.5, 4.0, 30.0])), lambda j: st.poisson([0.5, 4.0, 30.0][j]),
                np.array([[0, 4, 25], [3, 0, 40]])),
}


@pytest.mark.parametrize("name", sorted(DISCRETE))
def test_discrete_matches_scipy(name):
    make, ref, values = DISCRETE[name]
    d = make()
    lp = N(d.log_prob(T(values)))
    for j in range(3):
        np.testing.assert_allclose(lp[:, j], ref(j).logpmf(values[:, j]), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(N(d.mean)[j], ref(j).mean(), rtol=1e-12)
        np.testing.assert_allclose(N(d.variance)[j], ref(j).var(), rtol=1e-12)
        if name != "Poisson":
            np.testing.assert_allclose(N(d.entropy())[j], ref(j).entropy(), rtol=1e-9)
    rt.manual_seed(2)
    n = 20000
    x = N(d.sample((n,)))
    assert x.shape == (n, 3)
    for j in range(3):
        r = ref(j)
        assert abs(x[:, j].mean() - r.mean()) < 6 * r.std() / math.sqrt(n)
        ks = np.arange(int(x[:, j].max()) + 1)
        freq = np.bincount(x[:, j].astype(int), minlength=len(ks)) / n
        pmf = r.pmf(ks)
        assert np.all(np.abs(freq - pmf) < 6 * np.sqrt(pmf * (1 - pmf) / n) + 1e-3)


def test_bernoulli_logits_and_binomial_logits():
    logits = np.array([-3.0, 0.0, 2.5])
    d = D.Bernoulli(logits=T(logits))
    p = sp.expit(logits)
    np.testing.assert_allclose(N(d.probs), p)
    np.testing.assert_allclose(N(d.log_prob(T([1.0, 0.0, 1.0]))), np.log([p[0], 1 - p[1], p[2]]))
    b = D.Binomial(5, logits=T(logits))
    np.testing.assert_allclose(N(b.log_prob(T([2.0, 5.0, 0.0]))), st.binom(5, p).logpmf([2, 5, 0]), rtol=1e-10)
    np.testing.assert_allclose(N(D.Binomial(4, probs=T([0.0, 1.0])).log_prob(T([0.0, 4.0]))), [0.0, 0.0], atol=1e-12)


def test_categorical_and_one_hot():
    probs = np.array([[0.2, 0.3, 0.5], [0.7, 0.1, 0.2]])
    for d in (D.Categorical(probs=T(probs * 2)), D.Categorical(logits=T(np.log(probs) + 1.0))):
        assert d.batch_shape == (2,) and d.event_shape == ()
        np.testing.assert_allclose(N(d.probs), probs)
        np.testing.assert_allclose(N(d.log_prob(T([2, 0]))), np.log([0.5, 0.7]))
        np.testing.assert_allclose(N(d.entropy()), [st.entropy(p) for p in probs])
        rt.manual_seed(3)
        x = d.sample((30000,)).numpy()
        assert x.shape == (30000, 2) and x.dtype == np.int64
        for j in range(2):
            np.testing.assert_allclose(np.bincount(x[:, j], minlength=3) / 30000, probs[j], atol=0.015)
        assert d.enumerate_support().shape == (3, 2)
    o = D.OneHotCategorical(probs=T(probs))
    assert o.batch_shape == (2,) and o.event_shape == (3,)
    s = o.sample((5,))
    assert s.shape == (5, 2, 3) and np.all(N(s).sum(-1) == 1)
    np.testing.assert_allclose(N(o.log_prob(T([[0, 0, 1], [1, 0, 0]]))), np.log([0.5, 0.7]))
    np.testing.assert_allclose(N(o.mean), probs)
    np.testing.assert_allclose(N(o.variance), probs * (1 - probs))


def test_multivariate_normal_matches_scipy():
    A = rng.normal(size=(2, 3, 3))
    cov = A @ A.transpose(0, 2, 1) + 3 * np.eye(3)
    mean = rng.normal(size=(2, 3))
    x = rng.normal(size=(4, 2, 3))
    Lc = np.linalg.cholesky(cov)
    for d in (D.MultivariateNormal(T(mean), covariance_matrix=T(cov)), D.MultivariateNormal(T(mean), scale_tril=T(Lc)),
              D.MultivariateNormal(T(mean), precision_matrix=T(np.linalg.inv(cov)))):
        assert d.batch_shape == (2,) and d.event_shape == (3,)
        lp = N(d.log_prob(T(x)))
        for j in range(2):
            s = st.multivariate_normal(mean[j], cov[j])
            np.testing.assert_allclose(lp[:, j], s.logpdf(x[:, j]), rtol=1e-9)
            np.testing.assert_allclose(N(d.entropy())[j], s.entropy(), rtol=1e-10)
        np.testing.assert_allclose(N(d.covariance_matrix), cov, rtol=1e-9)
        np.testing.assert_allclose(N(d.variance), np.diagonal(cov, axis1=-2, axis2=-1), rtol=1e-9)
    rt.manual_seed(4)
    s = N(D.MultivariateNormal(T(mean[0]), covariance_matrix=T(cov[0])).sample((40000,)))
    np.testing.assert_allclose(s.mean(0), mean[0], atol=6 * np.sqrt(np.diag(cov[0]).max() / 40000))
    np.testing.assert_allclose(np.cov(s.T), cov[0], rtol=0.05, atol=0.1)


def test_dirichlet_matches_scipy():
    alpha = np.array([[0.5, 2.0, 3.0], [1.0, 1.0, 1.0]])
    d = D.Dirichlet(T(alpha))
    assert d.batch_shape == (2,) and d.event_shape == (3,)
    x = rng.dirichlet([1, 2, 3], size=4)
    lp = N(d.log_prob(T(x[:, None, :])))
    for j in range(2):
        s = st.dirichlet(alpha[j])
        np.testing.assert_allclose(lp[:, j], [s.logpdf(v) for v in x], rtol=1e-10)
        np.testing.assert_allclose(N(d.entropy())[j], s.entropy(), rtol=1e-10)
        np.testing.assert_allclose(N(d.mean)[j], s.mean(), rtol=1e-12)
        np.testing.assert_allclose(N(d.variance)[j], s.var(), rtol=1e-12)
    rt.manual_seed(5)
    samples = N(d.sample((20000,)))
    np.testing.assert_allclose(samples.sum(-1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(samples.mean(0), N(d.mean), atol=0.01)


def test_independent():
    base = D.Normal(T(np.zeros((2, 3))), T(np.ones((2, 3))))
    d = D.Independent(base, 1)
    assert d.batch_shape == (2,) and d.event_shape == (3,)
    x = T(rng.normal(size=(2, 3)))
    np.testing.assert_allclose(N(d.log_prob(x)), N(base.log_prob(x)).sum(-1))
    np.testing.assert_allclose(N(d.entropy()), N(base.entropy()).sum(-1))
    assert d.has_rsample and d.rsample((4,)).shape == (4, 2, 3)
    assert d.expand((5, 2)).batch_shape == (5, 2)


# ---- validation, shapes, expand -----------------------------------------------------------------------

def test_validation_of_parameters_and_support():
    with pytest.raises(ValueError, match="scale"):
        D.Normal(0.0, -1.0)
    with pytest.raises(ValueError, match="probs"):
        D.Bernoulli(probs=T([1.5]))
    with pytest.raises(ValueError, match="support"):
        D.Exponential(1.0).log_prob(T(-1.0))
    with pytest.raises(ValueError, match="support"):
        D.Poisson(T(2.0)).log_prob(T(1.5))
    with pytest.raises(ValueError):
        D.Categorical(probs=T([[-0.1, 1.1]]))
    with pytest.raises(ValueError):
        D.MultivariateNormal(T([0.0, 0.0]), covariance_matrix=T([[1.0, 2.0], [2.0, 1.0]]))
    with pytest.raises(ValueError):
        D.Bernoulli(probs=T([0.5]), logits=T([0.0]))
    d = D.Normal(0.0, -1.0, validate_args=False)  # no check
    assert d.scale.item() == -1.0
    assert D.Exponential(1.0, validate_args=False).log_prob(T(-1.0)).item() == 1.0  # no support check
    D.Distribution.set_default_validate_args(False)
    try:
        D.Normal(0.0, -1.0)
    finally:
        D.Distribution.set_default_validate_args(True)


def test_expand_and_shapes():
    d = D.Normal(T([0.0, 1.0]), 2.0)
    e = d.expand((3, 2))
    assert e.batch_shape == (3, 2) and e.sample().shape == (3, 2) and e.sample((4,)).shape == (4, 3, 2)
    np.testing.assert_allclose(N(e.log_prob(T(np.ones((3, 2))))), np.broadcast_to(N(d.log_prob(T([1.0, 1.0]))),
                                                                                    (3, 2)))
    c = D.Categorical(logits=T(np.zeros((2, 4)))).expand((5, 2))
    assert c.batch_shape == (5, 2) and c.sample().shape == (5, 2)
    m = D.MultivariateNormal(T(np.zeros(3)), covariance_matrix=T(np.eye(3))).expand((4,))
    assert m.batch_shape == (4,) and m.sample((2,)).shape == (2, 4, 3)
    assert D.Gamma(T([1.0, 2.0]), 1.0).expand((3, 2)).rsample().shape == (3, 2)
    assert D.Dirichlet(T(np.ones(3))).expand((2,)).sample().shape == (2, 3)


def test_support_constraints():
    c = D.constraints
    assert D.Normal(0.0, 1.0).support is c.real
    assert N(D.Uniform(0.0, 2.0).support.check(T([-1.0, 1.0, 3.0]))).tolist() == [False, True, False]
    assert N(c.simplex.check(T([[0.5, 0.5], [0.7, 0.7]]))).tolist() == [True, False]
    assert N(c.lower_cholesky.check(T(np.array([[[1.0, 0.0], [2.0, 3.0]], [[1.0, 1.0], [0.0, 1.0]]])))).tolist() \
        == [True, False]


# ---- gradients ------------------------------------------------------------------------------------------

RSAMPLE = {
    "Normal": (lambda a, b: D.Normal(a, b.exp()), 2),
    "LogNormal": (lambda a, b: D.LogNormal(a, b.exp()), 2),
    "Uniform": (lambda a, b: D.Uniform(a, a + b.exp()), 2),
    "Exponential": (lambda a: D.Exponential(a.exp()), 1),
    "Laplace": (lambda a, b: D.Laplace(a, b.exp()), 2),
    "MultivariateNormal": (lambda a, b: D.MultivariateNormal(a, scale_tril=rt.linalg.cholesky(b @ b.mT + rt.eye(3, dtype=rt.float64))), 2),
    "Independent": (lambda a, b: D.Independent(D.Normal(a, b.exp()), 1), 2),
}


@pytest.mark.parametrize("name", sorted(RSAMPLE))
def test_rsample_gradcheck(name):
    make, nparams = RSAMPLE[name]
    shapes = [(3,), (3, 3)] if name == "MultivariateNormal" else [(3,)] * nparams

    def fn(*params):
        rt.manual_seed(7)  # the same noise for every evaluation
        return make(*params).rsample((4,))
    inputs = tuple(rt.tensor(rng.normal(size=s) * 0.5, dtype=rt.float64, requires_grad=True) for s in shapes)
    assert rt.autograd.gradcheck(fn, inputs)


LOGPROB = {
    "Normal": (lambda a, b: D.Normal(a, b.exp()), lambda: rng.normal(size=3)),
    "LogNormal": (lambda a, b: D.LogNormal(a, b.exp()), lambda: rng.lognormal(size=3)),
    "Exponential": (lambda a: D.Exponential(a.exp()), lambda: rng.exponential(size=3)),
    "Laplace": (lambda a, b: D.Laplace(a, b.exp()), lambda: rng.normal(size=3) + 3),
    "Gamma": (lambda a, b: D.Gamma(a.exp(), b.exp()), lambda: rng.gamma(2.0, size=3)),
    "Beta": (lambda a, b: D.Beta(a.exp(), b.exp()), lambda: rng.uniform(0.1, 0.9, size=3)),
    "Dirichlet": (lambda a: D.Dirichlet(a.exp()), lambda: rng.dirichlet([1.0, 2.0, 3.0])),
    "Bernoulli": (lambda a: D.Bernoulli(logits=a), lambda: np.array([0.0, 1.0, 1.0])),
    "Binomial": (lambda a: D.Binomial(6, logits=a), lambda: np.array([0.0, 3.0, 6.0])),
    "Poisson": (lambda a: D.Poisson(a.exp()), lambda: np.array([0.0, 2.0, 7.0])),
    "Categorical": (lambda a: D.Categorical(logits=a), lambda: np.array(2.0)),
    "MultivariateNormal": (lambda a, b: D.MultivariateNormal(a, covariance_matrix=b @ b.mT + rt.eye(3, dtype=rt.float64)),
                           lambda: rng.normal(size=3)),
}


@pytest.mark.parametrize("name", sorted(LOGPROB))
def test_log_prob_and_entropy_gradcheck(name):
    make, value = LOGPROB[name]
    nparams = make.__code__.co_argcount
    shapes = [(3,), (3, 3)] if name == "MultivariateNormal" else [(3,)] * nparams
    x = T(value())
    inputs = tuple(rt.tensor(rng.normal(size=s) * 0.5, dtype=rt.float64, requires_grad=True) for s in shapes)
    assert rt.autograd.gradcheck(lambda *p: make(*p).log_prob(x), inputs)
    if name not in ("Poisson", "Binomial"):
        assert rt.autograd.gradcheck(lambda *p: make(*p).entropy(), inputs)


@pytest.mark.parametrize("alpha", [0.3, 1.0, 2.5, 10.0])
def test_standard_gamma_gradient_is_the_inverse_cdf_derivative(alpha):
    rt.manual_seed(8)
    a = rt.full((200,), alpha, dtype=rt.float64, requires_grad=True)
    x = rt._C._standard_gamma(a)
    x.sum().backward()
    xs, grad = N(x), N(a.grad)
    u = sp.gammainc(alpha, xs)
    h = 1e-6 * alpha
    expected = (sp.gammaincinv(alpha + h, u) - sp.gammaincinv(alpha - h, u)) / (2 * h)
    ok = (u > 1e-8) & (u < 1 - 1e-8)
    np.testing.assert_allclose(grad[ok], expected[ok], rtol=1e-4, atol=1e-8)


def test_gamma_beta_dirichlet_rsample_gradients_are_unbiased():
    # d/dtheta E[x] by averaging pathwise gradients of many samples.
    rt.manual_seed(9)
    n = 100000
    conc = rt.tensor(2.0, dtype=rt.float64, requires_grad=True)
    rate = rt.tensor(0.5, dtype=rt.float64, requires_grad=True)
    D.Gamma(conc, rate).rsample((n,)).mean().backward()
    np.testing.assert_allclose([conc.grad.item(), rate.grad.item()], [1 / 0.5, -2.0 / 0.25], rtol=0.03)
    a = rt.tensor(2.0, dtype=rt.float64, requires_grad=True)
    b = rt.tensor(3.0, dtype=rt.float64, requires_grad=True)
    D.Beta(a, b).rsample((n,)).mean().backward()
    np.testing.assert_allclose([a.grad.item(), b.grad.item()], [3 / 25, -2 / 25], rtol=0.05)
    c = rt.tensor([1.0, 2.0, 3.0], dtype=rt.float64, requires_grad=True)
    D.Dirichlet(c).rsample((n,))[:, 0].mean().backward()
    np.testing.assert_allclose(N(c.grad), [5 / 36, -1 / 36, -1 / 36], rtol=0.1, atol=2e-3)


# ---- KL --------------------------------------------------------------------------------------------------

KL_PAIRS = {
    "Normal": (D.Normal(T([0.0, 1.0]), T([1.0, 2.0])), D.Normal(T([0.5, -1.0]), T([1.5, 1.0]))),
    "LogNormal": (D.LogNormal(T([0.0, 0.3]), T([0.5, 1.0])), D.LogNormal(T([0.2, 0.0]), T([0.7, 0.8]))),
    "Bernoulli": (D.Bernoulli(probs=T([0.3, 0.8])), D.Bernoulli(probs=T([0.5, 0.6]))),
    "Binomial": (D.Binomial(5, probs=T([0.3, 0.8])), D.Binomial(5, probs=T([0.5, 0.6]))),
    "Categorical": (D.Categorical(probs=T([[0.2, 0.3, 0.5]])), D.Categorical(probs=T([[0.4, 0.4, 0.2]]))),
    "OneHotCategorical": (D.OneHotCategorical(probs=T([0.2, 0.3, 0.5])),
                          D.OneHotCategorical(probs=T([0.4, 0.4, 0.2]))),
    "Uniform": (D.Uniform(T([0.0, 1.0]), T([1.0, 2.0])), D.Uniform(T([-1.0, 0.0]), T([2.0, 4.0]))),
    "Exponential": (D.Exponential(T([1.0, 3.0])), D.Exponential(T([2.0, 0.5]))),
    "Gamma": (D.Gamma(T([2.0, 0.7]), T([1.0, 2.0])), D.Gamma(T([3.0, 1.0]), T([0.5, 1.5]))),
    "Beta": (D.Beta(T([2.0, 0.8]), T([3.0, 1.5])), D.Beta(T([1.0, 2.0]), T([1.0, 2.0]))),
    "Dirichlet": (D.Dirichlet(T([1.0, 2.0, 3.0])), D.Dirichlet(T([2.0, 2.0, 2.0]))),
    "Poisson": (D.Poisson(T([2.0, 10.0])), D.Poisson(T([3.0, 8.0]))),
    "Laplace": (D.Laplace(T([0.0, 1.0]), T([1.0, 0.5])), D.Laplace(T([0.5, 0.0]), T([2.0, 1.0]))),
    "MultivariateNormal": (D.MultivariateNormal(T([0.0, 1.0]), covariance_matrix=T([[2.0, 0.5], [0.5, 1.0]])),
                           D.MultivariateNormal(T([1.0, 0.0]), covariance_matrix=T([[1.0, -0.2], [-0.2, 1.5]]))),
    "Independent": (D.Independent(D.Normal(T([0.0, 1.0]), T([1.0, 2.0])), 1),
                    D.Independent(D.Normal(T([0.5, -1.0]), T([1.5, 1.0])), 1)),
}


@pytest.mark.parametrize("name", sorted(KL_PAIRS))
def test_kl_matches_monte_carlo(name):
    p, q = KL_PAIRS[name]
    kl = N(D.kl_divergence(p, q))
    rt.manual_seed(10)
    n = 100000
    x = p.sample((n,))
    terms = N(p.log_prob(x) - q.log_prob(x))
    est, se = terms.mean(0), terms.std(0) / math.sqrt(n)
    assert kl.shape == est.shape
    assert np.all(np.abs(kl - est) <= 6 * se + 1e-3), (kl, est, se)


def test_kl_registry():
    class MyNormal(D.Normal):
        pass
    p, q = MyNormal(0.0, 1.0), D.Normal(1.0, 1.0)
    np.testing.assert_allclose(D.kl_divergence(p, q).item(), 0.5)  # falls back to (Normal, Normal)

    @D.register_kl(MyNormal, D.Normal)
    def _kl(p, q):
        return rt.tensor(42.0)
    assert D.kl_divergence(p, q).item() == 42.0
    assert D.kl_divergence(D.Normal(0.0, 1.0), q).item() == 0.5
    with pytest.raises(NotImplementedError):
        D.kl_divergence(D.Normal(0.0, 1.0), D.Exponential(1.0))
    assert math.isinf(D.kl_divergence(D.Uniform(0.0, 2.0), D.Uniform(0.0, 1.0)).item())


# ---- sampling kernels and special functions ---------------------------------------------------------------

def test_sampling_kernels_are_seeded_and_thread_count_independent():
    prev = rt.get_num_threads()
    outs = []
    try:
        for threads in (1, 2):
            rt.set_num_threads(threads)
            rt.manual_seed(11)
            outs.append([N(rt.poisson(rt.full((70000,), 3.0))), N(rt.binomial(T(20.0), rt.full((70000,), 0.3))),
                         N(rt._C._standard_gamma(rt.full((70000,), 0.5))), N(rt.bernoulli(rt.full((70000,), 0.3))),
                         N(rt.multinomial(T(np.ones((50, 10))), 5))])
    finally:
        rt.set_num_threads(prev)
    for a, b in zip(*outs):
        np.testing.assert_array_equal(a, b)


def test_sampling_kernel_errors():
    with pytest.raises(ValueError, match="multinomial"):
        rt.multinomial(T([0.5, -0.1]), 1)
    with pytest.raises(ValueError, match="multinomial"):
        rt.multinomial(T([0.5, 0.5]), 3)
    with pytest.raises(ValueError, match="multinomial"):
        rt.multinomial(T([0.0, 0.0]), 1, True)
    with pytest.raises(ValueError, match="multinomial"):
        rt.multinomial(T([0.5, 0.0, 0.5]), 3)  # only 2 non-zero categories
    with pytest.raises(ValueError, match="bernoulli"):
        rt.bernoulli(T([1.5]))
    with pytest.raises(ValueError, match="poisson"):
        rt.poisson(T([-1.0]))
    m = rt.multinomial(T([[0.0, 1.0, 0.0, 3.0]]), 2)
    assert sorted(m.numpy()[0].tolist()) == [1, 3]
    t = rt.zeros(1000)
    rt.manual_seed(12)
    assert abs(N(t.bernoulli_(0.25)).mean() - 0.25) < 0.05
    assert set(N(rt.bernoulli(rt.zeros(5), 0.5)).tolist()) <= {0.0, 1.0}


def test_special_functions_match_scipy():
    x = np.concatenate([np.linspace(-4.7, -0.1, 30), np.linspace(0.01, 30, 60)])
    np.testing.assert_allclose(N(rt.lgamma(T(x))), sp.gammaln(x), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(N(rt.digamma(T(x))), sp.digamma(x), rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(N(rt._C._trigamma(T(x))), sp.polygamma(1, x), rtol=1e-10)
    y = np.concatenate([np.linspace(-0.999999, 0.999999, 201), [1 - 1e-12, -1 + 1e-15]])
    np.testing.assert_allclose(N(rt.erfinv(T(y))), sp.erfinv(y), rtol=1e-13, atol=1e-15)
    assert N(rt.erfinv(T([1.0, -1.0]))).tolist() == [math.inf, -math.inf]
    a, xx = rng.uniform(0.1, 20, 100), rng.uniform(0, 30, 100)
    np.testing.assert_allclose(N(rt.special_gammainc(T(a), T(xx))), sp.gammainc(a, xx), rtol=1e-10, atol=1e-14)
    assert rt.lgamma(rt.tensor([1.0, 2.0])).dtype == rt.float32
    assert rt.digamma(rt.tensor([1, 2])).dtype == rt.get_default_dtype()


@pytest.mark.parametrize("name", sorted(KL_PAIRS))
def test_kl_and_entropy_match_torch(name):
    torch = pytest.importorskip("torch")
    TD = torch.distributions

    def conv(d):
        f = lambda t: torch.tensor(t.numpy())  # noqa: E731
        kind = type(d).__name__
        if kind == "Independent":
            return TD.Independent(conv(d.base_dist), d.reinterpreted_batch_ndims)
        if kind in ("OneHotCategorical", "Categorical", "Bernoulli"):
            return getattr(TD, kind)(probs=f(d.probs))
        if kind == "Binomial":
            return TD.Binomial(f(d.total_count), probs=f(d.probs))
        if kind == "MultivariateNormal":
            return TD.MultivariateNormal(f(d.loc), covariance_matrix=f(d.covariance_matrix))
        return getattr(TD, kind)(**{k: f(d.__dict__[k]) for k in d.arg_constraints if k in d.__dict__})

    p, q = KL_PAIRS[name]
    np.testing.assert_allclose(N(D.kl_divergence(p, q)), TD.kl_divergence(conv(p), conv(q)).numpy(), rtol=1e-12,
                               atol=1e-14)
    if name != "Poisson":
        np.testing.assert_allclose(N(p.entropy()), conv(p).entropy().numpy(), rtol=1e-12, atol=1e-14)

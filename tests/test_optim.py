"""Tests of dlcore.optim: SGD steps by hand, momentum, weight decay, argument checks."""

import numpy as np
import pytest

from dlcore import SGD, Dense, Network


def _pairs(W, dW, b, db):
    return [(np.array(W, dtype=float), np.array(dW, dtype=float)), (np.array(b, dtype=float), np.array(db, dtype=float))]


def test_one_sgd_step_by_hand():
    pairs = _pairs([[1.0, 2.0]], [[0.5, -1.0]], [3.0], [2.0])
    SGD(lr=0.1).step(pairs)
    # W - lr dW = (1 - 0.05, 2 + 0.1);  b - lr db = 3 - 0.2
    np.testing.assert_allclose(pairs[0][0], [[0.95, 2.1]], rtol=1e-15)
    np.testing.assert_allclose(pairs[1][0], [2.8], rtol=1e-15)


def test_one_sgd_step_on_a_network_moves_every_parameter_by_lr_times_its_gradient():
    net = Network.from_sizes([3, 4, 2], hidden="tanh", output="softmax", seed=0)
    X = np.random.default_rng(0).normal(size=(5, 3))
    net.gradients(X, np.array([0, 1, 1, 0, 1]))
    expected = [(p - 0.5 * g) for p, g in net.parameters()]
    SGD(lr=0.5).step(net)
    for (p, _), e in zip(net.parameters(), expected):
        np.testing.assert_allclose(p, e, rtol=1e-15, atol=1e-17)


def test_the_step_is_in_place_so_layers_see_it():
    net = Network([Dense(1, 1, seed=0)])
    W = net.layers[0].W
    before = W.copy()
    net.layers[0].dW[...] = 1.0
    SGD(lr=0.25).step(net)
    assert net.layers[0].W is W
    assert W[0, 0] == before[0, 0] - 0.25


def test_momentum_two_steps_by_hand():
    W, dW = np.array([[2.0]]), np.array([[1.0]])
    b, db = np.array([0.0]), np.array([0.0])
    opt = SGD(lr=0.1, momentum=0.9)
    opt.step([(W, dW), (b, db)])
    # v1 = 0.9 * 0 + 1 = 1;  W = 2 - 0.1 * 1 = 1.9
    assert W[0, 0] == pytest.approx(1.9, rel=1e-15)
    dW[...] = 0.5
    opt.step([(W, dW), (b, db)])
    # v2 = 0.9 * 1 + 0.5 = 1.4;  W = 1.9 - 0.1 * 1.4 = 1.76
    assert W[0, 0] == pytest.approx(1.76, rel=1e-15)


def test_momentum_on_a_network_matches_the_formula_over_three_steps():
    net = Network.from_sizes([2, 3, 1], seed=1)
    X = np.random.default_rng(1).normal(size=(6, 2))
    y = np.array([0, 1, 0, 1, 1, 0])
    opt = SGD(lr=0.2, momentum=0.5)
    w = [param.copy() for param, _ in net.parameters()]
    v = [np.zeros_like(p) for p in w]
    for _ in range(3):
        net.gradients(X, y)
        v = [0.5 * v_k + grad for v_k, (_, grad) in zip(v, net.parameters())]
        w = [w_k - 0.2 * v_k for w_k, v_k in zip(w, v)]
        opt.step(net)
        for (param, _), w_k in zip(net.parameters(), w):
            np.testing.assert_allclose(param, w_k, rtol=1e-14, atol=1e-16)


def test_reset_forgets_the_momentum():
    W, dW = np.array([[0.0]]), np.array([[1.0]])
    opt = SGD(lr=1.0, momentum=0.9)
    opt.step([(W, dW)])          # v = 1, W = -1
    opt.reset()
    opt.step([(W, dW)])          # v starts again: v = 1, W = -2 (not -1 - 1.9)
    assert W[0, 0] == -2.0


def test_weight_decay_shrinks_weights_but_not_biases():
    W, dW = np.array([[2.0]]), np.array([[0.0]])
    b, db = np.array([3.0]), np.array([0.0])
    SGD(lr=0.5, weight_decay=0.1).step([(W, dW), (b, db)])
    # W = 2 - 0.5 * (0 + 0.1 * 2) = 1.9;  b has no decay: stays 3
    assert W[0, 0] == pytest.approx(1.9, rel=1e-15)
    assert b[0] == 3.0


def test_weight_decay_on_a_network_leaves_every_bias_alone():
    net = Network.from_sizes([2, 4, 3, 1], seed=2)
    for layer in net.layers:
        layer.b = np.ones(layer.n_out)
    weights = [layer.W.copy() for layer in net.layers]
    opt = SGD(lr=0.1, weight_decay=0.5)
    opt.step(net)                      # gradients are all zero: only the decay acts
    for layer, W in zip(net.layers, weights):
        np.testing.assert_allclose(layer.W, W * (1 - 0.1 * 0.5), rtol=1e-15)
        np.testing.assert_array_equal(layer.b, 1.0)


@pytest.mark.parametrize("lr, exc, phrase", [
    (0, ValueError, "greater than 0"),
    (-0.1, ValueError, "greater than 0"),
    ("0.1", TypeError, "without quotes"),
    (np.nan, ValueError, "finite"),
    (np.inf, ValueError, "finite"),
    (True, TypeError, "must be a number"),
    (None, TypeError, "must be a number"),
])
def test_invalid_learning_rates_are_rejected(lr, exc, phrase):
    with pytest.raises(exc, match=phrase):
        SGD(lr=lr)


@pytest.mark.parametrize("momentum, phrase", [(1.0, "below 1"), (1.5, "below 1"), (-0.1, "at least 0")])
def test_invalid_momentum_is_rejected(momentum, phrase):
    with pytest.raises(ValueError, match=phrase):
        SGD(lr=0.1, momentum=momentum)


def test_negative_weight_decay_is_rejected():
    with pytest.raises(ValueError, match="weight_decay must be at least 0"):
        SGD(lr=0.1, weight_decay=-0.01)


def test_repr_shows_the_settings_in_use():
    assert repr(SGD(lr=0.5)) == "SGD(lr=0.5)"
    assert repr(SGD(lr=0.5, momentum=0.9, weight_decay=0.01)) == "SGD(lr=0.5, momentum=0.9, weight_decay=0.01)"


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_step_keeps_the_dtype(dtype):
    net = Network.from_sizes([2, 3, 1], seed=0, dtype=dtype)
    SGD(lr=0.1, momentum=0.9, weight_decay=0.1).step(net)
    assert all(layer.W.dtype == dtype for layer in net.layers)


# --- learner mistakes found while reviewing dlcore ---

def test_weight_decay_leaves_the_networks_gradients_alone():
    net = Network.from_sizes([2, 3, 1], seed=0)
    X = np.random.default_rng(0).normal(size=(4, 2))
    net.gradients(X, np.array([0, 1, 1, 0]))
    before = [grad.copy() for _, grad in net.parameters()]
    SGD(lr=0.1, weight_decay=0.5).step(net)
    assert all(np.array_equal(grad, old) for (_, grad), old in zip(net.parameters(), before))


def test_stepping_a_network_and_its_parameter_list_shares_one_momentum():
    # The same weights, stepped once as step(net) and once as step(net.parameters()),
    # have one velocity: the second step goes on from the first one's momentum.
    X = np.random.default_rng(0).normal(size=(4, 2))
    y = np.array([0, 1, 1, 0])
    mixed, plain = (Network.from_sizes([2, 3, 1], seed=0) for _ in range(2))
    opt_mixed, opt_plain = SGD(lr=0.1, momentum=0.9), SGD(lr=0.1, momentum=0.9)
    for step in range(3):
        mixed.gradients(X, y)
        opt_mixed.step(mixed if step % 2 == 0 else mixed.parameters())
        plain.gradients(X, y)
        opt_plain.step(plain)
    for (a, _), (b, _) in zip(mixed.parameters(), plain.parameters()):
        np.testing.assert_array_equal(a, b)
    assert len(opt_mixed.velocity) == len(mixed.parameters())


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_a_new_learning_rate_takes_effect_at_the_next_step(dtype):
    pairs = [(np.array([1.0, 2.0], dtype=dtype), np.array([1.0, -1.0], dtype=dtype))]
    opt = SGD(lr=0.5)
    opt.step(pairs)                      # 1 - 0.5, 2 + 0.5
    opt.lr = 0.25
    opt.step(pairs)                      # 0.5 - 0.25, 2.5 + 0.25
    np.testing.assert_array_equal(pairs[0][0], np.array([0.25, 2.75], dtype=dtype))


def test_setting_a_learning_rate_that_is_not_positive_is_refused():
    opt = SGD(lr=0.1)
    with pytest.raises(ValueError, match="greater than 0"):
        opt.lr = -0.5
    assert opt.lr == 0.1

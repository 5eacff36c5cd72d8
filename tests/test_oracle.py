"""dlcore against an oracle: a reference network written here the plainest way, from the formulas alone.

micrograd checks its engine against PyTorch, an implementation written
independently. This file does the same with an oracle written below: float64,
one sample at a time in Python loops, every derivative worked out by hand,
no buffers and no dlcore code. It only reads the starting weights out of the
dlcore network (``layer.W``, ``layer.b``). For networks built with dlcore's
public API, it checks to 1e-12 relative:

- the outputs of ``net.forward(X)``, for every hidden activation and every
  output activation and cost that go together;
- the cost returned by ``net.gradients(X, y)`` and every layer's ``dW`` and ``db``;
- the weights after several ``SGD`` steps with momentum and weight decay;
- the weights (and costs) of a short full-batch ``dlcore.train`` run.
"""

import numpy as np
import pytest

import dlcore

RTOL = 1e-12   # the float64 results of two correct implementations differ by rounding only
ATOL = 1e-15   # for entries that are (nearly) zero, where a relative error means nothing

# --------------------------------------------------------------------------- #
# The oracle: activations and their derivatives, one sample (a 1-D z) at a time
# --------------------------------------------------------------------------- #

LEAKY_SLOPE = 0.01


def identity(z):
    return z


def identity_slope(z):
    return np.ones_like(z)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_slope(z):
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    return np.tanh(z)


def tanh_slope(z):
    return 1.0 - np.tanh(z) ** 2


def relu(z):
    return np.array([zi if zi > 0 else 0.0 for zi in z])


def relu_slope(z):
    return np.array([1.0 if zi > 0 else 0.0 for zi in z])


def leaky_relu(z):
    return np.array([zi if zi > 0 else LEAKY_SLOPE * zi for zi in z])


def leaky_relu_slope(z):
    return np.array([1.0 if zi > 0 else LEAKY_SLOPE for zi in z])


def softmax(z):
    e = np.exp(z)
    return e / np.sum(e)


FUNCTIONS = {"identity": identity, "sigmoid": sigmoid, "tanh": tanh, "relu": relu,
             "leaky_relu": leaky_relu, "softmax": softmax}
SLOPES = {"identity": identity_slope, "sigmoid": sigmoid_slope, "tanh": tanh_slope, "relu": relu_slope,
          "leaky_relu": leaky_relu_slope}


def jacobian(name, z):
    """J[j, k] = d a_j / d z_k for one sample: diagonal for an element-wise activation."""
    if name == "softmax":
        a = softmax(z)
        return np.diag(a) - np.outer(a, a)          # a_j (delta_jk - a_k)
    return np.diag(SLOPES[name](z))


# --------------------------------------------------------------------------- #
# The oracle: costs, one sample's share of the mean and its gradient dC/da
# --------------------------------------------------------------------------- #

def cost_share_and_grad(cost, a, t, n_samples):
    """Sample's share of the cost and dC/da, for outputs a and targets t of one sample (1-D, n_out)."""
    n_out = len(a)
    if cost == "mse":               # mean over every sample and output of (a - t)^2
        return np.sum((a - t) ** 2) / (n_samples * n_out), 2.0 * (a - t) / (n_samples * n_out)
    if cost == "bce":               # -mean over every entry of t log a + (1 - t) log(1 - a)
        share = -np.sum(t * np.log(a) + (1.0 - t) * np.log(1.0 - a)) / (n_samples * n_out)
        return share, -(t / a - (1.0 - t) / (1.0 - a)) / (n_samples * n_out)
    if cost == "cross_entropy":     # -mean over samples of sum_k t_k log a_k
        return -np.sum(t * np.log(a)) / n_samples, -(t / a) / n_samples
    raise ValueError(cost)


# --------------------------------------------------------------------------- #
# The oracle: a network
# --------------------------------------------------------------------------- #

class Oracle:
    """A plain multilayer network with its own copy of the weights of a dlcore network."""

    def __init__(self, net, activations):
        self.activations = list(activations)
        self.W = [np.array(layer.W, dtype=np.float64) for layer in net.layers]   # copies
        self.b = [np.array(layer.b, dtype=np.float64) for layer in net.layers]
        self.vW = [np.zeros_like(W) for W in self.W]
        self.vb = [np.zeros_like(b) for b in self.b]
        assert len(self.activations) == len(self.W)

    def forward_one(self, x):
        """The weighted sums z and activations a of every layer for one sample (a[0] is x)."""
        zs, As = [], [x]
        for W, b, name in zip(self.W, self.b, self.activations):
            z = As[-1] @ W + b
            zs.append(z)
            As.append(FUNCTIONS[name](z))
        return zs, As

    def forward(self, X):
        return np.array([self.forward_one(x)[1][-1] for x in X])

    def gradients(self, X, T, cost):
        """The cost and dC/dW, dC/db of every layer, summed sample by sample."""
        n_samples = len(X)
        total = 0.0
        dW = [np.zeros_like(W) for W in self.W]
        db = [np.zeros_like(b) for b in self.b]
        for x, t in zip(X, T):
            zs, As = self.forward_one(x)
            share, da = cost_share_and_grad(cost, As[-1], t, n_samples)
            total += share
            for layer in reversed(range(len(self.W))):
                dz = jacobian(self.activations[layer], zs[layer]).T @ da   # dC/dz_k = sum_j dC/da_j da_j/dz_k
                dW[layer] += np.outer(As[layer], dz)                       # z = a_prev @ W + b
                db[layer] += dz
                da = self.W[layer] @ dz                                    # dC/da_prev
        return total, dW, db

    def cost(self, X, T, cost):
        return self.gradients(X, T, cost)[0]

    def sgd_step(self, dW, db, lr, momentum=0.0, weight_decay=0.0):
        """v = m v + (dW + wd W); W -= lr v. Biases: v_b = m v_b + db, never decayed."""
        for layer in range(len(self.W)):
            self.vW[layer] = momentum * self.vW[layer] + (dW[layer] + weight_decay * self.W[layer])
            self.W[layer] = self.W[layer] - lr * self.vW[layer]
            self.vb[layer] = momentum * self.vb[layer] + db[layer]
            self.b[layer] = self.b[layer] - lr * self.vb[layer]


# --------------------------------------------------------------------------- #
# Problems: a small dlcore network, data, and the targets in both forms
# --------------------------------------------------------------------------- #

HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
# (output activation, cost, number of outputs): every pairing dlcore accepts
OUTPUTS = [
    ("identity", "mse", 1), ("identity", "mse", 3), ("sigmoid", "mse", 3), ("tanh", "mse", 3),
    ("relu", "mse", 3), ("leaky_relu", "mse", 3), ("softmax", "mse", 3),
    ("sigmoid", "bce", 1), ("softmax", "cross_entropy", 3),
]
N_SAMPLES, N_FEATURES = 9, 3


def make_data(cost, n_out, seed):
    """X, the labels or targets y that dlcore takes, and the target matrix T the oracle uses."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N_SAMPLES, N_FEATURES))
    if cost == "mse":
        y = rng.uniform(-1.0, 1.0, size=(N_SAMPLES, n_out))       # float targets
        return X, y, y
    labels = rng.permutation(np.arange(N_SAMPLES) % max(n_out, 2))   # every class present
    if cost == "bce":
        return X, labels, labels.reshape(-1, 1).astype(float)
    return X, labels, np.eye(n_out)[labels]                     # cross_entropy: one-hot rows


def make_net(hidden, output, cost, n_out, seed):
    """A 3 -> 5 -> 4 -> n_out dlcore network: two hidden layers, so the chain rule runs through both."""
    layers = [
        dlcore.Dense(N_FEATURES, 5, hidden, seed=seed),
        dlcore.Dense(5, 4, hidden, seed=seed + 1),
        dlcore.Dense(4, n_out, output, seed=seed + 2),
    ]
    return dlcore.Network(layers, loss=cost), [hidden, hidden, output]


def assert_same(actual, expected, what):
    np.testing.assert_allclose(actual, expected, rtol=RTOL, atol=ATOL, err_msg=what)


def assert_same_weights(net, oracle, what):
    for i, layer in enumerate(net.layers):
        assert_same(layer.W, oracle.W[i], f"{what}: W of layer {i}")
        assert_same(layer.b, oracle.b[i], f"{what}: b of layer {i}")


CASES = [(hidden, *out) for hidden in HIDDEN for out in OUTPUTS]
CASE_IDS = [f"{hidden}-{output}{n_out}-{cost}" for hidden, output, cost, n_out in CASES]


# --------------------------------------------------------------------------- #
# Forward pass, cost and gradients
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("hidden, output, cost, n_out", CASES, ids=CASE_IDS)
def test_forward_matches_the_oracle(hidden, output, cost, n_out):
    net, acts = make_net(hidden, output, cost, n_out, seed=10)
    X, _, _ = make_data(cost, n_out, seed=20)
    oracle = Oracle(net, acts)
    assert_same(net.forward(X), oracle.forward(X), "forward")


@pytest.mark.parametrize("hidden, output, cost, n_out", CASES, ids=CASE_IDS)
def test_cost_and_every_gradient_match_the_oracle(hidden, output, cost, n_out):
    net, acts = make_net(hidden, output, cost, n_out, seed=30)
    X, y, T = make_data(cost, n_out, seed=40)
    oracle = Oracle(net, acts)
    expected_cost, dW, db = oracle.gradients(X, T, cost)
    got_cost = net.gradients(X, y)
    assert isinstance(got_cost, float)
    assert_same(got_cost, expected_cost, "cost")
    for i, layer in enumerate(net.layers):
        assert_same(layer.dW, dW[i], f"dW of layer {i}")
        assert_same(layer.db, db[i], f"db of layer {i}")
        assert np.abs(dW[i]).max() > 1e-6   # a real gradient, not zeros compared with zeros


@pytest.mark.parametrize("sizes, hidden, output, cost", [
    ([2, 5, 3], "tanh", "softmax", "cross_entropy"),
    ([2, 6, 1], "relu", "sigmoid", "bce"),
    ([2, 4, 4, 2], "sigmoid", "identity", "mse"),
])
def test_from_sizes_networks_and_their_default_cost_match_the_oracle(sizes, hidden, output, cost):
    # Network.from_sizes picks the cost itself: bce after sigmoid, cross_entropy after softmax, else mse.
    net = dlcore.Network.from_sizes(sizes, hidden=hidden, output=output, seed=0)
    rng = np.random.default_rng(1)
    X = rng.normal(size=(N_SAMPLES, sizes[0]))
    _, y, T = make_data(cost, sizes[-1], seed=2)
    oracle = Oracle(net, [hidden] * (len(sizes) - 2) + [output])
    assert_same(net.forward(X), oracle.forward(X), "forward")
    expected_cost, dW, db = oracle.gradients(X, T, cost)
    assert_same(net.gradients(X, y), expected_cost, "cost")
    for i, layer in enumerate(net.layers):
        assert_same(layer.dW, dW[i], f"dW of layer {i}")
        assert_same(layer.db, db[i], f"db of layer {i}")


def test_the_comparison_is_tight_enough_to_see_one_part_in_a_billion():
    # If the tolerance were loose, these tests could pass a subtly wrong network.
    net, acts = make_net("tanh", "softmax", "cross_entropy", 3, seed=50)
    X, y, T = make_data("cross_entropy", 3, seed=51)
    oracle = Oracle(net, acts)
    oracle.W[1][2, 3] *= 1 + 1e-9
    with pytest.raises(AssertionError):
        assert_same(net.forward(X), oracle.forward(X), "forward")
    net.gradients(X, y)
    with pytest.raises(AssertionError):
        assert_same(net.layers[0].dW, oracle.gradients(X, T, "cross_entropy")[1][0], "dW")


# --------------------------------------------------------------------------- #
# SGD steps with momentum and weight decay
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("hidden, output, cost, n_out", [
    ("tanh", "softmax", "cross_entropy", 3),
    ("relu", "sigmoid", "bce", 1),
    ("sigmoid", "identity", "mse", 2),
    ("leaky_relu", "softmax", "mse", 3),
])
@pytest.mark.parametrize("lr, momentum, weight_decay", [(0.5, 0.0, 0.0), (0.3, 0.9, 0.0), (0.2, 0.8, 0.05)])
def test_sgd_steps_with_momentum_and_weight_decay_match_the_oracle(hidden, output, cost, n_out, lr, momentum,
                                                                    weight_decay):
    net, acts = make_net(hidden, output, cost, n_out, seed=60)
    X, y, T = make_data(cost, n_out, seed=61)
    oracle = Oracle(net, acts)
    opt = dlcore.SGD(lr, momentum=momentum, weight_decay=weight_decay)
    for step in range(1, 6):
        got_cost = net.gradients(X, y)
        expected_cost, dW, db = oracle.gradients(X, T, cost)
        assert_same(got_cost, expected_cost, f"cost before step {step}")
        opt.step(net)
        oracle.sgd_step(dW, db, lr, momentum, weight_decay)
        assert_same_weights(net, oracle, f"after step {step}")
    # the weights really moved: the comparison above was not of standing weights
    start = Oracle(make_net(hidden, output, cost, n_out, seed=60)[0], acts)
    assert np.abs(oracle.W[0] - start.W[0]).max() > 1e-3


# --------------------------------------------------------------------------- #
# dlcore.train, full batch
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("hidden, output, cost, n_out", [
    ("tanh", "softmax", "cross_entropy", 3),
    ("relu", "sigmoid", "bce", 1),
    ("sigmoid", "identity", "mse", 1),
])
def test_full_batch_train_matches_the_oracle_taking_the_same_steps(hidden, output, cost, n_out):
    # With one batch of every sample, the shuffle inside train changes only the order of
    # a sum, so train must take exactly the oracle's plain gradient steps.
    net, acts = make_net(hidden, output, cost, n_out, seed=70)
    X, y, T = make_data(cost, n_out, seed=71)
    oracle = Oracle(net, acts)
    lr = 0.4
    history = dlcore.train(net, X, y, epochs=2, batch_size=len(X), lr=lr, seed=0)
    for epoch in range(2):
        _, dW, db = oracle.gradients(X, T, cost)
        oracle.sgd_step(dW, db, lr)
        assert_same(history.train_cost[epoch], oracle.cost(X, T, cost), f"train_cost after epoch {epoch + 1}")
    assert_same_weights(net, oracle, "after train")


def test_full_batch_train_with_an_sgd_optimizer_matches_the_oracle():
    net, acts = make_net("tanh", "softmax", "cross_entropy", 3, seed=80)
    X, y, T = make_data("cross_entropy", 3, seed=81)
    oracle = Oracle(net, acts)
    opt = dlcore.SGD(0.3, momentum=0.9, weight_decay=0.01)
    dlcore.train(net, X, y, epochs=3, batch_size=len(X), optimizer=opt, seed=0)
    for _ in range(3):
        _, dW, db = oracle.gradients(X, T, "cross_entropy")
        oracle.sgd_step(dW, db, 0.3, momentum=0.9, weight_decay=0.01)
    assert_same_weights(net, oracle, "after train with momentum and weight decay")

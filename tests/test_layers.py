"""Tests of dlcore.layers: Dense forward and backward, initialisers, dtypes, setting weights."""

import numpy as np
import pytest

from dlcore import SGD, Dense, Network
from dlcore.layers import default_init

BACKPROP_ACTIVATIONS = ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax"]


def rel_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


# --- forward ---------------------------------------------------------------------------

def test_forward_hand_worked():
    layer = Dense(2, 2, "relu")
    layer.W = [[1.0, -1.0],
               [2.0, 0.5]]
    layer.b = [0.5, -3.0]
    # sample (1, 2): z = (1*1 + 2*2 + 0.5, 1*-1 + 2*0.5 - 3) = (5.5, -3) -> relu (5.5, 0)
    # sample (0, 4): z = (0 + 8 + 0.5, 0 + 2 - 3) = (8.5, -1) -> relu (8.5, 0)
    A = layer.forward(np.array([[1.0, 2.0], [0.0, 4.0]]))
    np.testing.assert_array_equal(layer.Z, [[5.5, -3.0], [8.5, -1.0]])
    np.testing.assert_array_equal(A, [[5.5, 0.0], [8.5, 0.0]])


def test_forward_and_backward_shapes():
    layer = Dense(4, 3, "tanh", seed=0)
    X = np.random.default_rng(0).normal(size=(5, 4))
    assert layer.forward(X).shape == (5, 3)
    dA_prev = layer.backward(np.ones((5, 3)))
    assert dA_prev.shape == (5, 4)
    assert layer.W.shape == layer.dW.shape == (4, 3)
    assert layer.b.shape == layer.db.shape == (3,)


def test_n_params_counts_weights_and_biases():
    assert Dense(784, 30).n_params == 784 * 30 + 30


def test_repr_shows_sizes_activation_and_initialiser():
    assert repr(Dense(3, 5, "relu")) == "Dense(3 → 5, relu, init='he')"


# --- backward ------------------------------------------------------------------------------

@pytest.mark.parametrize("activation", BACKPROP_ACTIVATIONS)
@pytest.mark.parametrize("seed", range(4))
def test_backward_matches_central_differences(activation, seed):
    # C = sum(R * A): dC/dA = R, so backward(R) must give dC/dW, dC/db and dC/dX
    rng = np.random.default_rng(seed)
    n_in, n_out, n_samples = rng.integers(1, 6), rng.integers(2, 6), rng.integers(1, 7)
    layer = Dense(n_in, n_out, activation, seed=seed)
    layer.b = rng.normal(size=n_out)            # biases of 0 would put relu's kink at z = 0 more often
    X = rng.normal(size=(n_samples, n_in))
    R = rng.normal(size=(n_samples, n_out))

    def cost():
        return np.sum(R * layer.forward(X))

    layer.forward(X)
    dX = layer.backward(R)
    dW, db = layer.dW.copy(), layer.db.copy()

    h = 1e-6
    for param, analytic in ((layer.W, dW), (layer.b, db), (X, dX)):
        numeric = np.zeros_like(param)
        for idx in np.ndindex(param.shape):
            old = param[idx]
            param[idx] = old + h
            up = cost()
            param[idx] = old - h
            down = cost()
            param[idx] = old
            numeric[idx] = (up - down) / (2 * h)
        assert rel_error(analytic, numeric) < 1e-7


@pytest.mark.parametrize("n_samples, n_in, n_out", [
    (1100, 3, 4),       # a tall batch, like a decision-boundary grid through a small layer
    (5, 300, 256),      # a large layer
    (1100, 300, 256),   # both
])
def test_tall_batches_and_large_layers_compute_the_same_numbers(n_samples, n_in, n_out):
    rng = np.random.default_rng(n_samples + n_in)
    layer = Dense(n_in, n_out, "sigmoid", seed=0)
    layer.b = rng.normal(size=n_out)
    X = rng.normal(size=(n_samples, n_in))
    R = rng.normal(size=(n_samples, n_out))

    Z = X @ layer.W + layer.b
    A = 1 / (1 + np.exp(-Z))
    np.testing.assert_allclose(layer.forward(X), A, rtol=1e-12)
    np.testing.assert_allclose(layer.Z, Z, rtol=1e-12, atol=1e-12)
    dX = layer.backward(R)
    dZ = R * A * (1 - A)
    np.testing.assert_allclose(layer.dW, X.T @ dZ, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.db, dZ.sum(axis=0), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dX, dZ @ layer.W.T, rtol=1e-12, atol=1e-12)

    # and against central differences, at a sample of weights: C = sum(R * A)
    h = 1e-6
    for idx in zip(rng.integers(0, n_in, 5), rng.integers(0, n_out, 5)):
        old = layer.W[idx]
        layer.W[idx] = old + h
        up = np.sum(R * layer.forward(X))
        layer.W[idx] = old - h
        down = np.sum(R * layer.forward(X))
        layer.W[idx] = old
        assert abs((up - down) / (2 * h) - layer.dW[idx]) <= 1e-6 * max(1.0, abs(layer.dW[idx]))


def test_backward_hand_worked():
    # one sample x = (1, 2), identity activation, dA = (1, -1)
    # dW = x.T @ dA = [[1, -1], [2, -2]];  db = dA;  dX = dA @ W.T
    layer = Dense(2, 2)
    layer.W = [[1.0, 2.0], [3.0, 4.0]]
    layer.forward(np.array([[1.0, 2.0]]))
    dX = layer.backward(np.array([[1.0, -1.0]]))
    np.testing.assert_array_equal(layer.dW, [[1, -1], [2, -2]])
    np.testing.assert_array_equal(layer.db, [1, -1])
    np.testing.assert_array_equal(dX, [[1 - 2, 3 - 4]])


def test_db_sums_the_gradient_over_samples():
    layer = Dense(1, 2)
    layer.forward(np.zeros((3, 1)))
    layer.backward(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
    np.testing.assert_array_equal(layer.db, [9.0, 12.0])


def test_backward_before_forward_is_a_clear_error():
    with pytest.raises(RuntimeError, match="Call forward before backward"):
        Dense(2, 3).backward(np.ones((1, 3)))


def test_backward_with_a_wrongly_shaped_gradient_is_a_clear_error():
    layer = Dense(2, 3)
    layer.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"shape of the layer's last output \(4, 3\), got \(3, 4\)"):
        layer.backward(np.ones((3, 4)))


# --- initialisers -----------------------------------------------------------------------------

def test_uniform_init_lies_in_minus_one_one_with_variance_one_third():
    W = Dense(400, 500, init="uniform", seed=0).W
    assert W.min() >= -1 and W.max() <= 1
    assert abs(W.mean()) < 0.005
    assert W.var() == pytest.approx(1 / 3, rel=0.02)


def test_xavier_init_has_variance_two_over_fan_in_plus_fan_out():
    n_in, n_out = 400, 600
    W = Dense(n_in, n_out, init="xavier", seed=1).W
    limit = np.sqrt(6 / (n_in + n_out))
    assert W.min() >= -limit and W.max() <= limit
    assert W.var() == pytest.approx(2 / (n_in + n_out), rel=0.02)


def test_he_init_has_standard_deviation_sqrt_two_over_fan_in():
    n_in = 500
    W = Dense(n_in, 400, init="he", seed=2).W
    assert abs(W.mean()) < 0.001
    assert W.std() == pytest.approx(np.sqrt(2 / n_in), rel=0.02)


def test_glorot_is_xavier_and_zeros_is_zeros():
    np.testing.assert_array_equal(Dense(5, 4, init="glorot", seed=3).W, Dense(5, 4, init="xavier", seed=3).W)
    assert not Dense(5, 4, init="zeros").W.any()


def test_biases_start_at_zero():
    assert not Dense(5, 4, "relu", init="uniform", seed=0).b.any()


def test_default_init_is_he_for_relus_and_xavier_otherwise():
    assert default_init("relu") == default_init("leaky_relu") == "he"
    assert default_init("tanh") == default_init("sigmoid") == default_init("identity") == "xavier"
    assert Dense(3, 2, "relu").init == "he"


def test_same_seed_gives_the_same_weights_and_another_seed_other_weights():
    np.testing.assert_array_equal(Dense(3, 4, seed=7).W, Dense(3, 4, seed=7).W)
    assert not np.array_equal(Dense(3, 4, seed=7).W, Dense(3, 4, seed=8).W)


def test_a_generator_as_seed_is_used_and_advanced():
    rng = np.random.default_rng(0)
    first, second = Dense(3, 4, seed=rng).W, Dense(3, 4, seed=rng).W
    assert not np.array_equal(first, second)
    np.testing.assert_array_equal(first, Dense(3, 4, seed=0).W)


# --- dtypes ------------------------------------------------------------------------------------

def test_float32_layer_keeps_float32_everywhere():
    layer = Dense(3, 2, "sigmoid", seed=0, dtype="float32")
    X = np.random.default_rng(0).normal(size=(4, 3))       # float64 in
    A = layer.forward(X)
    dX = layer.backward(np.ones((4, 2), dtype=np.float32))
    for array in (layer.W, layer.b, A, layer.Z, layer.dW, layer.db, dX):
        assert array.dtype == np.float32


def test_dtype_can_be_given_as_a_numpy_type():
    assert Dense(2, 2, dtype=np.float32).W.dtype == np.float32


# --- setting W and b -------------------------------------------------------------------------

def test_setting_W_with_the_wrong_shape_errors_and_names_both_shapes():
    layer = Dense(3, 2)
    with pytest.raises(ValueError, match=r"W of Dense\(n_in=3, n_out=2\) has shape \(3, 2\), got an array of shape \(4, 2\)"):
        layer.W = np.ones((4, 2))


def test_setting_W_transposed_suggests_transposing():
    with pytest.raises(ValueError, match=r"try value\.T"):
        Dense(3, 2).W = np.ones((2, 3))


def test_setting_b_with_the_wrong_shape_or_nan_errors():
    layer = Dense(3, 2)
    with pytest.raises(ValueError, match=r"b of Dense\(n_in=3, n_out=2\) has shape \(2,\)"):
        layer.b = [1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="must be finite"):
        layer.b = [1.0, np.nan]
    with pytest.raises(TypeError, match="must hold numbers"):
        layer.b = ["a", "b"]


def test_setting_W_copies_the_values_in():
    layer = Dense(1, 2)
    new = np.array([[3.0, 4.0]])
    layer.W = new
    new[0, 0] = 100.0
    np.testing.assert_array_equal(layer.W, [[3.0, 4.0]])


def test_setting_W_by_assignment_keeps_the_network_training_it():
    net = Network([Dense(2, 3, "tanh", seed=0), Dense(3, 1, "sigmoid", seed=1)])
    layer = net.layers[0]
    W_before = layer.W
    layer.W = np.full((2, 3), 0.5)
    # the values are copied into the layer's own array, which the network's parameters() hold ...
    assert layer.W is W_before and net.parameters()[0][0] is W_before
    # ... so an optimiser step moves the new weights
    X = np.random.default_rng(0).normal(size=(8, 2))
    y = np.arange(8) % 2
    net.gradients(X, y)
    expected = 0.5 - 0.1 * layer.dW
    SGD(lr=0.1).step(net)
    np.testing.assert_allclose(layer.W, expected, rtol=1e-15)
    assert not np.allclose(layer.W, 0.5)


def test_a_layer_keeps_its_weights_when_put_into_a_network():
    layer = Dense(2, 3, seed=4)
    before = layer.W.copy(), layer.b.copy()
    Network([layer])
    np.testing.assert_array_equal(layer.W, before[0])
    np.testing.assert_array_equal(layer.b, before[1])


def test_parameters_pairs_each_array_with_its_gradient():
    layer = Dense(2, 3)
    (W, dW), (b, db) = layer.parameters()
    assert W is layer.W and dW is layer.dW and b is layer.b and db is layer.db

"""Tests of dlcore.network: forward, backpropagation, predictions, description, saving and loading."""

import json
import os
import pickle
import warnings

import numpy as np
import pytest

from dlcore import Dense, Network, gradcheck, train


def _tiny_net(output="identity"):
    """The 2-2-1 network worked by hand below."""
    hidden, out = Dense(2, 2, "relu"), Dense(2, 1, output)
    hidden.W = [[1.0, -1.0],
                [2.0, 0.5]]
    hidden.b = [0.0, 1.0]
    out.W = [[1.0],
             [-2.0]]
    out.b = [0.5]
    return Network([hidden, out])


def _labels_for(net, rng, n_samples):
    """Random targets that suit the network's cost."""
    if net.loss.name == "mse":
        return rng.normal(size=(n_samples, net.n_out))
    if net.loss.name == "bce" and net.n_out > 1:
        return rng.integers(0, 2, size=(n_samples, net.n_out)).astype(float)
    return rng.integers(0, max(2, net.n_out), n_samples)


# --- forward by hand ---------------------------------------------------------------------

def test_forward_of_a_2_2_1_network_by_hand():
    net = _tiny_net()
    X = np.array([[1.0, 2.0],
                  [-1.0, 0.0]])
    # sample 1: z1 = (1*1 + 2*2 + 0, 1*-1 + 2*0.5 + 1) = (5, 1); relu (5, 1); z2 = 5 - 2 + 0.5 = 3.5
    # sample 2: z1 = (-1 + 0 + 0, 1 + 0 + 1) = (-1, 2); relu (0, 2); z2 = 0 - 4 + 0.5 = -3.5
    np.testing.assert_array_equal(net.forward(X), [[3.5], [-3.5]])
    np.testing.assert_array_equal(net.layers[0].A, [[5.0, 1.0], [0.0, 2.0]])


def test_forward_with_a_sigmoid_output_by_hand():
    net = _tiny_net("sigmoid")
    # z2 = 3.5 for the first sample, as above
    np.testing.assert_allclose(net.forward(np.array([[1.0, 2.0]])), [[1 / (1 + np.exp(-3.5))]], rtol=1e-15)


def test_backpropagation_of_the_2_2_1_network_by_hand():
    net = _tiny_net()       # identity output, so the cost is mse
    # x = (1, 2), target 3: a2 = 3.5, C = (3.5 - 3)^2 = 0.25, dC/dz2 = 2 * 0.5 = 1
    cost = net.gradients(np.array([[1.0, 2.0]]), np.array([3.0]))
    assert cost == 0.25
    hidden, out = net.layers
    np.testing.assert_array_equal(out.dW, [[5.0], [1.0]])     # a1 * dz2
    np.testing.assert_array_equal(out.db, [1.0])
    # dA1 = dz2 * W2.T = (1, -2); both hidden z are positive, so dZ1 = (1, -2)
    np.testing.assert_array_equal(hidden.dW, [[1.0, -2.0], [2.0, -4.0]])  # x.T @ dZ1
    np.testing.assert_array_equal(hidden.db, [1.0, -2.0])


# --- backpropagation against finite differences ------------------------------------------------

ARCHITECTURES = [
    # hidden, output, loss, n_out
    ("relu", "sigmoid", None, 1),
    ("tanh", "sigmoid", None, 1),
    ("sigmoid", "softmax", None, 3),
    ("relu", "softmax", None, 4),
    ("leaky_relu", "identity", None, 2),
    ("tanh", "sigmoid", "mse", 2),
    ("relu", "softmax", "mse", 3),
    ("sigmoid", "sigmoid", "bce", 3),
    ("identity", "tanh", "mse", 1),
]


@pytest.mark.parametrize("hidden, output, loss, n_out", ARCHITECTURES)
@pytest.mark.parametrize("seed", range(3))
def test_backpropagation_matches_gradcheck(hidden, output, loss, n_out, seed):
    rng = np.random.default_rng(seed)
    sizes = [int(rng.integers(1, 6))] + [int(rng.integers(1, 7)) for _ in range(rng.integers(1, 3))] + [n_out]
    net = Network.from_sizes(sizes, hidden=hidden, output=output, loss=loss, seed=seed)
    for layer in net.layers:            # nonzero biases keep relu's kink away from z = 0
        layer.b = rng.normal(size=layer.n_out)
    n_samples = int(rng.integers(1, 9))
    X = rng.normal(size=(n_samples, sizes[0]))
    report = gradcheck(net, X, _labels_for(net, rng, n_samples))
    assert report.max_rel_error < 1e-7, str(report)


def test_gradients_returns_the_cost_of_the_batch():
    net = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    X = np.random.default_rng(1).normal(size=(6, 3))
    y = np.array([0, 1, 1, 0, 1, 0])
    assert net.gradients(X, y) == pytest.approx(net.cost(X, y), rel=1e-15)


def test_backward_passes_no_gradient_back_from_the_first_layer():
    net = Network.from_sizes([2, 3, 1], seed=0)
    passed_back = []
    for layer in net.layers:
        original = layer.backward_from_dZ

        def spy(dZ, original=original, **kwargs):
            dX = original(dZ, **kwargs)
            passed_back.append(dX is not None)
            return dX
        layer.backward_from_dZ = spy
    net.gradients(np.ones((4, 2)), np.array([0, 1, 1, 0]))
    assert passed_back == [True, False]           # the output layer first, then the first layer: no dX


def test_backward_needs_the_target_matrix_and_says_how_to_make_it():
    net = Network.from_sizes([2, 3, 2], output="softmax", seed=0)
    net.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"shape \(4, 2\).*T = net\.targets\(y\)"):
        net.backward(np.array([0, 1, 1, 0]))


def test_backward_before_forward_is_a_clear_error():
    with pytest.raises(RuntimeError, match="Call forward first"):
        Network.from_sizes([2, 3, 1], seed=0).backward(np.ones((4, 1)))


# --- sizes, description -------------------------------------------------------------------------

def test_parameter_count():
    # [2, 8, 8, 1]: (2*8 + 8) + (8*8 + 8) + (8*1 + 1) = 24 + 72 + 9 = 105
    net = Network.from_sizes([2, 8, 8, 1], seed=0)
    assert net.n_params == 105
    assert sum(p.size for p, _ in net.parameters()) == 105
    assert sum(p.size for p, _ in net.parameters() if p.ndim == 2) == 2 * 8 + 8 * 8 + 8


def test_sizes_n_in_n_out():
    net = Network.from_sizes([4, 5, 3], output="softmax", seed=0)
    assert net.sizes == [4, 5, 3] and net.n_in == 4 and net.n_out == 3


def test_repr_mentions_sizes_activations_cost_and_parameter_count():
    text = repr(Network.from_sizes([2, 8, 1], hidden="relu", output="sigmoid", seed=0))
    assert text == "Network(2 → 8 → 1; relu, sigmoid; cost='bce'; 33 parameters)"


def test_summary_lists_every_layer_and_the_total():
    text = Network.from_sizes([784, 30, 10], hidden="sigmoid", output="softmax", seed=0).summary()
    assert "784 → 30" in text and "30 → 10" in text
    assert "23,550" in text and "310" in text        # 784*30 + 30 and 30*10 + 10
    assert "23,860" in text                            # the total
    assert "cost: cross_entropy, dtype: float64" in text


@pytest.mark.parametrize("output, n_out, expected", [
    ("sigmoid", 1, "bce"), ("softmax", 3, "cross_entropy"), ("identity", 2, "mse"), ("tanh", 1, "mse"),
])
def test_default_cost_follows_the_output_activation(output, n_out, expected):
    assert Network.from_sizes([2, n_out], output=output, seed=0).loss.name == expected


def test_from_sizes_with_the_same_seed_builds_the_same_network():
    a = Network.from_sizes([3, 5, 2], output="softmax", seed=11)
    b = Network.from_sizes([3, 5, 2], output="softmax", seed=11)
    c = Network.from_sizes([3, 5, 2], output="softmax", seed=12)
    for (pa, _), (pb, _), (pc, _) in zip(a.parameters(), b.parameters(), c.parameters()):
        np.testing.assert_array_equal(pa, pb)
    assert not np.array_equal(a.layers[0].W, c.layers[0].W)
    # the layers draw from one generator in turn, so they differ from each other
    assert not np.array_equal(a.layers[0].W[:2, :2], a.layers[1].W[:2, :2])


def test_from_sizes_uses_hidden_and_output_activations():
    net = Network.from_sizes([2, 4, 4, 3], hidden="tanh", output="softmax", seed=0)
    assert [layer.activation.name for layer in net.layers] == ["tanh", "tanh", "softmax"]


# --- predictions ---------------------------------------------------------------------------------

def _with_output_bias(net, b):
    net.layers[-1].W = np.zeros_like(net.layers[-1].W)
    net.layers[-1].b = b
    return net


def test_predict_with_a_sigmoid_output_thresholds_at_one_half():
    X = np.zeros((3, 2))
    assert _with_output_bias(Network.from_sizes([2, 1], seed=0), [0.0]).predict(X).tolist() == [1, 1, 1]  # 0.5 -> 1
    y_hat = _with_output_bias(Network.from_sizes([2, 1], seed=0), [-0.1]).predict(X)
    assert y_hat.tolist() == [0, 0, 0] and y_hat.dtype == np.int64


def test_predict_with_a_sigmoid_output_by_hand():
    net = _tiny_net("sigmoid")
    # z2 = 3.5 and -3.5 (see the forward test): classes 1 and 0
    np.testing.assert_array_equal(net.predict(np.array([[1.0, 2.0], [-1.0, 0.0]])), [1, 0])


def test_predict_with_a_softmax_output_is_the_largest_output():
    net = _with_output_bias(Network.from_sizes([2, 3], output="softmax", seed=0), [0.1, 2.0, -1.0])
    np.testing.assert_array_equal(net.predict(np.ones((2, 2))), [1, 1])
    np.testing.assert_allclose(net.predict_proba(np.ones((2, 2))).sum(axis=1), 1.0)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_predict_proba_in_slices_gives_the_outputs_of_one_forward_pass(output):
    net = Network.from_sizes([2, 5, 3 if output == "softmax" else 1], output=output, seed=0)
    n = 2 * net.PREDICT_ROWS + 17                 # two whole slices and a short one
    X = np.random.default_rng(0).normal(size=(n, 2))
    A = net.predict_proba(X)
    last = net.layers[-1].A.copy()                # the layers keep the values of the last slice
    assert A.shape == (n, net.n_out) and A.flags.c_contiguous
    np.testing.assert_array_equal(last, net.forward(X[-17:]))
    np.testing.assert_allclose(A, net.forward(X), rtol=1e-12)
    labels = (A[:, 0] >= 0.5) if net.n_out == 1 else A.argmax(axis=1)
    np.testing.assert_array_equal(net.predict(X), labels)


def test_predict_for_regression_returns_the_raw_outputs():
    net = _tiny_net()
    y_hat = net.predict(np.array([[1.0, 2.0], [-1.0, 0.0]]))
    assert y_hat.shape == (2,)
    np.testing.assert_array_equal(y_hat, [3.5, -3.5])
    two = Network.from_sizes([2, 2], output="identity", seed=0)
    assert two.predict(np.ones((4, 2))).shape == (4, 2)


def test_accuracy_by_hand():
    net = _tiny_net("sigmoid")
    X = np.array([[1.0, 2.0], [-1.0, 0.0], [1.0, 2.0], [-1.0, 0.0]])
    # predictions 1, 0, 1, 0 against labels 1, 0, 0, 0: three of four right
    assert net.accuracy(X, [1, 0, 0, 0]) == 0.75


def test_cost_of_the_tiny_network_by_hand():
    net = _tiny_net()
    # outputs 3.5 and -3.5 against 3 and -3: errors 0.5 and -0.5, mean square 0.25
    assert net.cost(np.array([[1.0, 2.0], [-1.0, 0.0]]), np.array([3.0, -3.0])) == 0.25


# --- saving and loading -------------------------------------------------------------------------

def _trained_looking(sizes, dtype="float64", **kwargs):
    net = Network.from_sizes(sizes, seed=3, dtype=dtype, **kwargs)
    rng = np.random.default_rng(3)
    for layer in net.layers:
        layer.b = rng.normal(size=layer.n_out)
    return net


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_save_and_load_round_trip_exactly(tmp_path, dtype):
    net = _trained_looking([3, 7, 5, 4], dtype=dtype, hidden="tanh", output="softmax", init="uniform")
    path = tmp_path / "net.npz"
    net.save(path)
    loaded = Network.load(path)
    assert loaded.sizes == net.sizes and loaded.dtype == np.dtype(dtype)
    assert [layer.activation.name for layer in loaded.layers] == ["tanh", "tanh", "softmax"]
    assert [layer.init for layer in loaded.layers] == ["uniform"] * 3
    assert loaded.loss.name == "cross_entropy"
    for a, b in zip(net.layers, loaded.layers):
        assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b)
        assert b.W.dtype == np.dtype(dtype)
    X = np.random.default_rng(0).normal(size=(10, 3))
    assert np.array_equal(net.predict_proba(X), loaded.predict_proba(X))


def test_load_weights_into_the_same_architecture(tmp_path):
    net = _trained_looking([2, 4, 1])
    net.save(tmp_path / "net.npz")
    other = Network.from_sizes([2, 4, 1], seed=99)
    other.load_weights(tmp_path / "net.npz")
    for a, b in zip(net.layers, other.layers):
        assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b)
    # loaded in place: an optimiser that already holds the arrays (its momentum) moves the loaded weights
    assert other.parameters()[0][0] is other.layers[0].W


def test_save_keeps_a_chosen_cost(tmp_path):
    net = _trained_looking([2, 3], output="sigmoid", loss="mse")
    net.save(tmp_path / "net.npz")
    assert Network.load(tmp_path / "net.npz").loss.name == "mse"


def test_load_weights_into_another_architecture_names_both(tmp_path):
    Network.from_sizes([2, 8, 1], seed=0).save(tmp_path / "small.npz")
    other = Network.from_sizes([2, 16, 1], seed=0)
    with pytest.raises(ValueError, match=r"different architecture.*\[2, 8, 1\].*\[2, 16, 1\].*Network\.load"):
        other.load_weights(tmp_path / "small.npz")


def test_load_weights_notices_different_activations(tmp_path):
    Network.from_sizes([2, 4, 1], hidden="relu", seed=0).save(tmp_path / "relu.npz")
    with pytest.raises(ValueError, match=r"\['relu', 'sigmoid'\].*\['tanh', 'sigmoid'\]"):
        Network.from_sizes([2, 4, 1], hidden="tanh", seed=0).load_weights(tmp_path / "relu.npz")


def _random_bytes(path):
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 500, dtype=np.uint8).tobytes())


def _truncated(path):
    Network.from_sizes([2, 8, 1], seed=0).save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _without_architecture(path):
    np.savez(path, W0=np.ones((2, 1)), b0=np.zeros(1))


def _unknown_format(path):
    np.savez(path, architecture=np.array('{"format": "something-else"}'), W0=np.ones((2, 1)))


def _missing_weights(path):
    net = Network.from_sizes([2, 3, 1], seed=0)
    np.savez(path, architecture=np.array(json.dumps(net._architecture())), W0=net.layers[0].W)


def _empty(path):
    path.write_bytes(b"")


@pytest.mark.parametrize("damage", [_random_bytes, _truncated, _without_architecture, _unknown_format, _empty])
def test_a_corrupt_file_gives_a_value_error_that_says_to_save_again(tmp_path, damage):
    path = tmp_path / "weights.npz"
    damage(path)
    with pytest.raises(ValueError, match=r"Save it again with net\.save\(path\)") as err:
        Network.load(path)
    assert str(path) in str(err.value)
    with pytest.raises(ValueError, match=r"Save it again"):
        Network.from_sizes([2, 8, 1], seed=0).load_weights(path)


def test_a_file_with_missing_weights_is_reported_as_damaged(tmp_path):
    path = tmp_path / "weights.npz"
    _missing_weights(path)
    with pytest.raises(ValueError, match=r"is damaged: b0 is missing or has the wrong shape"):
        Network.load(path)


def test_a_file_with_nan_weights_says_training_diverged(tmp_path):
    net = Network.from_sizes([2, 1], seed=0)
    path = tmp_path / "nan.npz"
    net.save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["W0"][0, 0] = np.nan
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match="NaN or infinite weights in W0.*diverged"):
        Network.load(path)


def test_a_missing_file_is_a_file_not_found_error_that_names_it(tmp_path):
    path = tmp_path / "nowhere.npz"
    with pytest.raises(FileNotFoundError, match="No weights file at .*nowhere.npz.*net.save"):
        Network.load(path)


class _Trap:
    """Unpickling this object creates a folder: proof that pickled data was run."""

    def __init__(self, folder):
        self.folder = folder

    def __reduce__(self):
        return (os.mkdir, (self.folder,))


def test_loading_never_unpickles_an_object_array_in_an_npz(tmp_path):
    folder = str(tmp_path / "unpickled")
    for key in ("architecture", "W0"):
        path = tmp_path / f"trap_{key}.npz"
        arrays = {"architecture": np.array('{"format": "dlcore-network-1"}'), "W0": np.ones((2, 1))}
        arrays[key] = np.array([_Trap(folder)], dtype=object)
        np.savez(path, **arrays)
        with pytest.raises(ValueError, match="Save it again"):
            Network.load(path)
        assert not os.path.exists(folder)


def test_loading_never_unpickles_a_pickle_file(tmp_path):
    folder = str(tmp_path / "unpickled")
    path = tmp_path / "weights.npz"
    path.write_bytes(pickle.dumps(_Trap(folder)))
    with pytest.raises(ValueError, match="Save it again"):
        Network.load(path)
    assert not os.path.exists(folder)


# --- building networks -------------------------------------------------------------------------

def test_parameters_are_the_layers_own_arrays_after_backward():
    net = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    net.gradients(np.ones((5, 3)), np.array([0, 1, 1, 0, 1]))
    pairs = net.parameters()
    expected = [(layer.W, layer.dW) for layer in net.layers]
    assert all(p is w and g is dw for (p, g), (w, dw) in zip(pairs[::2], expected))
    assert all(p is layer.b and g is layer.db for (p, g), layer in zip(pairs[1::2], net.layers))


# --- learner mistakes found while reviewing dlcore ---

def test_save_and_load_with_a_path_without_npz_suffix(tmp_path):
    net = Network.from_sizes([2, 3, 1], seed=0)
    net.save(tmp_path / "weights")            # numpy writes weights.npz
    loaded = Network.load(tmp_path / "weights")
    assert np.array_equal(loaded.layers[0].W, net.layers[0].W)


def test_a_plain_npy_file_gives_a_value_error_that_says_to_save_again(tmp_path):
    path = tmp_path / "weights.npy"
    np.save(path, np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"Save it again with net\.save\(path\)"):
        Network.load(path)


def test_the_message_for_a_non_npz_file_never_suggests_unpickling(tmp_path):
    path = tmp_path / "weights.npz"
    path.write_bytes(b"not a zip file" * 20)
    with pytest.raises(ValueError) as err:
        Network.load(path)
    assert "allow_pickle" not in str(err.value) and "pickle.load" not in str(err.value)


def test_a_file_with_missing_weights_says_to_save_again(tmp_path):
    import json
    net = Network.from_sizes([2, 3, 1], seed=0)
    path = tmp_path / "weights.npz"
    np.savez(path, architecture=np.array(json.dumps(net._architecture())), W0=net.layers[0].W)
    with pytest.raises(ValueError, match=r"b0 is missing.*Save it again with net\.save\(path\)"):
        Network.load(path)


def test_a_layer_that_already_belongs_to_a_network_is_refused():
    layers = [Dense(2, 8, "relu", seed=0), Dense(8, 1, "sigmoid", seed=1)]
    Network(layers)
    with pytest.raises(ValueError, match=r"Layer 1, Dense\(8 → 1, sigmoid.*already belongs to another Network.*new Dense"):
        Network([Dense(2, 8, "relu"), layers[1]])


def test_a_network_refused_for_bad_sizes_leaves_its_layers_free():
    layer = Dense(3, 1, "sigmoid")
    with pytest.raises(ValueError, match="do not chain"):
        Network([Dense(2, 4), layer])
    Network([Dense(2, 3), layer])                 # the failed attempt did not claim it


def test_a_truncated_file_is_closed_after_the_error(tmp_path):
    path = tmp_path / "weights.npz"
    Network.from_sizes([2, 8, 1], seed=0).save(path)
    path.write_bytes(path.read_bytes()[:100])
    import gc
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        with pytest.raises(ValueError, match="Save it again"):
            Network.load(path)
        gc.collect()

"""Tests of dlcore.losses: values, gradients, the stable forms from logits, label helpers."""

import warnings

import numpy as np
import pytest

from dlcore import activations, losses, one_hot, to_labels

MSE, BCE, CE = losses.get("mse"), losses.get("bce"), losses.get("cross_entropy")
sigmoid = activations.sigmoid


def rel_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def numeric_grad(f, A, h=1e-6):
    """Central differences of the scalar function f at every entry of A."""
    G = np.zeros_like(A)
    for idx in np.ndindex(A.shape):
        E = np.zeros_like(A)
        E[idx] = h
        G[idx] = (f(A + E) - f(A - E)) / (2 * h)
    return G


def _random_case(name, rng, n_samples=6, n_out=3):
    """Outputs A, targets T and weighted sums Z suited to the cost ``name``."""
    if name == "mse":
        Z = rng.normal(size=(n_samples, n_out))
        return Z, Z, rng.normal(size=(n_samples, n_out))
    if name == "bce":
        Z = rng.normal(size=(n_samples, 1))
        return sigmoid(Z), Z, rng.integers(0, 2, size=(n_samples, 1)).astype(float)
    Z = rng.normal(size=(n_samples, n_out))
    return activations.softmax(Z), Z, one_hot(rng.integers(0, n_out, n_samples), n_out)



# --- hand-worked values -------------------------------------------------------------

def test_mse_hand_worked():
    # differences 1 - 0 = 1 and 2 - 4 = -2; squares 1 and 4; mean 2.5
    assert losses.mse([[1.0], [2.0]], [[0.0], [4.0]]) == 2.5


def test_mse_averages_over_samples_and_outputs():
    # differences 1, 1, 1, 3: squares 1, 1, 1, 9; mean over all four is 3
    assert losses.mse([[1.0, 1.0], [1.0, 3.0]], np.zeros((2, 2))) == 3.0


def test_bce_hand_worked():
    # -(ln 0.8 + ln(1 - 0.4)) / 2 = (0.22314355 + 0.51082562) / 2 = 0.36698459
    assert losses.binary_cross_entropy([[0.8], [0.4]], [[1.0], [0.0]]) == pytest.approx(0.3669845875, rel=1e-9)


def test_cross_entropy_hand_worked():
    # only the probability of the true class counts: -(ln 0.7 + ln 0.8) / 2 = 0.28990925
    A = [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]
    T = [[1, 0, 0], [0, 0, 1]]
    assert losses.cross_entropy(A, T) == pytest.approx(0.2899092476, rel=1e-9)


def test_a_perfect_prediction_costs_zero():
    assert losses.mse([[0.5]], [[0.5]]) == 0.0
    assert losses.cross_entropy([[1.0, 0.0]], [[1.0, 0.0]]) == 0.0


def test_bce_and_cross_entropy_of_a_certain_wrong_answer_are_large_but_finite():
    # log(0) is avoided by clipping at 1e-12: -ln(1e-12) = 27.63
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bce = losses.binary_cross_entropy([[0.0]], [[1.0]])
        ce = losses.cross_entropy([[0.0, 1.0]], [[1.0, 0.0]])
    assert bce == pytest.approx(-np.log(1e-12), rel=1e-6)
    assert ce == pytest.approx(-np.log(1e-12), rel=1e-6)


# --- gradients ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["mse", "bce", "cross_entropy"])
def test_grad_matches_central_differences(name):
    loss = losses.get(name)
    A, _, T = _random_case(name, np.random.default_rng(0))
    assert rel_error(loss.grad(A, T), numeric_grad(lambda A_: loss.value(A_, T), A)) < 1e-7


def test_mse_grad_by_hand():
    # C = mean((a - t)^2) over 2 numbers; dC/da = 2 (a - t) / 2 = a - t
    np.testing.assert_allclose(MSE.grad(np.array([[3.0], [1.0]]), np.array([[1.0], [1.0]])), [[2.0], [0.0]])


@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
def test_grad_Z_equals_the_chain_rule_through_the_output_activation(name):
    loss = losses.get(name)
    act = activations.get(loss.pairs_with)
    A, Z, T = _random_case(name, np.random.default_rng(1))
    chain = act.backward(loss.grad(A, T), Z, A)
    np.testing.assert_allclose(loss.grad_Z(A, T), chain, rtol=1e-10, atol=1e-15)


def test_mse_pairs_with_no_activation():
    # its dC/dZ goes through the activation's slope, which does not cancel
    assert MSE.pairs_with is None


def test_grad_Z_is_a_minus_t_over_n_for_cross_entropy():
    # two samples: dZ = (A - T) / 2
    A = np.array([[0.25, 0.75], [0.5, 0.5]])
    T = np.array([[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_allclose(CE.grad_Z(A, T), [[-0.375, 0.375], [0.25, -0.25]])


def test_grad_Z_of_bce_divides_by_every_output():
    # two samples, two sigmoid outputs: the cost averages 4 numbers, so dZ = (A - T) / 4
    A = np.array([[0.5, 0.5], [1.0, 0.0]])
    T = np.array([[1.0, 0.0], [0.0, 0.0]])
    np.testing.assert_allclose(BCE.grad_Z(A, T), [[-0.125, 0.125], [0.25, 0.0]])


def test_grad_Z_stays_whole_where_the_sigmoid_saturates():
    # a confidently wrong output (A rounds to exactly 1, target 0): the chain rule through
    # the sigmoid's slope A(1 - A) = 0 loses the gradient, grad_Z keeps it
    A = np.array([[1.0]], dtype=np.float32)
    T = np.array([[0.0]], dtype=np.float32)
    assert BCE.grad_Z(A, T)[0, 0] == 1.0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_grad_Z_keeps_the_dtype(dtype):
    A = np.full((4, 1), 0.5, dtype=dtype)
    T = np.ones((4, 1), dtype=dtype)
    assert BCE.grad_Z(A, T).dtype == dtype


# --- values from logits -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
def test_value_from_logits_equals_value_of_the_activation(name):
    loss = losses.get(name)
    A, Z, T = _random_case(name, np.random.default_rng(2), n_samples=10)
    assert loss.value_from_logits(Z, T) == pytest.approx(loss.value(A, T), rel=1e-12)


def test_bce_from_logits_stays_finite_and_exact_at_1000():
    # per sample: right and sure -> 0, wrong and sure -> |z| = 1000; mean of 0, 0, 1000, 1000 is 500
    Z = np.array([[1000.0], [-1000.0], [1000.0], [-1000.0]])
    T = np.array([[1.0], [0.0], [0.0], [1.0]])
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        value = BCE.value_from_logits(Z, T)
    assert value == 500.0


def test_cross_entropy_from_logits_stays_finite_and_exact_at_1000():
    # row 1: log(e^1000 + e^0 + e^-1000) - 0 = 1000; row 2: the true class has the largest z, cost 0
    Z = np.array([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 0.0]])
    T = np.array([[0.0, 1.0, 0.0], [0.0, 1.0, 0.0]])
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        value = CE.value_from_logits(Z, T)
    assert value == 500.0


# --- label helpers -----------------------------------------------------------------------------

def test_one_hot_hand_worked():
    np.testing.assert_array_equal(one_hot([0, 2, 1]), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])


def test_one_hot_and_to_labels_round_trip():
    y = np.random.default_rng(3).integers(0, 5, 40)
    Y = one_hot(y, 5)
    assert Y.shape == (40, 5) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y.sum(axis=1), 1.0)
    labels = to_labels(Y)
    assert labels.dtype == np.int64
    np.testing.assert_array_equal(labels, y)


def test_one_hot_with_more_classes_than_seen_and_another_dtype():
    Y = one_hot([1, 0], n_classes=4, dtype=np.float32)
    assert Y.dtype == np.float32
    np.testing.assert_array_equal(Y, [[0, 1, 0, 0], [1, 0, 0, 0]])


def test_one_hot_rejects_labels_beyond_n_classes():
    with pytest.raises(ValueError, match=r"must lie in 0\.\.1"):
        one_hot([0, 2], n_classes=2)


def test_to_labels_takes_the_largest_score_of_each_row():
    np.testing.assert_array_equal(to_labels([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]), [1, 0])


def test_to_labels_says_integer_labels_need_no_conversion():
    with pytest.raises(ValueError, match="Integer labels need no conversion"):
        to_labels([0, 1, 1])


# --- targets(): what learners pass in, turned into T ----------------------------------------

def test_cross_entropy_targets_from_integer_labels_one_hot_rows_and_a_column():
    expected = [[1, 0, 0], [0, 0, 1]]
    np.testing.assert_array_equal(CE.targets(np.array([0, 2]), 3), expected)
    np.testing.assert_array_equal(CE.targets(np.array([[1, 0, 0], [0, 0, 1]]), 3), expected)
    np.testing.assert_array_equal(CE.targets(np.array([[0], [2]]), 3), expected)
    np.testing.assert_array_equal(CE.targets([0.0, 2.0], 3), expected)


def test_cross_entropy_targets_reject_rows_that_are_not_one_hot():
    with pytest.raises(ValueError, match="not one-hot with 3 columns"):
        CE.targets(np.array([[0.5, 0.5, 0.0]]), 3)


def test_bce_targets_are_a_column_of_zeros_and_ones():
    T = BCE.targets([1, 0, 1], 1)
    assert T.shape == (3, 1) and T.dtype == np.float64
    np.testing.assert_array_equal(T[:, 0], [1, 0, 1])
    np.testing.assert_array_equal(BCE.targets(np.array([[1], [0]]), 1), [[1], [0]])
    np.testing.assert_array_equal(BCE.targets(np.array([True, False]), 1), [[1], [0]])


def test_bce_with_several_sigmoid_outputs_takes_one_column_per_output():
    Y = np.array([[1, 0], [1, 1]])
    np.testing.assert_array_equal(BCE.targets(Y, 2), Y)


def test_mse_targets_turn_a_vector_into_a_column_and_keep_a_matrix():
    np.testing.assert_array_equal(MSE.targets([0.5, 1.5], 1), [[0.5], [1.5]])
    Y = np.arange(6.0).reshape(3, 2)
    np.testing.assert_array_equal(MSE.targets(Y, 2), Y)


@pytest.mark.parametrize("loss", [MSE, BCE, CE], ids=lambda loss: loss.name)
def test_targets_come_in_the_requested_dtype(loss):
    n_out = 2 if loss is CE else 1
    assert loss.targets(np.array([0, 1, 1]), n_out, dtype=np.float32).dtype == np.float32


def test_mse_targets_reject_nan_and_text():
    with pytest.raises(ValueError, match="NaN or infinite"):
        MSE.targets([0.0, np.nan], 1)
    with pytest.raises(TypeError, match=r"needs numbers as targets, got text labels"):
        MSE.targets(["a", "b"], 1)


# --- lookup by name ----------------------------------------------------------------------------

def test_get_accepts_long_names_and_loss_objects():
    assert losses.get("binary_cross_entropy") is BCE
    assert losses.get("Mean-Squared-Error") is MSE
    assert losses.get("categorical_cross_entropy") is CE
    assert losses.get(CE) is CE


@pytest.mark.parametrize("typo, suggestion", [
    ("binary_crossentropy", "binary_cross_entropy"),           # the Keras spelling
    ("categorical_crossentropy", "categorical_cross_entropy"),
    ("crossentropy", "cross_entropy"),
    ("mes", "mse"),
])
def test_get_suggests_the_closest_cost_for_a_typo(typo, suggestion):
    with pytest.raises(ValueError, match=rf"Unknown cost function '{typo}'\. Did you mean '{suggestion}'\?"):
        losses.get(typo)


def test_loss_is_callable_and_has_a_readable_repr():
    assert MSE(np.array([[1.0]]), np.array([[0.0]])) == 1.0
    assert repr(CE) == "CrossEntropy()"


# --- the cost of an output layer: the exact route for each pairing ------------------------------

@pytest.mark.parametrize("name", ["bce", "cross_entropy"])
@pytest.mark.parametrize("scale", [1.0, 30.0, 1000.0])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_value_at_output_equals_the_value_from_logits_even_far_out(name, scale, dtype):
    # scale 1000: some outputs round to exactly 0 or 1, where -log a alone is lost
    loss = losses.get(name)
    act = activations.get(loss.pairs_with)
    rng = np.random.default_rng(3)
    Z = (scale * rng.normal(size=(8, 1 if name == "bce" else 4))).astype(dtype)
    T = (rng.integers(0, 2, Z.shape) if name == "bce" else np.eye(4)[rng.integers(0, 4, 8)]).astype(dtype)
    with np.errstate(under="ignore"):
        A = act(Z)
        value = loss.value_at_output(Z, A, T)
    expected = loss.value_from_logits(Z.astype(np.float64), T.astype(np.float64))
    assert np.isfinite(value)
    assert value == pytest.approx(expected, rel=1e-5 if dtype == np.float32 else 1e-12)


def test_cross_entropy_at_output_takes_the_logits_only_when_a_target_probability_is_lost():
    Z = np.array([[0.0, 800.0], [1.0, 0.0]])         # row 1: the target's probability is e^-800, below float64's range
    A = activations.softmax(Z)
    T = np.array([[1.0, 0.0], [1.0, 0.0]])
    assert A[0, 0] == 0.0
    assert CE.value_at_output(Z, A, T) == pytest.approx((800.0 + np.log1p(np.exp(-1.0))) / 2, rel=1e-12)
    # a lost probability of another class changes nothing: -log a of the target is exact
    T2 = np.array([[0.0, 1.0], [1.0, 0.0]])
    assert CE.value_at_output(Z, A, T2) == pytest.approx(CE.value_from_logits(Z, T2), rel=1e-12)

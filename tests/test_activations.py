"""Tests of dlcore.activations: values, derivatives, numerical safety, lookup by name."""

import warnings

import numpy as np
import pytest

from dlcore import activations
from dlcore.activations import (
    identity, leaky_relu, leaky_relu_grad, relu, relu_grad, sigmoid, sigmoid_grad, softmax,
    softmax_backward, step, step_grad, tanh, tanh_grad,
)

ELEMENTWISE = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]


def rel_error(a, b):
    """Relative error of two arrays as a whole: |a - b| / (|a| + |b|)."""
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def _away_from_kink(Z):
    """Move entries closer than 1e-3 to 0 away from it (relu's slope jumps at 0)."""
    return np.where(np.abs(Z) < 1e-3, 0.5, Z)


# --- hand-worked values ---------------------------------------------------------

def test_sigmoid_at_hand_worked_points():
    # sigmoid(0) = 1 / (1 + 1) = 0.5;  sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4;  sigmoid(-ln 3) = 1/4
    np.testing.assert_allclose(sigmoid(np.array([0.0, np.log(3), -np.log(3)])), [0.5, 0.75, 0.25], rtol=1e-15)


def test_sigmoid_grad_is_a_times_one_minus_a():
    # at z = ln 3: a = 3/4, a (1 - a) = 3/16;  at z = 0: 1/4, the largest slope
    np.testing.assert_allclose(sigmoid_grad(np.array([np.log(3), 0.0])), [3 / 16, 0.25], rtol=1e-15)


def test_tanh_at_hand_worked_points():
    # tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6;  tanh'(ln 2) = 1 - 0.36 = 0.64
    np.testing.assert_allclose(tanh(np.array([np.log(2), 0.0])), [0.6, 0.0], atol=1e-15)
    np.testing.assert_allclose(tanh_grad(np.array([np.log(2), 0.0])), [0.64, 1.0], rtol=1e-14)


def test_relu_passes_positives_and_blocks_negatives():
    np.testing.assert_array_equal(relu(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])


def test_relu_grad_is_zero_for_negative_inputs_and_at_zero_and_one_for_positive():
    np.testing.assert_array_equal(relu_grad(np.array([-5.0, -1e-9, 0.0, 1e-9, 7.0])), [0, 0, 0, 1, 1])


def test_leaky_relu_scales_negatives_by_the_slope():
    # -2 * 0.01 = -0.02; positives unchanged
    np.testing.assert_allclose(leaky_relu(np.array([-2.0, 3.0])), [-0.02, 3.0], rtol=1e-15)
    np.testing.assert_array_equal(leaky_relu_grad(np.array([-2.0, 0.0, 3.0])), [0.01, 0.01, 1.0])


def test_step_is_one_from_zero_up_and_its_slope_is_zero_everywhere():
    Z = np.array([-1.0, -1e-12, 0.0, 2.0])
    np.testing.assert_array_equal(step(Z), [0, 0, 1, 1])
    np.testing.assert_array_equal(step_grad(Z), [0, 0, 0, 0])


def test_identity_returns_a_copy_not_the_input():
    Z = np.array([1.0, -2.0])
    A = identity(Z)
    A[0] = 99.0
    assert Z[0] == 1.0
    np.testing.assert_array_equal(activations.identity_grad(Z), [1.0, 1.0])


def test_softmax_of_log_1_2_3_is_one_two_three_sixths():
    # e^0, e^ln2, e^ln3 = 1, 2, 3; their sum is 6
    Z = np.log(np.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(softmax(Z), [[1 / 6, 2 / 6, 3 / 6]], rtol=1e-15)


def test_integer_inputs_give_float_outputs():
    Z = np.array([-1, 0, 2])
    for name in ["identity", "sigmoid", "relu", "step"]:
        A = activations.get(name)(Z)
        assert A.dtype == np.float64, name
    np.testing.assert_array_equal(relu(Z), [0.0, 0.0, 2.0])


# --- derivatives against central differences -----------------------------------

@pytest.mark.parametrize("name", ELEMENTWISE)
def test_derivative_matches_central_differences(name):
    act = activations.get(name)
    rng = np.random.default_rng(0)
    Z = _away_from_kink(rng.uniform(-3, 3, size=(20, 7)))
    h = 1e-6
    numeric = (act(Z + h) - act(Z - h)) / (2 * h)
    assert rel_error(act.grad(Z, act(Z)), numeric) < 1e-7
    # without A, grad computes it itself and gives the same numbers
    np.testing.assert_array_equal(act.grad(Z), act.grad(Z, act(Z)))


@pytest.mark.parametrize("name", ELEMENTWISE + ["softmax"])
def test_backward_matches_central_differences_of_a_weighted_sum(name):
    # C = sum(R * a(Z)), so dC/dA = R and backward must return dC/dZ
    act = activations.get(name)
    rng = np.random.default_rng(1)
    Z = _away_from_kink(rng.normal(0, 2, size=(6, 4)))
    R = rng.normal(size=Z.shape)
    dZ = act.backward(R, Z, act(Z))
    h = 1e-6
    numeric = np.zeros_like(Z)
    for idx in np.ndindex(Z.shape):
        E = np.zeros_like(Z)
        E[idx] = h
        numeric[idx] = (np.sum(R * act(Z + E)) - np.sum(R * act(Z - E))) / (2 * h)
    assert rel_error(dZ, numeric) < 1e-7


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_backward_is_dA_times_the_derivative(name):
    act = activations.get(name)
    rng = np.random.default_rng(2)
    Z = rng.normal(size=(5, 3))
    Z[0, 0] = 0.0  # the kink too: relu's shortcut must agree with relu_grad there
    dA = rng.normal(size=Z.shape)
    np.testing.assert_allclose(act.backward(dA, Z, act(Z)), dA * act.grad(Z, act(Z)), rtol=1e-15, atol=0)


def test_softmax_backward_equals_the_full_jacobian_product():
    rng = np.random.default_rng(3)
    Z = rng.normal(size=(4, 5))
    A = softmax(Z)
    dA = rng.normal(size=Z.shape)
    expected = np.empty_like(Z)
    for i in range(len(Z)):
        J = np.diag(A[i]) - np.outer(A[i], A[i])   # J[j, k] = a_j (delta_jk - a_k) = d a_j / d z_k
        expected[i] = dA[i] @ J                    # dZ_k = sum_j dA_j J[j, k]
    np.testing.assert_allclose(softmax_backward(dA, A), expected, rtol=1e-12, atol=1e-15)


def test_softmax_has_no_elementwise_grad_and_says_to_use_backward():
    act = activations.get("softmax")
    Z = np.array([[0.0, np.log(3)]])
    with pytest.raises(TypeError, match=r"no element-by-element derivative.*backward\(dA, Z, A\)"):
        act.grad(Z, act(Z))
    # backward still works: with dA = [1, 0], dZ = a_1 (e_1 - a) = 1/4 * [3/4, -3/4]
    np.testing.assert_allclose(act.backward(np.array([[1.0, 0.0]]), Z, act(Z)), [[3 / 16, -3 / 16]], rtol=1e-15)


# --- numerical safety --------------------------------------------------------------

def _no_warnings_or_float_errors(fn, *args):
    # Underflow (e^-2000 becoming exactly 0) is the right answer, and numpy
    # ignores it by default; overflow, 0/0 and division by zero must not happen.
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        return fn(*args)


def test_sigmoid_at_plus_minus_1000_is_exact_with_no_warning():
    Z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    A = _no_warnings_or_float_errors(sigmoid, Z)
    assert not np.isnan(A).any()
    assert A[0] == 0.0 and A[-1] == 1.0
    G = _no_warnings_or_float_errors(sigmoid_grad, Z)
    np.testing.assert_array_equal(G[[0, -1]], [0.0, 0.0])


def test_softmax_of_huge_inputs_has_no_warning_and_no_nan():
    Z = np.array([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1000.0], [1000.0, 1000.0, 0.0]])
    A = _no_warnings_or_float_errors(softmax, Z)
    assert np.isfinite(A).all()
    np.testing.assert_allclose(A, [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0]], atol=1e-15)


def test_tanh_and_leaky_relu_at_plus_minus_1000_have_no_warning():
    Z = np.array([-1000.0, 1000.0])
    np.testing.assert_array_equal(_no_warnings_or_float_errors(tanh, Z), [-1.0, 1.0])
    np.testing.assert_array_equal(_no_warnings_or_float_errors(tanh_grad, Z), [0.0, 0.0])
    np.testing.assert_allclose(_no_warnings_or_float_errors(leaky_relu, Z), [-10.0, 1000.0])


def test_softmax_rows_sum_to_one_and_ignore_a_constant_added_to_a_row():
    rng = np.random.default_rng(4)
    Z = rng.normal(0, 30, size=(50, 6))
    A = softmax(Z)
    np.testing.assert_allclose(A.sum(axis=1), 1.0, rtol=1e-14)
    assert (A >= 0).all()
    shift = rng.normal(0, 100, size=(50, 1))
    np.testing.assert_allclose(softmax(Z + shift), A, rtol=1e-9, atol=1e-15)


def test_softmax_works_along_the_last_axis_of_a_single_vector():
    np.testing.assert_allclose(softmax(np.array([0.0, 0.0])), [0.5, 0.5])


# --- dtypes --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ELEMENTWISE + ["softmax", "step"])
def test_float32_stays_float32_forward_and_backward(name):
    act = activations.get(name)
    Z = np.random.default_rng(5).normal(size=(4, 3)).astype(np.float32)
    A = act(Z)
    assert A.dtype == np.float32
    assert act.backward(np.ones_like(Z), Z, A).dtype == np.float32


# --- lookup by name -------------------------------------------------------------------

def test_get_suggests_the_closest_name_for_a_typo():
    with pytest.raises(ValueError, match=r"Unknown activation 'sigmod'\. Did you mean 'sigmoid'\?"):
        activations.get("sigmod")


def test_get_accepts_any_case_aliases_none_and_activation_objects():
    assert activations.get("ReLU").name == "relu"
    assert activations.get("linear").name == "identity"
    assert activations.get(None).name == "identity"
    act = activations.get("tanh")
    assert activations.get(act) is act
    assert repr(act) == "Activation('tanh')"


@pytest.mark.parametrize("name", ["identity", "step", "sigmoid", "tanh", "relu", "leaky_relu"])
def test_an_activation_of_one_number_is_one_number(name):
    f = getattr(activations, name)
    value = f(0.7)
    assert np.ndim(value) == 0 and not isinstance(value, np.ndarray)
    assert value == pytest.approx(float(f(np.array([0.7]))[0]))


def test_softmax_of_one_number_says_to_pass_a_row_of_scores():
    with pytest.raises(ValueError, match=r"row of scores.*softmax\(\[2.0, 1.0, 0.1\]\)"):
        activations.softmax(0.7)

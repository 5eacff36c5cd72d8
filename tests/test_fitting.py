"""dlcore.fitting: least-squares polynomials, ReLU pieces at fixed kinks, the Cantor staircase, the targets."""

import numpy as np
import pytest

from dlcore import fitting

X = np.linspace(-3, 3, 61)


# --- polynomial_fit and fit_error ----------------------------------------------------------

def test_polynomial_fit_recovers_a_parabola_from_three_exact_points():
    # x = 2, 3, 4 with y = x²: the only parabola through them is 1·x² + 0·x + 0
    coef = fitting.polynomial_fit([2.0, 3.0, 4.0], [4.0, 9.0, 16.0], 2)
    np.testing.assert_allclose(coef, [1.0, 0.0, 0.0], atol=1e-9)


def test_polynomial_fit_with_too_few_examples_still_passes_through_them():
    x, t = np.array([-1.0, 0.5]), np.array([2.0, -1.0])
    coef = fitting.polynomial_fit(x, t, 5)              # 6 coefficients, 2 examples: many exact fits
    np.testing.assert_allclose(np.polyval(coef, x), t, atol=1e-9)


def test_polynomial_fit_matches_numpy_least_squares():
    rng = np.random.default_rng(1)
    x, t = rng.uniform(-2, 2, 30), rng.normal(size=30)
    np.testing.assert_allclose(fitting.polynomial_fit(x, t, 3), np.polyfit(x, t, 3), atol=1e-9)


@pytest.mark.parametrize("degree", [-1, 1.5, True])
def test_polynomial_fit_rejects_a_degree_that_is_not_a_whole_number(degree):
    with pytest.raises(ValueError, match="degree must be a whole number"):
        fitting.polynomial_fit([0.0, 1.0], [0.0, 1.0], degree)


# --- relu_basis, even_kinks, fit_relu_pieces ----------------------------------------------

def test_relu_basis_hand_worked_example():
    # relu(x - 0.5) and relu(x - 1.5) at x = 0, 1, 2: (0, 0), (0.5, 0), (1.5, 0.5)
    np.testing.assert_allclose(fitting.relu_basis([0.0, 1.0, 2.0], [0.5, 1.5]),
                               [[0.0, 0.0], [0.5, 0.0], [1.5, 0.5]])


def test_relu_basis_accepts_a_column_of_inputs_and_a_single_kink():
    B = fitting.relu_basis(np.array([[-1.0], [2.0]]), 0.0)
    assert B.shape == (2, 1)
    np.testing.assert_allclose(B[:, 0], [0.0, 2.0])


def test_relu_basis_rejects_a_table_of_inputs():
    with pytest.raises(ValueError, match="1-D array of inputs"):
        fitting.relu_basis(np.zeros((4, 2)), [0.0])


def test_even_kinks_cut_the_range_into_equal_stretches_starting_at_the_left_end():
    np.testing.assert_allclose(fitting.even_kinks(3), [-3.0, -1.0, 1.0])
    np.testing.assert_allclose(fitting.even_kinks(1, (0, 1)), [0.0])
    np.testing.assert_allclose(fitting.even_kinks(4, (-2, 2)), [-2.0, -1.0, 0.0, 1.0])


@pytest.mark.parametrize("n_pieces", [0, -2, 1.5, True])
def test_even_kinks_rejects_a_number_of_pieces_that_is_not_a_positive_whole_number(n_pieces):
    with pytest.raises(ValueError, match="whole number of at least 1"):
        fitting.even_kinks(n_pieces)


def test_even_kinks_rejects_an_empty_range():
    with pytest.raises(ValueError, match="low < high"):
        fitting.even_kinks(4, (1.0, 1.0))


def test_fit_relu_pieces_recovers_an_exact_broken_line():
    # s(x) = 0.5 + 1·relu(x + 1) - 2·relu(x - 1): the fit must find exactly these numbers
    s = 0.5 + fitting.relu_basis(X, [-1.0, 1.0]) @ [1.0, -2.0]
    bias, weights = fitting.fit_relu_pieces(X, s, [-1.0, 1.0])
    assert bias == pytest.approx(0.5)
    np.testing.assert_allclose(weights, [1.0, -2.0], atol=1e-10)


def test_fit_relu_pieces_is_the_least_squares_solution():
    rng = np.random.default_rng(0)
    y = rng.normal(size=len(X))
    kinks = fitting.even_kinks(5)
    bias, weights = fitting.fit_relu_pieces(X, y, kinks)
    D = np.column_stack([np.ones_like(X), fitting.relu_basis(X, kinks)])
    coef, *_ = np.linalg.lstsq(D, y, rcond=None)
    np.testing.assert_allclose([bias, *weights], coef, atol=1e-10)
    # the residual is at right angles to every column: nothing left that the pieces could explain
    np.testing.assert_allclose(D.T @ (D @ coef - y), 0.0, atol=1e-9)


def test_fit_relu_pieces_rejects_mismatched_inputs_and_outputs():
    with pytest.raises(ValueError, match="one output per input"):
        fitting.fit_relu_pieces(X, X[:-1], [0.0])


# --- the Cantor staircase and the targets ---------------------------------------------------

def test_cantor_function_known_values():
    u = np.array([0.0, 1 / 9, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.0])
    # flat at 1/2 on the middle third, 1/4 at 1/9, and the classic C(1/4) = 1/3, C(3/4) = 2/3
    np.testing.assert_allclose(fitting.cantor_function(u), [0, 0.25, 1 / 3, 0.5, 0.5, 0.5, 2 / 3, 1.0],
                               atol=1e-9)


def test_cantor_function_is_increasing_and_self_similar():
    u = np.linspace(0, 1, 2001)
    c = fitting.cantor_function(u)
    assert np.all(np.diff(c) >= 0)
    # the left third is the whole staircase at half the height: C(u / 3) = C(u) / 2
    np.testing.assert_allclose(fitting.cantor_function(u / 3), c / 2, atol=1e-9)


def test_relu_targets_are_finite_curves_on_the_range():
    for name, (formula, f) in fitting.RELU_TARGETS.items():
        y = f(X)
        assert y.shape == X.shape and np.all(np.isfinite(y)), name
        assert isinstance(formula, str) and formula
    np.testing.assert_allclose(fitting.RELU_TARGETS["wave"][1](X), np.sin(X + 1) + 0.3 * X)


def test_relu_pieces_fit_error_falls_as_pieces_double():
    x = np.linspace(-3, 3, 301)
    errors = [fitting.relu_pieces_fit("wave", k, x)["error"] for k in (1, 2, 4, 8, 16, 32)]
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    # a smooth curve: once the stretches are short, each doubling divides the error by about 16
    assert 12 < errors[-2] / errors[-1] < 20


def test_relu_pieces_fit_returns_consistent_pieces():
    x = np.linspace(-3, 3, 301)
    fit = fitting.relu_pieces_fit("bumps", 6, x)
    assert fit["pieces"].shape == (301, 6)
    np.testing.assert_allclose(fit["y_hat"], fit["bias"] + fit["pieces"].sum(axis=1))
    assert fit["error"] == pytest.approx(np.mean((fit["y_hat"] - fit["y"]) ** 2))
    # |x| - 1 bends only at 0, which is a kink when the number of pieces is even
    assert fitting.relu_pieces_fit("kink", 2, x)["error"] < 1e-20
    assert fitting.relu_pieces_fit("kink", 3, x)["error"] > 1e-3


def test_relu_pieces_fit_rejects_an_unknown_target():
    with pytest.raises(ValueError, match="Unknown target 'sine'"):
        fitting.relu_pieces_fit("sine", 4, X)


def test_relu_target_gives_formula_and_function():
    formula, f = fitting.relu_target("smooth step")
    assert formula == "tanh(3x)"
    np.testing.assert_allclose(f(X), np.tanh(3 * X))
    with pytest.raises(ValueError, match="Unknown target 'sine'; choose one of \\['wave'"):
        fitting.relu_target("sine")


def test_fit_error_is_the_mean_squared_difference_on_the_grid():
    # differences 0, 1, -2 -> squares 0, 1, 4 -> mean 5/3
    assert fitting.fit_error([1.0, 3.0, 0.0], [1.0, 2.0, 2.0]) == pytest.approx(5 / 3, rel=1e-15)


def test_fit_error_refuses_curves_on_different_grids():
    with pytest.raises(ValueError, match=r"same grid, got shapes \(3,\) and \(2,\)"):
        fitting.fit_error([1.0, 2.0, 3.0], [1.0, 2.0])

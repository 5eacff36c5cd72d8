"""Chapter 3, building complex functions from simple ones: ReLU pieces, their fit, figures and the live panel."""

import re

import matplotlib.collections
import numpy as np
import pytest

from dlcore import plotting, widgets

X = np.linspace(-3, 3, 61)


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


# --- relu_basis, even_kinks, fit_relu_pieces ----------------------------------------------

def test_relu_basis_hand_worked_example():
    # relu(x - 0.5) and relu(x - 1.5) at x = 0, 1, 2: (0, 0), (0.5, 0), (1.5, 0.5)
    np.testing.assert_allclose(widgets.relu_basis([0.0, 1.0, 2.0], [0.5, 1.5]),
                               [[0.0, 0.0], [0.5, 0.0], [1.5, 0.5]])


def test_relu_basis_accepts_a_column_of_inputs_and_a_single_kink():
    B = widgets.relu_basis(np.array([[-1.0], [2.0]]), 0.0)
    assert B.shape == (2, 1)
    np.testing.assert_allclose(B[:, 0], [0.0, 2.0])


def test_relu_basis_rejects_a_table_of_inputs():
    with pytest.raises(ValueError, match="1-D array of inputs"):
        widgets.relu_basis(np.zeros((4, 2)), [0.0])


def test_even_kinks_cut_the_range_into_equal_stretches_starting_at_the_left_end():
    np.testing.assert_allclose(widgets.even_kinks(3), [-3.0, -1.0, 1.0])
    np.testing.assert_allclose(widgets.even_kinks(1, (0, 1)), [0.0])
    np.testing.assert_allclose(widgets.even_kinks(4, (-2, 2)), [-2.0, -1.0, 0.0, 1.0])


@pytest.mark.parametrize("n_pieces", [0, -2, 1.5, True])
def test_even_kinks_rejects_a_number_of_pieces_that_is_not_a_positive_whole_number(n_pieces):
    with pytest.raises(ValueError, match="whole number of at least 1"):
        widgets.even_kinks(n_pieces)


def test_even_kinks_rejects_an_empty_range():
    with pytest.raises(ValueError, match="low < high"):
        widgets.even_kinks(4, (1.0, 1.0))


def test_fit_relu_pieces_recovers_an_exact_broken_line():
    # s(x) = 0.5 + 1·relu(x + 1) - 2·relu(x - 1): the fit must find exactly these numbers
    s = 0.5 + widgets.relu_basis(X, [-1.0, 1.0]) @ [1.0, -2.0]
    bias, weights = widgets.fit_relu_pieces(X, s, [-1.0, 1.0])
    assert bias == pytest.approx(0.5)
    np.testing.assert_allclose(weights, [1.0, -2.0], atol=1e-10)


def test_fit_relu_pieces_is_the_least_squares_solution():
    rng = np.random.default_rng(0)
    y = rng.normal(size=len(X))
    kinks = widgets.even_kinks(5)
    bias, weights = widgets.fit_relu_pieces(X, y, kinks)
    D = np.column_stack([np.ones_like(X), widgets.relu_basis(X, kinks)])
    coef, *_ = np.linalg.lstsq(D, y, rcond=None)
    np.testing.assert_allclose([bias, *weights], coef, atol=1e-10)
    # the residual is at right angles to every column: nothing left that the pieces could explain
    np.testing.assert_allclose(D.T @ (D @ coef - y), 0.0, atol=1e-9)


def test_fit_relu_pieces_rejects_mismatched_inputs_and_outputs():
    with pytest.raises(ValueError, match="one output per input"):
        widgets.fit_relu_pieces(X, X[:-1], [0.0])


# --- the Cantor staircase and the targets ---------------------------------------------------

def test_cantor_function_known_values():
    u = np.array([0.0, 1 / 9, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.0])
    # flat at 1/2 on the middle third, 1/4 at 1/9, and the classic C(1/4) = 1/3, C(3/4) = 2/3
    np.testing.assert_allclose(widgets.cantor_function(u), [0, 0.25, 1 / 3, 0.5, 0.5, 0.5, 2 / 3, 1.0],
                               atol=1e-9)


def test_cantor_function_is_increasing_and_self_similar():
    u = np.linspace(0, 1, 2001)
    c = widgets.cantor_function(u)
    assert np.all(np.diff(c) >= 0)
    # the left third is the whole staircase at half the height: C(u / 3) = C(u) / 2
    np.testing.assert_allclose(widgets.cantor_function(u / 3), c / 2, atol=1e-9)


def test_relu_targets_are_finite_curves_on_the_range():
    for name, (formula, f) in widgets.RELU_TARGETS.items():
        y = f(X)
        assert y.shape == X.shape and np.all(np.isfinite(y)), name
        assert isinstance(formula, str) and formula
    np.testing.assert_allclose(widgets.RELU_TARGETS["wave"][1](X), np.sin(X + 1) + 0.3 * X)


def test_relu_pieces_fit_error_falls_as_pieces_double():
    x = np.linspace(-3, 3, 301)
    errors = [widgets.relu_pieces_fit("wave", k, x)["error"] for k in (1, 2, 4, 8, 16, 32)]
    assert all(later < earlier for earlier, later in zip(errors, errors[1:]))
    # a smooth curve: once the stretches are short, each doubling divides the error by about 16
    assert 12 < errors[-2] / errors[-1] < 20


def test_relu_pieces_fit_returns_consistent_pieces():
    x = np.linspace(-3, 3, 301)
    fit = widgets.relu_pieces_fit("bumps", 6, x)
    assert fit["pieces"].shape == (301, 6)
    np.testing.assert_allclose(fit["y_hat"], fit["bias"] + fit["pieces"].sum(axis=1))
    assert fit["error"] == pytest.approx(np.mean((fit["y_hat"] - fit["y"]) ** 2))
    # |x| - 1 bends only at 0, which is a kink when the number of pieces is even
    assert widgets.relu_pieces_fit("kink", 2, x)["error"] < 1e-20
    assert widgets.relu_pieces_fit("kink", 3, x)["error"] > 1e-3


def test_relu_pieces_fit_rejects_an_unknown_target():
    with pytest.raises(ValueError, match="Unknown target 'sine'"):
        widgets.relu_pieces_fit("sine", 4, X)


# --- plotting: draw_composition, plot_relu_pieces -------------------------------------------

def test_draw_composition_computes_and_labels_the_chain():
    ax = new_axes()
    values = plotting.draw_composition(ax, 2, [("g: add 1", lambda v: v + 1), ("f: square", lambda v: v ** 2)],
                                       names=["x", "g(x)", "f(g(x))"], title="first g, then f")
    assert values == [2.0, 3.0, 9.0]
    texts = [text.get_text() for text in ax.texts]
    for expected in ["2", "3", "9", "g: add 1", "f: square", "x", "g(x)", "f(g(x))"]:
        assert expected in texts
    arrows = [child for child in ax.get_children() if type(child).__name__ == "Annotation"]
    assert len(arrows) == 2
    assert ax.get_title() == "first g, then f"


def test_draw_composition_rejects_no_steps_and_wrong_names():
    with pytest.raises(ValueError, match="at least one step"):
        plotting.draw_composition(new_axes(), 1, [])
    with pytest.raises(ValueError, match="one caption per value"):
        plotting.draw_composition(new_axes(), 1, [("square", np.square)], names=["x"])


def test_plot_relu_pieces_draws_target_pieces_sum_and_kinks():
    ax = new_axes()
    kinks = widgets.even_kinks(4)
    pieces = widgets.relu_basis(X, kinks) * [1.0, -1.0, 0.5, 2.0]      # (61, 4)
    plotting.plot_relu_pieces(ax, X, np.sin(X), pieces, 0.25, kinks=kinks, title="four", ylim=(-3, 3))
    (collection,) = [c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection)]
    assert len(collection.get_segments()) == 4
    np.testing.assert_allclose(collection.get_segments()[1][:, 1], pieces[:, 1])
    target, bias_line, sum_line, marks = ax.lines[:4]
    assert target.get_linestyle() == "--"
    np.testing.assert_allclose(target.get_ydata(), np.sin(X))
    np.testing.assert_allclose(bias_line.get_ydata(), 0.25)
    np.testing.assert_allclose(sum_line.get_ydata(), 0.25 + pieces.sum(axis=1))
    np.testing.assert_allclose(marks.get_xdata(), kinks)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["target", "sum of the pieces", "4 pieces + a constant", "kinks"]
    assert ax.get_title() == "four" and ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_ylim() == (-3, 3)


def test_plot_relu_pieces_update_changes_the_number_of_pieces():
    ax = new_axes()
    update = plotting.plot_relu_pieces(ax, X, X, widgets.relu_basis(X, [0.0]))
    assert ax.get_legend().get_texts()[2].get_text() == "1 piece"
    kinks = widgets.even_kinks(8)
    update(X ** 2, widgets.relu_basis(X, kinks), bias=1.0, kinks=kinks, title="eight")
    collection = next(c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection))
    assert len(collection.get_segments()) == 8
    assert ax.get_legend().get_texts()[2].get_text() == "8 pieces + a constant"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), X ** 2)
    assert len(ax.lines[3].get_xdata()) == 8
    assert ax.get_title() == "eight"


def test_plot_relu_pieces_rejects_pieces_of_the_wrong_length():
    with pytest.raises(ValueError, match="n_points = 61"):
        plotting.plot_relu_pieces(new_axes(), X, X, np.zeros((60, 2)))


# --- the live panel ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def panel():
    return widgets.relu_pieces_explorer(target="wave", n_pieces=4)


def test_relu_pieces_explorer_has_the_two_controls(panel):
    assert set(panel.controls) == {"n_pieces", "target"}
    assert panel.controls["n_pieces"].min == 1 and panel.controls["n_pieces"].max == 32
    assert list(panel.controls["target"].options) == list(widgets.RELU_TARGETS)


def test_relu_pieces_explorer_redraws_when_pieces_are_added(panel):
    ax = panel.fig.axes[0]
    assert ax.get_title() == "4 pieces: mean squared error 0.0055"
    before = panel.image.value
    panel.controls["n_pieces"].value = 16
    try:
        assert panel.image.value != before
        assert ax.get_title().startswith("16 pieces: mean squared error ")
        collection = next(c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection))
        assert len(collection.get_segments()) == 16
        assert np.isfinite(panel.last_draw_seconds)
    finally:
        panel.controls["n_pieces"].value = 4


def test_relu_pieces_explorer_switches_the_target(panel):
    ax = panel.fig.axes[0]
    panel.controls["target"].value = "smooth step"
    try:
        np.testing.assert_allclose(ax.lines[0].get_ydata(), np.tanh(3 * np.linspace(-3, 3, 301)))
        assert "tanh(3x)" in ax.get_legend().get_texts()[0].get_text()
        low, high = ax.get_ylim()
        assert low < -1 and high > 1
    finally:
        panel.controls["target"].value = "wave"
    assert "sin(x + 1)" in ax.get_legend().get_texts()[0].get_text()


def test_relu_pieces_explorer_static_counterpart_is_an_animation_with_alt_text(panel):
    html = panel.static_html()
    assert re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="Animation over the '
                     r'number of ReLU pieces', html)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 13
    assert "falls from 0.3861 with 1 piece to 8.6e-07 with 32" in html
    assert "http" not in html.split("<script")[0]
    assert panel._repr_mimebundle_()["text/html"] == html

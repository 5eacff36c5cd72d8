"""dlcore.plotting.curves: activations and their slopes, fitted curves, costs, ReLU pieces, feature weights."""

import matplotlib.collections
import numpy as np
import pytest

from dlcore import activations, fitting, plotting

X_GRID = np.linspace(-2, 2, 41)
X = np.linspace(-3, 3, 61)


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


# --- plot_activation ----------------------------------------------------------------

def test_plot_activation_draws_the_curve_with_labels():
    fig = plotting.new_figure()
    ax = fig.add_subplot()
    x = np.linspace(-1, 1, 5)
    plotting.plot_activation(ax, x, x**2, title="square", ylim=(0, 2))
    np.testing.assert_allclose(ax.lines[-1].get_ydata(), x**2)
    assert ax.get_title() == "square" and ax.get_xlabel() and ax.get_ylim() == (0, 2)


# --- activations beside their slopes ------------------------------------------

def test_activation_grid_has_a_function_and_a_slope_panel_per_activation():
    fig = plotting.new_figure(10, 7)
    plotting.plot_activations_with_derivatives(fig)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 12
    titles = [ax.get_title() for ax in visible]
    assert titles[:4] == ["identity", "slope of identity", "step", "slope of step"]
    assert all(ax.get_xlabel() == "$z$" for ax in visible)


def test_activation_grid_draws_the_stored_slopes():
    z = np.linspace(-4, 4, 81)
    fig = plotting.new_figure(6, 3)
    plotting.plot_activations_with_derivatives(fig, ["sigmoid"], z=z, ncols=1)
    curve, slope = fig.axes[0].lines[-1], fig.axes[1].lines[-1]
    np.testing.assert_allclose(curve.get_ydata(), activations.sigmoid(z))
    np.testing.assert_allclose(slope.get_ydata(), activations.sigmoid_grad(z))
    assert slope.get_ydata().max() == pytest.approx(0.25)


def test_jumps_are_drawn_as_gaps_not_walls():
    z = np.linspace(-1, 1, 21)
    fig = plotting.new_figure(6, 3)
    plotting.plot_activations_with_derivatives(fig, ["step"], z=z, ncols=1)
    y = fig.axes[0].lines[-1].get_ydata()
    assert np.isnan(y).sum() == 1                     # one break, at z = 0
    assert len(y) == len(z) + 1


def test_no_slope_is_drawn_where_the_curve_jumps_or_bends():
    z = np.linspace(-1, 1, 21)
    fig = plotting.new_figure(6, 3)
    plotting.plot_activations_with_derivatives(fig, ["step", "relu"], z=z, ncols=1)
    for ax, ends in [(fig.axes[1], [0.0]), (fig.axes[3], [0.0, 1.0])]:
        circles = [line for line in ax.lines if line.get_marker() == "o"]
        slope = ax.lines[-1]
        x, y = slope.get_xdata(), slope.get_ydata()
        assert np.isnan(y[x == 0.0]).all()             # a gap at z = 0, not a value
        np.testing.assert_allclose(circles[0].get_xdata(), 0.0)
        np.testing.assert_allclose(sorted(circles[0].get_ydata()), ends)   # the slopes on either side
    fig = plotting.new_figure(6, 3)
    plotting.plot_activations_with_derivatives(fig, ["sigmoid"], z=z, ncols=1)
    assert not [line for line in fig.axes[1].lines if line.get_marker() == "o"]   # smooth: no circles
    assert not np.isnan(fig.axes[1].lines[-1].get_ydata()).any()                  # and no gap


def test_softmax_is_refused_in_the_elementwise_grid():
    with pytest.raises(ValueError, match="plot_softmax_example"):
        plotting.plot_activations_with_derivatives(plotting.new_figure(), ["relu", "softmax"])


def test_softmax_example_bars_are_the_scores_and_their_probabilities():
    fig = plotting.new_figure(10, 3.4)
    plotting.plot_softmax_example(fig, z=(2.0, 1.0, 0.1))
    ax_bars, ax_curves = fig.axes
    heights = [patch.get_height() for patch in ax_bars.patches]
    assert len(heights) == 6
    np.testing.assert_allclose(heights[:3], [2.0, 1.0, 0.1])
    np.testing.assert_allclose(heights[3:], activations.softmax(np.array([[2.0, 1.0, 0.1]]))[0])
    assert sum(heights[3:]) == pytest.approx(1.0)
    assert len(ax_curves.lines) == 4                  # a1, a2, a3 and the slope of a1
    assert ax_curves.get_xlabel() == "$z_1$"


# --- plot_function_fit ------------------------------------------------------

def test_plot_function_fit_draws_true_curve_fits_and_examples():
    ax = new_axes()
    x = np.array([[-1.0], [0.0], [1.5]])                  # (n_samples, 1), as function_samples returns it
    t = np.array([1.0, 0.1, 2.0])
    plotting.plot_function_fit(ax, x, t, X_GRID, X_GRID ** 2, {"line": X_GRID, "parabola": X_GRID ** 2},
                               title="a title")
    # the dashed true curve, then one line per fit
    assert len(ax.lines) == 3
    assert ax.lines[0].get_linestyle() == "--"
    assert [line.get_label() for line in ax.lines[1:]] == ["line", "parabola"]
    (points,) = ax.collections
    np.testing.assert_allclose(points.get_offsets(), [[-1.0, 1.0], [0.0, 0.1], [1.5, 2.0]])
    assert ax.get_title() == "a title"
    assert ax.get_xlabel() and ax.get_ylabel()
    assert ax.get_xlim() == (-2.0, 2.0)
    assert "examples (3)" in [text.get_text() for text in ax.get_legend().get_texts()]


def test_plot_function_fit_update_moves_points_curve_and_legend():
    ax = new_axes()
    update = plotting.plot_function_fit(ax, [0.0, 1.0], [0.0, 1.0], X_GRID, X_GRID ** 2, {"fit": 0 * X_GRID})
    update(np.arange(5.0), np.arange(5.0) ** 2, {"fit": X_GRID + 1}, title="new")
    assert len(ax.collections[0].get_offsets()) == 5
    np.testing.assert_allclose(ax.lines[1].get_ydata(), X_GRID + 1)
    assert ax.get_title() == "new"
    assert "examples (5)" in [text.get_text() for text in ax.get_legend().get_texts()]


def test_plot_function_fit_without_true_curve_draws_only_fits():
    ax = new_axes()
    plotting.plot_function_fit(ax, [2.0, 4.0], [4.0, 16.0], X_GRID, fits={"a": X_GRID, "b": X_GRID})
    assert len(ax.lines) == 2
    styles = [line.get_linestyle() for line in ax.lines]
    assert "--" not in styles                       # dashed is the true curve's style
    assert styles[0] == "-" and styles[1] != styles[0]   # fits differ by style as well as colour


# --- plot_fit_band ------------------------------------------------------------

def test_plot_fit_band_shades_the_middle_and_shows_some_fits():
    ax = new_axes()
    rng = np.random.default_rng(0)
    curves = X_GRID ** 2 + rng.normal(0, 0.1, size=(50, len(X_GRID)))     # (n_fits, n_points)
    plotting.plot_fit_band(ax, X_GRID, curves, X_GRID ** 2, n_show=4, title="band")
    bands = [c for c in ax.collections if isinstance(c, matplotlib.collections.PolyCollection)]
    assert len(bands) == 1
    assert len(ax.lines) == 4 + 1                        # four fits and the dashed true curve
    assert ax.lines[-1].get_linestyle() == "--"
    assert "50 fits" in ax.get_legend().get_texts()[0].get_text()
    assert ax.get_title() == "band"


def test_plot_fit_band_band_lies_between_the_curves():
    ax = new_axes()
    curves = np.stack([X_GRID * 0 + k for k in range(11)])   # constant curves 0, 1, ..., 10
    plotting.plot_fit_band(ax, X_GRID, curves, band=(10, 90), n_show=0, legend=False)
    vertices = ax.collections[0].get_paths()[0].vertices
    # percentiles 10 and 90 of 0..10 are 1 and 9
    assert vertices[:, 1].min() == pytest.approx(1.0)
    assert vertices[:, 1].max() == pytest.approx(9.0)
    assert ax.get_legend() is None


def test_plot_fit_band_rejects_curves_of_the_wrong_length():
    with pytest.raises(ValueError, match="n_fits, 41"):
        plotting.plot_fit_band(new_axes(), X_GRID, np.zeros((3, 40)))


# --- plot_cost_1d ---------------------------------------------------------------

def test_plot_cost_1d_marks_the_lowest_point():
    ax = new_axes()
    a = np.linspace(0, 2, 201)
    cost = (a - 1.2) ** 2 + 0.5
    plotting.plot_cost_1d(ax, a, cost, xlabel="a", ylabel="cost", title="bowl")
    (marker,) = [line for line in ax.lines if line.get_marker() == "o"]
    assert marker.get_xdata()[0] == pytest.approx(1.2)
    assert marker.get_ydata()[0] == pytest.approx(0.5)
    assert "1.2" in ax.get_legend().get_texts()[0].get_text()
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("a", "cost", "bowl")


def test_plot_cost_1d_rejects_mismatched_arrays():
    with pytest.raises(ValueError, match="one length"):
        plotting.plot_cost_1d(new_axes(), np.arange(3.0), np.arange(4.0))


# --- plot_relu_pieces ------------------------------------------------------------------

def test_plot_relu_pieces_draws_target_pieces_sum_and_kinks():
    ax = new_axes()
    kinks = fitting.even_kinks(4)
    pieces = fitting.relu_basis(X, kinks) * [1.0, -1.0, 0.5, 2.0]      # (61, 4)
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
    update = plotting.plot_relu_pieces(ax, X, X, fitting.relu_basis(X, [0.0]))
    assert ax.get_legend().get_texts()[2].get_text() == "1 piece"
    kinks = fitting.even_kinks(8)
    update(X ** 2, fitting.relu_basis(X, kinks), bias=1.0, kinks=kinks, title="eight")
    collection = next(c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection))
    assert len(collection.get_segments()) == 8
    assert ax.get_legend().get_texts()[2].get_text() == "8 pieces + a constant"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), X ** 2)
    assert len(ax.lines[3].get_xdata()) == 8
    assert ax.get_title() == "eight"


def test_plot_relu_pieces_rejects_pieces_of_the_wrong_length():
    with pytest.raises(ValueError, match="n_points = 61"):
        plotting.plot_relu_pieces(new_axes(), X, X, np.zeros((60, 2)))


# --- draw_feature_weights ---------------------------------------------------

def test_draw_feature_weights_draws_one_bar_per_feature_coloured_by_sign():
    ax = new_axes()
    plotting.draw_feature_weights(ax, ["a", "b", "c"], [2.0, -1.0, np.nan], title="weights")
    bars = ax.patches
    assert len(bars) == 3
    assert [bar.get_width() for bar in bars] == [2.0, -1.0, 0.0]      # NaN: an empty row
    from matplotlib.colors import to_hex
    assert to_hex(bars[0].get_facecolor()) == plotting.CLASS_COLORS[1].lower()
    assert to_hex(bars[1].get_facecolor()) == plotting.CLASS_COLORS[0].lower()
    # one name per bar, first on top, beside its bar; the unused feature's name is greyed out
    labels = ax.texts
    assert [t.get_text() for t in labels] == ["a", "b", "c"]
    assert [t.get_position()[1] for t in labels] == [bar.get_y() + bar.get_height() / 2 for bar in bars]
    assert labels[0].get_position()[1] > labels[2].get_position()[1]
    assert to_hex(labels[0].get_color()) == plotting.BLACK.lower()
    assert to_hex(labels[2].get_color()) != plotting.BLACK.lower()
    assert ax.get_title() == "weights"
    assert ax.get_xlabel() == "weight"
    low, high = ax.get_xlim()
    assert low == -high and high > 2.0


def test_draw_feature_weights_update_moves_the_bars_in_place():
    ax = new_axes()
    update = plotting.draw_feature_weights(ax, ["a", "b"], [1.0, np.nan], xlim=(-3, 3), ticks=[-2, 0, 2])
    update([np.nan, -2.5])
    assert [bar.get_width() for bar in ax.patches] == [0.0, -2.5]
    assert ax.get_xlim() == (-3.0, 3.0)
    assert list(ax.get_xticks()) == [-2, 0, 2]
    with pytest.raises(ValueError, match="needs 2 weights, one per feature, got 3"):
        update([1.0, 2.0, 3.0])


def test_draw_feature_weights_needs_one_label_per_weight():
    with pytest.raises(ValueError, match="one label per weight, got 2 labels and 3 weights"):
        plotting.draw_feature_weights(new_axes(), ["a", "b"], [1.0, 2.0, 3.0])

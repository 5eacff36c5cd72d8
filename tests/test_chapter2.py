"""Chapter 2, learning a function from examples: its plotting functions and its live panel."""

import re

import matplotlib.collections
import matplotlib.image
import numpy as np
import pytest

from dlcore import plotting, widgets

X_GRID = np.linspace(-2, 2, 41)


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


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
    assert all(line.get_linestyle() == "-" for line in ax.lines)


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


# --- plot_function_2d -------------------------------------------------------------

def test_plot_function_2d_draws_the_landscape_examples_and_a_colour_bar():
    fig = plotting.new_figure(4, 3)
    ax = fig.add_subplot()
    G1, G2 = np.meshgrid(X_GRID, X_GRID)
    X = np.array([[0.0, 1.0], [1.0, -1.0], [-2.0, 0.5]])
    plotting.plot_function_2d(ax, G1 * G2, (-2, 2, -2, 2), X, title="product", vmin=-4, vmax=4)
    (image,) = ax.images
    assert isinstance(image, matplotlib.image.AxesImage)
    assert image.get_extent() == [-2, 2, -2, 2]
    assert image.get_clim() == (-4, 4)
    np.testing.assert_allclose(ax.collections[0].get_offsets(), X)
    assert len(fig.axes) == 2                            # the plot and its colour bar
    assert ax.get_title() == "product"


def test_plot_function_2d_rejects_a_flat_array():
    with pytest.raises(ValueError, match="2-D grid"):
        plotting.plot_function_2d(new_axes(), np.zeros(10), (0, 1, 0, 1))


# --- the polynomial fit behind the panel ------------------------------------------

def test_polynomial_fit_recovers_a_parabola_from_three_exact_points():
    # x = 2, 3, 4 with y = x²: the only parabola through them is 1·x² + 0·x + 0
    coef = widgets._polynomial_fit([2.0, 3.0, 4.0], [4.0, 9.0, 16.0], 2)
    np.testing.assert_allclose(coef, [1.0, 0.0, 0.0], atol=1e-9)


def test_polynomial_fit_with_too_few_examples_still_passes_through_them():
    x, t = np.array([-1.0, 0.5]), np.array([2.0, -1.0])
    coef = widgets._polynomial_fit(x, t, 5)              # 6 coefficients, 2 examples: many exact fits
    np.testing.assert_allclose(np.polyval(coef, x), t, atol=1e-9)


def test_polynomial_fit_matches_numpy_least_squares():
    rng = np.random.default_rng(1)
    x, t = rng.uniform(-2, 2, 30), rng.normal(size=30)
    np.testing.assert_allclose(widgets._polynomial_fit(x, t, 3), np.polyfit(x, t, 3), atol=1e-9)


@pytest.mark.parametrize("degree", [-1, 1.5, True])
def test_polynomial_fit_rejects_a_degree_that_is_not_a_whole_number(degree):
    with pytest.raises(ValueError, match="degree must be a whole number"):
        widgets._polynomial_fit([0.0, 1.0], [0.0, 1.0], degree)


# --- the live panel ------------------------------------------------------------------

@pytest.fixture(scope="module")
def panel():
    return widgets.function_fit_explorer(n_samples=10, noise=0.3, degree=2, seed=0)


def test_function_fit_explorer_has_the_three_controls(panel):
    assert set(panel.controls) == {"n_samples", "noise", "degree"}
    assert panel.controls["n_samples"].min == 2 and panel.controls["n_samples"].max == 100


def test_function_fit_explorer_redraws_when_a_control_moves(panel):
    before = panel.image.value
    panel.controls["n_samples"].value = 40
    try:
        assert panel.image.value != before
        ax = panel.fig.axes[0]
        assert ax.get_title().startswith("40 examples: fit error ")
        assert len(ax.collections[0].get_offsets()) == 40
        assert np.isfinite(panel.last_draw_seconds)
    finally:
        panel.controls["n_samples"].value = 10


def test_function_fit_explorer_is_exact_without_noise():
    exact = widgets.function_fit_explorer(n_samples=5, noise=0.0, degree=2)
    assert exact.fig.axes[0].get_title() == "5 examples: fit error 0.000"
    # a straight line cannot fit x², however many examples it gets
    exact.controls["degree"].value = 1
    error = float(exact.fig.axes[0].get_title().rsplit(" ", 1)[1])
    assert error > 0.5


def test_function_fit_explorer_static_counterpart_is_an_animation_with_alt_text(panel):
    html = panel.static_html()
    assert re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="Animation over', html)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 16
    assert "http" not in html.split("<script")[0]        # no stylesheet fetched from a CDN
    bundle = panel._repr_mimebundle_()
    assert bundle["text/html"] == html

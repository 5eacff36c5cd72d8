"""dlcore.plotting.planes: two-class points, decision boundaries, lines, half-planes and perceptrons."""

import numpy as np
import pytest

from dlcore import datasets, plotting


def new_axes(width=4, height=3):
    return plotting.new_figure(width, height).add_subplot()


def on_line(xs, ys, w, b):
    return np.asarray(w[0]) * xs + np.asarray(w[1]) * ys + b


# --- scatter_classes --------------------------------------------------------

def test_scatter_classes_draws_each_class_in_its_colour_and_marker():
    ax = new_axes()
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]])
    y = np.array([0, 1, 1])
    class_0, class_1 = plotting.scatter_classes(ax, X, y)
    np.testing.assert_allclose(class_0.get_offsets(), [[0.0, 0.0]])
    np.testing.assert_allclose(class_1.get_offsets(), [[1.0, 1.0], [2.0, 0.5]])
    assert class_0.get_label() == "class 0" and class_1.get_label() == "class 1"


def test_scatter_classes_rejects_points_that_are_not_in_the_plane():
    with pytest.raises(ValueError, match="shape"):
        plotting.scatter_classes(new_axes(), np.zeros((3, 3)), np.zeros(3))


# --- draw_decision_boundary ---------------------------------------------------

def test_draw_decision_boundary_shades_each_side_by_the_models_answer():
    ax = new_axes()
    X = np.array([[-1.0, -1.0], [1.0, 1.0]])
    y = np.array([0, 1])
    plotting.draw_decision_boundary(ax, lambda P: (P[:, 0] >= 0).astype(float), X, y, resolution=20,
                                    padding=0.5, title="t")
    image = ax.images[0].get_array()                       # rows follow x2, columns x1
    assert image.shape == (20, 20)
    assert np.all(image[:, :10] == 0) and np.all(image[:, 10:] == 1)
    assert ax.get_xlim() == (-1.5, 1.5) and ax.get_ylim() == (-1.5, 1.5)
    assert ax.get_title() == "t" and ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    assert len(ax.collections) >= 3                        # two classes of points and the boundary contour


def test_draw_decision_boundary_update_redraws_in_place():
    ax = new_axes()
    X = np.array([[-1.0, -1.0], [1.0, 1.0]])
    y = np.array([0, 1])
    update = plotting.draw_decision_boundary(ax, lambda P: P[:, 0] >= 0, X, y, resolution=10, legend=False)
    update(predict_fn=lambda P: np.ones(len(P)))
    assert np.all(ax.images[0].get_array() == 1)
    update(X=X * 3, y=y)                                   # new data: the limits follow
    assert ax.get_xlim() == (-3.5, 3.5)


def test_draw_decision_boundary_says_what_predict_fn_must_return():
    with pytest.raises(ValueError, match="one value per point"):
        plotting.draw_decision_boundary(new_axes(), lambda P: np.zeros(3), np.zeros((2, 2)), np.array([0, 1]))


# --- draw_line and half_plane ---------------------------------------------------

@pytest.mark.parametrize("w, b", [([1.0, 2.0], -1.0), ([3.0, -0.5], 0.5), ([0.0, 1.0], 0.2), ([1.0, 0.0], -0.3)])
def test_draw_line_draws_points_where_the_weighted_sum_is_zero(w, b):
    ax = new_axes()
    ax.set_xlim(-2, 2)
    ax.set_ylim(-2, 2)
    line = plotting.draw_line(ax, w, b)
    xs, ys = line.get_data()
    assert len(xs) == 2
    np.testing.assert_allclose(on_line(xs, ys, w, b), 0.0, atol=1e-12)
    assert ax.get_xlim() == (-2, 2) and ax.get_ylim() == (-2, 2)     # the limits are kept


def test_draw_line_moves_an_existing_line_and_hides_it_when_w_is_zero():
    ax = new_axes()
    line = plotting.draw_line(ax, [1.0, 1.0], 0.0)
    assert plotting.draw_line(ax, [1.0, -1.0], 0.5, line=line) is line
    np.testing.assert_allclose(on_line(*line.get_data(), [1.0, -1.0], 0.5), 0.0, atol=1e-12)
    plotting.draw_line(ax, [0.0, 0.0], 1.0, line=line)
    assert len(line.get_xdata()) == 0
    assert len(ax.lines) == 1


def test_half_plane_keeps_the_corners_called_1_and_the_crossing_points():
    # x1 + x2 - 1 >= 0 in the unit square: the triangle (1, 0), (1, 1), (0, 1)
    corners = plotting.half_plane([1.0, 1.0], -1.0, (0, 1), (0, 1))
    assert sorted(map(tuple, np.round(corners, 12))) == [(0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    assert len(plotting.half_plane([0.0, 0.0], 1.0, (0, 1), (0, 1))) == 4       # everything is class 1
    assert len(plotting.half_plane([0.0, 0.0], -1.0, (0, 1), (0, 1))) == 0      # nothing is


# --- draw_perceptron ----------------------------------------------------------

def test_draw_perceptron_draws_line_shading_previous_line_and_ring():
    fig = plotting.new_figure(5, 3.5)
    ax = fig.add_subplot()
    X, y = datasets.blobs(20, seed=0)
    w, b = np.array([1.0, 1.0]), -1.0
    plotting.draw_perceptron(ax, X, y, w, b, previous=([1.0, -1.0], 0.0), highlight=3, title="a title")
    old_line, new_line = ax.lines
    np.testing.assert_allclose(on_line(*new_line.get_data(), w, b), 0.0, atol=1e-9)
    assert old_line.get_visible() and old_line.get_linestyle() == "--"
    ring = ax.collections[-1]
    np.testing.assert_allclose(ring.get_offsets(), X[[3]])
    side_1 = ax.patches[0]
    assert np.all(side_1.get_xy() @ w + b >= -1e-9)      # the shaded polygon lies on the side called 1
    assert ax.get_title() == "a title"
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "class 0" in labels and "line before\nthe update" in labels


def test_draw_perceptron_legend_lists_only_what_is_drawn_unless_asked_for_all():
    ax = new_axes()
    X, y = datasets.blobs(20, seed=0)
    plotting.draw_perceptron(ax, X, y, [1.0, 1.0], -1.0)
    assert len(ax.get_legend().get_texts()) == 5
    ax = new_axes()
    plotting.draw_perceptron(ax, X, y, [1.0, 1.0], -1.0, legend="all")
    assert len(ax.get_legend().get_texts()) == 7


def test_draw_perceptron_update_hides_the_previous_line_and_switches_data():
    ax = new_axes()
    X, y = datasets.blobs(20, seed=0)
    update = plotting.draw_perceptron(ax, X, y, [1.0, 1.0], -1.0, previous=([1.0, 0.0], 0.0), highlight=0)
    X_new, y_new = datasets.circles(30, seed=0)
    update([0.5, -1.0], 0.2, X=X_new, y=y_new, title="new")
    old_line, new_line = ax.lines
    assert not old_line.get_visible()
    assert len(ax.collections[-1].get_offsets()) == 0      # no ring
    assert sum(len(c.get_offsets()) for c in ax.collections[:2]) == 30
    assert ax.get_title() == "new"

"""dlcore.plotting.descent: a cost surface with the paths of gradient descent on it."""

import numpy as np
import pytest

from dlcore import plotting
from dlcore.descent import SURFACES, gradient_descent


def draw(surface_name, paths, **kwargs):
    fig = plotting.new_figure(4, 3, dpi=40)
    ax = fig.add_subplot()
    update = plotting.plot_descent(ax, SURFACES[surface_name], paths, **kwargs)
    return fig, ax, update


def test_one_parameter_the_path_sits_on_the_cost_curve():
    path = gradient_descent("bowl", 0.0, lr=0.25, steps=3)
    fig, ax, update = draw("bowl", path.points, title="bowl")
    curve = ax.lines[0]
    trail = next(line for line in ax.lines if len(line.get_xdata()) == 4)
    np.testing.assert_allclose(trail.get_xdata(), [0.0, 1.5, 2.25, 2.625])
    np.testing.assert_allclose(trail.get_ydata(), [9.0, 2.25, 0.5625, 0.140625])
    assert curve.get_xdata()[0] == -2.0 and ax.get_xlim() == (-2.0, 8.0)
    assert ax.get_title() == "bowl" and ax.get_xlabel() == "parameter $w$"


def test_two_parameters_draw_contour_lines_and_mark_both_minima():
    path = gradient_descent("two_basins", [3.0, 3.0], lr=1.0, steps=10)
    fig, ax, update = draw("two_basins", {"plain": path.points})
    assert ax.collections, "no contour lines"
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["best minimum", "poorer minimum", "plain"]


def test_update_moves_the_paths_and_the_title_without_new_artists():
    surface = SURFACES["narrow_valley"]
    paths = {"a": gradient_descent(surface, [-2.5, 1.5], 0.02, 5).points,
             "b": gradient_descent(surface, [-2.5, 1.5], 0.15, 5).points}
    fig, ax, update = draw("narrow_valley", paths)
    n_lines = len(ax.lines)
    before = plotting.figure_to_png(fig)
    update(paths={"a": paths["a"][:2], "b": paths["b"][:3]}, title="two steps")
    assert len(ax.lines) == n_lines and ax.get_title() == "two steps"
    assert any(len(line.get_xdata()) == 3 for line in ax.lines)
    assert plotting.figure_to_png(fig) != before
    with pytest.raises(ValueError, match="moves the 2 path"):
        update(paths={"a": paths["a"]})


def test_paths_differ_in_line_style_and_marker_as_well_as_colour():
    surface = SURFACES["narrow_valley"]
    paths = {str(lr): gradient_descent(surface, [-2.5, 1.5], lr, 3).points for lr in (0.01, 0.05, 0.1)}
    fig, ax, _ = draw("narrow_valley", paths)
    trails = [line for line in ax.lines if line.get_label() in paths]
    assert len({line.get_linestyle() for line in trails}) == 3
    assert len({line.get_marker() for line in trails}) == 3
    assert len({line.get_color() for line in trails}) == 3


def test_update_follows_the_rule_of_the_plotting_package():
    # the same checks tests/test_plotting_convention.py makes of every drawing function
    import inspect
    fig, ax, update = draw("bowl", gradient_descent("bowl", 0.0, 0.1, 2).points)
    own = set(inspect.signature(plotting.plot_descent).parameters) - {"ax"}
    assert set(inspect.signature(update).parameters) <= own
    before = plotting.figure_to_png(fig)
    update(paths=gradient_descent("bowl", 5.0, 0.1, 2).points)
    assert plotting.figure_to_png(fig) != before


def test_the_minima_are_drawn_over_the_ends_of_the_paths():
    # a path that ends at the minimum must not hide its star
    path = gradient_descent("narrow_valley", [-2.5, 1.5], lr=0.02, steps=80, momentum=0.9)
    fig, ax, update = draw("narrow_valley", {"momentum": path.points})
    star = next(line for line in ax.lines if line.get_label() == "best minimum")
    assert star.get_zorder() > max(line.get_zorder() for line in ax.lines if line is not star)

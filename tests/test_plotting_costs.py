"""dlcore.plotting.costs: cost curves with a moving point, cost maps with the current setting and the lowest cost."""

import numpy as np
import pytest

from dlcore import plotting

w = np.linspace(-2, 2, 41)


def test_cost_curve_puts_a_point_on_each_curve_at_the_current_value():
    ax = plotting.new_figure(4, 3).add_subplot()
    update = plotting.plot_cost_curve(ax, w, {"a": w ** 2, "b": 2 * w ** 2}, 1.0, title="t")
    points = [line for line in ax.lines if line.get_marker() not in ("None", None, "")]
    assert [tuple(p.get_xydata()[0]) for p in points] == [(1.0, 1.0), (1.0, 2.0)]
    # two curves, told apart by style as well as colour
    styles = {line.get_linestyle() for line in ax.lines[:3:2]}
    assert len(styles) == 2
    update(current=-0.5)
    assert [tuple(p.get_xydata()[0]) for p in points] == [(-0.5, 0.25), (-0.5, 0.5)]
    update(costs={"a": w ** 2 + 1}, title="new")
    assert tuple(points[0].get_xydata()[0]) == (-0.5, 1.25)
    assert ax.get_title() == "new"


def test_cost_curve_refuses_costs_of_the_wrong_length():
    ax = plotting.new_figure(4, 3).add_subplot()
    with pytest.raises(ValueError, match="shape"):
        plotting.plot_cost_curve(ax, w, {"a": w[:-1]}, 0.0)


def test_cost_surface_marks_the_lowest_cost_and_moves_the_current_point():
    ax = plotting.new_figure(4, 3).add_subplot()
    b = np.linspace(-1, 1, 21)
    costs = (w[:, None] - 1) ** 2 + (b[None, :] + 0.5) ** 2        # lowest at (1, -0.5)
    update = plotting.plot_cost_surface(ax, w, b, costs, (0.0, 0.0))
    star = next(line for line in ax.lines if line.get_marker() == "*")
    np.testing.assert_allclose(star.get_xydata()[0], (1.0, -0.5))
    current = next(line for line in ax.lines if line.get_marker() == "o")
    update(current=(-1.0, 0.5))
    np.testing.assert_allclose(current.get_xydata()[0], (-1.0, 0.5))
    update(costs=(w[:, None] + 1) ** 2 + b[None, :] ** 2)        # the star moves to (-1, 0)
    star = next(line for line in ax.lines if line.get_marker() == "*")
    np.testing.assert_allclose(star.get_xydata()[0], (-1.0, 0.0))
    assert sum(line.get_marker() == "*" for line in ax.lines) == 1   # the old contours are gone


def test_cost_surface_says_which_shape_it_needs():
    ax = plotting.new_figure(4, 3).add_subplot()
    with pytest.raises(ValueError, match=r"\(41, 3\)"):
        plotting.plot_cost_surface(ax, w, [0, 1, 2], np.zeros((3, 41)), (0, 0))


def test_cost_surface_has_a_colour_bar_that_follows_new_costs():
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    b = np.linspace(-1, 1, 21)
    update = plotting.plot_cost_surface(ax, w, b, w[:, None] ** 2 + b[None, :] ** 2, (2.0, 1.0),
                                        cost_label="cross-entropy")
    bar = fig.axes[-1]
    assert bar is not ax and bar.get_ylabel() == "cross-entropy"
    assert float(bar.get_ylim()[1]) == pytest.approx(5.0)
    update(costs=10 * (w[:, None] ** 2 + b[None, :] ** 2), cost_label="mean squared error")
    assert bar.get_ylabel() == "mean squared error"
    assert float(bar.get_ylim()[1]) == pytest.approx(50.0)
    # the current point at the corner of the map is drawn whole, not clipped
    current = next(line for line in ax.lines if line.get_marker() == "o")
    assert not current.get_clip_on()

"""dlcore.widgets.cost: the cost explorer moves its points, switches the map, and animates over the weight."""

import re

import numpy as np
import pytest

from dlcore import Dense, Network, landscape, widgets
from dlcore.widgets.cost import cost_data
from test_widgets_renderer import _full_draw, _pixels


@pytest.fixture(scope="module")
def panel():
    return widgets.cost_explorer(w=-1.0, b=0.0)


def test_cost_explorer_has_weight_bias_and_cost_controls(panel):
    assert set(panel.controls) == {"w", "b", "cost"}
    assert list(panel.controls["cost"].options) == ["cross-entropy", "mean squared error"]


def test_cost_explorer_title_is_the_cost_of_the_neuron_set_to_the_sliders(panel):
    X, y = cost_data()
    net = Network([Dense(1, 1, "sigmoid")])
    net.layers[0].W = [[-1.0]]
    assert panel.fig.axes[1].get_title() == f"cross-entropy {net.cost(X, y):.3f} at w = \u22121, b = 0"


def test_cost_explorer_redraws_when_the_weight_moves(panel):
    ax_curve = panel.fig.axes[0]
    before = panel.image.value
    panel.controls["w"].value = 2.5
    try:
        assert panel.image.value != before
        point = next(line for line in ax_curve.lines if line.get_marker() == "o")
        X, y = cost_data()
        expected = landscape.cost_curve(Network([Dense(1, 1, "sigmoid")]), X, y, (0, "W", 0, 0), [2.5])[0]
        np.testing.assert_allclose(point.get_xydata()[0], (2.5, expected))
    finally:
        panel.controls["w"].value = -1.0


def test_cost_explorer_switches_the_map_and_moves_the_curve_with_the_bias(panel):
    panel.controls["cost"].value = "mean squared error"
    panel.controls["b"].value = -1.0
    try:
        assert panel.fig.axes[1].get_title().startswith("mean squared error ")
        assert panel.fig.axes[0].get_title() == "both costs along w (b = \u22121)"
        np.testing.assert_array_equal(_full_draw(panel), _pixels(panel.image.value))   # fast = full redraw
    finally:
        panel.controls["cost"].value = "cross-entropy"
        panel.controls["b"].value = 0.0


def test_cost_explorer_refuses_an_unknown_cost():
    with pytest.raises(ValueError, match="cross-entropy"):
        widgets.cost_explorer(cost="hinge")


def test_cost_explorer_static_counterpart_is_an_animation_over_the_weight(panel):
    html = panel.static_html()
    assert re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="Animation over the '
                     r'weight w', html)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 9
    assert panel._repr_mimebundle_()["text/html"] == html

"""dlcore.widgets.init_scale: the initial-scale explorer redraws its histograms; the book shows a grid."""

import numpy as np
import pytest

from dlcore import initialisation, widgets
from test_widgets_renderer import _full_draw, _pixels


@pytest.fixture(scope="module")
def panel():
    return widgets.init_scale_explorer(scale=1.0, n_in=2500)


def test_init_scale_explorer_has_a_range_and_an_inputs_slider(panel):
    assert set(panel.controls) == {"scale", "n_in"}
    assert panel.controls["n_in"].max == 2500
    assert panel.fig.axes[0].get_title() == f"spread (std) of z: {initialisation.init_statistics(2500, 1.0)['std_z']:.2f}"


def test_init_scale_explorer_unsaturates_as_the_range_shrinks(panel):
    before = panel.image.value
    panel.controls["scale"].value = 0.01
    try:
        assert panel.image.value != before
        assert panel.fig.axes[1].get_title() == "saturated: 0 %"
        assert "0.01" in panel.fig._suptitle.get_text()
        np.testing.assert_array_equal(_full_draw(panel), _pixels(panel.image.value))
    finally:
        panel.controls["scale"].value = 1.0
    assert panel.fig.axes[1].get_title() != "saturated: 0 %"


def test_init_scale_explorer_follows_the_number_of_inputs(panel):
    panel.controls["n_in"].value = 100
    try:
        expected = initialisation.init_statistics(100, 1.0)["std_z"]
        assert panel.fig.axes[0].get_title() == f"spread (std) of z: {expected:.2f}"
        assert "100 inputs" in panel.fig._suptitle.get_text()
    finally:
        panel.controls["n_in"].value = 2500


def test_init_scale_explorer_static_counterpart_is_a_grid_over_the_ranges(panel):
    html = panel.static_html()
    assert html.startswith("<img") and 'alt="Five rows of three histograms' in html
    assert "2,500 pixel-like inputs" in html
    assert panel._repr_mimebundle_()["text/html"] == html

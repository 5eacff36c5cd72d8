"""dlcore.widgets.relu_pieces: the ReLU-pieces explorer refits the pieces as its controls move."""

import re

import matplotlib.collections
import numpy as np
import pytest

from dlcore import fitting, widgets


# --- the live panel ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def panel():
    return widgets.relu_pieces_explorer(target="wave", n_pieces=4)


def test_relu_pieces_explorer_has_the_two_controls(panel):
    assert set(panel.controls) == {"n_pieces", "target"}
    assert panel.controls["n_pieces"].min == 1 and panel.controls["n_pieces"].max == 32
    assert list(panel.controls["target"].options) == list(fitting.RELU_TARGETS)


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

"""dlcore.widgets.perceptron: the perceptron explorer, its learning-rule steps and its two animations."""

import re

import numpy as np
import pytest

from dlcore import plotting, widgets


# --- perceptron_explorer ------------------------------------------------------------

@pytest.fixture(scope="module")
def panel():
    return widgets.perceptron_explorer()


def test_perceptron_explorer_redraws_when_each_control_moves(panel):
    first = panel.image.value
    for name, value in [("w1", 1.0), ("w2", -0.5), ("b", 0.3), ("step", 3), ("dataset", "xor")]:
        before = panel.image.value
        panel.controls[name].value = value
        assert panel.image.value != before, name
        assert np.isfinite(panel.last_draw_seconds)
    for name, value in [("w1", 0.0), ("w2", 0.0), ("b", 0.0), ("step", 0), ("dataset", "blobs")]:
        panel.controls[name].value = value
    assert panel.image.value == first


def test_perceptron_explorer_title_reports_updates_accuracy_and_convergence(panel):
    ax = panel.fig.axes[0]
    panel.controls["step"].value = 0
    assert ax.get_title().startswith("blobs: start, no line yet (w = 0)\naccuracy 50%")
    panel.controls["w1"].value = 1.0
    assert ax.get_title().startswith("blobs: the starting line\n")
    panel.controls["w1"].value = 0.0
    panel.controls["step"].value = 1
    assert ax.get_title().startswith("blobs: update 1 (epoch 1)")
    panel.controls["step"].value = panel.controls["step"].max         # past convergence
    assert ax.get_title().startswith("blobs: converged after 15 updates\naccuracy 100%")
    panel.controls["dataset"].value = "circles"
    assert re.match(r"circles: update 100 \(epoch \d+\)\naccuracy \d+%", ax.get_title())
    panel.controls["dataset"].value = "blobs"
    panel.controls["step"].value = 0


def test_perceptron_explorer_button_applies_one_more_update(panel):
    panel.controls["step"].value = 4
    panel.next_button.click()
    assert panel.controls["step"].value == 5
    panel.controls["step"].value = 0


def test_perceptron_explorer_static_shows_two_described_animations(panel):
    html = panel.static_html()
    assert len(re.findall(r'<img id="_anim_img[0-9a-f]+" src="data:image/png', html)) == 2
    alts = re.findall(r'alt="([^"]+)"', html)
    assert len(alts) == 2
    assert "after 15 updates" in alts[0] and "concentric circles" in alts[1]
    converging, failing = html.split("<p><strong>")[1:]
    for player in (converging, failing):
        assert 2 <= len(re.findall(r'frames\[\d+\] = "data:image/png', player)) <= plotting.MAX_FRAMES


def test_perceptron_explorer_rejects_an_unknown_dataset():
    with pytest.raises(ValueError, match="blobs"):
        widgets.perceptron_explorer(dataset="moons")

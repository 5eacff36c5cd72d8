"""dlcore.widgets.features: the feature picker retrains a classifier on the ticked features and redraws."""

import re

import pytest

from dlcore import datasets, widgets
from dlcore.features import PLANE_FEATURES


@pytest.fixture(scope="module")
def circles():
    X, y = datasets.circles(200, noise=0.1, seed=0)
    X_test, y_test = datasets.circles(400, noise=0.1, seed=1)
    return X, y, X_test, y_test


# --- feature_picker ---------------------------------------------------------

@pytest.fixture(scope="module")
def panel(circles):
    return widgets.feature_picker(*circles)


def test_feature_picker_has_one_checkbox_per_feature(panel):
    assert list(panel.controls) == list(PLANE_FEATURES)
    assert [c.value for c in panel.controls.values()] == [True, True, False, False, False, False, False]
    boundary, weights = panel.fig.axes
    assert boundary.get_title().endswith("% correct on new points")
    assert boundary.get_xlabel() and boundary.get_ylabel()
    assert len(weights.patches) == len(PLANE_FEATURES)
    assert [t.get_text() for t in weights.texts] == [short for _, short, _ in PLANE_FEATURES.values()]
    assert "outer ring" in weights.get_xlabel() and "inner ring" in weights.get_xlabel()


def test_feature_picker_retrains_and_redraws_when_a_box_is_ticked(panel):
    boundary, weights = panel.fig.axes
    before_png, before_title = panel.image.value, boundary.get_title()
    percent = lambda title: int(re.match(r"(\d+)% correct", title).group(1))
    assert percent(before_title) < 60
    panel.controls["r"].value = True
    assert panel.image.value != before_png
    assert percent(boundary.get_title()) > 95
    assert weights.patches[2].get_width() < 0     # r: far from the centre means class 0
    panel.controls["r"].value = False             # back to where it started
    assert boundary.get_title() == before_title
    assert weights.patches[2].get_width() == 0.0


def test_feature_picker_with_no_features_still_draws(panel):
    saved = {name: c.value for name, c in panel.controls.items()}
    try:
        for control in panel.controls.values():
            control.value = False
        assert panel.error.value == ""
        assert all(bar.get_width() == 0.0 for bar in panel.fig.axes[1].patches)
    finally:
        for name, value in saved.items():
            panel.controls[name].value = value


def test_feature_picker_static_grid_is_an_image_with_alt_text_naming_each_result(panel):
    html = panel.static_html()
    assert html.startswith("<img ")
    alt = re.search(r'alt="([^"]+)"', html).group(1)
    assert "6 small plots" in alt
    assert re.search(r"r = √\(x₁²\+x₂²\): (9\d|100)%", alt)
    bundle = panel._repr_mimebundle_()
    assert bundle["text/html"] == html
    assert "Feature picker" in bundle["text/plain"]


def test_feature_picker_without_test_points_says_it_measures_on_the_training_points(circles):
    X, y, _, _ = circles
    panel = widgets.feature_picker(X, y, features=["r"], compare=[("r",)])
    assert panel.fig.axes[0].get_title().endswith("correct on the training points")
    assert "1 small plot of" in panel.static_html()


def test_feature_picker_rejects_unknown_starting_features(circles):
    X, y, _, _ = circles
    with pytest.raises(ValueError, match="Unknown feature"):
        widgets.feature_picker(X, y, features=["radius"])

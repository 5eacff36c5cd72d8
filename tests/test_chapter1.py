"""Chapter 1, features and data points: the feature map, the linear classifier on features, the
weights plot and the feature-picker panel."""

import re

import numpy as np
import pytest

from dlcore import datasets, plotting, widgets


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


@pytest.fixture(scope="module")
def circles():
    X, y = datasets.circles(200, noise=0.1, seed=0)
    X_test, y_test = datasets.circles(400, noise=0.1, seed=1)
    return X, y, X_test, y_test


# --- plane_features ---------------------------------------------------------

def test_plane_features_hand_worked_point():
    # the point (3, 4): distance 5 from the origin (3-4-5 triangle), angle atan2(4, 3),
    # squares 9 and 16, product 12
    F = widgets.plane_features(np.array([[3.0, 4.0]]), ["x1", "x2", "r", "angle", "x1_sq", "x2_sq", "x1_x2"])
    np.testing.assert_allclose(F, [[3.0, 4.0, 5.0, np.arctan2(4.0, 3.0), 9.0, 16.0, 12.0]])


def test_plane_features_keeps_the_order_of_names_and_one_row_per_point():
    X = np.array([[1.0, 0.0], [0.0, -2.0], [-1.0, 1.0]])
    F = widgets.plane_features(X, ["r", "x1"])
    assert F.shape == (3, 2)
    np.testing.assert_allclose(F[:, 0], [1.0, 2.0, np.sqrt(2.0)])
    np.testing.assert_allclose(F[:, 1], X[:, 0])


def test_plane_features_angle_runs_from_minus_pi_to_pi():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 1e-12], [0.0, -1.0]])
    np.testing.assert_allclose(widgets.plane_features(X, ["angle"])[:, 0], [0.0, np.pi / 2, np.pi, -np.pi / 2])


def test_plane_features_with_no_names_gives_zero_columns():
    assert widgets.plane_features(np.zeros((5, 2)), []).shape == (5, 0)


def test_plane_features_rejects_unknown_names_and_wrong_shapes():
    with pytest.raises(ValueError, match=r"Unknown feature\(s\) \['radius'\]; choose from \['x1'"):
        widgets.plane_features(np.zeros((2, 2)), ["radius"])
    with pytest.raises(ValueError, match=r"shape \(n_samples, 2\), got shape \(4,\)"):
        widgets.plane_features(np.zeros(4), ["r"])


# --- FeatureClassifier ------------------------------------------------------

def test_linear_classifier_fails_on_raw_coordinates_and_succeeds_on_the_radius(circles):
    X, y, X_test, y_test = circles
    assert widgets.FeatureClassifier(["x1", "x2"]).fit(X, y).accuracy(X_test, y_test) < 0.6
    assert widgets.FeatureClassifier(["angle"]).fit(X, y).accuracy(X_test, y_test) < 0.6
    assert widgets.FeatureClassifier(["r"]).fit(X, y).accuracy(X_test, y_test) > 0.97


def test_linear_classifier_on_both_squares_weighs_them_about_equally(circles):
    # r² = x1² + x2²: the classifier rediscovers the radius from the two squares
    X, y, X_test, y_test = circles
    model = widgets.FeatureClassifier(["x1_sq", "x2_sq"]).fit(X, y)
    assert model.accuracy(X_test, y_test) > 0.97
    w1, w2 = model.weights
    assert w1 < 0 and w2 < 0                     # far from the centre: class 0
    assert abs(w1 - w2) < 0.2 * abs(w1)


def test_linear_classifier_with_no_features_answers_the_base_rate_everywhere():
    X = np.zeros((4, 2))
    model = widgets.FeatureClassifier([]).fit(X, np.array([0, 1, 1, 1]))
    np.testing.assert_allclose(model.predict_proba(np.ones((3, 2))), [0.75, 0.75, 0.75])
    np.testing.assert_array_equal(model.predict(np.ones((3, 2))), [1, 1, 1])
    assert model.weights.shape == (0,)


def test_linear_classifier_is_deterministic(circles):
    X, y, _, _ = circles
    a = widgets.FeatureClassifier(["r", "angle"]).fit(X, y)
    b = widgets.FeatureClassifier(["r", "angle"]).fit(X, y)
    np.testing.assert_array_equal(a.weights, b.weights)


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


# --- feature_picker ---------------------------------------------------------

@pytest.fixture(scope="module")
def panel(circles):
    return widgets.feature_picker(*circles)


def test_feature_picker_has_one_checkbox_per_feature(panel):
    assert list(panel.controls) == list(widgets.PLANE_FEATURES)
    assert [c.value for c in panel.controls.values()] == [True, True, False, False, False, False, False]
    boundary, weights = panel.fig.axes
    assert boundary.get_title().endswith("% correct on new points")
    assert boundary.get_xlabel() and boundary.get_ylabel()
    assert len(weights.patches) == len(widgets.PLANE_FEATURES)
    assert [t.get_text() for t in weights.texts] == [short for _, short, _ in widgets.PLANE_FEATURES.values()]
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

"""dlcore.features: hand-made features of points in the plane, and the linear classifier that sees them."""

import numpy as np
import pytest

from dlcore import datasets, features


@pytest.fixture(scope="module")
def circles():
    X, y = datasets.circles(200, noise=0.1, seed=0)
    X_test, y_test = datasets.circles(400, noise=0.1, seed=1)
    return X, y, X_test, y_test


# --- plane_features ---------------------------------------------------------

def test_plane_features_hand_worked_point():
    # the point (3, 4): distance 5 from the origin (3-4-5 triangle), angle atan2(4, 3),
    # squares 9 and 16, product 12
    F = features.plane_features(np.array([[3.0, 4.0]]), ["x1", "x2", "r", "angle", "x1_sq", "x2_sq", "x1_x2"])
    np.testing.assert_allclose(F, [[3.0, 4.0, 5.0, np.arctan2(4.0, 3.0), 9.0, 16.0, 12.0]])


def test_plane_features_keeps_the_order_of_names_and_one_row_per_point():
    X = np.array([[1.0, 0.0], [0.0, -2.0], [-1.0, 1.0]])
    F = features.plane_features(X, ["r", "x1"])
    assert F.shape == (3, 2)
    np.testing.assert_allclose(F[:, 0], [1.0, 2.0, np.sqrt(2.0)])
    np.testing.assert_allclose(F[:, 1], X[:, 0])


def test_plane_features_angle_runs_from_minus_pi_to_pi():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 1e-12], [0.0, -1.0]])
    np.testing.assert_allclose(features.plane_features(X, ["angle"])[:, 0], [0.0, np.pi / 2, np.pi, -np.pi / 2])


def test_plane_features_with_no_names_gives_zero_columns():
    assert features.plane_features(np.zeros((5, 2)), []).shape == (5, 0)


def test_plane_features_rejects_unknown_names_and_wrong_shapes():
    with pytest.raises(ValueError, match=r"Unknown feature\(s\) \['radius'\]; choose from \['x1'"):
        features.plane_features(np.zeros((2, 2)), ["radius"])
    with pytest.raises(ValueError, match=r"shape \(n_samples, 2\), got shape \(4,\)"):
        features.plane_features(np.zeros(4), ["r"])


# --- FeatureClassifier ------------------------------------------------------

def test_linear_classifier_fails_on_raw_coordinates_and_succeeds_on_the_radius(circles):
    X, y, X_test, y_test = circles
    assert features.FeatureClassifier(["x1", "x2"]).fit(X, y).accuracy(X_test, y_test) < 0.6
    assert features.FeatureClassifier(["angle"]).fit(X, y).accuracy(X_test, y_test) < 0.6
    assert features.FeatureClassifier(["r"]).fit(X, y).accuracy(X_test, y_test) > 0.97


def test_linear_classifier_on_both_squares_weighs_them_about_equally(circles):
    # r² = x1² + x2²: the classifier rediscovers the radius from the two squares
    X, y, X_test, y_test = circles
    model = features.FeatureClassifier(["x1_sq", "x2_sq"]).fit(X, y)
    assert model.accuracy(X_test, y_test) > 0.97
    w1, w2 = model.weights
    assert w1 < 0 and w2 < 0                     # far from the centre: class 0
    assert abs(w1 - w2) < 0.2 * abs(w1)


def test_linear_classifier_with_no_features_answers_the_base_rate_everywhere():
    X = np.zeros((4, 2))
    model = features.FeatureClassifier([]).fit(X, np.array([0, 1, 1, 1]))
    np.testing.assert_allclose(model.predict_proba(np.ones((3, 2))), [0.75, 0.75, 0.75])
    np.testing.assert_array_equal(model.predict(np.ones((3, 2))), [1, 1, 1])
    assert model.weights.shape == (0,)


def test_linear_classifier_is_deterministic(circles):
    X, y, _, _ = circles
    a = features.FeatureClassifier(["r", "angle"]).fit(X, y)
    b = features.FeatureClassifier(["r", "angle"]).fit(X, y)
    np.testing.assert_array_equal(a.weights, b.weights)


def test_feature_sets_name_known_features():
    assert features.FEATURE_SETS[0] == ("x1", "x2")
    for names in features.FEATURE_SETS:
        assert features.plane_features(np.zeros((1, 2)), names).shape == (1, len(names))


def test_feature_classifier_checks_the_names_when_it_is_made():
    with pytest.raises(ValueError, match=r"Unknown feature\(s\) \['radius'\]"):
        features.FeatureClassifier(["radius"])


def test_fit_linear_classifier_learns_the_radius_threshold_on_the_circles():
    X, y = datasets.circles(200, noise=0.1, seed=0)
    R = np.sqrt((X ** 2).sum(axis=1))[:, None]                     # (200, 1)
    net = features.fit_linear_classifier(R, y, seed=0)
    w, b = net.layers[0].W[0, 0], net.layers[0].b[0]
    assert w < 0 and 0.5 < -b / w < 1.0                            # inner ring: r below a threshold
    assert net.accuracy(R, y) > 0.95
    assert features.fit_linear_classifier(X, y, seed=0).accuracy(X, y) < 0.65   # no line does


def test_fit_small_network_solves_the_circles_from_raw_coordinates():
    X, y = datasets.circles(200, noise=0.1, seed=0)
    net = features.fit_small_network(X, y, seed=0)
    assert net.sizes == [2, 8, 1]
    assert net.accuracy(X, y) > 0.95


def test_fit_helpers_ask_for_a_table_of_features():
    with pytest.raises(ValueError, match=r"f\[:, None\]"):
        features.fit_linear_classifier(np.zeros(5), np.zeros(5))
    with pytest.raises(ValueError, match="n_samples, n_features"):
        features.fit_small_network(np.zeros(5), np.zeros(5))

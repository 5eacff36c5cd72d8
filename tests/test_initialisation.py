"""dlcore.initialisation: the spread of weighted sums, saturation and gradient sizes at the start."""

import numpy as np
import pytest

from dlcore import Network, initialisation


def test_uniform_std_is_the_arithmetic_of_chapter_6():
    # sqrt(2500 · 1/3) = 28.87 for unit inputs; sqrt(2500 / 9) = 16.67 for pixels spread over [0, 1]
    assert initialisation.uniform_std(2500, 1.0) == pytest.approx(28.8675, abs=1e-4)
    assert initialisation.uniform_std(2500, 1.0, 1 / 3) == pytest.approx(50 / 3)
    # 400 inputs, weights in [-0.5, 0.5]: sqrt(400 · 0.25 / 3) = 5.7735
    assert initialisation.uniform_std(400, 0.5) == pytest.approx(5.7735, abs=1e-4)


def test_xavier_scale_matches_the_layer_initialiser():
    assert initialisation.xavier_scale(2500, 32) == pytest.approx(np.sqrt(6 / 2532))
    from dlcore import Dense
    layer = Dense(2500, 32, "sigmoid", init="xavier", seed=0)
    assert np.abs(layer.W).max() <= initialisation.xavier_scale(2500, 32)


def test_weights_from_minus_one_to_one_saturate_most_sigmoids_of_2500_pixel_inputs():
    stats = initialisation.init_statistics(2500, 1.0)
    assert stats["std_z"] == pytest.approx(16.7, rel=0.1)       # the formula's 50 / 3
    assert stats["saturated"] > 0.6
    assert stats["Z"].shape == stats["A"].shape == (100, 32)
    assert stats["dW"].shape == (2500, 32)


def test_xavier_range_leaves_no_sigmoid_saturated_and_keeps_gradients_larger():
    wide = initialisation.init_statistics(2500, 1.0)
    narrow = initialisation.init_statistics(2500, initialisation.xavier_scale(2500, 32))
    assert narrow["saturated"] == 0.0
    assert narrow["std_z"] == pytest.approx(wide["std_z"] * initialisation.xavier_scale(2500, 32), rel=1e-9)
    assert np.median(np.abs(narrow["dW"])) > 2 * np.median(np.abs(wide["dW"]))
    # the small gradients of the saturated neurons: a tail far below the rest
    assert np.quantile(np.abs(wide["dW"]), 0.1) < np.quantile(np.abs(narrow["dW"]), 0.1) / 10


def test_the_same_seed_gives_the_same_statistics():
    a = initialisation.init_statistics(300, 0.5, seed=4)
    b = initialisation.init_statistics(300, 0.5, seed=4)
    np.testing.assert_array_equal(a["dW"], b["dW"])


def test_first_layer_statistics_uses_the_library_backward():
    net = Network.from_sizes([5, 3, 1], hidden="sigmoid", output="sigmoid", seed=0)
    rng = np.random.default_rng(0)
    X, y = rng.uniform(size=(8, 5)), rng.integers(0, 2, 8)
    stats = initialisation.first_layer_statistics(net, X, y)
    net.gradients(X, y)
    np.testing.assert_allclose(stats["dW"], net.layers[0].dW)
    np.testing.assert_allclose(stats["A"], 1 / (1 + np.exp(-stats["Z"])))


def test_bad_sizes_are_refused_with_a_message():
    with pytest.raises((ValueError, TypeError), match="n_in"):
        initialisation.init_statistics(0, 1.0)
    with pytest.raises((ValueError, TypeError), match="scale"):
        initialisation.uniform_std(10, -1.0)


def test_saturated_means_a_sigmoid_sum_beyond_the_band_of_four():
    # the criterion (slope below 7 % of its peak) and the band chapter 6 shades agree
    stats = initialisation.init_statistics(2500, 1.0)
    assert stats["saturated"] == pytest.approx(np.mean(np.abs(stats["Z"]) > 4.0), abs=0.005)
    sigmoid_slope_at_4 = 1 / (1 + np.exp(-4.0)) * (1 - 1 / (1 + np.exp(-4.0)))
    assert sigmoid_slope_at_4 / 0.25 == pytest.approx(initialisation.SATURATED_SLOPE, abs=0.001)

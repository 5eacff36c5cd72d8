"""dlcore.descent: cost surfaces with their gradients, and the paths gradient descent takes on them."""

import numpy as np
import pytest

import dlcore
from dlcore import Dense, Network, Trainer
from dlcore.descent import SURFACES, Surface, get_surface, gradient_descent, linear_fit_surface


def test_the_bowl_by_hand():
    # c(w) = (w - 3)^2, slope 2 (w - 3); with lr = 0.25 each step halves w - 3:
    # 0 -> 0 - 0.25 * 2 * (0 - 3) = 1.5 -> 1.5 + 0.25 * 2 * 1.5 = 2.25 -> 2.625
    path = gradient_descent("bowl", 0.0, lr=0.25, steps=3)
    np.testing.assert_allclose(path.points[:, 0], [0.0, 1.5, 2.25, 2.625])
    np.testing.assert_allclose(path.costs, [9.0, 2.25, 0.5625, 0.140625])
    assert not path.diverged and path.n_steps == 3


@pytest.mark.parametrize("lr, factor", [(0.1, 0.8), (0.5, 0.0), (0.9, -0.8), (1.0, -1.0), (1.1, -1.2)])
def test_on_the_bowl_each_step_multiplies_the_distance_to_the_minimum_by_1_minus_2_lr(lr, factor):
    path = gradient_descent("bowl", 1.0, lr=lr, steps=5)
    np.testing.assert_allclose(path.points[:, 0] - 3.0, -2.0 * factor ** np.arange(6), atol=1e-12)


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_every_surface_gradient_matches_finite_differences(name):
    surface = SURFACES[name]
    rng = np.random.default_rng(0)
    lows, highs = np.array(surface.lims).T
    W = rng.uniform(lows, highs, size=(20, surface.n_params))               # (20, n_params)
    h = 1e-6
    numeric = np.stack([(surface.cost(W + h * e) - surface.cost(W - h * e)) / (2 * h)
                        for e in np.eye(surface.n_params)], axis=-1)
    np.testing.assert_allclose(surface.grad(W), numeric, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_minima_are_where_the_slope_is_zero_and_the_best_comes_first(name):
    surface = SURFACES[name]
    np.testing.assert_allclose(surface.grad(surface.minima), 0.0, atol=1e-8)
    assert np.all(surface.min_costs[0] <= surface.min_costs)


def test_two_valleys_and_two_basins_each_have_a_poorer_minimum():
    for name in ("two_valleys", "two_basins"):
        best, poorer = SURFACES[name].min_costs
        assert poorer > best + 0.5
    # where descent ends depends on where it starts
    assert gradient_descent("two_valleys", -3.0, lr=0.05, steps=200).nearest_minimum() == 0
    right = gradient_descent("two_valleys", 3.0, lr=0.05, steps=200)
    assert right.nearest_minimum() == 1 and right.verdict() == "stuck in a poorer minimum"


def test_a_learning_rate_too_large_diverges_and_stops_with_a_message():
    path = gradient_descent("narrow_valley", [-2.5, 1.5], lr=0.22, steps=500)
    assert path.diverged and path.n_steps < 500
    assert np.all(np.isfinite(path.points)) and np.max(np.abs(path.points)) <= 1e6
    assert path.verdict() == f"diverged at step {path.n_steps + 1}"
    assert "Diverged with lr=0.22" in path.message() and "lr=0.022" in path.message()
    # just below the limit set by the steepest direction (curvature 10: lr < 0.2) it converges
    assert gradient_descent("narrow_valley", [-2.5, 1.5], lr=0.19, steps=500).verdict() == "at the minimum"


def test_a_path_whose_cost_grows_says_so_before_it_blows_up():
    path = gradient_descent("bowl", 0.0, lr=1.1, steps=10)
    assert not path.diverged and path.verdict() == "diverging"
    assert gradient_descent("bowl", 0.0, lr=0.02, steps=10).verdict() == "still on its way"


def test_momentum_follows_the_rule_of_dlcore_sgd():
    # v = m v + grad, w = w - lr v, as SGD.step does for a parameter
    path = gradient_descent("bowl", [0.0], lr=0.1, steps=2, momentum=0.5)
    v1 = 2 * (0.0 - 3.0)                    # -6
    w1 = 0.0 - 0.1 * v1                     # 0.6
    v2 = 0.5 * v1 + 2 * (w1 - 3.0)          # -3 - 4.8 = -7.8
    w2 = w1 - 0.1 * v2                      # 1.38
    np.testing.assert_allclose(path.points[:, 0], [0.0, w1, w2])
    w = np.array([0.0])
    optimizer = dlcore.SGD(0.1, momentum=0.5)
    for _ in range(2):
        optimizer.step([(w, SURFACES["bowl"].grad(w))])
    np.testing.assert_allclose(w, [w2])


def test_linear_fit_surface_is_the_cost_that_full_batch_training_descends():
    rng = np.random.default_rng(1)
    x = rng.uniform(-1, 1, 30)
    y = 2 * x + 1 + 0.3 * rng.standard_normal(30)
    surface = linear_fit_surface(x, y)
    np.testing.assert_allclose(surface.minima[0], np.polyfit(x, y, 1))
    layer = Dense(1, 1, "identity")
    layer.W, layer.b = [[-1.0]], [-1.5]
    net = Network([layer], loss="mse")
    trainer = Trainer(net, x[:, None], y, batch_size=30, lr=0.3)
    path = gradient_descent(surface, [-1.0, -1.5], lr=0.3, steps=5)
    for k in range(1, 6):
        trainer.step()
        np.testing.assert_allclose([layer.W[0, 0], layer.b[0]], path.points[k], rtol=1e-12)
    assert np.isclose(surface.cost(path.points[-1]), net.cost(x[:, None], y))


def test_bad_input_gets_a_message_that_says_what_to_do():
    with pytest.raises(ValueError, match="Unknown cost surface 'bowel'. Did you mean 'bowl'"):
        gradient_descent("bowel", 0.0, lr=0.1, steps=1)
    with pytest.raises(ValueError, match="greater than 0"):
        gradient_descent("bowl", 0.0, lr=0.0, steps=1)
    with pytest.raises(ValueError, match="start must be 2 finite number"):
        gradient_descent("two_basins", 1.0, lr=0.1, steps=1)
    with pytest.raises(ValueError, match="momentum must be below 1"):
        gradient_descent("bowl", 0.0, lr=0.1, steps=1, momentum=1.0)
    with pytest.raises(TypeError, match="whole number"):
        gradient_descent("bowl", 0.0, lr=0.1, steps=2.5)
    with pytest.raises(ValueError, match="has 1 parameter"):
        SURFACES["bowl"].cost(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="same length"):
        linear_fit_surface([1.0, 2.0], [1.0])


def test_get_surface_passes_a_surface_through():
    surface = Surface("flat", lambda W: W[..., 0] * 0, lambda W: W * 0, lims=[(-1, 1)], minima=[[0.0]])
    assert get_surface(surface) is surface
    assert get_surface("Two-Valleys") is SURFACES["two_valleys"]


def test_a_path_that_bounces_back_and_forth_makes_no_progress():
    # lr = 1 on the bowl: w - 3 is multiplied by -1 at every step, 0 <-> 6
    path = gradient_descent("bowl", 0.0, lr=1.0, steps=4)
    np.testing.assert_allclose(path.points[:, 0], [0.0, 6.0, 0.0, 6.0, 0.0])
    assert path.verdict() == "no lower than at the start"


def test_before_the_first_step_the_verdict_is_the_start():
    assert gradient_descent("bowl", 0.0, lr=0.1, steps=0).verdict() == "the start"

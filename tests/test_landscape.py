"""dlcore.landscape: the cost along one parameter or over two, with the network left as it was."""

import numpy as np
import pytest

from dlcore import Dense, Network, landscape


def one_neuron(w=0.0, b=0.0):
    net = Network([Dense(1, 1, "sigmoid")])
    net.layers[0].W = [[w]]
    net.layers[0].b = [b]
    return net


X = np.array([[-1.0], [2.0]])
y = np.array([0, 1])


def test_cost_curve_matches_a_hand_worked_cross_entropy():
    # w = 0: both outputs 0.5, each example costs ln 2.
    # w = 1: outputs sigmoid(-1) = 0.2689 (label 0) and sigmoid(2) = 0.8808 (label 1):
    #        -(ln(1 - 0.2689) + ln 0.8808) / 2 = (0.3133 + 0.1269) / 2 = 0.2201
    costs = landscape.cost_curve(one_neuron(), X, y, (0, "W", 0, 0), [0.0, 1.0])
    np.testing.assert_allclose(costs, [np.log(2), 0.22009], atol=1e-5)


def test_cost_curve_measures_mean_squared_error_when_asked():
    # w = 1: (0.2689 - 0)² and (0.8808 - 1)² averaged: (0.07233 + 0.01421) / 2 = 0.04327
    costs = landscape.cost_curve(one_neuron(), X, y, (0, "W", 0, 0), [0.0, 1.0], loss="mse")
    np.testing.assert_allclose(costs, [0.25, 0.04327], atol=1e-5)


def test_cost_grid_varies_two_parameters_and_restores_them():
    net = one_neuron(w=0.3, b=-0.2)
    grid = landscape.cost_grid(net, X, y, [(0, "W", 0, 0), (0, "b", 0)], [[0.0, 1.0, 2.0], [-1.0, 0.0]])
    assert grid.shape == (3, 2)
    assert net.layers[0].W[0, 0] == 0.3 and net.layers[0].b[0] == -0.2
    # the column at b = 0 is the curve along w
    np.testing.assert_allclose(grid[:, 1], landscape.cost_curve(one_neuron(), X, y, (0, "W", 0, 0), [0.0, 1.0, 2.0]))
    # each entry is the cost of the network set to that pair
    np.testing.assert_allclose(grid[2, 0], one_neuron(2.0, -1.0).cost(X, y))


def test_cost_slope_agrees_with_backpropagation():
    net = Network.from_sizes([3, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    rng = np.random.default_rng(1)
    X3, y3 = rng.normal(size=(10, 3)), rng.integers(0, 2, 10)
    net.gradients(X3, y3)
    np.testing.assert_allclose(landscape.cost_slope(net, X3, y3, (0, "W", 2, 1)), net.layers[0].dW[2, 1], rtol=1e-6)
    np.testing.assert_allclose(landscape.cost_slope(net, X3, y3, (1, "b", 0)), net.layers[1].db[0], rtol=1e-6)


def test_a_confidently_wrong_sigmoid_gets_a_steeper_cross_entropy_than_squared_error():
    net = one_neuron(w=-6.0)
    steep = abs(landscape.cost_slope(net, X, y, (0, "W", 0, 0), loss="bce"))
    flat = abs(landscape.cost_slope(net, X, y, (0, "W", 0, 0), loss="mse"))
    assert steep > 50 * flat


@pytest.mark.parametrize("param, words", [
    ((0, "W", 1, 0), "shape (1, 1)"),
    ((2, "W", 0, 0), "layers 0 to 0"),
    ((0, "V", 0), "(layer, 'W', i, j)"),
    ([0, "b", 0], "(layer, 'W', i, j)"),
])
def test_a_wrong_parameter_name_says_how_to_name_one(param, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        landscape.cost_curve(one_neuron(), X, y, param, [0.0])


def test_labels_and_samples_must_match():
    with pytest.raises(ValueError, match="one label per sample"):
        landscape.cost_curve(one_neuron(), X, np.array([0, 1, 1]), (0, "b", 0), [0.0])

"""The answers of chapter 7's exercises: accepted as the chapter computes them, each typical mistake named."""

import numpy as np
import pytest

from dlcore import Dense, Network
from dlcore.exercises import check
from dlcore.graph import network_graph


def tiny_network():
    net = Network([Dense(1, 1, "sigmoid"), Dense(1, 1, "sigmoid")], loss="mse")
    net.layers[0].W, net.layers[0].b = [[0.8]], [-0.5]
    net.layers[1].W, net.layers[1].b = [[1.5]], [-0.4]
    return net


def test_the_worked_solutions_are_accepted():
    f = np.square
    sigmoid_slope_at_0 = 0.5 * (1 - 0.5)
    solutions = {
        "7.1": (f(5 + 0.1) - f(5)) / 0.1,                                        # 2x + h, with rounding
        "7.2": sigmoid_slope_at_0 * 2,                                           # chain rule: 0.25 · 2
        "7.3": network_graph(tiny_network(), [1.5], [0.0]).node("w2").grad,      # the target t = 0
        "7.4": 2 * Network.from_sizes([2500, 100, 1], seed=0).n_params,          # two passes per parameter
    }
    for exercise, value in solutions.items():
        verdict = check(exercise, value)
        assert verdict and repr(verdict) == f"✓ Exercise {exercise}: correct.", repr(verdict)
    assert check("7.3", 0.1974)                                                  # four decimals, by hand


@pytest.mark.parametrize("exercise, wrong, phrase", [
    ("7.1", 10, "the slope itself"),
    ("7.1", 1.01, "divide it by the run"),
    ("7.1", 10.01, "not 2x + h²"),
    ("7.1", 6.1, "the ratio at x = 3"),
    ("7.2", 0.25, "multiplies it by the rate of 2x - 1"),
    ("7.2", 2, "multiply it by the sigmoid's slope"),
    ("7.3", -0.1081, "for the target t = 1"),
    ("7.3", 0.2955, "that is ∂C/∂z2"),
    ("7.3", 0.8635, "skipped the sigmoid's slope"),
    ("7.4", 250201, "two forward passes"),
    ("7.4", 500200, "you forgot the biases"),
    ("7.4", 1, "what backpropagation needs"),
])
def test_each_typical_mistake_gets_its_own_hint(exercise, wrong, phrase):
    verdict = check(exercise, wrong)
    assert not verdict and phrase in repr(verdict).replace("\n  ", " ")

"""Tests of dlcore.neuron: one neuron's weighted sum and activation."""

import numpy as np
import pytest

from dlcore import Perceptron, neuron, weighted_sum


def test_weighted_sum_by_hand():
    # 1 * 0.5 + 2 * -0.25 + 0.1 = 0.5 - 0.5 + 0.1 = 0.1
    z = weighted_sum([1.0, 2.0], [0.5, -0.25], 0.1)
    assert isinstance(z, float)
    assert z == pytest.approx(0.1, abs=1e-15)


def test_neuron_with_a_sigmoid_by_hand():
    # z = 2 * 1 + -1 * 1 + (ln 3 - 1) = ln 3;  sigmoid(ln 3) = 1 / (1 + 1/3) = 0.75
    a = neuron([2.0, -1.0], [1.0, 1.0], np.log(3) - 1)
    assert isinstance(a, float)
    assert a == pytest.approx(0.75, rel=1e-15)


def test_neuron_with_relu_blocks_a_negative_sum():
    # 1 * 0.5 + 2 * -0.25 + 0 = 0 -> relu 0;  with b = -1: -1 -> 0;  with b = 2: 2
    assert neuron([1.0, 2.0], w=[0.5, -0.25], b=0.0, activation="relu") == 0.0
    assert neuron([1.0, 2.0], w=[0.5, -0.25], b=-1.0, activation="relu") == 0.0
    assert neuron([1.0, 2.0], w=[0.5, -0.25], b=2.0, activation="relu") == 2.0


def test_neuron_with_a_step_answers_one_from_zero_up():
    assert neuron([1.0, 1.0], [1.0, -1.0], 0.0, activation="step") == 1.0
    assert neuron([1.0, 1.0], [1.0, -1.0], -0.01, activation="step") == 0.0


def test_a_batch_gives_one_value_per_sample_equal_to_one_at_a_time():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5, 3))
    w, b = rng.normal(size=3), 0.3
    batch = neuron(X, w, b, activation="tanh")
    assert batch.shape == (5,)
    np.testing.assert_allclose(batch, [neuron(x, w, b, activation="tanh") for x in X], rtol=1e-15)
    np.testing.assert_allclose(weighted_sum(X, w, b), X @ w + b, rtol=1e-15)


def test_batch_of_one_sample_stays_an_array():
    assert neuron(np.array([[1.0, 2.0]]), [1.0, 1.0], 0.0, activation="identity").shape == (1,)


def test_wrong_number_of_inputs_names_the_number_of_weights():
    with pytest.raises(ValueError, match=r"A neuron with 2 weights expects x with 2 columns"):
        neuron([1.0, 2.0, 3.0], [1.0, 1.0], 0.0)


def test_two_dimensional_weights_are_rejected_with_the_shape_to_use():
    with pytest.raises(ValueError, match=r"w must be 1-D of shape \(n_features,\), got shape \(2, 1\)"):
        neuron([1.0, 2.0], [[1.0], [1.0]], 0.0)


def test_unknown_activation_suggests_the_closest():
    with pytest.raises(ValueError, match="Did you mean 'tanh'"):
        neuron([1.0], [1.0], 0.0, activation="tahn")


# --- learner mistakes found while reviewing dlcore ---

def test_integer_inputs_are_accepted_by_a_neuron_and_a_perceptron():
    # the truth tables of chapter 1 are typed as integers
    assert weighted_sum([3, 1], [2, -1], 1) == 6.0                       # 3*2 + 1*-1 + 1
    assert neuron([1, 1], [0.5, 0.5], -0.7, activation="step") == 1.0   # AND gate: 0.5 + 0.5 - 0.7 >= 0
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    p = Perceptron(2)
    assert p.fit(X, [0, 0, 0, 1], epochs=20)[-1] == 0


def test_a_single_neuron_rejects_softmax():
    with pytest.raises(ValueError, match="softmax"):
        neuron(np.array([[1.0, 2.0], [3.0, 4.0]]), [1.0, 1.0], 0.0, activation="softmax")

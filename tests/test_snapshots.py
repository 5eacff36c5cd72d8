"""dlcore.snapshots: copies of a layer's weights, taken by train's callback after every epoch."""

import math

import numpy as np
import pytest

from dlcore import Network, train
from dlcore.snapshots import WeightSnapshots


def small_problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 3))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    return X, y


def test_snapshots_keep_the_start_and_one_copy_per_epoch():
    X, y = small_problem()
    net = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    start = net.layers[0].W.copy()
    steps_per_epoch = math.ceil(len(X) / 16)                       # 4 steps: 16 + 16 + 16 + 2
    snapshots = WeightSnapshots(net, every=steps_per_epoch)
    train(net, X, y, epochs=3, batch_size=16, lr=0.5, callback=snapshots)
    assert len(snapshots) == 4 and snapshots.steps == [0, 4, 8, 12]
    np.testing.assert_array_equal(snapshots.weights[0], start)
    np.testing.assert_array_equal(snapshots.weights[-1], net.layers[0].W)   # the end of the last epoch
    assert not np.array_equal(snapshots.weights[1], start)                  # training moved them


def test_snapshots_are_copies_that_later_steps_leave_alone():
    X, y = small_problem()
    net = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    snapshots = WeightSnapshots(net, every=1, layer=1)
    train(net, X, y, epochs=1, batch_size=25, lr=0.5, callback=snapshots)
    first, second, third = snapshots.weights
    assert first.shape == (4, 2)
    assert not np.array_equal(first, second) and not np.array_equal(second, third)


def test_snapshots_do_not_change_the_training_run():
    X, y = small_problem()
    plain = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    watched = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    train(plain, X, y, epochs=2, batch_size=10, lr=0.5, seed=1)
    train(watched, X, y, epochs=2, batch_size=10, lr=0.5, seed=1, callback=WeightSnapshots(watched, every=5))
    for (a, _), (b, _) in zip(plain.parameters(), watched.parameters()):
        np.testing.assert_array_equal(a, b)


def test_snapshots_reject_a_layer_the_network_does_not_have():
    net = Network.from_sizes([3, 4, 2], output="softmax", seed=0)
    with pytest.raises(ValueError, match="numbered 0 to 1"):
        WeightSnapshots(net, every=1, layer=2)
    with pytest.raises(TypeError, match="whole number"):
        WeightSnapshots(net, every=1.5)

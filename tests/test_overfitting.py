"""dlcore.overfitting: the epoch of the lowest validation cost, and training runs kept epoch by epoch."""

import numpy as np
import pytest

from dlcore import SGD, Network, datasets, train
from dlcore.overfitting import TrainingRun, best_epoch


@pytest.fixture(scope="module")
def data():
    """The chapter's problem, small: noisy circles with one label in ten turned."""
    X, y = datasets.circles(400, noise=0.15, seed=2)
    wrong = np.random.default_rng(2).random(len(y)) < 0.1
    y = np.where(wrong, 1 - y, y)
    (X_train, y_train), (X_val, y_val), _ = datasets.train_val_test_split(X, y, val=0.25, test=0.25, seed=0)
    return X_train[:40], y_train[:40], X_val, y_val


# --- best_epoch ------------------------------------------------------------------------------------------

def test_best_epoch_counts_from_one_and_can_look_at_the_first_epochs_only():
    costs = [0.9, 0.5, 0.4, 0.45, 0.6]       # lowest at the third epoch
    assert best_epoch(costs) == 3
    assert best_epoch(costs, up_to=2) == 2    # what early stopping knew after two epochs
    assert best_epoch([0.5, 0.3, 0.3, 0.7]) == 2   # a tie goes to the earlier epoch


def test_best_epoch_says_to_record_a_validation_cost_when_there_is_none():
    with pytest.raises(ValueError, match="validation_data"):
        best_epoch([])


# --- TrainingRun -----------------------------------------------------------------------------------------

def test_a_run_is_the_same_training_as_train(data):
    X, y, X_val, y_val = data
    run = TrainingRun(X, y, (X_val, y_val), hidden=16, lr=0.5, weight_decay=0.001, seed=0)
    run.advance_to(30)
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="sigmoid", seed=0)
    history = train(net, X, y, epochs=30, batch_size=len(X), optimizer=SGD(0.5, weight_decay=0.001),
                    validation_data=(X_val, y_val))
    np.testing.assert_allclose(run.history.train_cost, history.train_cost)
    np.testing.assert_allclose(run.history.val_cost, history.val_cost)
    np.testing.assert_allclose(run.predict_proba(X_val, 30), net.predict_proba(X_val)[:, 0])


def test_a_run_trains_only_as_far_as_asked_and_keeps_every_epoch(data):
    X, y, X_val, y_val = data
    run = TrainingRun(X, y, (X_val, y_val), hidden=8, seed=1)
    start = run.network_at(0).predict_proba(X_val).copy()        # before any training
    assert run.epochs == 0
    run.advance_to(12)
    assert run.epochs == 12 and run.history.steps == 12           # full batch: one step per epoch
    run.advance_to(5)                                             # already there: nothing happens
    assert run.epochs == 12
    np.testing.assert_allclose(run.network_at(0).predict_proba(X_val), start)
    shorter = TrainingRun(X, y, (X_val, y_val), hidden=8, seed=1)
    shorter.advance_to(5)
    np.testing.assert_allclose(run.predict_proba(X_val, 5), shorter.predict_proba(X_val, 5))
    assert run.predict_proba(X_val, 20).shape == (len(X_val),)   # trains on to epoch 20 first
    assert run.epochs == 20


def test_a_big_network_on_few_points_overfits(data):
    X, y, X_val, y_val = data
    run = TrainingRun(X, y, (X_val, y_val), hidden=100, seed=0)
    history = run.advance_to(1500)
    best = run.best_epoch()
    assert 10 < best < 1000
    assert history.val_cost[-1] > history.val_cost[best - 1] + 0.2       # validation cost rises again
    assert history.train_cost[-1] < history.train_cost[best - 1] - 0.1   # while the training cost falls
    assert history.train_acc[-1] > history.val_acc[-1] + 0.15


def test_a_run_that_diverges_stops_quietly_and_keeps_its_good_epochs(data):
    X, y, X_val, y_val = data
    run = TrainingRun(X, y, (X_val, y_val), hidden=8, lr=1e200)
    history = run.advance_to(10)                  # no exception: the run just ends
    assert run.diverged and history.diverged
    assert run.epochs < 10
    assert np.isfinite(run.predict_proba(X_val, 0)).all()


def test_a_run_needs_a_table_of_inputs_and_some_hidden_neurons(data):
    X, y, X_val, y_val = data
    with pytest.raises(ValueError, match="n_samples, n_features"):
        TrainingRun(X[:, 0], y, (X_val, y_val))
    with pytest.raises(ValueError, match="hidden"):
        TrainingRun(X, y, (X_val, y_val), hidden=0)
    assert repr(TrainingRun(X, y, (X_val, y_val), hidden=3)) == "TrainingRun(2 → 3 → 1, epochs=0, SGD(lr=0.5))"

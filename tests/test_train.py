"""Tests of dlcore.train: it learns, it is reproducible, early stopping, callbacks, divergence."""

import math
import warnings

import numpy as np
import pytest

from dlcore import SGD, Dense, Network, Perceptron, Trainer, TrainingDiverged, train

# Small toy data made here, so these tests do not depend on dlcore.datasets.

def _circles(n_samples=200, seed=0, noise=0.1):
    """Outer circle (radius 1) class 0, inner circle (radius 0.5) class 1."""
    rng = np.random.default_rng(seed)
    y = np.arange(n_samples) % 2
    angle = rng.uniform(0, 2 * np.pi, n_samples)
    radius = np.where(y == 1, 0.5, 1.0)
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return X + rng.normal(0, noise, X.shape), y


def _moons(n_samples=200, seed=0, noise=0.1):
    """Two interleaving half circles."""
    rng = np.random.default_rng(seed)
    y = np.arange(n_samples) % 2
    t = rng.uniform(0, np.pi, n_samples)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 1, lower, upper)
    return X + rng.normal(0, noise, X.shape), y


def _xor(n_samples=200, seed=0, noise=0.1):
    """Clusters at the corners of a square; label 1 where the signs of the coordinates differ."""
    rng = np.random.default_rng(seed)
    corner = np.arange(n_samples) % 4
    signs = np.array([[1, 1], [-1, -1], [1, -1], [-1, 1]], dtype=float)
    return signs[corner] + rng.normal(0, noise, (n_samples, 2)), (corner >= 2).astype(np.int64)


def _noisy_line(n_samples, seed):
    """Two overlapping classes: a large network overfits them, which early stopping should catch."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, 2))
    y = (X[:, 0] + rng.normal(0, 1.0, n_samples) > 0).astype(np.int64)
    return X, y


def _weights(net):
    return np.concatenate([param.ravel() for param, _ in net.parameters()])


# --- it learns ----------------------------------------------------------------------------------

@pytest.mark.parametrize("make_data", [_circles, _moons, _xor], ids=["circles", "moons", "xor"])
@pytest.mark.parametrize("seed", [0, 1])
def test_one_hidden_layer_reaches_95_percent_on_toy_data(make_data, seed):
    X, y = make_data(200, seed=seed)
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="sigmoid", seed=seed)
    history = train(net, X, y, epochs=150, lr=0.5, batch_size=32, seed=seed)
    assert history.train_acc[-1] >= 0.95
    assert net.accuracy(X, y) == history.train_acc[-1]


def test_two_hidden_layers_with_softmax_reach_95_percent_on_moons():
    X, y = _moons(200, seed=2)
    net = Network.from_sizes([2, 8, 8, 2], hidden="tanh", output="softmax", seed=2)
    history = train(net, X, y, epochs=150, lr=0.5, batch_size=16, seed=2)
    assert history.train_acc[-1] >= 0.95


def test_training_lowers_the_cost():
    X, y = _circles(200, seed=3)
    net = Network.from_sizes([2, 16, 1], seed=3)
    start = net.cost(X, y)
    history = train(net, X, y, epochs=20, lr=0.5)
    assert history.train_cost[-1] < 0.5 * start
    assert history.train_cost[-1] == pytest.approx(net.cost(X, y), rel=1e-12)


def test_a_perceptron_stays_below_80_percent_on_circles():
    X, y = _circles(200, seed=0)
    perceptron = Perceptron(2)
    perceptron.fit(X, y, epochs=20)
    assert perceptron.accuracy(X, y) < 0.8


def test_regression_fits_a_line():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(100, 1))
    y = 3 * X[:, 0] - 1                        # y = 3x - 1
    net = Network.from_sizes([1, 1], output="identity", seed=0)
    train(net, X, y, epochs=100, lr=0.1, batch_size=10)
    np.testing.assert_allclose(net.layers[0].W, [[3.0]], atol=1e-3)
    np.testing.assert_allclose(net.layers[0].b, [-1.0], atol=1e-3)


# --- reproducible -----------------------------------------------------------------------------------

def _run(seed_net, seed_train):
    X, y = _moons(120, seed=0)
    X_val, y_val = _moons(60, seed=1)
    net = Network.from_sizes([2, 8, 1], seed=seed_net)
    history = train(net, X, y, epochs=5, lr=0.3, batch_size=10, validation_data=(X_val, y_val), seed=seed_train)
    return history, _weights(net)


def test_same_seed_gives_identical_history_and_weights():
    (h1, w1), (h2, w2) = _run(0, 0), _run(0, 0)
    for name in ("train_cost", "train_acc", "val_cost", "val_acc"):
        assert getattr(h1, name) == getattr(h2, name)
    assert np.array_equal(w1, w2)


def test_another_shuffling_seed_gives_another_run():
    (h1, w1), (h2, w2) = _run(0, 0), _run(0, 1)
    assert h1.train_cost != h2.train_cost
    assert not np.array_equal(w1, w2)


def test_training_leaves_the_data_unchanged():
    X, y = _xor(40, seed=0)
    X_copy, y_copy = X.copy(), y.copy()
    train(Network.from_sizes([2, 4, 1], seed=0), X, y, epochs=3, batch_size=8)
    assert np.array_equal(X, X_copy) and np.array_equal(y, y_copy)


# --- history --------------------------------------------------------------------------------------

def test_history_has_one_entry_per_epoch_and_counts_steps():
    X, y = _circles(50, seed=0)
    X_val, y_val = _circles(20, seed=1)
    history = train(Network.from_sizes([2, 4, 1], seed=0), X, y, epochs=7, batch_size=16,
                    validation_data=(X_val, y_val))
    assert history.epochs == 7
    assert len(history.train_cost) == len(history.train_acc) == len(history.val_cost) == len(history.val_acc) == 7
    assert history.steps == 7 * math.ceil(50 / 16)      # 4 batches per epoch: 16, 16, 16, 2
    assert history.best_epoch is None and not history.stopped_early and not history.diverged
    assert "epochs=7" in repr(history) and "val_acc=" in repr(history)


def test_without_validation_data_the_validation_lists_stay_empty():
    X, y = _circles(30, seed=0)
    history = train(Network.from_sizes([2, 3, 1], seed=0), X, y, epochs=2, batch_size=10)
    assert history.val_cost == [] and history.val_acc == []


def test_a_regression_history_has_no_accuracy():
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    history = train(Network.from_sizes([1, 1], output="identity", seed=0), X, 2 * X[:, 0], epochs=3, batch_size=5)
    assert len(history.train_cost) == 3 and history.train_acc == []


def test_batch_size_len_X_is_full_batch_gradient_descent():
    X, y = _xor(40, seed=0)
    net = Network.from_sizes([2, 4, 1], hidden="tanh", seed=0)
    by_hand = Network.from_sizes([2, 4, 1], hidden="tanh", seed=0)
    history = train(net, X, y, epochs=5, batch_size=len(X), lr=0.3)
    assert history.steps == 5
    opt = SGD(lr=0.3)
    for _ in range(5):                   # one step on all samples per epoch; the order does not matter
        by_hand.gradients(X, y)
        opt.step(by_hand)
    np.testing.assert_allclose(_weights(net), _weights(by_hand), rtol=1e-12, atol=1e-14)


def test_batch_size_one_takes_one_step_per_sample():
    X, y = _xor(12, seed=0)
    assert train(Network.from_sizes([2, 3, 1], seed=0), X, y, epochs=2, batch_size=1).steps == 24


# --- early stopping --------------------------------------------------------------------------------------

def test_early_stopping_stops_and_restores_the_best_validation_weights():
    X, y = _noisy_line(40, seed=0)
    X_val, y_val = _noisy_line(200, seed=1)
    net = Network.from_sizes([2, 64, 64, 1], hidden="relu", seed=0)
    history = train(net, X, y, epochs=300, lr=0.5, batch_size=8, validation_data=(X_val, y_val), patience=5)
    assert history.stopped_early
    assert history.epochs < 300
    best = int(np.argmin(history.val_cost))
    assert history.best_epoch == best + 1
    assert history.epochs == history.best_epoch + 5            # patience epochs without improvement
    assert net.cost(X_val, y_val) == pytest.approx(min(history.val_cost), rel=1e-12)
    assert net.cost(X_val, y_val) < history.val_cost[-1]


def test_patience_without_a_stop_still_ends_on_the_best_weights():
    X, y = _noisy_line(40, seed=0)
    X_val, y_val = _noisy_line(100, seed=1)
    net = Network.from_sizes([2, 8, 1], seed=0)
    history = train(net, X, y, epochs=4, lr=0.1, validation_data=(X_val, y_val), patience=50)
    assert not history.stopped_early
    assert net.cost(X_val, y_val) == pytest.approx(min(history.val_cost), rel=1e-12)


# --- callback ------------------------------------------------------------------------------------------

def test_callback_is_called_once_per_step_with_step_epoch_and_cost():
    X, y = _circles(30, seed=0)
    calls = []
    net = Network.from_sizes([2, 3, 1], seed=0)
    history = train(net, X, y, epochs=3, batch_size=10,
                    callback=lambda net_, step, epoch, cost: calls.append((net_, step, epoch, cost)))
    assert len(calls) == history.steps == 9
    assert [c[1] for c in calls] == list(range(1, 10))
    assert [c[2] for c in calls] == [1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert all(c[0] is net and isinstance(c[3], float) and c[3] > 0 for c in calls)


def test_callback_sees_the_cost_of_the_batch_before_the_step():
    X, y = _circles(20, seed=0)
    net = Network.from_sizes([2, 3, 1], seed=0)
    start = net.cost(X, y)
    seen = []
    train(net, X, y, epochs=1, batch_size=20, callback=lambda *args: seen.append(args[3]))
    assert seen == [pytest.approx(start, rel=1e-12)]


def test_callback_returning_false_stops_training():
    X, y = _circles(30, seed=0)
    net = Network.from_sizes([2, 3, 1], seed=0)
    history = train(net, X, y, epochs=100, batch_size=10, callback=lambda net_, step, epoch, cost: step < 5)
    assert history.steps == 5
    assert history.epochs == 1                # epoch 1 finished (3 steps); epoch 2 stopped after 2


def test_callback_returning_none_does_not_stop_training():
    X, y = _circles(30, seed=0)
    history = train(Network.from_sizes([2, 3, 1], seed=0), X, y, epochs=2, batch_size=10, callback=lambda *a: None)
    assert history.steps == 6


# --- divergence -----------------------------------------------------------------------------------------

def _regression_data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 2))
    return X, X @ np.array([3.0, -2.0])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # numpy's overflow warning on the way to inf
def test_a_huge_learning_rate_raises_training_diverged_mentioning_the_learning_rate():
    X, y = _regression_data()
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="identity", seed=0)
    with pytest.raises(TrainingDiverged, match=r"learning rate lr=1000 is too large\. Try lr=100") as err:
        train(net, X, y, epochs=50, lr=1000.0)
    assert isinstance(err.value, ValueError)
    assert err.value.history.diverged
    assert all(np.isfinite(err.value.history.train_cost))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_on_divergence_stop_returns_the_history_marked_diverged():
    X, y = _regression_data()
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="identity", seed=0)
    history = train(net, X, y, epochs=50, lr=1000.0, on_divergence="stop")
    assert history.diverged
    assert history.epochs < 50
    assert "diverged=True" in repr(history)


# --- dtypes and optimisers ---------------------------------------------------------------------------------

def test_float32_training_works_and_stays_float32():
    X, y = _xor(200, seed=0)
    net = Network.from_sizes([2, 16, 1], seed=0, dtype="float32")
    history = train(net, X, y, epochs=60, lr=0.5)
    assert history.train_acc[-1] >= 0.95
    assert all(np.isfinite(history.train_cost))
    assert all(param.dtype == grad.dtype == np.float32 for param, grad in net.parameters())
    assert net.forward(X).dtype == np.float32


def test_training_with_a_momentum_optimizer():
    X, y = _circles(200, seed=0)
    net = Network.from_sizes([2, 16, 1], seed=0)
    history = train(net, X, y, epochs=60, optimizer=SGD(lr=0.1, momentum=0.9))
    assert history.train_acc[-1] >= 0.95


def test_one_hot_labels_train_a_softmax_network():
    X, y = _xor(100, seed=0)
    net = Network.from_sizes([2, 8, 2], output="softmax", seed=0)
    history = train(net, X, np.eye(2)[y], epochs=80, lr=0.5)
    assert history.train_acc[-1] >= 0.95


def test_progress_bar_does_not_change_the_run():
    pytest.importorskip("tqdm")
    X, y = _circles(40, seed=0)
    quiet = train(Network.from_sizes([2, 3, 1], seed=0), X, y, epochs=3)
    shown = train(Network.from_sizes([2, 3, 1], seed=0), X, y, epochs=3, progress=True)
    assert quiet.train_cost == shown.train_cost


# --- learner mistakes found while reviewing dlcore ---

def test_default_batch_size_works_on_a_data_set_smaller_than_32():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    history = train(Network.from_sizes([2, 4, 1], seed=0), X, [0, 1, 1, 0], epochs=3)
    assert history.steps == 3              # full batch: one step per epoch


def test_divergence_raises_training_diverged_even_with_warnings_as_errors():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 2))
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="identity", seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged):
            train(net, X, X @ np.array([3.0, -2.0]), epochs=50, lr=1000.0)


def test_stopping_through_the_callback_still_restores_the_best_weights():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(80, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    net = Network.from_sizes([2, 8, 1], seed=0)
    history = train(net, X[:60], y[:60], epochs=50, batch_size=10, lr=0.5,
                    validation_data=(X[60:], y[60:]), patience=100,
                    callback=lambda net, step, epoch, cost: step < 6 * 25 - 1)   # stop in epoch 25's last step
    assert history.epochs == 24
    assert net.cost(X[60:], y[60:]) == pytest.approx(min(history.val_cost), rel=1e-12)


# --- a run that stops and goes on: the Trainer ----------------------------------------------------

def _same_run(a, b):
    """Two (history, weights) pairs are the same run: equal numbers, to the last bit."""
    (h1, w1), (h2, w2) = a, b
    assert np.array_equal(w1, w2)
    assert h1.train_cost == h2.train_cost and h1.train_acc == h2.train_acc
    assert h1.val_cost == h2.val_cost and h1.steps == h2.steps


def _trainer(seed=3, momentum=0.9):
    X, y = _circles(50, seed=0)
    net = Network.from_sizes([2, 6, 1], seed=1)
    # momentum too: its velocity is part of a run's state and must carry over a pause
    return Trainer(net, X[:40], y[:40], batch_size=7, optimizer=SGD(0.3, momentum=momentum),
                   validation_data=(X[40:], y[40:]), seed=seed)


def _train_in_one_call(epochs, seed=3):
    X, y = _circles(50, seed=0)
    net = Network.from_sizes([2, 6, 1], seed=1)
    history = train(net, X[:40], y[:40], epochs=epochs, batch_size=7, optimizer=SGD(0.3, momentum=0.9),
                    validation_data=(X[40:], y[40:]), seed=seed)
    return history, _weights(net)


def test_k_one_epoch_calls_give_the_run_of_one_k_epoch_call():
    trainer = _trainer()
    for _ in range(4):
        trainer.run(1)
    _same_run((trainer.history, _weights(trainer.net)), _train_in_one_call(4))


def test_stopping_after_any_step_and_going_on_gives_the_same_run():
    trainer = _trainer()
    assert trainer.steps_per_epoch == 6                     # 40 samples in batches of 7: 5 of 7 and one of 5
    for _ in range(3):
        trainer.step()
    assert (trainer.epoch, trainer.step_in_epoch) == (1, 3)
    trainer.run_epoch()                                      # the rest of epoch 1
    assert (trainer.epoch, trainer.step_in_epoch, trainer.history.epochs) == (2, 0, 1)
    for _ in range(8):                                       # all of epoch 2, two steps into epoch 3
        trainer.step()
    trainer.run(2)                                           # finishes epoch 3, then epoch 4
    _same_run((trainer.history, _weights(trainer.net)), _train_in_one_call(4))


def test_a_trainer_with_another_seed_shuffles_differently():
    a, b = _trainer(seed=3), _trainer(seed=4)
    a.run(2)
    b.run(2)
    assert not np.array_equal(_weights(a.net), _weights(b.net))


def test_step_returns_the_cost_of_its_batch_before_the_step():
    X, y = _circles(20, seed=0)
    net = Network.from_sizes([2, 3, 1], seed=0)
    start = net.cost(X, y)
    trainer = Trainer(net, X, y, batch_size=20, lr=0.5)
    assert trainer.step() == pytest.approx(start, rel=1e-12)
    assert net.cost(X, y) < start


def test_the_last_batch_of_an_epoch_holds_the_samples_left_over():
    X, y = _circles(10, seed=0)
    net = Network.from_sizes([2, 3, 1], seed=0)
    trainer = Trainer(net, X, y, batch_size=4, lr=0.1)
    sizes = []
    backward = net.backward
    net.backward = lambda T: (sizes.append(len(T)), backward(T))
    for _ in range(trainer.steps_per_epoch):
        trainer.step()
    assert sizes == [4, 4, 2] and trainer.history.epochs == 1


def test_a_diverging_step_raises_leaves_the_weights_and_refuses_to_go_on():
    X, y = _regression_data()
    net = Network.from_sizes([2, 16, 1], hidden="relu", output="identity", seed=0)
    trainer = Trainer(net, X, y, batch_size=64, lr=1000.0)
    with pytest.raises(TrainingDiverged, match="lr=1000 is too large"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")                   # no numpy warning on the way: the message says it
            for _ in range(50):
                trainer.step()
    weights = _weights(net)
    assert trainer.diverged and trainer.history.diverged
    with pytest.raises(TrainingDiverged, match="cannot go on"):
        trainer.step()
    assert np.array_equal(_weights(net), weights)


def test_a_large_but_finite_float32_cost_is_not_taken_for_divergence():
    # One sample, one weight of 1.2e19: the cost (1.2e19)**2 = 1.44e38 is finite in float32
    # (whose largest number is 3.4e38), and so is the gradient 2.4e19, though the sum of
    # the gradient's squares is not. Training must go on: nothing here is NaN or infinite.
    layer = Dense(1, 1, "identity", dtype="float32")
    layer.W = [[1.2e19]]
    net = Network([layer], loss="mse")
    trainer = Trainer(net, np.ones((1, 1)), np.zeros(1), batch_size=1, lr=1e-20)
    cost = trainer.step()
    assert cost == pytest.approx(1.44e38, rel=1e-6) and math.isfinite(cost)
    assert not trainer.diverged and trainer.history.epochs == 1
    assert layer.W[0, 0] == pytest.approx(1.2e19 - 1e-20 * 2.4e19, rel=1e-6)


def test_a_trainer_refuses_what_train_refuses():
    X, y = _circles(20, seed=0)
    with pytest.raises(TypeError, match="expects a dlcore Network"):
        Trainer(Dense(2, 1), X, y)
    with pytest.raises(ValueError, match="either lr or optimizer"):
        Trainer(Network.from_sizes([2, 1], seed=0), X, y, lr=0.1, optimizer=SGD(0.1))

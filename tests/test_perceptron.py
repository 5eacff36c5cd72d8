"""Tests of dlcore.perceptron: the learning rule by hand, convergence, its limits, and its updates one by one."""

import numpy as np
import pytest

from dlcore import Perceptron, datasets
from dlcore.perceptron import perceptron_datasets, perceptron_updates

STEP_KEYS = {"epoch", "index", "x", "target", "error", "w", "b"}


def _separable(n_samples=100, seed=0):
    """Two classes on either side of the line x1 + 2 x2 = 0.5, with a margin."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(4 * n_samples, 2))
    s = X @ np.array([1.0, 2.0]) - 0.5
    keep = np.abs(s) > 0.2
    return X[keep][:n_samples], (s[keep][:n_samples] > 0).astype(np.int64)


XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


def test_learning_rule_by_hand_for_two_updates():
    p = Perceptron(2, lr=0.5)        # starts at w = (0, 0), b = 0
    # x = (1, 2), target 0: z = 0 >= 0 predicts 1, error = 0 - 1 = -1
    # w = (0, 0) + 0.5 * -1 * (1, 2) = (-0.5, -1);  b = 0 + 0.5 * -1 = -0.5
    assert p.update([1.0, 2.0], 0) == -1
    np.testing.assert_array_equal(p.w, [-0.5, -1.0])
    assert p.b == -0.5
    # x = (-1, 1), target 1: z = 0.5 - 1 - 0.5 = -1 predicts 0, error = +1
    # w = (-0.5, -1) + 0.5 * (-1, 1) = (-1, -0.5);  b = -0.5 + 0.5 = 0
    assert p.update([-1.0, 1.0], 1) == 1
    np.testing.assert_array_equal(p.w, [-1.0, -0.5])
    assert p.b == 0.0


def test_a_correct_answer_changes_nothing():
    p = Perceptron(2)
    p.w[:] = [1.0, 1.0]
    assert p.update([1.0, 1.0], 1) == 0
    np.testing.assert_array_equal(p.w, [1.0, 1.0])
    assert p.b == 0.0


def test_converges_on_separable_data():
    X, y = _separable()
    p = Perceptron(2)
    mistakes = p.fit(X, y, epochs=100)
    assert mistakes[-1] == 0
    assert all(m > 0 for m in mistakes[:-1])      # it stops at the first clean epoch
    assert p.accuracy(X, y) == 1.0
    np.testing.assert_array_equal(p.predict(X), y)


def test_never_reaches_zero_mistakes_on_xor():
    p = Perceptron(2)
    mistakes = p.fit(XOR_X, XOR_Y, epochs=50)
    assert len(mistakes) == 50
    assert min(mistakes) > 0
    assert p.accuracy(XOR_X, XOR_Y) <= 0.75


def test_steps_yield_the_documented_keys_and_copies_of_the_weights():
    X, y = _separable(20)
    p = Perceptron(2)
    events = list(p.steps(X, y, epochs=3))
    assert events and all(set(e) == STEP_KEYS for e in events)
    first = events[0]
    assert first["epoch"] == 1 and first["target"] == y[first["index"]]
    np.testing.assert_array_equal(first["x"], X[first["index"]])
    # every example is visited once per epoch
    assert sorted(e["index"] for e in events if e["epoch"] == 1) == list(range(20))
    # w is a copy taken after that update: later updates do not change it
    assert not np.shares_memory(first["w"], p.w)
    last = events[-1]
    np.testing.assert_array_equal(last["w"], p.w)
    assert last["b"] == p.b


def test_steps_replay_the_rule():
    X, y = _separable(30)
    p = Perceptron(2, lr=0.1)
    w, b = np.zeros(2), 0.0
    for e in p.steps(X, y, epochs=5):
        error = e["target"] - int(e["x"] @ w + b >= 0)
        assert e["error"] == error
        w, b = w + 0.1 * error * e["x"], b + 0.1 * error
        np.testing.assert_allclose(e["w"], w, rtol=1e-15)
        assert e["b"] == pytest.approx(b, rel=1e-15)


def test_fit_counts_the_mistakes_that_steps_reports():
    X, y = _separable(30)
    events = list(Perceptron(2).steps(X, y, epochs=10, seed=3))
    mistakes = Perceptron(2).fit(X, y, epochs=10, seed=3)
    counted = [sum(e["error"] != 0 for e in events if e["epoch"] == k) for k in range(1, len(mistakes) + 1)]
    assert counted == mistakes


def test_seed_chooses_random_small_starting_weights():
    assert not Perceptron(3).w.any()
    w = Perceptron(3, seed=0).w
    assert w.any() and np.all(np.abs(w) <= 0.5)
    np.testing.assert_array_equal(w, Perceptron(3, seed=0).w)


def test_decision_function_and_predict_by_hand():
    p = Perceptron(2)
    p.w[:] = [1.0, -1.0]
    p.b = 0.5
    # (1, 1): 1 - 1 + 0.5 = 0.5 -> 1;  (0, 2): -2 + 0.5 = -1.5 -> 0
    np.testing.assert_array_equal(p.decision_function([[1.0, 1.0], [0.0, 2.0]]), [0.5, -1.5])
    assert p.predict(np.array([[1.0, 1.0], [0.0, 2.0]])).tolist() == [1, 0]
    assert repr(p) == "Perceptron(w=[1.0, -1.0], b=0.5)"


def test_labels_must_be_zero_or_one():
    with pytest.raises(ValueError, match=r"0\.\.1"):
        Perceptron(2).fit(XOR_X, np.array([0, 1, 2, 0]))


# --- perceptron_updates ----------------------------------------------------------

def test_perceptron_updates_match_the_library_run_from_zero():
    X, y = datasets.blobs(100, separation=1.0, seed=0)
    updates, converged = perceptron_updates(X, y, [0.0, 0.0], 0.0, seed=0)
    reference = Perceptron(2)
    mistakes = reference.fit(X, y, epochs=100, seed=0)
    assert converged and len(updates) == sum(mistakes)
    np.testing.assert_allclose(updates[-1]["w"], reference.w)
    assert updates[-1]["b"] == reference.b
    # each update starts where the one before ended
    for before, after in zip(updates, updates[1:]):
        np.testing.assert_allclose(after["w_before"], before["w"])


def test_perceptron_updates_stop_at_max_updates_on_circles():
    X, y = datasets.circles(100, seed=0)
    updates, converged = perceptron_updates(X, y, [0.0, 0.0], 0.0, max_updates=30)
    assert len(updates) == 30 and not converged


def test_perceptron_updates_start_from_the_given_line_and_record_it_before_each_update():
    X, y = datasets.blobs(100, separation=1.0, seed=0)
    updates, _ = perceptron_updates(X, y, [0.5, -1.0], 0.25, max_updates=5)
    np.testing.assert_allclose(updates[0]["w_before"], [0.5, -1.0])
    assert updates[0]["b_before"] == 0.25
    # each update is the rule applied to the example it names: w += (target - prediction) x
    for u in updates:
        error = y[u["index"]] - int(X[u["index"]] @ u["w_before"] + u["b_before"] >= 0)
        assert error != 0
        np.testing.assert_allclose(u["w"], u["w_before"] + error * X[u["index"]])
        assert u["b"] == pytest.approx(u["b_before"] + error)


def test_perceptron_updates_from_a_separating_line_make_none():
    X, y = datasets.blobs(100, separation=1.0, seed=0)
    updates, converged = perceptron_updates(X, y, [0.0, 0.0], 0.0)
    assert converged
    w, b = updates[-1]["w"], updates[-1]["b"]
    assert perceptron_updates(X, y, w, b) == ([], True)


def test_perceptron_datasets_one_separable_two_not():
    data = perceptron_datasets(60, seed=0)
    assert list(data) == ["blobs", "circles", "xor"]
    for X, y in data.values():
        assert X.shape == (60, 2) and y.shape == (60,) and set(np.unique(y)) == {0, 1}
    converged = {name: perceptron_updates(X, y, [0.0, 0.0], 0.0, max_updates=200)[1]
                 for name, (X, y) in data.items()}
    assert converged == {"blobs": True, "circles": False, "xor": False}
    np.testing.assert_array_equal(perceptron_datasets(60, seed=0)["xor"][0], data["xor"][0])

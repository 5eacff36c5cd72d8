"""dlcore.playground: the data, the features, the network of a run, its training, its state."""

import json

import numpy as np
import pytest

from dlcore.playground import DATA_NAMES, FEATURES, Playground, input_features, make_data, regression_surface
from dlcore.playground.data import check_features, check_hidden


@pytest.mark.parametrize("name", DATA_NAMES)
def test_every_problem_has_its_points_in_the_square_and_is_the_same_for_the_same_seed(name):
    X, y = make_data(name, n_samples=100, noise=0.0, seed=3)
    assert X.shape == (100, 2) and y.shape == (100,)
    assert np.abs(X).max() <= 3.0
    X2, y2 = make_data(name, n_samples=100, noise=0.0, seed=3)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    if name == "regression":
        assert y.dtype.kind == "f"
        assert np.allclose(y, regression_surface(X[:, 0], X[:, 1]))      # no noise: the surface itself
    else:
        assert set(np.unique(y)) == {0, 1}


def test_xor_labels_are_the_signs_that_differ_and_blobs_can_have_more_classes():
    X, y = make_data("xor", n_samples=200, noise=0.0)
    assert np.array_equal(y, (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(int))
    X, y = make_data("blobs", n_samples=90, classes=3)
    assert np.bincount(y).tolist() == [30, 30, 30]
    with pytest.raises(ValueError, match="'circles' has two classes.*data='blobs'"):
        make_data("circles", classes=3)
    with pytest.raises(ValueError, match="Unknown data set 'spiral'. Did you mean 'spirals'"):
        make_data("spiral")


def test_the_features_of_a_point_worked_by_hand():
    F = input_features(np.array([[1.0, 2.0]]), list(FEATURES))
    assert F.tolist() == [[1.0, 2.0, 1.0, 4.0, 2.0, np.sin(1.0), np.sin(2.0)]]
    assert check_features(["x1²", "X1*x2", "sin x2"]) == ("x1^2", "x1*x2", "sin x2")
    with pytest.raises(ValueError, match="Unknown feature 'x3'"):
        check_features(["x1", "x3"])
    with pytest.raises(ValueError, match="at least one input feature"):
        check_features([])


def test_hidden_layers_from_a_tuple_or_text_and_their_limits():
    assert check_hidden("8, 8") == (8, 8) and check_hidden(()) == () and check_hidden(3) == (3,)
    with pytest.raises(ValueError, match="at most 6 hidden layers of at most 8 neurons"):
        check_hidden((9,))
    with pytest.raises(ValueError, match="like '8, 8'"):
        check_hidden("8, eight")


@pytest.mark.parametrize("settings, sizes, output, cost", [
    ({}, [2, 4, 4, 1], "sigmoid", "bce"),
    ({"data": "blobs", "classes": 3, "hidden": (5,)}, [2, 5, 3], "softmax", "cross_entropy"),
    ({"data": "regression", "features": ("x1", "x2", "x1*x2")}, [3, 4, 4, 1], "identity", "mse"),
    ({"cost": "mse", "hidden": ()}, [2, 1], "sigmoid", "mse"),
])
def test_the_network_fits_the_problem(settings, sizes, output, cost):
    run = Playground(settings.pop("data", "circles"), **settings)
    assert run.net.sizes == sizes
    assert run.net.layers[-1].activation.name == output and run.net.loss.name == cost


def test_the_split_follows_train_fraction_and_features_are_what_the_network_sees():
    run = Playground("moons", n_samples=200, train_fraction=0.3, features=("x1", "sin x2"))
    assert len(run.X_train) == 60 and len(run.X_test) == 140
    assert np.allclose(run.F_train, np.column_stack([run.X_train[:, 0], np.sin(run.X_train[:, 1])]))
    with pytest.raises(ValueError, match="between 0 and 1"):
        Playground(train_fraction=1.0)


def test_the_readers_own_data_classes_or_regression():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    run = Playground(X=X, y=(X[:, 0] > 0).astype(int) + (X[:, 1] > 0))    # labels 0, 1, 2
    assert run.n_classes == 3 and run.net.n_out == 3
    run = Playground(X=X, y=X[:, 0] * 2.0)                                 # floats: regression
    assert run.regression and run.settings["cost"] == "mse"
    assert run.box[0] < X[:, 0].min() and run.box[1] > X[:, 0].max()


@pytest.mark.parametrize("kwargs, error, message", [
    ({"X": np.zeros((10, 3)), "y": np.zeros(10, int)}, ValueError, r"with 2 columns"),
    ({"X": np.zeros((10, 2)), "y": np.zeros(9, int)}, ValueError, r"one label or target per row"),
    ({"X": np.zeros((10, 2)), "y": np.array([0, 2] * 5)}, ValueError, r"every class present"),
    ({"X": np.zeros((10, 2))}, ValueError, r"Give both X and y"),
    ({"X": np.zeros((10, 2)), "y": np.arange(10.0), "cost": "cross_entropy"}, ValueError, r"Use cost='mse'"),
    ({"lr": 0}, ValueError, r"learning rate lr must be greater than 0"),
    ({"batch_size": 500}, ValueError, r"larger than the 100 training samples"),
    ({"activation": "relu6"}, ValueError, r"Did you mean 'relu'"),
    ({"speed": 3}, TypeError, r"Unknown setting"),
])
def test_mistakes_in_the_settings_are_explained(kwargs, error, message):
    with pytest.raises(error, match=message):
        Playground(**kwargs) if "X" in kwargs else Playground("circles", **kwargs)


def test_steps_and_epochs_are_counted_as_the_trainer_counts_them():
    run = Playground("circles", batch_size=10)                            # 100 training points: 10 steps an epoch
    assert run.step(3) == 3 and (run.steps, run.epoch) == (3, 0)
    assert run.run_epoch() == 7 and (run.steps, run.epoch) == (10, 1)
    run.run(2)
    assert run.epoch == 3 and len(run.train_costs) == len(run.test_costs) == 4     # epoch 0 included
    assert run.train_costs[-1] < run.train_costs[0]


def test_train_for_stops_at_stop_after_and_at_the_epochs_asked():
    run = Playground("xor", stop_after=4)
    run.train_for(10.0, epochs=3)
    assert run.epoch == 3
    run.train_for(10.0)
    assert run.epoch == 4 and run.finished
    assert run.train_for(10.0) == 0


def test_a_run_that_diverges_says_so_and_stops():
    run = Playground("regression", lr=1.0)
    run.run(100)
    assert run.diverged and run.finished and run.epoch < 100
    assert "learning rate lr=1 is too large" in run.message
    steps = run.steps
    assert run.step(5) == 0 and run.steps == steps


def test_the_last_update_of_a_weight_is_written_out_with_the_numbers_of_the_step():
    run = Playground("circles", weight_decay=0.01, momentum=0.5)
    run.step(4)
    before = run.net.layers[1].W[2, 1]
    run.step(1)
    change = run.last_update(1, 2, 1)
    assert change["w_before"] == pytest.approx(before) and change["w"] == run.net.layers[1].W[2, 1]
    assert change["w"] == pytest.approx(change["w_before"] - change["lr"] * change["v"])
    plain = Playground("circles")
    assert plain.last_update() is None
    plain.step(1)
    change = plain.last_update(0, 1, 3)
    assert change["v"] == pytest.approx(change["dw"]) and change["dw"] == plain.net.layers[0].dW[1, 3]
    with pytest.raises(ValueError, match="no weight"):
        plain.last_update(0, 2, 0)


def test_the_state_is_json_and_makes_the_same_run_again_with_its_changes():
    run = Playground("xor", features=("x1", "x2", "x1*x2"), hidden=(3,), seed=4)
    run.run(3)
    run.set(lr=0.1)
    run.step(4)
    run.set(momentum=0.9, weight_decay=0.001)
    run.run(2)
    state = json.loads(json.dumps(run.state()))
    assert state["lr"] == 0.03 and state["changes"] == [[30, {"lr": 0.1}], [34, {"momentum": 0.9, "weight_decay": 0.001}]]
    again = Playground.from_state(state)
    assert (again.steps, again.epoch) == (run.steps, run.epoch)
    assert again.train_costs == run.train_costs and again.test_costs == run.test_costs
    for (a, _), (b, _) in zip(run.net.parameters(), again.net.parameters()):
        assert np.array_equal(a, b)
    assert again.settings["lr"] == 0.1 and again.settings["momentum"] == 0.9


def test_a_state_written_by_hand_trains_to_its_epoch_and_own_data_round_trips():
    run = Playground.from_state({"data": "spirals", "hidden": [6], "epoch": 5})
    assert run.epoch == 5 and run.settings["hidden"] == (6,)
    X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]] * 3)
    own = Playground(X=X, y=[0, 0, 1, 1] * 3, batch_size=2, seed=1)
    own.run(2)
    again = Playground.from_state(json.loads(json.dumps(own.state())))
    assert again.train_costs == own.train_costs and np.array_equal(again.X_train, own.X_train)
    with pytest.raises(ValueError, match=r"Unknown key\(s\) \['learning_rate'\]"):
        Playground.from_state({"learning_rate": 0.1})


def test_only_live_settings_change_during_a_run():
    run = Playground()
    with pytest.raises(ValueError, match="need a new run"):
        run.set(hidden=(2,))
    with pytest.raises(ValueError, match="momentum must be below 1"):
        run.set(momentum=1.0)
    run.set(lr=0.5)                                  # before the first step: the run starts with it
    assert run.state()["lr"] == 0.5 and run.changes == []


def test_each_neurons_map_is_the_network_on_a_grid_of_the_plane():
    run = Playground("circles", hidden=(3,))
    maps = run.layer_maps(11)
    assert [m.shape for m in maps] == [(11, 11, 2), (11, 11, 3), (11, 11, 1)]
    points, F = run.grid(11)
    assert np.allclose(maps[-1].reshape(-1, 1), run.net.predict_proba(F))
    assert points[0].tolist() == [-3.0, -3.0] and points[10].tolist() == [3.0, -3.0]   # row 0 at the bottom

"""One playground run: data, features, a network and its training, step by step, and its state as a dict.

:class:`Playground` is the engine behind ``widgets.playground()``. It makes
the data (a problem by name, or the reader's own ``X`` and ``y``), splits it
into training and test points, builds a :class:`~dlcore.network.Network`
for the chosen input features and hidden layers, and trains it with a
:class:`~dlcore.train.Trainer`: the same steps, the same SGD, as the
chapters show. It can stop after any step and go on. :meth:`Playground.state`
writes everything needed to make the same run again into a small dict (JSON
when the data is built in); ``Playground.from_state(state)`` makes it again,
exactly, trained to the same step.
"""

import math
import time

import numpy as np

from .._checks import check_number, lookup
from ..network import Network
from ..optim import SGD
from ..train import Trainer, TrainingDiverged
from . import data as _data

#: The settings of a run and their defaults (``cost=None``: cross-entropy for classes, MSE for regression).
DEFAULTS = {
    "data": "circles", "noise": 0.1, "n_samples": 200, "classes": 2, "train_fraction": 0.5,
    "features": ("x1", "x2"), "hidden": (4, 4), "activation": "tanh", "cost": None,
    "lr": 0.03, "batch_size": 10, "weight_decay": 0.0, "momentum": 0.0, "seed": 0, "stop_after": None,
}
#: Activations a hidden layer can use.
ACTIVATIONS = ("tanh", "relu", "sigmoid", "leaky_relu", "identity")
#: Settings that can change during a run (the change is recorded with the step it applies from).
LIVE_SETTINGS = ("lr", "weight_decay", "momentum", "stop_after")
STATE_FORMAT = "dlcore-playground-1"


class Playground:
    """A network learning a problem in the plane, one step at a time.

    Parameters
    ----------
    data : str, optional
        ``"circles"`` (the default), ``"xor"``, ``"blobs"``, ``"spirals"``,
        ``"moons"`` or ``"regression"``; leave it out with the reader's own ``X`` and ``y``.
    X, y : array-like, optional
        The reader's own data: ``X`` of shape (n_samples, 2); ``y`` integer
        class labels 0, 1, ... (two or more classes) or real numbers (regression).
    noise, n_samples, classes
        For a problem by name: noise, number of points, classes (``blobs`` and
        ``spirals`` can have 2 to 5).
    train_fraction : float
        Share of the points trained on; the others are the test points.
    features : sequence of str
        Inputs of the network, from ``"x1"``, ``"x2"``, ``"x1^2"``, ``"x2^2"``,
        ``"x1*x2"``, ``"sin x1"``, ``"sin x2"``.
    hidden : sequence of int
        Neurons in each hidden layer (up to 6 layers of up to 8); ``()`` for none.
    activation : str
        Of the hidden layers: ``"tanh"``, ``"relu"``, ``"sigmoid"``, ``"leaky_relu"``, ``"identity"``.
    cost : {"cross_entropy", "mse"}, optional
        Default: cross-entropy for classes (one sigmoid output for two, softmax
        for more), mean squared error for regression (an identity output).
    lr, batch_size, weight_decay, momentum
        As for :class:`~dlcore.optim.SGD` and :class:`~dlcore.train.Trainer`.
    seed : int
        The data, the split, the starting weights and the shuffling all follow from it.
    stop_after : int, optional
        Playing stops after this many epochs.

    Attributes
    ----------
    settings : dict
        Every setting, as checked (the live ones as they are now).
    net : dlcore.network.Network
    trainer : dlcore.train.Trainer
    X_train, y_train, X_test, y_test : ndarray
        The points and their labels (or targets); ``F_train`` and ``F_test``
        are their features, what the network sees.
    box : (float, float, float, float)
        The square drawn: x₁ from, to, x₂ from, to.
    n_classes : int
        0 for regression.
    changes : list
        ``[step, {setting: value}]`` for each live setting changed during the run.
    diverged : bool
    message : str
        Why the run stopped, if it diverged.
    """

    def __init__(self, data=None, *, X=None, y=None, **settings):
        unknown = set(settings) - set(DEFAULTS)
        if unknown:
            raise TypeError(f"Unknown setting(s) {sorted(unknown)}; the settings are {sorted(DEFAULTS)}.")
        s = {**DEFAULTS, **settings, "data": data}
        seed = s["seed"]
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError(f"seed must be a whole number 0 or more, e.g. seed=0, got {seed!r}.")
        rng_data, rng_split, rng_net, rng_shuffle = (np.random.default_rng(c)
                                                     for c in np.random.SeedSequence(int(seed)).spawn(4))
        if X is not None or y is not None:
            if X is None or y is None:
                raise ValueError("Give both X and y for your own data (X of shape (n_samples, 2), y with one label each).")
            if data not in (None, "own"):
                raise ValueError(f"Give either data={data!r} or your own X and y, not both: leave data out.")
            X, y, self.n_classes = _data.check_own_data(X, y)
            s["data"], self.own_data = None, (X, y)
            self.box = _data.data_box(X)
        else:
            data = DEFAULTS["data"] if data is None else data
            X, y = _data.make_data(data, n_samples=s["n_samples"], noise=s["noise"], classes=s["classes"],
                                   seed=rng_data)
            s["data"] = _data.lookup(data, {n: n for n in _data.DATA_NAMES}, "data set")
            self.n_classes, self.own_data = (0 if s["data"] == "regression" else s["classes"]), None
            self.box = _data.BOX
        s["features"] = _data.check_features(s["features"])
        s["hidden"] = _data.check_hidden(s["hidden"])
        s["activation"] = lookup(s["activation"], {a: a for a in ACTIVATIONS + ("linear",)}, "activation")
        if s["activation"] == "linear":
            s["activation"] = "identity"
        s["cost"] = self._check_cost(s["cost"])
        for name in ("weight_decay", "momentum"):
            s[name] = check_number(s[name], name, allow_zero=True)
        s["stop_after"] = _check_stop_after(s["stop_after"])
        self.settings = s
        (self.X_train, self.y_train), (self.X_test, self.y_test) = _data.split(X, y, s["train_fraction"], rng_split)
        self.F_train = _data.input_features(self.X_train, s["features"])      # what the network sees
        self.F_test = _data.input_features(self.X_test, s["features"])
        n_out = 1 if self.n_classes <= 2 else self.n_classes
        output = "identity" if self.regression else ("sigmoid" if n_out == 1 else "softmax")
        loss = "mse" if s["cost"] == "mse" else ("bce" if n_out == 1 else "cross_entropy")
        self.net = Network.from_sizes([len(s["features"]), *s["hidden"], n_out], hidden=s["activation"],
                                      output=output, loss=loss, seed=rng_net)
        optimizer = SGD(s["lr"], momentum=s["momentum"], weight_decay=s["weight_decay"])
        self.trainer = Trainer(self.net, self.F_train, self.y_train, batch_size=s["batch_size"], optimizer=optimizer,
                               validation_data=(self.F_test, self.y_test), seed=rng_shuffle)
        self.changes = []                     # [step, {setting: value}] for changes made during the run
        self._initial = {name: s[name] for name in ("lr", "weight_decay", "momentum")}
        self.diverged, self.message = False, ""
        self._last_step = None                # (lr, weight_decay, momentum) of the last step taken
        self._grids = {}
        train_cost, _ = self.trainer.evaluate(self.trainer.X, self.trainer.T)
        test_cost, _ = self.trainer.evaluate(*self.trainer.validation)
        self._start_costs = (train_cost, test_cost)

    def _check_cost(self, cost):
        if cost is None:
            return "mse" if self.regression else "cross_entropy"
        cost = lookup(cost, {"cross_entropy": "cross_entropy", "mse": "mse"}, "cost")
        if cost == "cross_entropy" and self.regression:
            raise ValueError("Cross-entropy compares probabilities with classes; this is regression (real-valued "
                             "targets). Use cost='mse'.")
        return cost

    # --- what the run is --------------------------------------------------------

    @property
    def regression(self):
        """True when the targets are real numbers (an identity output and the MSE cost)."""
        return self.n_classes == 0

    @property
    def steps(self):
        """Optimiser steps taken so far."""
        return self.trainer.history.steps

    @property
    def epoch(self):
        """Epochs completed so far."""
        return self.trainer.history.epochs

    @property
    def train_costs(self):
        """The cost on all training points: before training, then after each epoch."""
        return [self._start_costs[0]] + self.trainer.history.train_cost

    @property
    def test_costs(self):
        """The cost on all test points: before training, then after each epoch."""
        return [self._start_costs[1]] + self.trainer.history.val_cost

    def accuracy(self):
        """(train, test) accuracy now, or None for regression."""
        if self.regression:
            return None
        return (self.trainer.evaluate(self.trainer.X, self.trainer.T)[1],
                self.trainer.evaluate(*self.trainer.validation)[1])

    # --- training -------------------------------------------------------------

    def step(self, n=1):
        """Take up to ``n`` optimiser steps (fewer if the run diverges).

        Returns how many were taken.
        """
        n = check_number(n, "n", integer=True, allow_zero=True)
        for done in range(n):
            if not self._one_step():
                return done
        return n

    def run_epoch(self):
        """Take the steps left in this epoch; returns how many were taken."""
        first, done = self.trainer.epoch, 0
        while self.trainer.epoch == first and self._one_step():
            done += 1
        return done

    def run(self, epochs):
        """Run ``epochs`` more epochs (finishing the current one first)."""
        epochs = check_number(epochs, "epochs", integer=True, allow_zero=True)
        for _ in range(epochs):
            if not self.run_epoch():
                break
        return self

    def train_for(self, seconds, epochs=None):
        """Train whole epochs for about ``seconds``: what the panel does per frame.

        At least one step; at most ``epochs`` epochs, never past
        ``stop_after``; an epoch is cut short only when it takes over
        twice ``seconds``. Returns the steps taken.
        """
        start, done, first = time.perf_counter(), 0, self.epoch
        while not self.finished:
            if epochs is not None and self.epoch >= first + epochs:
                break
            if not self._one_step():
                break
            done += 1
            elapsed = time.perf_counter() - start
            at_epoch_end = self.trainer.step_in_epoch == 0
            if elapsed > seconds and (at_epoch_end or elapsed > 2 * seconds):
                break
        return done

    @property
    def finished(self):
        """True once the run has diverged or has trained ``stop_after`` epochs."""
        stop = self.settings["stop_after"]
        return self.diverged or (stop is not None and self.epoch >= stop)

    def _one_step(self):
        if self.diverged:
            return False
        opt = self.trainer.optimizer
        try:
            self.trainer.step()
        except TrainingDiverged as error:
            self.diverged, self.message = True, str(error)
            return False
        self._last_step = (opt.lr, opt.weight_decay, opt.momentum)
        return True

    def set(self, **changes):
        """Change ``lr``, ``weight_decay``, ``momentum`` or ``stop_after`` from the next step on (recorded in the state)."""
        unknown = set(changes) - set(LIVE_SETTINGS)
        if unknown:
            raise ValueError(f"Only {', '.join(LIVE_SETTINGS)} can change during a run, not {sorted(unknown)}; "
                             "the other settings need a new run.")
        opt, checked = self.trainer.optimizer, {}
        for name, value in changes.items():
            if name == "stop_after":
                value = _check_stop_after(value)
            else:                                            # SGD checks each value
                SGD(**{name: value}) if name != "lr" else SGD(value)
                value = float(value)
            if value != self.settings[name]:
                checked[name] = value
        if not checked:
            return
        self.settings.update(checked)
        opt.lr, opt.weight_decay, opt.momentum = self.settings["lr"], self.settings["weight_decay"], self.settings["momentum"]
        training = {k: v for k, v in checked.items() if k != "stop_after"}
        if self.steps == 0:
            self._initial.update(training)              # before the first step: the run starts so
        elif training:
            if self.changes and self.changes[-1][0] == self.steps:
                self.changes[-1][1].update(training)
            else:
                self.changes.append([self.steps, training])

    # --- looking inside -------------------------------------------------------

    def grid(self, resolution):
        """Points of a ``resolution`` × ``resolution`` grid over ``box`` and their features (cached)."""
        if resolution not in self._grids:
            x0, x1, y0, y1 = self.box
            xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
            P = np.column_stack([np.tile(xs, resolution), np.repeat(ys, resolution)])   # row by row, y up
            self._grids[resolution] = (P, _data.input_features(P, self.settings["features"]))
        return self._grids[resolution]

    def layer_maps(self, resolution=50):
        """Every neuron's value over the plane: ``[features, hidden 1, ..., output]``.

        Each entry has shape (resolution, resolution, n_neurons), row 0 at the
        bottom (``imshow(..., origin="lower")``). Computed without touching what
        the layers keep for backpropagation.
        """
        _, A = self.grid(resolution)
        maps = [A]
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            for layer in self.net.layers:
                A = layer.activation.forward(A @ layer.W + layer.b)
                maps.append(A)
        return [m.reshape(resolution, resolution, -1) for m in maps]

    def last_update(self, layer=0, i=0, j=0):
        """The last step's change of the weight from neuron ``i`` of one layer to neuron ``j`` of the next.

        Returns None before the first step, else a dict: ``w_before``, ``w``
        (after), ``dw`` (the batch's gradient), ``lr``, ``weight_decay``,
        ``momentum`` and ``v`` (the step's direction: ``dw + weight_decay·w``,
        plus ``momentum`` times the previous direction), so that
        ``w = w_before - lr * v``.
        """
        dense = self.net.layers[layer]
        if not (0 <= i < dense.n_in and 0 <= j < dense.n_out):
            raise ValueError(f"Layer {layer} has weights from {dense.n_in} inputs to {dense.n_out} neurons; "
                             f"there is no weight ({i}, {j}).")
        if self._last_step is None:
            return None
        lr, wd, m = self._last_step
        w, dw = float(dense.W[i, j]), float(dense.dW[i, j])
        if m:
            v = float(self.trainer.optimizer._velocity(dense.W)[i, j])
            w_before = w + lr * v
        else:
            w_before = (w + lr * dw) / (1 - lr * wd)          # w = w_before - lr (dw + wd w_before)
            v = dw + wd * w_before
        return {"w_before": w_before, "w": w, "dw": dw, "lr": lr, "weight_decay": wd, "momentum": m, "v": v}

    # --- the state ------------------------------------------------------------

    def state(self):
        """Everything needed to make this run again, as a small dict (JSON-able)."""
        s = dict(self.settings)
        s["features"], s["hidden"] = list(s["features"]), list(s["hidden"])
        s["seed"] = int(s["seed"])
        if self.own_data is not None:
            X, y = self.own_data
            s["data"] = {"X": X.tolist(), "y": y.tolist()}
            for name in ("noise", "n_samples", "classes"):
                del s[name]
        s.update({name: self._initial[name] for name in ("lr", "weight_decay", "momentum")})  # at step 0
        return {"format": STATE_FORMAT, **s, "changes": [[at, dict(c)] for at, c in self.changes],
                "epoch": self.epoch, "step": self.steps}

    @classmethod
    def from_state(cls, state):
        """The run that :meth:`state` wrote, made again and trained to the same step."""
        if not isinstance(state, dict):
            raise TypeError(f"state must be a dict written by state() (or read back from its JSON), got {type(state).__name__}.")
        state = dict(state)
        fmt = state.pop("format", STATE_FORMAT)
        if fmt != STATE_FORMAT:
            raise ValueError(f"This state was not written by the playground (format {fmt!r}).")
        changes = state.pop("changes", [])
        epoch, step = state.pop("epoch", 0), state.pop("step", None)
        unknown = set(state) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"Unknown key(s) {sorted(unknown)} in the state; it holds {sorted(DEFAULTS)}, "
                             "'changes', 'epoch' and 'step'.")
        data = state.pop("data", "circles")
        if isinstance(data, dict):
            run = cls(None, X=data.get("X"), y=data.get("y"), **state)
        else:
            run = cls(data, **state)
        run.replay(changes, epoch=epoch, step=step)
        return run

    def replay(self, changes, *, epoch=0, step=None):
        """Train from the start to ``step`` (or to the end of ``epoch``), applying each recorded change at its step."""
        pending = sorted(([int(at), dict(c)] for at, c in changes), key=lambda item: item[0])
        target = step if step is not None else check_number(epoch, "epoch", integer=True, allow_zero=True) * self.trainer.steps_per_epoch
        target = check_number(target, "step", integer=True, allow_zero=True)
        while self.steps < target and not self.diverged:
            while pending and pending[0][0] <= self.steps:
                self.set(**pending.pop(0)[1])
            until = min(target, pending[0][0]) if pending else target
            self.step(until - self.steps)
        while pending and pending[0][0] <= self.steps:
            self.set(**pending.pop(0)[1])
        return self


def _check_stop_after(value):
    if value is None or value == 0:
        return None
    return check_number(value, "stop_after", integer=True)

"""The training loop: mini-batch gradient descent, step by step and epoch after epoch.

A :class:`Trainer` holds one training run: the network, the data, the
optimiser, the shuffling and where the run has got to. Each :meth:`~Trainer.step`
takes the next mini-batch and does what chapters 7 and 8 show::

    net.forward(X_batch)                 # outputs for the batch
    cost = net.output_cost(T_batch)      # how wrong they are
    net.backward(T_batch)                # backpropagation: every dW and db
    optimizer.step(net)                  # W = W - lr * dW, for every parameter

At the start of every epoch the training samples are shuffled; after its
last step the cost and accuracy on the whole training set (and on a
validation set, if given) are recorded in a :class:`History`. A run can stop
after any step and go on later: ``step()`` one at a time, ``run_epoch()``,
``run(epochs)`` in any mix give exactly the run that never stopped.

:func:`train` is the one-call version: it makes a Trainer and runs it, with
early stopping and a progress bar if asked. Training stops with a clear
message the moment the cost turns into NaN or infinity (usually a learning
rate that is too large) instead of training on garbage.

With ``batch_size=1`` this is pure stochastic gradient descent, one example
per step; with ``batch_size=len(X)`` it is full-batch gradient descent.
"""

import math

import numpy as np

from ._checks import check_batch_size, check_number
from .network import Network, labels_of
from .optim import SGD


class TrainingDiverged(ValueError):
    """Raised when the cost becomes NaN or infinite during training.

    Attributes
    ----------
    history : History
        What was recorded up to the last good epoch.
    """

    def __init__(self, message, history):
        super().__init__(message)
        self.history = history


class History:
    """What happened during training, one entry per epoch.

    Attributes
    ----------
    train_cost, train_acc : list of float
        Cost and accuracy on the whole training set after each epoch
        (accuracy only for classifiers).
    val_cost, val_acc : list of float
        The same on the validation set, when one was given.
    steps : int
        Optimiser steps taken.
    best_epoch : int or None
        With early stopping: the epoch (counted from 1) with the lowest
        validation cost, whose weights the network holds at the end.
    stopped_early, diverged : bool
    """

    def __init__(self):
        self.train_cost, self.train_acc, self.val_cost, self.val_acc = [], [], [], []
        self.steps = 0
        self.best_epoch = None
        self.stopped_early = False
        self.diverged = False

    @property
    def epochs(self):
        """Number of epochs completed."""
        return len(self.train_cost)

    def __repr__(self):
        parts = [f"epochs={self.epochs}", f"steps={self.steps}"]
        if self.train_cost:
            parts.append(f"train_cost={self.train_cost[-1]:.4g}")
        if self.train_acc:
            parts.append(f"train_acc={self.train_acc[-1]:.3f}")
        if self.val_cost:
            parts.append(f"val_cost={self.val_cost[-1]:.4g}")
        if self.val_acc:
            parts.append(f"val_acc={self.val_acc[-1]:.3f}")
        if self.best_epoch is not None:
            parts.append(f"best_epoch={self.best_epoch}")
        if self.diverged:
            parts.append("diverged=True")
        return f"History({', '.join(parts)})"


def _diverged_message(where, lr):
    return (
        f"Training diverged: the cost became NaN or infinite {where}. The steps overshoot and the weights "
        f"blow up; this usually means the learning rate lr={lr:g} is too large. Try lr={lr / 10:g}, "
        "and check that the inputs are scaled (for images, pixel values in [0, 1])."
    )


class Trainer:
    """One training run that can be stopped after any step and continued exactly.

    Parameters
    ----------
    net : Network
    X : ndarray, shape (n_samples, n_features)
    y : ndarray, shape (n_samples,) or (n_samples, n_out)
        Class labels (or one-hot rows, or regression targets for "mse").
    batch_size : int, optional
        Samples per step; 1 is pure SGD, ``len(X)`` is full-batch descent.
        Default: 32, or every sample when there are fewer.
    lr : float, optional
        Learning rate for a plain :class:`~dlcore.optim.SGD` (default 0.1).
        Give either ``lr`` or ``optimizer``.
    optimizer : SGD, optional
        An optimiser, for momentum or weight decay.
    validation_data : tuple (X_val, y_val), optional
        Measured after every epoch, never trained on.
    seed : int or numpy.random.Generator, default 0
        Controls the shuffling; the same seed gives the same run.

    Attributes
    ----------
    net, optimizer
    history : History
        One entry per completed epoch; ``history.steps`` counts every step.
    epoch : int
        The epoch the next step belongs to, counted from 1.
    step_in_epoch : int
        Steps already taken in that epoch (0 at its start).
    steps_per_epoch : int
        ``ceil(n_samples / batch_size)``: the last batch of an epoch may be smaller.
    diverged : bool
        True once the cost turned NaN or infinite; the run cannot go on.

    Examples
    --------
    >>> trainer = Trainer(net, X, y, batch_size=10, lr=0.5)   # doctest: +SKIP
    >>> trainer.step()        # one mini-batch; returns its cost before the step  # doctest: +SKIP
    >>> trainer.run_epoch()   # the rest of epoch 1  # doctest: +SKIP
    """

    def __init__(self, net, X, y, *, batch_size=None, lr=None, optimizer=None, validation_data=None, seed=0):
        if not isinstance(net, Network):
            raise TypeError(f"Training expects a dlcore Network as its first argument, got {type(net).__name__}.")
        for i, layer in enumerate(net.layers):
            if layer.activation.name == "step":
                raise ValueError(
                    f"Layer {i} uses the step activation, whose slope is 0 everywhere: backpropagation gets no "
                    "gradient through it and nothing would learn. Use 'sigmoid' (a smooth step), or the "
                    "Perceptron class and its learning rule."
                )
        self.net = net
        self.X = net.check_X(X)
        self.T = net.targets(y, len(self.X))
        n_samples = len(self.X)
        self.batch_size = min(32, n_samples) if batch_size is None else check_batch_size(batch_size, n_samples)
        if optimizer is not None and lr is not None:
            raise ValueError("Give either lr or optimizer, not both: the optimizer already has its learning rate (optimizer.lr).")
        if optimizer is None:
            optimizer = SGD(0.1 if lr is None else lr)
        elif not hasattr(optimizer, "step"):
            raise TypeError(f"optimizer must be an optimiser such as dlcore.SGD(lr=0.1), got {optimizer!r}.")
        self.optimizer = optimizer
        self.validation = None
        if validation_data is not None:
            if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
                raise ValueError("validation_data must be a pair (X_val, y_val).")
            X_val = net.check_X(validation_data[0])
            self.validation = (X_val, net.targets(validation_data[1], len(X_val)))
        self.rng = np.random.default_rng(seed)
        self.history = History()
        self.classifier = net.is_classifier()
        self.steps_per_epoch = math.ceil(n_samples / self.batch_size)
        self.epoch, self.step_in_epoch = 1, 0
        self.diverged = False
        self._X_shuffled = self._T_shuffled = None               # this epoch's samples, shuffled

    def step(self):
        """One optimiser step on the next mini-batch.

        Returns
        -------
        cost : float
            The batch's cost before the step.

        Raises
        ------
        TrainingDiverged
            If the cost is NaN or infinite; the weights are left as they were.
        """
        if self.diverged:
            raise TrainingDiverged("This run has diverged and cannot go on: start a new one with a smaller "
                                   "learning rate (and new weights).", self.history)
        if self.step_in_epoch == 0:                              # a new shuffle for every epoch
            order = self.rng.permutation(len(self.X))
            self._X_shuffled, self._T_shuffled = self.X[order], self.T[order]
        start = self.step_in_epoch * self.batch_size
        X_batch = self._X_shuffled[start:start + self.batch_size]   # the next batch_size samples
        T_batch = self._T_shuffled[start:start + self.batch_size]

        self.net.forward(X_batch)
        with np.errstate(over="ignore", invalid="ignore"):      # the guard below says it in words
            cost = self.net.output_cost(T_batch)
        if not math.isfinite(cost):
            self._diverge(f"at step {self.history.steps + 1} (epoch {self.epoch})")
        self.net.backward(T_batch)
        self.optimizer.step(self.net)

        self.history.steps += 1
        self.step_in_epoch += 1
        if self.step_in_epoch == self.steps_per_epoch:
            self._end_epoch()
        return cost

    def run_epoch(self):
        """Take the steps left in the current epoch (a whole epoch at its start); returns the history."""
        first = self.epoch
        while self.epoch == first:
            self.step()
        return self.history

    def run(self, epochs):
        """Run ``epochs`` more epochs, finishing the current one first; returns the history."""
        for _ in range(check_number(epochs, "epochs", integer=True, allow_zero=True)):
            self.run_epoch()
        return self.history

    def evaluate(self, X, T):
        """Cost and accuracy (None for regression) of the network on ``X`` with target matrix ``T``."""
        A = self.net.forward(X)
        with np.errstate(over="ignore", invalid="ignore"):
            cost = self.net.output_cost(T)
        accuracy = float(np.mean(labels_of(A) == labels_of(T))) if self.classifier else None
        return cost, accuracy

    def _end_epoch(self):
        """Record the cost and accuracy on all the training data (and the validation data)."""
        history = self.history
        cost, accuracy = self.evaluate(self.X, self.T)
        if not math.isfinite(cost):
            self._diverge(f"after epoch {self.epoch}")
        history.train_cost.append(cost)
        if self.classifier:
            history.train_acc.append(accuracy)
        if self.validation is not None:
            cost, accuracy = self.evaluate(*self.validation)
            history.val_cost.append(cost)
            if self.classifier:
                history.val_acc.append(accuracy)
        self.epoch += 1
        self.step_in_epoch = 0

    def _diverge(self, where):
        self.diverged = self.history.diverged = True
        raise TrainingDiverged(_diverged_message(where, self.optimizer.lr), self.history)


def train(net, X, y, *, epochs=10, batch_size=None, lr=None, optimizer=None, validation_data=None,
          patience=None, seed=0, callback=None, progress=False, on_divergence="raise"):
    """Train ``net`` by mini-batch stochastic gradient descent.

    Parameters
    ----------
    net : Network
    X : ndarray, shape (n_samples, n_features)
    y : ndarray, shape (n_samples,) or (n_samples, n_out)
        Class labels (or one-hot rows, or regression targets for "mse").
    epochs : int, default 10
        Passes over the training set.
    batch_size, lr, optimizer, validation_data, seed
        As in :class:`Trainer`.
    patience : int, optional
        Early stopping: stop when the validation cost has not improved for
        this many epochs, and go back to the best weights seen.
    callback : callable, optional
        Called after every step as ``callback(net, step, epoch, cost)`` with
        the batch's cost before the step; return ``False`` to stop training.
    progress : bool, default False
        Show a progress bar over the epochs (tqdm).
    on_divergence : {"raise", "stop"}, default "raise"
        What to do when the cost turns NaN or infinite: raise
        :class:`TrainingDiverged`, or stop and return the history with
        ``diverged=True`` (for widgets that show divergence on purpose).

    Returns
    -------
    History

    Notes
    -----
    The same as ``Trainer(net, X, y, ...).run(epochs)``, plus early stopping,
    the callback and the progress bar. To stop and go on later, use a
    :class:`Trainer`.
    """
    epochs = check_number(epochs, "epochs", integer=True)
    if on_divergence not in ("raise", "stop"):
        raise ValueError(f"on_divergence must be 'raise' or 'stop', got {on_divergence!r}.")
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function callback(net, step, epoch, cost), got {callback!r}.")
    if patience is not None:
        if validation_data is None:
            raise ValueError("Early stopping (patience=...) watches the validation cost: pass validation_data=(X_val, y_val) too.")
        patience = check_number(patience, "patience", integer=True)
    trainer = Trainer(net, X, y, batch_size=batch_size, lr=lr, optimizer=optimizer,
                      validation_data=validation_data, seed=seed)
    history = trainer.history
    epoch_bar = None
    if progress:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            raise ImportError("progress=True needs the tqdm package: pip install tqdm (or pass progress=False).") from None
        epoch_bar = tqdm(total=epochs, desc="training", unit="epoch")

    best_cost, best_weights = math.inf, None
    try:
        while history.epochs < epochs:
            epoch = trainer.epoch
            cost = trainer.step()
            if callback is not None and callback(net, history.steps, epoch, cost) is False:
                break
            if trainer.step_in_epoch > 0:
                continue                                   # the epoch is not over yet
            if epoch_bar is not None:
                epoch_bar.update()
            if patience is not None:
                if history.val_cost[-1] < best_cost:
                    best_cost, history.best_epoch = history.val_cost[-1], history.epochs
                    best_weights = [param.copy() for param, _ in net.parameters()]
                elif history.epochs - history.best_epoch >= patience:
                    history.stopped_early = True
                    break
    except TrainingDiverged:
        if on_divergence == "raise":
            raise
    finally:
        if epoch_bar is not None:
            epoch_bar.close()
        if best_weights is not None:                       # early stopping: go back to the best weights seen
            for (param, _), best in zip(net.parameters(), best_weights):
                param[...] = best
    return history

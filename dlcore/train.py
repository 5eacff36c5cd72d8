"""The training loop: mini-batch gradient descent, epoch after epoch.

:func:`train` shuffles the training samples at the start of every epoch,
cuts them into mini-batches, and for each batch runs backpropagation and one
optimiser step. After each epoch it measures the cost and accuracy on the
whole training set (and on a validation set, if given) and records them in a
:class:`History`. It can stop early when the validation cost stops
improving, and it stops with a clear message the moment the numbers turn
into NaN or infinity (usually a learning rate that is too large) instead of
training on garbage.

With ``batch_size=1`` this is pure stochastic gradient descent, one example
per step; with ``batch_size=len(X)`` it is full-batch gradient descent.
"""

import math

import numpy as np

from ._checks import check_batch_size, check_number
from .network import Network
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


def _diverged_message(where, opt):
    return (
        f"Training diverged: the cost became NaN or infinite {where}. The steps overshoot and the weights "
        f"blow up; this usually means the learning rate lr={opt.lr:g} is too large. Try lr={opt.lr / 10:g}, "
        "and check that the inputs are scaled (for images, pixel values in [0, 1])."
    )


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
    batch_size : int, optional
        Samples per step; 1 is pure SGD, ``len(X)`` is full-batch descent.
        Default: 32, or every sample when there are fewer.
    lr : float, optional
        Learning rate for a plain :class:`SGD` (default 0.1). Give either
        ``lr`` or ``optimizer``.
    optimizer : SGD, optional
        An optimiser, for momentum or weight decay.
    validation_data : tuple (X_val, y_val), optional
        Measured after every epoch, never trained on.
    patience : int, optional
        Early stopping: stop when the validation cost has not improved for
        this many epochs, and go back to the best weights seen.
    seed : int or numpy.random.Generator, default 0
        Controls the shuffling; the same seed gives the same training run.
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
    """
    if not isinstance(net, Network):
        raise TypeError(f"train expects a dlcore Network as its first argument, got {type(net).__name__}.")
    for i, layer in enumerate(net.layers):
        if layer.activation.name == "step":
            raise ValueError(
                f"Layer {i} uses the step activation, whose slope is 0 everywhere: backpropagation gets no "
                "gradient through it and nothing would learn. Use 'sigmoid' (a smooth step), or the "
                "Perceptron class and its learning rule."
            )
    X = net.check_X(X)
    T = net.targets(y, len(X))
    epochs = check_number(epochs, "epochs", integer=True)
    batch_size = min(32, len(X)) if batch_size is None else check_batch_size(batch_size, len(X))
    if optimizer is not None and lr is not None:
        raise ValueError("Give either lr or optimizer, not both: the optimizer already has its learning rate (optimizer.lr).")
    if optimizer is None:
        optimizer = SGD(0.1 if lr is None else lr)
    elif not hasattr(optimizer, "step"):
        raise TypeError(f"optimizer must be an optimiser such as dlcore.SGD(lr=0.1), got {optimizer!r}.")
    if on_divergence not in ("raise", "stop"):
        raise ValueError(f"on_divergence must be 'raise' or 'stop', got {on_divergence!r}.")
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function callback(net, step, epoch, cost), got {callback!r}.")
    if validation_data is not None:
        if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
            raise ValueError("validation_data must be a pair (X_val, y_val).")
        X_val = net.check_X(validation_data[0])
        T_val = net.targets(validation_data[1], len(X_val))
    elif patience is not None:
        raise ValueError("Early stopping (patience=...) watches the validation cost: pass validation_data=(X_val, y_val) too.")
    if patience is not None:
        patience = check_number(patience, "patience", integer=True)

    history = History()
    classifier = net.is_classifier()
    rng = np.random.default_rng(seed)
    n_samples = len(X)
    X_shuffled, T_shuffled = np.empty_like(X), np.empty_like(T)
    best_cost, best_weights, since_best = np.inf, None, 0
    epoch_iter = range(epochs)
    if progress:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            raise ImportError("progress=True needs the tqdm package: pip install tqdm (or pass progress=False).") from None
        epoch_iter = tqdm(epoch_iter, desc="training", unit="epoch")

    # Overflow on the way to inf or NaN is what the divergence guard reports, in words;
    # numpy's own RuntimeWarning would only get in its way (and, as an error, replace it).
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in epoch_iter:
            order = rng.permutation(n_samples)              # one cheap shuffle per epoch
            np.take(X, order, axis=0, out=X_shuffled)
            np.take(T, order, axis=0, out=T_shuffled)
            stop = None
            for start in range(0, n_samples, batch_size):
                X_batch = X_shuffled[start:start + batch_size]   # a view: no copy
                T_batch = T_shuffled[start:start + batch_size]
                dZ = net._gradients(X_batch, T_batch)
                if not math.isfinite(np.vdot(dZ, dZ)):   # NaN or inf anywhere makes the sum of squares so
                    stop = f"at step {history.steps + 1} (epoch {epoch + 1})"
                    break
                if callback is not None:
                    keep_going = callback(net, history.steps + 1, epoch + 1, net._cost(T_batch))
                optimizer.step(net)
                history.steps += 1
                if callback is not None and keep_going is False:
                    stop = "callback"
                    break
            if stop is None:
                net._forward(X)
                cost = net._cost(T)
                if not np.isfinite(cost):
                    stop = f"after epoch {epoch + 1}"
            if stop == "callback":
                break
            if stop is not None:
                history.diverged = True
                break
            history.train_cost.append(cost)
            if classifier:
                history.train_acc.append(net._accuracy(net.layers[-1].A, T))
            if validation_data is not None:
                A_val = net._forward(X_val)
                val_cost = net._cost(T_val)
                history.val_cost.append(val_cost)
                if classifier:
                    history.val_acc.append(net._accuracy(A_val, T_val))
                if patience is not None:
                    if val_cost < best_cost:
                        best_cost, since_best = val_cost, 0
                        best_weights = [p.copy() for p, _ in net.parameters()]
                        history.best_epoch = epoch + 1
                    else:
                        since_best += 1
                        if since_best >= patience:
                            history.stopped_early = True
                            break
    if progress:
        epoch_iter.close()
    if best_weights is not None:  # early stopping: go back to the best weights seen
        for (param, _), best in zip(net.parameters(), best_weights):
            param[...] = best
    if history.diverged and on_divergence == "raise":
        raise TrainingDiverged(_diverged_message(stop, optimizer), history)
    return history

"""Watching a network overfit: a training run that can be looked at after any epoch.

Chapter 9 trains a network on a small training set and measures it on a
validation set after every epoch. The cost on the training set keeps
falling; the cost on the validation set falls, then rises again as the
network starts to learn its training examples by heart. The epoch where the
validation cost is lowest is where *early stopping* would keep the weights:
:func:`best_epoch` finds it.

:class:`TrainingRun` is one such run: a network with one hidden layer of ReLU
neurons and a sigmoid output, trained by the library's
:class:`~dlcore.train.Trainer` on the whole training set at every step
(full-batch gradient descent with momentum, optionally with weight decay).
It trains only as far as it is asked (:meth:`TrainingRun.advance_to`) and
keeps the weights after every epoch, so that the network of any epoch seen
so far can be asked for its answers again (:meth:`TrainingRun.predict_proba`)
without training again. The chapter's live panel keeps one run per setting
and moves through its epochs.

>>> run = TrainingRun(X_train, y_train, (X_val, y_val), hidden=100)   # doctest: +SKIP
>>> run.advance_to(400)                                             # doctest: +SKIP
>>> run.best_epoch()          # lowest validation cost               # doctest: +SKIP
48
"""

import numpy as np

from ._checks import check_number
from .network import Network
from .optim import SGD
from .train import Trainer, TrainingDiverged


def best_epoch(val_cost, up_to=None):
    """The epoch, counted from 1, with the lowest validation cost among the first ``up_to``.

    Parameters
    ----------
    val_cost : sequence of float
        The validation cost after each epoch, as ``History.val_cost`` records it.
    up_to : int, optional
        Look only at the first ``up_to`` epochs (what early stopping could know
        by then); default all of them.

    Returns
    -------
    int
        The first epoch with the lowest cost (ties go to the earlier epoch).

    >>> best_epoch([0.9, 0.5, 0.4, 0.45, 0.6])
    3
    >>> best_epoch([0.9, 0.5, 0.4, 0.45, 0.6], up_to=2)
    2
    """
    costs = np.asarray(val_cost, dtype=float)
    if costs.ndim != 1 or len(costs) == 0:
        raise ValueError(
            f"val_cost must be a non-empty list with one validation cost per epoch, got {val_cost!r}. "
            "Train with validation_data=(X_val, y_val) so that the history records it."
        )
    if up_to is not None:
        up_to = check_number(up_to, "up_to", integer=True)
        costs = costs[:up_to]
    return int(np.argmin(costs)) + 1


class TrainingRun:
    """A network with one hidden layer, trained epoch by epoch on demand, its weights kept after each epoch.

    Parameters
    ----------
    X, y : ndarray, shapes (n_samples, n_features) and (n_samples,)
        The training set; class labels 0 and 1.
    validation_data : tuple (X_val, y_val)
        Measured after every epoch, never trained on.
    hidden : int
        Neurons in the hidden layer (ReLU).
    lr, momentum, weight_decay : float
        The settings of the :class:`~dlcore.optim.SGD` optimiser.
    seed : int
        Seed of the starting weights.
    dtype : {"float64", "float32"}
        float32 halves the work on larger training sets, for live panels.

    Attributes
    ----------
    net : Network
        The network as it is after the last epoch trained.
    history : History
        Cost and accuracy on the training and validation sets after each epoch.
    diverged : bool
        True if the cost became NaN or infinite; the run then trains no further.
    """

    def __init__(self, X, y, validation_data, *, hidden=100, lr=0.5, momentum=0.0, weight_decay=0.0, seed=0,
                 dtype="float64"):
        X = np.asarray(X)
        if X.ndim != 2:
            raise ValueError(f"X must have shape (n_samples, n_features), got shape {X.shape}.")
        hidden = check_number(hidden, "hidden", integer=True)
        self.sizes = [X.shape[1], hidden, 1]
        self.net = Network.from_sizes(self.sizes, hidden="relu", output="sigmoid", seed=seed, dtype=dtype)
        optimizer = SGD(lr, momentum=momentum, weight_decay=weight_decay)
        self.trainer = Trainer(self.net, X, y, batch_size=len(X), optimizer=optimizer,
                               validation_data=validation_data, seed=seed)
        self.diverged = False
        self._weights = [self._copy()]                      # _weights[e]: after epoch e (0: the start)
        self._scratch = Network.from_sizes(self.sizes, hidden="relu", output="sigmoid", dtype=dtype)

    @property
    def history(self):
        return self.trainer.history

    @property
    def epochs(self):
        """Epochs trained so far."""
        return self.history.epochs

    def _copy(self):
        return [param.copy() for param, _ in self.net.parameters()]

    def advance_to(self, epoch):
        """Train until ``epoch`` epochs are done (nothing if they already are); returns the history."""
        epoch = check_number(epoch, "epoch", integer=True, allow_zero=True)
        with np.errstate(over="ignore", invalid="ignore"):   # a diverging run is reported, not warned about
            while not self.diverged and self.epochs < epoch:
                try:
                    self.trainer.run_epoch()
                except TrainingDiverged:
                    self.diverged = True
                    break
                self._weights.append(self._copy())
        return self.history

    def network_at(self, epoch):
        """A network holding the weights after ``epoch`` (0: before training); trains up to it first.

        The same network object is returned each time, with other weights:
        use it before asking for another epoch.
        """
        self.advance_to(epoch)
        epoch = min(epoch, self.epochs)
        for (param, _), kept in zip(self._scratch.parameters(), self._weights[epoch]):
            param[...] = kept
        return self._scratch

    def predict_proba(self, X, epoch):
        """Probabilities of class 1, shape (n_samples,), from the network after ``epoch``."""
        return self.network_at(epoch).predict_proba(X)[:, 0]

    def best_epoch(self, up_to=None):
        """The epoch with the lowest validation cost among those trained (or the first ``up_to``)."""
        return best_epoch(self.history.val_cost, up_to)

    def __repr__(self):
        arrows = " → ".join(str(s) for s in self.sizes)
        return f"TrainingRun({arrows}, epochs={self.epochs}, {self.trainer.optimizer!r})"

"""Rosenblatt's perceptron (1958) and its learning rule.

A perceptron is one neuron with a *step* activation: it answers 1 when
``x @ w + b >= 0`` and 0 otherwise. The answer is a non-linear function of
the inputs (it jumps), but the border between the two answers, the points
where ``x @ w + b = 0``, is a straight line (in more dimensions, a flat
plane). So a perceptron can only separate classes that a straight line can
separate.

The learning rule looks at one example at a time. If the answer is right,
nothing changes. If it is wrong, the weights move towards the example (when
the answer should have been 1) or away from it (when it should have been 0)::

    error = target - prediction       # +1, -1 or 0
    w = w + lr * error * x
    b = b + lr * error

If a separating line exists, this rule finds one after finitely many
mistakes (the perceptron convergence theorem). If none exists, it never
settles. :func:`perceptron_updates` records the rule's updates one by one
from a given line, and :func:`perceptron_datasets` gives the three data sets
chapter 4 tries it on: one it separates and two it cannot.
"""

import numpy as np

from . import datasets
from ._checks import check_number, check_X, check_y


class Perceptron:
    """A single neuron with a step activation, trained by the perceptron rule.

    Parameters
    ----------
    n_features : int
    lr : float, default 1.0
        How far each correction moves the weights.
    seed : int or numpy.random.Generator, optional
        When given, start from small random weights; otherwise from zeros.

    Attributes
    ----------
    w : ndarray, shape (n_features,)
    b : float
    """

    def __init__(self, n_features, *, lr=1.0, seed=None):
        self.n_features = check_number(n_features, "n_features", integer=True)
        self.lr = check_number(lr, "The learning rate lr")
        if seed is None:
            self.w = np.zeros(self.n_features)
        else:
            self.w = np.random.default_rng(seed).uniform(-0.5, 0.5, self.n_features)
        self.b = 0.0

    def _check_X(self, X):
        return check_X(X, n_features=self.n_features, dtype=np.float64, where=f"Perceptron(n_features={self.n_features})",
                       allow_int=True)

    def decision_function(self, X):
        """The weighted sums ``X @ w + b``, shape (n_samples,); the class is 1 where this is >= 0."""
        return self._check_X(X) @ self.w + self.b

    def predict(self, X):
        """Predicted classes 0 or 1, shape (n_samples,)."""
        return (self.decision_function(X) >= 0).astype(np.int64)

    def update(self, x, target):
        """Apply the learning rule to one example; return the error.

        The error is target - prediction: -1, 0 or 1.

        Parameters
        ----------
        x : array-like, shape (n_features,)
        target : 0 or 1
        """
        x = self._check_X(np.reshape(x, (1, -1)))[0]
        target = int(check_y([target], n_classes=2)[0])
        prediction = int(x @ self.w + self.b >= 0)
        error = target - prediction
        if error:
            self.w += self.lr * error * x
            self.b += self.lr * error
        return error

    def steps(self, X, y, *, epochs=10, seed=0):
        """Go through the learning rule one example at a time, yielding what happened at each.

        Yields dicts with ``epoch``, ``index`` (of the example), ``x``,
        ``target``, ``error``, and the weights ``w`` and bias ``b`` after the
        update (copies). Stops after an epoch without mistakes.
        """
        X = self._check_X(X)
        y = check_y(y, n_samples=len(X), n_classes=2)
        epochs = check_number(epochs, "epochs", integer=True)
        rng = np.random.default_rng(seed)
        for epoch in range(1, epochs + 1):
            mistakes = 0
            for i in rng.permutation(len(X)):
                error = self.update(X[i], y[i])
                mistakes += error != 0
                yield {"epoch": epoch, "index": int(i), "x": X[i], "target": int(y[i]),
                       "error": error, "w": self.w.copy(), "b": self.b}
            if mistakes == 0:
                return

    def fit(self, X, y, *, epochs=10, seed=0):
        """Train with the learning rule; return the number of mistakes in each epoch.

        Stops early after the first epoch without a mistake (the data is then
        separated). The returned list ends in 0 exactly when that happened.

        Parameters
        ----------
        X : ndarray, shape (n_samples, n_features)
        y : ndarray of 0/1, shape (n_samples,)

        Returns
        -------
        mistakes : list of int, one per epoch run
        """
        mistakes = []
        for event in self.steps(X, y, epochs=epochs, seed=seed):
            if len(mistakes) < event["epoch"]:
                mistakes.append(0)
            mistakes[-1] += event["error"] != 0
        return mistakes

    def accuracy(self, X, y):
        """Fraction of samples classified correctly."""
        X = self._check_X(X)
        return float(np.mean(self.predict(X) == check_y(y, n_samples=len(X), n_classes=2)))

    def __repr__(self):
        return f"Perceptron(w={np.round(self.w, 3).tolist()}, b={self.b:.3g})"


def perceptron_datasets(n_samples=100, seed=0):
    """Chapter 4's data sets, by name: ``{"blobs": (X, y), "circles": ..., "xor": ...}``.

    ``blobs`` has a narrow gap (``separation=1.0``) so that the learning rule
    needs a few epochs to find it; ``circles`` and ``xor`` cannot be separated
    by a straight line.
    """
    return {
        "blobs": datasets.blobs(n_samples, separation=1.0, seed=seed),
        "circles": datasets.circles(n_samples, seed=seed),
        "xor": datasets.xor(n_samples, seed=seed),
    }


def perceptron_updates(X, y, w, b, *, max_updates=100, seed=0):
    """Run the perceptron rule from the line ``(w, b)`` and record its first ``max_updates`` updates.

    Only the steps that change the line are kept (the examples the
    perceptron got wrong); see :meth:`Perceptron.steps`.

    Parameters
    ----------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of 0/1, shape (n_samples,)
    w : array-like, shape (2,)
        Starting weights.
    b : float
        Starting bias.
    max_updates : int
    seed : int
        Order in which the examples are visited.

    Returns
    -------
    updates : list of dict
        One per update, with ``epoch``, ``index``, ``w`` and ``b`` after the
        update, and ``w_before``, ``b_before``.
    converged : bool
        True if an epoch went by without a mistake before ``max_updates``
        updates were made: the line then separates the classes.
    """
    perceptron = Perceptron(2)
    perceptron.w = np.array(w, dtype=float)                       # (2,)
    perceptron.b = float(b)
    w_before, b_before = perceptron.w.copy(), perceptron.b
    updates = []
    # Every epoch but the last has a mistake, so max_updates + 1 epochs is enough.
    for event in perceptron.steps(X, y, epochs=max_updates + 1, seed=seed):
        if event["error"] == 0:
            continue
        if len(updates) == max_updates:
            return updates, False
        updates.append({"epoch": event["epoch"], "index": event["index"], "w": event["w"], "b": event["b"],
                        "w_before": w_before, "b_before": b_before})
        w_before, b_before = event["w"], event["b"]
    return updates, True  # the rule stopped after an epoch without a mistake

"""Cost functions: one number that says how wrong the network is on a whole data set.

A cost (also called loss or objective) compares the network's outputs ``A``
with the targets ``T`` over every sample and averages the result. Training
makes this number small. Each cost here comes with its gradient ``dC/dA``,
the start of backpropagation.

Three costs:

- ``"mse"``: mean squared error, ``mean((a - t)**2)`` over every sample and output.
- ``"bce"``: binary cross-entropy, for one sigmoid output and labels 0/1.
- ``"cross_entropy"``: categorical cross-entropy, for softmax outputs and
  labels 0..k-1 (or one-hot rows).

Cross-entropy after a sigmoid or softmax has a famously simple gradient with
respect to the output layer's weighted sums ``Z``: ``(A - T) / n``, the
activation's slope cancelling out (:meth:`Loss.grad_Z`). Its value is
computed from ``Z`` too (:meth:`Loss.value_from_logits`), so that it never
takes the logarithm of 0.

Label helpers: :func:`one_hot` turns labels into one-hot rows, :func:`to_labels` back.
"""

import functools

import numpy as np

from ._checks import check_number, check_y, lookup


@functools.lru_cache(maxsize=64)
def _identity(n, dtype):
    """The n×n identity matrix, read-only: its row ``k`` is the one-hot row of class ``k``."""
    eye = np.eye(n, dtype=dtype)
    eye.flags.writeable = False
    return eye


def one_hot(y, n_classes=None, dtype=np.float64):
    """Turn integer labels into one-hot rows.

    Parameters
    ----------
    y : array-like of int, shape (n_samples,)
    n_classes : int, optional
        Number of classes; defaults to ``y.max() + 1``.

    Returns
    -------
    Y : ndarray, shape (n_samples, n_classes)
        ``Y[i, y[i]] == 1`` and every other entry 0.

    >>> one_hot([0, 2, 1])
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    if n_classes is not None:
        n_classes = check_number(n_classes, "n_classes", integer=True)
    y = check_y(y, n_classes=n_classes)
    n_classes = int(y.max()) + 1 if n_classes is None else n_classes
    return _identity(n_classes, np.dtype(dtype)).take(y, axis=0)   # row k of the identity is class k's one-hot row


def to_labels(Y):
    """Turn one-hot rows (or rows of class scores) into integer labels: the column of each row's maximum.

    Parameters
    ----------
    Y : array-like, shape (n_samples, n_classes)

    Returns
    -------
    y : ndarray of int64, shape (n_samples,)
    """
    Y = np.asarray(Y)
    if Y.ndim != 2:
        raise ValueError(
            f"to_labels expects one-hot rows of shape (n_samples, n_classes), got shape {Y.shape}. "
            "Integer labels need no conversion."
        )
    return Y.argmax(axis=1).astype(np.int64)


def _is_one_hot(Y):
    return Y.ndim == 2 and Y.shape[1] > 1 and np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=1) == 1)


class Loss:
    """A cost function with its gradient.

    Subclasses define ``value(A, T)`` (a float), ``grad(A, T)`` (``dC/dA``,
    shape of ``A``) and ``targets(y, n_out)``, which checks the labels a
    learner passes in and turns them into the target matrix ``T`` of shape
    (n_samples, n_out).
    """

    name = ""
    #: the output activation whose pairing with this cost gives ``dC/dZ = (A - T) / n`` (see :meth:`~dlcore.losses.Loss.grad_Z`)
    pairs_with = None
    classification = True

    def value(self, A, T):
        raise NotImplementedError

    def grad(self, A, T):
        raise NotImplementedError

    def targets(self, y, n_out, dtype=np.float64):
        raise NotImplementedError

    def value_from_logits(self, Z, T):
        """The cost computed from the weighted sums ``Z`` of the output layer (stable)."""
        raise NotImplementedError

    def value_at_output(self, Z, A, T):
        """The cost of an output layer's values, ``Z`` before and ``A`` after its activation.

        What :meth:`~dlcore.network.Network.output_cost` uses: the most exact of
        ``value(A, T)`` and :meth:`~dlcore.losses.Loss.value_from_logits` for the pair.
        """
        return self.value(A, T)

    def grad_Z(self, A, T):
        """``dC/dZ`` at the output layer when its activation is ``pairs_with``: ``(A - T) / n``.

        ``n`` is the number of numbers the cost averages over: samples for
        cross-entropy, samples times outputs for binary cross-entropy.
        """
        return (A - T) / self._n(A)

    def _n(self, A):
        return len(A)

    def __call__(self, A, T):
        return self.value(A, T)

    def __repr__(self):
        return f"{type(self).__name__}()"


class MeanSquaredError(Loss):
    """``C = mean((a - t)**2)`` over every sample and output; ``dC/da = 2 (a - t) / (n_samples * n_out)``."""

    name = "mse"
    classification = False

    def value(self, A, T):
        D = A - T
        return float(np.mean(D * D))

    def grad(self, A, T):
        return 2 * (A - T) / A.size

    def targets(self, y, n_out, dtype=np.float64):
        T = np.asarray(y)
        if T.dtype.kind in "OUS":
            raise TypeError(
                "The 'mse' cost needs numbers as targets, got text labels. Turn them into integers with "
                "np.unique(y, return_inverse=True), then one-hot rows with dlcore.one_hot(y)."
            )
        if T.ndim == 1:
            T = T.reshape(-1, 1)
        if T.ndim != 2 or T.shape[1] != n_out:
            fix = (
                f" These look like class labels: use dlcore.one_hot(y, {n_out}) to get one column per output."
                if T.ndim == 2 and T.shape[1] == 1 and n_out > 1 else ""
            )
            raise ValueError(
                f"The 'mse' cost compares each of the network's {n_out} outputs with a target, so it needs "
                f"targets of shape (n_samples, {n_out}), got shape {np.shape(y)}.{fix}"
            )
        T = T.astype(dtype)
        if not np.isfinite(T).all():
            raise ValueError("The targets contain NaN or infinite values; remove those samples first.")
        return T


class BinaryCrossEntropy(Loss):
    """``C = -mean(t log a + (1 - t) log(1 - a))`` for sigmoid outputs and labels 0 or 1."""

    name = "bce"
    pairs_with = "sigmoid"
    _EPS = 1e-12

    def value(self, A, T):
        A = np.clip(A, self._EPS, 1 - self._EPS)
        return float(-np.mean(T * np.log(A) + (1 - T) * np.log1p(-A)))

    def grad(self, A, T):
        A = np.clip(A, self._EPS, 1 - self._EPS)
        return (A - T) / (A * (1 - A)) / A.size

    def value_at_output(self, Z, A, T):
        # a sigmoid output rounds to exactly 1 (or 0) from |z| of about 17 (float32) or 37
        # (float64) on, where log(1 - a) is lost: the logits keep it
        return self.value_from_logits(Z, T)

    def value_from_logits(self, Z, T):
        # -[t log s(z) + (1-t) log(1-s(z))] = log(1 + e^z) - z t; logaddexp(z, 0) is
        # log(e^z + e^0) computed without overflow, so this never takes log(0)
        return float((np.logaddexp(Z, 0).sum() - np.vdot(Z, T)) / Z.size)

    def _n(self, A):
        return A.size

    def targets(self, y, n_out, dtype=np.float64):
        y_arr = np.asarray(y)
        if y_arr.ndim == 2 and y_arr.shape[1] > 1 and y_arr.shape[1] != n_out:
            raise ValueError(
                f"The 'bce' cost with {n_out} sigmoid output(s) expects labels 0 or 1 of shape (n_samples,), "
                f"got a 2-D array of shape {y_arr.shape}, which looks one-hot encoded. Either convert with "
                f"dlcore.to_labels(Y), or use {y_arr.shape[1]} softmax outputs with the 'cross_entropy' cost."
            )
        if y_arr.ndim == 2 and y_arr.shape[1] == n_out and n_out > 1:
            T = y_arr
        else:
            T = check_y(y_arr, n_classes=2).reshape(-1, 1)
            if n_out != 1:
                raise ValueError(
                    f"The 'bce' cost with labels of shape (n_samples,) needs one sigmoid output, but the "
                    f"network has {n_out}. For {n_out} classes use softmax outputs and 'cross_entropy'."
                )
        return np.asarray(T, dtype=dtype)


class CrossEntropy(Loss):
    """``C = -mean over samples of sum_k t_k log a_k`` for softmax outputs.

    Labels may be integers 0..k-1 (shape (n_samples,)) or one-hot rows.
    """

    name = "cross_entropy"
    pairs_with = "softmax"
    _EPS = 1e-12

    def value(self, A, T):
        return float(-np.sum(T * np.log(np.clip(A, self._EPS, 1.0))) / len(A))

    def grad(self, A, T):
        return -T / np.clip(A, self._EPS, 1.0) / len(A)

    def value_at_output(self, Z, A, T):
        # -log a is exact while a is a normal number, which a softmax output only leaves when
        # another class's z is larger by over 87 (float32) or 708 (float64); then the logits
        tiny = np.finfo(A.dtype).tiny
        lost = A < tiny
        if lost.any() and np.vdot(T, lost) > 0:
            return self.value_from_logits(Z, T)
        return float(-np.vdot(T, np.log(np.maximum(A, tiny))) / len(A))

    def value_from_logits(self, Z, T):
        # -sum_k t_k log softmax(z)_k = log sum_j e^{z_j} - sum_k t_k z_k (each row of T sums
        # to 1). Taking each row's largest z out first, log sum_j e^{z_j} = m + log sum_j e^{z_j - m},
        # never forms a huge e^{z_j}.
        m = Z.max(axis=1, keepdims=True)                              # (n_samples, 1)
        log_sum_exp = np.log(np.exp(Z - m).sum(axis=1)) + m[:, 0]     # (n_samples,)
        return float((log_sum_exp.sum() - np.vdot(T, Z)) / len(Z))

    def targets(self, y, n_out, dtype=np.float64):
        y_arr = np.asarray(y)
        if n_out < 2:
            raise ValueError(
                "The 'cross_entropy' cost needs at least two softmax outputs (one per class), but the network "
                "has 1 output. For two classes with one output use a sigmoid output and the 'bce' cost."
            )
        if y_arr.ndim == 2 and y_arr.shape[1] > 1:
            if y_arr.shape[1] != n_out or not _is_one_hot(y_arr):
                raise ValueError(
                    f"The 'cross_entropy' cost takes integer labels of shape (n_samples,) or one-hot rows of "
                    f"shape (n_samples, {n_out}), got a 2-D array of shape {y_arr.shape} that is not one-hot "
                    f"with {n_out} columns."
                )
            return y_arr.astype(dtype)
        y = check_y(y_arr, n_classes=n_out)
        return _identity(n_out, np.dtype(dtype)).take(y, axis=0)   # one-hot rows, as one_hot makes them


LOSSES = {
    "mse": MeanSquaredError(),
    "bce": BinaryCrossEntropy(),
    "cross_entropy": CrossEntropy(),
}
LOSSES["mean_squared_error"] = LOSSES["mse"]
LOSSES["binary_cross_entropy"] = LOSSES["bce"]
LOSSES["categorical_cross_entropy"] = LOSSES["cross_entropy"]


def get(name):
    """Look up a cost function by name (``"mse"``, ``"bce"``, ``"cross_entropy"``); a :class:`Loss` passes through."""
    if isinstance(name, Loss):
        return name
    return lookup(name, LOSSES, "cost function")


def mse(A, T):
    """Mean squared error of outputs ``A`` against targets ``T`` (same shape)."""
    return LOSSES["mse"].value(np.asarray(A, dtype=float), np.asarray(T, dtype=float))


def binary_cross_entropy(A, T):
    """Binary cross-entropy of probabilities ``A`` in (0, 1) against 0/1 targets ``T`` (same shape)."""
    return LOSSES["bce"].value(np.asarray(A, dtype=float), np.asarray(T, dtype=float))


def cross_entropy(A, T):
    """Categorical cross-entropy of probability rows ``A`` against one-hot rows ``T``, both (n_samples, n_classes)."""
    return LOSSES["cross_entropy"].value(np.asarray(A, dtype=float), np.asarray(T, dtype=float))

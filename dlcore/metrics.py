"""Scoring a classifier: which classes it mixes up, and which samples it gets wrong.

Accuracy is one number; the *confusion matrix* says where the errors are.
Its row ``i``, column ``j`` counts the samples of true class ``i`` that the
model put in class ``j``: the diagonal holds the right answers, everything
off it a mistake. ``mistakes`` lists the samples behind the off-diagonal
counts, to look at them.

>>> confusion_matrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0])
array([[1, 1],
       [1, 2]])
"""

import numpy as np


def _labels(values, name):
    labels = np.asarray(values)
    if labels.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D array of class labels, one per sample, got shape {labels.shape}. "
            "Turn network outputs into labels with net.predict(X) (or dlcore.to_labels for one-hot rows)."
        )
    if labels.size and (labels.dtype.kind not in "iub" or labels.min() < 0):
        raise ValueError(
            f"{name} must hold class labels 0, 1, 2, ... (whole numbers, not negative), got values such as "
            f"{labels[:3].tolist()}. Use the labels, not the probabilities: net.predict(X)."
        )
    return labels.astype(np.int64)


def _pair(y_true, y_pred):
    y_true, y_pred = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if len(y_true) != len(y_pred):
        raise ValueError(
            f"y_true and y_pred must have one label per sample each, got {len(y_true)} and {len(y_pred)}. "
            "Predict on the same samples the true labels belong to."
        )
    return y_true, y_pred


def confusion_matrix(y_true, y_pred, n_classes=None):
    """Count how often each true class was predicted as each class.

    Parameters
    ----------
    y_true, y_pred : array-like of int, shape (n_samples,)
        True and predicted class labels, 0 to ``n_classes - 1``.
    n_classes : int, optional
        Number of classes; default: one more than the largest label seen.

    Returns
    -------
    ndarray of int, shape (n_classes, n_classes)
        Entry ``[i, j]``: samples of true class ``i`` predicted as class ``j``.
        The diagonal holds the correct answers; each row adds up to the
        number of samples of that class.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    n_classes = _check_n_classes(y_true, y_pred, n_classes)
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    for true, predicted in zip(y_true, y_pred):
        matrix[true, predicted] += 1      # one more of class `true` called `predicted`
    return matrix


def _check_n_classes(y_true, y_pred, n_classes):
    seen = int(max(y_true.max(initial=-1), y_pred.max(initial=-1))) + 1
    if n_classes is None:
        return seen
    if seen > n_classes:
        raise ValueError(f"Found the label {seen - 1}, but n_classes={n_classes} allows only 0 to {n_classes - 1}.")
    return n_classes


def mistakes(y_true, y_pred):
    """Indices of the samples whose predicted class is wrong, in their order.

    >>> mistakes([0, 1, 1, 0], [0, 0, 1, 1])
    array([1, 3])
    """
    y_true, y_pred = _pair(y_true, y_pred)
    return np.flatnonzero(y_true != y_pred)

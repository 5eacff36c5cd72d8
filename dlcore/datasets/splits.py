"""Splitting data into training, validation and test parts, and grids of points to draw on.

``train_val_test_split`` shuffles and splits (stratified when the labels are
classes); ``grid_points`` lists every point of a grid, the inputs for drawing
a model's output over the plane. Mini-batches are cut by the training loop
itself (``dlcore.train``).
"""

import numpy as np

from dlcore._checks import check_number

from ._common import _make_rng


def _check_fraction(value, name):
    value = check_number(value, name, positive=False)
    if not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {name}={value!r}. Use e.g. {name}=0.2.")
    return value


def _check_pair(X, y):
    """X and y as arrays with one row per sample each; returns (X, y, n_samples)."""
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"X and y must be arrays with one row per sample, got X of shape {X.shape} and y of shape "
            f"{y.shape}."
        )
    if len(X) != len(y):
        raise ValueError(
            f"X and y must have one label per sample, got {len(X)} samples in X and {len(y)} labels in y. "
            "Check that they come from the same data set and were split and shuffled together."
        )
    if len(X) == 0:
        raise ValueError("Expected at least one sample, got an empty X.")
    return X, y, len(X)


def train_val_test_split(X, y, *, val=0.2, test=0.2, seed=0):
    """Shuffle and split the data into training, validation and test parts.

    Each part gets the fractions of the samples given by ``val`` and
    ``test`` (rounded, at least one sample each); the training part gets the
    rest. When ``y`` holds integer class labels, each class is spread over
    the three parts in the same proportions (a stratified split).

    Parameters
    ----------
    X : array-like, shape (n_samples, ...)
        Samples as rows; images of shape (n_samples, height, width) work too.
    y : array-like, shape (n_samples,)
        Labels or targets.
    val, test : float
        Fractions for validation and test, each between 0 and 1, with
        ``val + test < 1``.
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    (X_train, y_train), (X_val, y_val), (X_test, y_test)
        Arrays with the same trailing shape as ``X`` and ``y``; every sample
        is in exactly one part.
    """
    X, y, n_samples = _check_pair(X, y)
    val = _check_fraction(val, "val")
    test = _check_fraction(test, "test")
    if val + test >= 1:
        raise ValueError(
            f"val + test must be less than 1 to leave samples for training, got val={val} and "
            f"test={test} (sum {val + test:g}). Typical values are val=0.2, test=0.2."
        )
    n_val = max(1, int(round(val * n_samples)))
    n_test = max(1, int(round(test * n_samples)))
    n_train = n_samples - n_val - n_test
    if n_train < 1:
        raise ValueError(
            f"Cannot split {n_samples} samples into non-empty training, validation and test parts with "
            f"val={val} and test={test}. Use more samples or smaller fractions."
        )
    rng = _make_rng(seed)
    order = rng.permutation(n_samples)
    if y.ndim == 1 and y.dtype.kind in "iub":
        # Stratify: rank each sample within its class (in shuffled order) and
        # deal samples out by their relative rank, so that every stretch of the
        # dealt order holds the classes in their overall proportions.
        _, cls = np.unique(y[order], return_inverse=True)
        counts = np.bincount(cls)
        rank = np.empty(n_samples)
        for c in range(len(counts)):
            members = np.flatnonzero(cls == c)
            rank[members] = (np.arange(len(members)) + rng.uniform()) / len(members)
        order = order[np.argsort(rank, kind="stable")]
    test_idx = order[:n_test]
    val_idx = order[n_test:n_test + n_val]
    train_idx = order[n_test + n_val:]
    parts = []
    for idx in (train_idx, val_idx, test_idx):
        idx = rng.permutation(idx)
        parts.append((X[idx], y[idx]))
    return tuple(parts)


def grid_points(xs, ys, *, dtype=np.float64):
    """Every point of the grid ``xs`` × ``ys``, one per row: the inputs for drawing a function over a plane.

    The points come row by row, as ``np.meshgrid(xs, ys)`` lays them out:
    ``y`` is fixed along each row of the picture and ``x`` runs along it. So
    ``f(points).reshape(len(ys), len(xs))`` is an image of ``f`` with ``x``
    across and ``y`` up (``imshow(..., origin="lower")``).

    Parameters
    ----------
    xs : array-like, shape (n_x,)
    ys : array-like, shape (n_y,)
    dtype : {np.float64, np.float32}, default np.float64

    Returns
    -------
    points : ndarray, shape (n_y * n_x, 2)
        Column 0 holds ``x``, column 1 holds ``y``.

    Examples
    --------
    >>> grid_points([0, 1, 2], [10, 20])
    array([[ 0., 10.],
           [ 1., 10.],
           [ 2., 10.],
           [ 0., 20.],
           [ 1., 20.],
           [ 2., 20.]])
    """
    xs = np.asarray(xs, dtype=dtype)
    ys = np.asarray(ys, dtype=dtype)
    if xs.ndim != 1 or ys.ndim != 1:
        raise ValueError(f"grid_points expects two 1-D arrays of coordinates, got shapes {xs.shape} and {ys.shape}.")
    points = np.empty((len(ys), len(xs), 2), dtype=dtype)  # one array, filled in place: no meshgrid copies
    points[:, :, 0] = xs                                   # x runs along each row
    points[:, :, 1] = ys[:, None]                          # y is fixed along each row
    return points.reshape(-1, 2)                           # (n_y * n_x, 2)

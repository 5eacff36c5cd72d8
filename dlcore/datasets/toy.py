"""Toy problems small enough to draw: 2-D classification and samples of a known function.

- ``blobs``, ``xor``, ``circles``, ``moons``, ``spirals``: points in the
  plane with labels 0 and 1, from a problem a straight line solves
  (``blobs``) to ones it cannot (the rest);
- ``function_samples``, ``function_samples_2d``: input-output pairs of a
  function, for learning the function back from its examples.

``X`` has shape (n_samples, n_features), ``y`` (n_samples,). The same
``seed`` gives the same data, every time.
"""

import numpy as np

from dlcore._checks import check_number

from ._common import _check_n_samples, _make_rng, _two_class_labels


# --------------------------------------------------------------------------- #
# 2-D classification problems
# --------------------------------------------------------------------------- #

def blobs(n_samples=200, *, separation=3.0, noise=1.0, seed=0):
    """Two Gaussian clusters in the plane that a straight line always separates.

    The cluster centres lie ``separation`` apart on a diagonal, and the middle
    between them is not the origin (so a line through the origin cannot split
    them: a perceptron needs its bias). Each cluster spreads with standard
    deviation ``noise``, except towards the other cluster: there it is cut off
    at ``separation / 3`` from its centre, which leaves an empty band of width
    ``separation / 3`` along the dividing line. So the classes are linearly
    separable for every setting, with a margin the perceptron rule can find.

    Parameters
    ----------
    n_samples : int
        Number of points (at least 2); the classes get half each.
    separation : float
        Distance between the two cluster centres (> 0).
    noise : float
        Standard deviation of each cluster (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
    y : ndarray, shape (n_samples,), int64
        0 for the lower-left cluster, 1 for the upper-right one.
    """
    n_samples = _check_n_samples(n_samples, 2, " (one sample per class)")
    separation = check_number(separation, "separation")
    noise = check_number(noise, "noise", allow_zero=True)
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)

    axis = np.array([1.0, 1.0]) / np.sqrt(2.0)        # from class 0 towards class 1
    across = np.array([-1.0, 1.0]) / np.sqrt(2.0)     # along the dividing line
    middle = np.array([0.5, 0.5])
    # Offset towards the other cluster: a normal draw, redrawn until it stays
    # below separation/3 (at least half of the draws pass, so this ends fast).
    limit = separation / 3
    toward = rng.normal(0.0, noise, n_samples)
    bad = toward > limit
    while bad.any():
        toward[bad] = rng.normal(0.0, noise, int(bad.sum()))
        bad = toward > limit
    sideways = rng.normal(0.0, noise, n_samples)
    sign = 2.0 * y - 1.0                               # -1 for class 0, +1 for class 1
    along = sign * (separation / 2 - toward)           # distance from the middle, along the axis
    X = middle + along[:, None] * axis + sideways[:, None] * across  # (n_samples, 2)
    return X, y


def xor(n_samples=200, *, noise=0.1, seed=0):
    """Four clusters at the corners (+-1, +-1) of a square; the label is the XOR of the signs.

    Corners (1, 1) and (-1, -1) have label 0, corners (1, -1) and (-1, 1)
    label 1: no straight line separates the classes.

    Parameters
    ----------
    n_samples : int
        Number of points (at least 4), shared as evenly as possible by the corners.
    noise : float
        Standard deviation of each cluster around its corner (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
    y : ndarray, shape (n_samples,), int64
        The label of the corner each point was drawn around.
    """
    n_samples = _check_n_samples(n_samples, 4, " (one sample per corner)")
    noise = check_number(noise, "noise", allow_zero=True)
    rng = _make_rng(seed)
    corner = rng.permutation(np.arange(n_samples) % 4)
    signs = np.array([[1, 1], [-1, -1], [1, -1], [-1, 1]], dtype=float)
    X = signs[corner] + rng.normal(0.0, noise, (n_samples, 2))  # (n_samples, 2)
    y = (corner >= 2).astype(np.int64)                          # signs differ -> 1
    return X, y


def circles(n_samples=200, *, noise=0.1, factor=0.5, seed=0):
    """Two concentric circles: the outer one (radius 1) is class 0, the inner one class 1.

    Parameters
    ----------
    n_samples : int
        Number of points (at least 2); the circles get half each.
    noise : float
        Standard deviation of the Gaussian noise added to each coordinate (>= 0).
    factor : float
        Radius of the inner circle, between 0 and 1.
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
    y : ndarray, shape (n_samples,), int64
        1 on the inner circle, 0 on the outer one.
    """
    n_samples = _check_n_samples(n_samples, 2, " (one sample per class)")
    noise = check_number(noise, "noise", allow_zero=True)
    factor = check_number(factor, "factor")
    if not factor < 1:
        raise ValueError(
            f"factor is the inner radius as a fraction of the outer one and must lie between 0 and 1, "
            f"got factor={factor!r}. Use e.g. factor=0.5."
        )
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)
    angle = rng.uniform(0.0, 2 * np.pi, n_samples)
    radius = np.where(y == 1, factor, 1.0)
    points = np.column_stack([np.cos(angle), np.sin(angle)])  # on the unit circle
    X = radius[:, None] * points                              # (n_samples, 2)
    X += rng.normal(0.0, noise, X.shape)
    return X, y


def moons(n_samples=200, *, noise=0.1, seed=0):
    """Two interleaving half-moons.

    Class 0 is the upper arc (cos t, sin t), class 1 the lower arc
    (1 - cos t, 0.5 - sin t), for t between 0 and pi.

    Parameters
    ----------
    n_samples : int
        Number of points (at least 2); the moons get half each.
    noise : float
        Standard deviation of the Gaussian noise added to each coordinate (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
    y : ndarray, shape (n_samples,), int64
    """
    n_samples = _check_n_samples(n_samples, 2, " (one sample per class)")
    noise = check_number(noise, "noise", allow_zero=True)
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)
    t = rng.uniform(0.0, np.pi, n_samples)
    upper = np.column_stack([np.cos(t), np.sin(t)])              # (n_samples, 2)
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])    # (n_samples, 2)
    X = np.where(y[:, None] == 1, lower, upper)
    X += rng.normal(0.0, noise, X.shape)
    return X, y


def spirals(n_samples=200, *, n_turns=1.25, noise=0.05, seed=0):
    """Two interleaved spirals, one per class, winding out from near the centre to radius 1.

    Along each arm the radius grows steadily with the angle; the second arm is
    the first one turned by half a turn, so neighbouring arms lie
    ``0.45 / n_turns`` apart. Points are spread evenly along the arms.

    Parameters
    ----------
    n_samples : int
        Number of points (at least 2); the spirals get half each.
    n_turns : float
        How many times each arm winds around the centre (> 0).
    noise : float
        Standard deviation of the Gaussian noise added to each coordinate (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
    y : ndarray, shape (n_samples,), int64
    """
    n_samples = _check_n_samples(n_samples, 2, " (one sample per class)")
    n_turns = check_number(n_turns, "n_turns")
    noise = check_number(noise, "noise", allow_zero=True)
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)
    # t in [0, 1] runs along an arm; sqrt spreads points evenly along its length.
    t = np.sqrt(rng.uniform(0.0, 1.0, n_samples))
    radius = 0.1 + 0.9 * t
    angle = 2 * np.pi * n_turns * t + np.pi * y
    points = np.column_stack([np.cos(angle), np.sin(angle)])  # on the unit circle
    X = radius[:, None] * points                              # (n_samples, 2)
    X += rng.normal(0.0, noise, X.shape)
    return X, y


# --------------------------------------------------------------------------- #
# Samples of a known function
# --------------------------------------------------------------------------- #

def _check_range(x_range, name="x_range"):
    try:
        low, high = x_range
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a pair (low, high), got {x_range!r}. Use e.g. {name}=(-2, 2)."
        ) from None
    low = check_number(low, f"{name}[0]", positive=False)
    high = check_number(high, f"{name}[1]", positive=False)
    if not low < high:
        raise ValueError(f"{name}=(low, high) needs low < high, got {x_range!r}. Use e.g. {name}=(-2, 2).")
    return low, high


def _call_f(f, args, n_samples, how):
    if not callable(f):
        raise TypeError(
            f"f must be a function, got {f!r} of type {type(f).__name__}. Pass the function itself, "
            f"without calling it: e.g. f=np.square, not f=np.square(x)."
        )
    try:
        t = f(*args)
    except TypeError as error:
        raise TypeError(
            f"f must accept {how} and work on it element by element, but calling it failed: {error}. "
            "Use numpy functions (np.sin, not math.sin) and operators (x ** 2)."
        ) from error
    t = np.asarray(t, dtype=float)
    if t.ndim == 0:
        t = np.full(n_samples, float(t))
    if t.shape != (n_samples,):
        raise ValueError(
            f"f must return one value per input, an array of shape ({n_samples},), got shape {t.shape}. "
            f"Write f so that it works element by element, e.g. f=lambda x: x ** 2."
        )
    if not np.isfinite(t).all():
        raise ValueError("f returned NaN or infinite values on x_range. Choose an x_range where f is defined.")
    return t


def function_samples(f, n_samples=20, *, x_range=(-2, 2), noise=0.0, seed=0):
    """Input-output pairs of a function of one variable: ``t = f(x) + noise``.

    The inputs are drawn uniformly from ``x_range`` (in random order; sort
    them with ``np.argsort`` to draw a line). Inputs and noise come from two
    separate streams of the seed, so with the same seed a larger
    ``n_samples`` keeps the first points and changing ``noise`` keeps every x.

    Parameters
    ----------
    f : callable
        Applied to a 1-D array of inputs, shape (n_samples,); must return an
        array of the same shape. Example: ``np.square``.
    n_samples : int
        Number of pairs (at least 1).
    x_range : (float, float)
        Inputs are drawn uniformly between these two numbers.
    noise : float
        Standard deviation of the Gaussian noise added to ``f(x)`` (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    x : ndarray, shape (n_samples, 1), float64
        The inputs, as a one-column matrix (rows are samples).
    t : ndarray, shape (n_samples,), float64
        The targets ``f(x) + noise``.

    Examples
    --------
    >>> x, t = function_samples(np.square, 10, noise=0.1)
    """
    n_samples = _check_n_samples(n_samples)
    low, high = _check_range(x_range)
    noise = check_number(noise, "noise", allow_zero=True)
    rng_x, rng_noise = _two_streams(seed)
    x = rng_x.uniform(low, high, n_samples)                       # (n_samples,)
    t = _call_f(f, (x,), n_samples, "a 1-D array of inputs")
    t = t + noise * rng_noise.standard_normal(n_samples)          # (n_samples,)
    return x[:, None], t


def function_samples_2d(f, n_samples=100, *, x_range=(-2, 2), noise=0.0, seed=0):
    """Input-output pairs of a function of two variables: ``t = f(x1, x2) + noise``.

    Both inputs are drawn uniformly from ``x_range``. As in
    ``function_samples``, inputs and noise use separate streams of the seed.

    Parameters
    ----------
    f : callable
        Called as ``f(x1, x2)`` with two 1-D arrays of shape (n_samples,);
        must return an array of shape (n_samples,).
        Example: ``lambda x1, x2: x1 * x2``.
    n_samples : int
        Number of pairs (at least 1).
    x_range : (float, float)
        Each input is drawn uniformly between these two numbers.
    noise : float
        Standard deviation of the Gaussian noise added to ``f`` (>= 0).
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, 2), float64
        Column 0 holds x1, column 1 holds x2.
    t : ndarray, shape (n_samples,), float64
    """
    n_samples = _check_n_samples(n_samples)
    low, high = _check_range(x_range)
    noise = check_number(noise, "noise", allow_zero=True)
    rng_x, rng_noise = _two_streams(seed)
    X = rng_x.uniform(low, high, (n_samples, 2))                  # (n_samples, 2)
    t = _call_f(f, (X[:, 0], X[:, 1]), n_samples, "two 1-D arrays x1, x2")
    t = t + noise * rng_noise.standard_normal(n_samples)          # (n_samples,)
    return X, t


def _two_streams(seed):
    """Two independent generators derived from one seed (for inputs and for noise)."""
    rng = _make_rng(seed)
    child_seeds = rng.integers(0, 2**63, size=2)
    return np.random.default_rng(child_seeds[0]), np.random.default_rng(child_seeds[1])

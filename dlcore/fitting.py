"""Fitting curves to examples by least squares: polynomials, and sums of ReLU pieces.

Chapter 2 fits a polynomial to noisy examples of a function; chapter 3 builds
a curve from simple pieces ``relu(x - t)``, each 0 up to its *kink* ``t`` and
a straight line after it, and asks how close a sum of them comes to a
target curve. Both are the same problem: with the columns of a table ``D``
fixed (the powers ``x^d ... x^0``, or a constant and the pieces), find the
coefficients ``c`` that make ``D @ c`` closest to the outputs, which numpy's
``lstsq`` solves in one call. No gradient descent, no network: these are the
exact answers the chapters compare a trained network with.

>>> bias, weights = fit_relu_pieces([0.0, 1.0, 2.0, 3.0], [0.0, 0.0, 1.0, 2.0], kinks=[1.0])
>>> round(bias, 9) + 0.0, weights.round(9)
(0.0, array([1.]))
"""

import numpy as np


def polynomial_fit(x, t, degree):
    """Least-squares polynomial of ``degree`` through the examples ``(x, t)``.

    Returns the coefficients, highest power first (as ``np.polyval`` takes
    them). With fewer examples than coefficients many polynomials fit
    exactly; this returns the one with the smallest coefficients (numpy's
    ``lstsq``), without the warning ``np.polyfit`` gives.

    Parameters
    ----------
    x, t : array-like of shape (n_samples,) or (n_samples, 1)
    degree : int
        0 is a constant, 1 a line, 2 a parabola, ...

    Returns
    -------
    coef : ndarray of shape (degree + 1,)

    Examples
    --------
    >>> polynomial_fit([2.0, 3.0, 4.0], [4.0, 9.0, 16.0], 2).round(9) + 0.0
    array([1., 0., 0.])
    """
    x = np.asarray(x, dtype=float).ravel()
    t = np.asarray(t, dtype=float).ravel()
    if len(x) != len(t):
        raise ValueError(f"x and t must hold one output per input, got {len(x)} inputs and {len(t)} outputs.")
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError(f"degree must be a whole number >= 0 (1 is a line, 2 a parabola), got {degree!r}.")
    V = np.vander(x, degree + 1)                                  # (n_samples, degree + 1): x^d ... x^0
    coef, *_ = np.linalg.lstsq(V, t, rcond=None)                  # (degree + 1,)
    return coef


def fit_error(y_fit, y_true):
    """The fit error chapter 2 reports: the mean squared difference between a fitted curve and the true one.

    Both are the curves' values on the same grid of inputs, shape (n_points,).

    >>> fit_error([1.0, 2.0], [1.0, 4.0])
    2.0
    """
    y_fit, y_true = np.asarray(y_fit, dtype=float), np.asarray(y_true, dtype=float)
    if y_fit.shape != y_true.shape:
        raise ValueError(f"y_fit and y_true must be values on the same grid, got shapes {y_fit.shape} and {y_true.shape}.")
    return float(np.mean((y_fit - y_true) ** 2))


def relu_basis(x, kinks):
    """The ReLU pieces ``relu(x - t)``, one column per kink ``t``.

    Piece ``j`` is 0 up to its kink ``kinks[j]`` and rises with slope 1 after
    it. A weighted sum of the columns plus a constant is a broken line that
    bends at the kinks.

    Parameters
    ----------
    x : array-like of shape (n_points,) or (n_points, 1)
    kinks : array-like of shape (n_kinks,)

    Returns
    -------
    ndarray of shape (n_points, n_kinks)

    Examples
    --------
    >>> relu_basis([0.0, 1.0, 2.0], [0.5, 1.5])
    array([[0. , 0. ],
           [0.5, 0. ],
           [1.5, 0.5]])
    """
    x = np.asarray(x, dtype=float)
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    if x.ndim != 1:
        raise ValueError(f"relu_basis expects x as a 1-D array of inputs (n_points,), got shape {x.shape}.")
    kinks = np.atleast_1d(np.asarray(kinks, dtype=float))
    if kinks.ndim != 1:
        raise ValueError(f"kinks must be a 1-D list of positions, got shape {kinks.shape}.")
    return np.maximum(x[:, None] - kinks[None, :], 0.0)            # (n_points, n_kinks)


def even_kinks(n_pieces, x_range=(-3.0, 3.0)):
    """Kinks that cut ``x_range`` into ``n_pieces`` stretches of equal length.

    The first kink is at the left end, so that the first piece is a straight
    line over the whole range and each further kink starts a new stretch:
    ``even_kinks(3, (-3, 3))`` is ``[-3, -1, 1]``.

    Returns
    -------
    ndarray of shape (n_pieces,)
    """
    if isinstance(n_pieces, bool) or not isinstance(n_pieces, (int, np.integer)) or n_pieces < 1:
        raise ValueError(f"n_pieces must be a whole number of at least 1, got {n_pieces!r}.")
    lo, hi = (float(v) for v in x_range)
    if not lo < hi:
        raise ValueError(f"x_range must be (low, high) with low < high, got {x_range!r}.")
    return np.linspace(lo, hi, int(n_pieces) + 1)[:-1]


def fit_relu_pieces(x, y, kinks):
    """The best combination of ReLU pieces at fixed kinks, by least squares.

    Finds the constant ``bias`` and the weights ``w`` for which
    ``bias + relu_basis(x, kinks) @ w`` has the smallest mean squared
    difference from ``y``. The kinks stay where they are; only how much of
    each piece to take is chosen.

    Parameters
    ----------
    x : array-like of shape (n_points,) or (n_points, 1)
    y : array-like of shape (n_points,)
    kinks : array-like of shape (n_kinks,)

    Returns
    -------
    bias : float
    weights : ndarray of shape (n_kinks,)
    """
    B = relu_basis(x, kinks)                      # (n_points, n_kinks)
    y = np.asarray(y, dtype=float).ravel()
    if len(y) != len(B):
        raise ValueError(f"x and y must hold one output per input, "
                         f"got {len(B)} inputs and {len(y)} outputs.")
    D = np.column_stack([np.ones(len(B)), B])     # (n_points, 1 + n_kinks)
    coef, *_ = np.linalg.lstsq(D, y, rcond=None)  # (1 + n_kinks,)
    return float(coef[0]), coef[1:]


def cantor_function(u, depth=34):
    """The Cantor function ("devil's staircase") on [0, 1].

    A continuous, increasing function from 0 to 1 that is flat on the middle
    third, on the middle thirds of the two outer thirds, and so on at every
    scale, and climbs only on the Cantor set left over. It is computed from
    the first ``depth`` ternary digits of ``u``.

    Parameters
    ----------
    u : array-like
        Inputs; values outside [0, 1] are clipped to it.

    Returns
    -------
    ndarray of the shape of ``u``
    """
    u = np.clip(np.asarray(u, dtype=float), 0.0, 1.0)
    value = np.zeros_like(u)
    done = u >= 1.0
    value[done] = 1.0
    scale = 0.5
    for _ in range(depth):
        u = 3.0 * u
        digit = np.minimum(np.floor(u), 2.0)
        u = u - digit
        middle = (digit == 1.0) & ~done                   # inside a flat step: its height is final
        value[middle] += scale
        done |= middle
        value[(digit == 2.0) & ~done] += scale
        scale /= 2.0
    return value


#: Curves to approximate with ReLU pieces on [-3, 3], by name: (formula for titles, function).
RELU_TARGETS = {
    "wave": ("sin(x + 1) + 0.3·x", lambda x: np.sin(x + 1.0) + 0.3 * x),
    "bumps": ("sin(3x)·exp(−x²/2)", lambda x: np.sin(3.0 * x) * np.exp(-x ** 2 / 2.0)),
    "smooth step": ("tanh(3x)", lambda x: np.tanh(3.0 * x)),
    "kink": ("|x| − 1", lambda x: np.abs(x) - 1.0),
    "staircase": ("Cantor staircase", lambda x: 3.0 * cantor_function((np.asarray(x) + 3.0) / 6.0) - 1.5),
}


def relu_target(name):
    """The curve ``name`` of :data:`RELU_TARGETS`, as ``(formula, function)``."""
    if name not in RELU_TARGETS:
        raise ValueError(f"Unknown target {name!r}; choose one of {list(RELU_TARGETS)}.")
    return RELU_TARGETS[name]


def relu_pieces_fit(target, n_pieces, x):
    """Fit ``n_pieces`` evenly spaced ReLU pieces to a curve of :data:`RELU_TARGETS` on ``x``.

    Parameters
    ----------
    target : str
        A key of :data:`RELU_TARGETS`.
    n_pieces : int
    x : ndarray of shape (n_points,)
        Sorted inputs; the kinks cut ``[x[0], x[-1]]`` evenly (:func:`even_kinks`).

    Returns
    -------
    dict
        ``y`` (the target on x), ``kinks``, ``bias``, ``weights``, ``pieces``
        (n_points, n_pieces: each weighted piece on x), ``y_hat`` (their sum
        plus the bias) and ``error`` (the mean squared difference from ``y``).
    """
    _, f = relu_target(target)
    x = np.asarray(x, dtype=float)
    y = f(x)                                                        # (n_points,)
    kinks = even_kinks(n_pieces, (x[0], x[-1]))
    bias, weights = fit_relu_pieces(x, y, kinks)
    pieces = relu_basis(x, kinks) * weights                         # (n_points, n_pieces)
    y_hat = bias + pieces.sum(axis=1)
    return {"y": y, "kinks": kinks, "bias": bias, "weights": weights, "pieces": pieces, "y_hat": y_hat,
            "error": float(np.mean((y_hat - y) ** 2))}

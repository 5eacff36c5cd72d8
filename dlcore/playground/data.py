"""The playground's data: problems by name, the reader's own data, the input features, the split.

Every built-in problem lies in the square from -3 to 3 (:data:`BOX`), so
that the features ``sin x1`` and ``x1²`` have room to bend. ``noise`` is the
spread of the Gaussian noise added to each point, in units of the problem's
own size (0.1 is a tenth of a ring's radius); for ``"regression"`` it is
added to the target instead.
"""

import numbers

import numpy as np

from .. import datasets
from .._checks import check_number, check_X, check_y, lookup

#: The built-in problems, by name.
DATA_NAMES = ("circles", "xor", "blobs", "spirals", "moons", "regression")
#: Problems that can have more than two classes (the ``classes`` setting).
MULTI_CLASS = ("blobs", "spirals")
#: Where the built-in problems lie: x₁ and x₂ from -3 to 3 (points with noise may stray outside).
BOX = (-3.0, 3.0, -3.0, 3.0)

#: The input features a playground network can be given, by name: (label, function of x₁ and x₂).
#: The first five are chapter 1's hand-made features (``dlcore.features``), under the names TensorFlow
#: Playground gives them.
FEATURES = {
    "x1": ("x₁", lambda x1, x2: x1),
    "x2": ("x₂", lambda x1, x2: x2),
    "x1^2": ("x₁²", lambda x1, x2: x1 ** 2),
    "x2^2": ("x₂²", lambda x1, x2: x2 ** 2),
    "x1*x2": ("x₁x₂", lambda x1, x2: x1 * x2),
    "sin x1": ("sin x₁", lambda x1, x2: np.sin(x1)),
    "sin x2": ("sin x₂", lambda x1, x2: np.sin(x2)),
}


def check_features(features):
    """The feature names as a tuple in the order given; a ValueError names the ones that are unknown."""
    if isinstance(features, str):
        features = (features,)
    try:
        features = tuple(features)
    except TypeError:
        raise TypeError(f"features must be a list of names such as ('x1', 'x2'), got {features!r}.") from None
    if not features:
        raise ValueError(f"Choose at least one input feature, e.g. features=('x1', 'x2'). Known: {list(FEATURES)}.")
    known = {_plain(key): key for key in FEATURES}
    names = tuple(lookup(_plain(name) if isinstance(name, str) else name, known, "feature") for name in features)
    if len(set(names)) != len(names):
        raise ValueError(f"features lists a feature twice: {list(features)}. Give each once.")
    return names


def _plain(name):
    """A feature's name without spaces, with ² and · spelled as in code: "x1²" -> "x1^2"."""
    return name.lower().replace(" ", "").replace("²", "^2").replace("·", "*").replace("₁", "1").replace("₂", "2")


def input_features(X, names):
    """The chosen features of the points ``X`` (n_samples, 2): one column per name, shape (n_samples, len(names))."""
    return np.column_stack([FEATURES[name][1](X[:, 0], X[:, 1]) for name in names])


def make_data(name, *, n_samples=200, noise=0.1, classes=2, seed=0):
    """A built-in problem by name: points ``X`` (n_samples, 2) and labels or targets ``y`` (n_samples,).

    ``"circles"``, ``"xor"``, ``"moons"`` have two classes; ``"blobs"`` and
    ``"spirals"`` have ``classes`` (2 to 5); ``"regression"`` has real targets
    ``t = e^(-|x-(1,1)|²/2) - e^(-|x+(1,1)|²/2)``: a hill and a valley.
    """
    name = lookup(name, {n: n for n in DATA_NAMES}, "data set")
    n_samples = check_number(n_samples, "n_samples", integer=True)
    if n_samples < 10:
        raise ValueError(f"n_samples must be at least 10 to leave points for training and testing, got {n_samples}.")
    noise = check_number(noise, "noise", allow_zero=True)
    classes = check_number(classes, "classes", integer=True)
    if name in MULTI_CLASS:
        if not 2 <= classes <= 5:
            raise ValueError(f"classes must be from 2 to 5, got classes={classes}.")
    elif classes != 2:
        raise ValueError(f"{name!r} has two classes; classes={classes} works for {' and '.join(MULTI_CLASS)} only. "
                         "Use classes=2, or data='blobs'.")
    rng = np.random.default_rng(seed)
    if name == "circles":
        X, y = datasets.circles(n_samples, noise=noise, seed=rng)
        return 2.5 * X, y
    if name == "moons":
        X, y = datasets.moons(n_samples, noise=noise, seed=rng)
        return 2.0 * (X - [0.5, 0.25]), y
    if name == "xor":            # points spread over the square, as in TensorFlow Playground
        X = rng.uniform(-2.7, 2.7, (n_samples, 2))
        X += np.where(X > 0, 0.3, -0.3)                                  # a gap along the axes
        y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)                    # signs differ -> 1
        return X + rng.normal(0.0, 2.7 * noise, X.shape), y
    if name == "regression":
        X = rng.uniform(-2.7, 2.7, (n_samples, 2))
        return X, regression_surface(X[:, 0], X[:, 1]) + rng.normal(0.0, noise, n_samples)
    y = rng.permutation(np.arange(n_samples) % classes)                 # classes as even as can be
    if name == "blobs":
        angle = 2 * np.pi * y / classes + np.pi / 4
        centres = 1.7 * np.column_stack([np.cos(angle), np.sin(angle)])
        return centres + rng.normal(0.0, 0.5 + 2.5 * noise, (n_samples, 2)), y
    t = np.sqrt(rng.uniform(0.0, 1.0, n_samples))                     # spirals: one arm per class
    angle = 2 * np.pi * 1.25 * t + 2 * np.pi * y / classes
    X = (0.1 + 0.9 * t)[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return 2.8 * (X + rng.normal(0.0, noise / 2, X.shape)), y


def regression_surface(x1, x2):
    """The target of ``"regression"`` before noise: a hill at (1, 1) and a valley at (-1, -1)."""
    return np.exp(-((x1 - 1) ** 2 + (x2 - 1) ** 2) / 2) - np.exp(-((x1 + 1) ** 2 + (x2 + 1) ** 2) / 2)


def check_own_data(X, y):
    """The reader's own data: ``X`` (n_samples, 2) of numbers and ``y`` of class labels or real targets.

    Returns ``X`` (float64), ``y`` (int64 labels 0..k-1, or float64 targets) and
    the number of classes (0 for regression). Integer (or boolean) ``y`` means
    classes; floating-point ``y`` means regression.
    """
    X = check_X(X, n_features=2, name="X", dtype=np.float64, where="The playground", allow_int=True)
    y_arr = np.asarray(y)
    if y_arr.ndim == 2 and y_arr.shape[1] == 1:
        y_arr = y_arr[:, 0]
    if y_arr.ndim != 1 or len(y_arr) != len(X):
        raise ValueError(f"y must hold one label or target per row of X: shape ({len(X)},), got shape {y_arr.shape}.")
    if len(X) < 4:
        raise ValueError(f"The playground needs at least 4 points (some to train on, some to test), got {len(X)}.")
    if y_arr.dtype.kind == "f":
        if not np.isfinite(y_arr).all():
            raise ValueError("y contains NaN or infinite values; remove those rows of X and y first.")
        return X, y_arr.astype(np.float64), 0
    y_arr = check_y(y_arr, n_samples=len(X))
    n_classes = int(y_arr.max()) + 1
    missing = sorted(set(range(n_classes)) - set(np.unique(y_arr).tolist()))
    if n_classes < 2 or missing:
        raise ValueError(
            f"Class labels y must be 0, 1, ... with every class present (at least two), got the labels "
            f"{np.unique(y_arr).tolist()}. Relabel with y = np.unique(y, return_inverse=True)[1]; for a "
            "real-valued target pass floats (y.astype(float)) for regression.")
    return X, y_arr, n_classes


def split(X, y, train_fraction, rng):
    """Shuffle and split into a training part (``train_fraction`` of the points) and a test part (the rest)."""
    train_fraction = check_number(train_fraction, "train_fraction")
    if not train_fraction < 1:
        raise ValueError(f"train_fraction must lie between 0 and 1 (some points are kept for the test), "
                         f"got {train_fraction}. Use e.g. train_fraction=0.5.")
    n_train = int(round(train_fraction * len(X)))
    if not 1 <= n_train < len(X):
        raise ValueError(f"train_fraction={train_fraction} leaves no points for training or for testing "
                         f"among {len(X)}. Choose a value nearer 0.5.")
    order = rng.permutation(len(X))
    return (X[order[:n_train]], y[order[:n_train]]), (X[order[n_train:]], y[order[n_train:]])


def data_box(X, padding=0.1):
    """The plotted square: :data:`BOX` for the built-in problems; around the reader's points otherwise."""
    low, high = X.min(axis=0), X.max(axis=0)
    pad = padding * np.maximum(high - low, 1e-9)
    (x0, y0), (x1, y1) = low - pad, high + pad
    return float(x0), float(x1), float(y0), float(y1)


def check_hidden(hidden):
    """Hidden layer sizes as a tuple of ints; also accepts text such as ``"8, 8"`` (an empty one: no hidden layer)."""
    if isinstance(hidden, str):
        parts = [p for p in hidden.replace(",", " ").split()]
        try:
            hidden = tuple(int(p) for p in parts)
        except ValueError:
            raise ValueError(f"hidden must list the neurons of each hidden layer, like '8, 8', got {hidden!r}.") from None
    elif isinstance(hidden, numbers.Integral) and not isinstance(hidden, bool):
        hidden = (int(hidden),)
    try:
        hidden = tuple(check_number(n, "Each hidden layer size", integer=True) for n in hidden)
    except TypeError:
        raise TypeError(f"hidden must be a tuple of layer sizes such as (4, 4), got {hidden!r}.") from None
    if len(hidden) > 6 or any(n > 8 for n in hidden):
        raise ValueError(
            f"The playground draws every neuron: at most 6 hidden layers of at most 8 neurons, got {hidden}. "
            "For a bigger network build a dlcore.Network and train it with dlcore.train.")
    return hidden

"""Input checks and the error messages a learner sees.

Every public entry point of dlcore validates what it is given here, so that a
mistake is reported where it is made, in words that say what was expected,
what arrived, and what to do. Internals trust their inputs.
"""

import math
import numbers

import numpy as np


def lookup(name, registry, kind):
    """Return ``registry[name]``, or raise a ValueError that suggests the closest name.

    Parameters
    ----------
    name : str
        The name the learner typed, e.g. ``"sigmoud"``.
    registry : dict
        Known names mapped to their objects.
    kind : str
        What is looked up, for the message ("activation", "cost function", ...).
    """
    if not isinstance(name, str):
        raise TypeError(
            f"The {kind} must be given by name (a string), got {name!r} of type "
            f"{type(name).__name__}. Known {kind}s: {', '.join(sorted(registry))}."
        )
    key = name.lower().replace("-", "_").replace(" ", "_")
    if key in registry:
        return registry[key]
    import difflib  # only needed when a name is wrong

    close = difflib.get_close_matches(key, list(registry), n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise ValueError(
        f"Unknown {kind} {name!r}.{hint} Known {kind}s: {', '.join(sorted(registry))}."
    )


def check_number(value, name, *, positive=True, allow_zero=False, integer=False, code=None):
    """Check that ``value`` is a finite real number (optionally > 0 or >= 0, or an int).

    ``name`` is how the message calls it ("The learning rate lr"); ``code`` is
    the argument as typed in code ("lr"), used in the examples (default: ``name``).
    Returns the value as a Python float (or int when ``integer=True``).
    """
    code = name if code is None else code
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind = "a whole number" if integer else "a number"
        raise TypeError(
            f"{name} must be {kind}, got {value!r} of type {type(value).__name__}. "
            f"Pass it without quotes, e.g. {code}={'32' if integer else '0.1'}."
        )
    if integer and not float(value).is_integer():
        raise TypeError(f"{name} must be a whole number, got {value!r}. Use e.g. {code}={int(value) or 1}.")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}.")
    if positive:
        if value < 0 or (value == 0 and not allow_zero):
            bound = "at least 0" if allow_zero else "greater than 0"
            raise ValueError(f"{name} must be {bound}, got {value!r}.")
    return int(value) if integer else float(value)


def check_lr(lr):
    """A learning rate: a finite number greater than 0."""
    if isinstance(lr, numbers.Real) and not isinstance(lr, bool) and np.isfinite(lr) and lr <= 0:
        raise ValueError(
            f"The learning rate lr must be greater than 0, got lr={lr!r}. It is the size of "
            "each step downhill; a step of 0 or less never goes down. Typical values are 0.01 to 1."
        )
    return check_number(lr, "The learning rate lr", code="lr")


def check_X(X, *, n_features=None, name="X", dtype=None, where=None, allow_int=False):
    """Check a data matrix: 2-D, numeric, finite, non-empty, rows are samples.

    Parameters
    ----------
    X : array-like, shape (n_samples, n_features)
    n_features : int, optional
        The number of columns expected (a layer's ``n_in``).
    dtype : numpy dtype, optional
        Convert to this floating dtype (no copy if it already is one).
    where : str, optional
        Who is asking, for the message (e.g. ``"Dense(n_in=2500)"``).

    Returns
    -------
    ndarray, shape (n_samples, n_features)
    """
    who = f"{where} expects" if where else "Expected"
    if not isinstance(X, np.ndarray):
        try:
            X = np.asarray(X)
        except ValueError:  # numpy: "setting an array element with a sequence ... inhomogeneous shape"
            raise ValueError(
                f"{who} {name} as a 2-D array (n_samples, n_features), got rows of different lengths. "
                "Every sample needs the same number of features."
            ) from None
    if X.dtype.kind in "OUS":
        raise TypeError(
            f"{who} {name} to hold numbers, got dtype {X.dtype}. Convert text columns to "
            f"numbers first (for example with np.asarray({name}, dtype=float))."
        )
    if allow_int and X.dtype.kind in "biu":
        X = X.astype(np.float64 if dtype is None else dtype)  # 0/1 truth tables and the like
    if X.dtype.kind == "b":
        raise TypeError(f"{who} {name} to hold numbers, got booleans. Use {name}.astype(float).")
    if X.dtype.kind in "iu":
        raise TypeError(
            f"{who} {name} with a floating-point dtype, got integer dtype {X.dtype}. Integer arrays "
            f"cannot hold the small fractional values learning needs. Use {name} = {name}.astype(float)"
            + (" and scale pixel values to [0, 1] (divide by 255)." if X.dtype == np.uint8 else ".")
        )
    if X.dtype.kind == "c":
        raise TypeError(f"{who} {name} with real numbers, got complex dtype {X.dtype}.")
    cols = f"{n_features} columns" if n_features is not None else "one row per sample"
    if X.ndim == 1:
        raise ValueError(
            f"{who} {name} as a 2-D array (n_samples, n_features) with {cols}, got a 1-D array of "
            f"shape {X.shape}. For one sample use {name}.reshape(1, -1); for many samples of one "
            f"feature use {name}.reshape(-1, 1)."
        )
    if X.ndim == 0:
        raise ValueError(f"{who} {name} as a 2-D array (n_samples, n_features), got a single number {X!r}.")
    if X.ndim > 2:
        n_flat = int(np.prod(X.shape[1:]))
        raise ValueError(
            f"{who} {name} as a 2-D array (n_samples, n_features) with {cols}, got {name}.shape="
            f"{X.shape}. Flatten images first: {name}.reshape(len({name}), -1) gives {n_flat} columns."
        )
    if X.shape[0] == 0:
        raise ValueError(f"{who} at least one sample, got an empty {name} of shape {X.shape}.")
    if n_features is not None and X.shape[1] != n_features:
        hint = ""
        if X.shape[0] == n_features and X.shape[1] != n_features:
            # only a guess: the same shape is also what too many numbers per sample look like
            hint = f" Rows must be samples: if each column of {name} is a sample, use {name}.T."
        raise ValueError(
            f"{who} {name} with {n_features} columns (one per input), got {name}.shape={X.shape}.{hint}"
        )
    if dtype is not None and X.dtype != dtype:
        X = X.astype(dtype)
    # The sum of squares is finite when every value is (the quick test); it is NaN or inf
    # when one is NaN or inf, or when huge values overflow it, so then look value by value.
    if not math.isfinite(np.vdot(X, X)) and not np.isfinite(X).all():
        n_bad = int(np.size(X) - np.isfinite(X).sum())
        rows = np.flatnonzero(~np.isfinite(X).all(axis=1))[:5].tolist()
        raise ValueError(
            f"{name} contains {n_bad} NaN or infinite value(s) (first rows: {rows}). Remove or fill "
            f"them before training, e.g. {name} = {name}[np.isfinite({name}).all(axis=1)] (and the same rows of y)."
        )
    return X


def check_y(y, *, n_samples=None, n_classes=None, name="y"):
    """Check class labels given as integers 0..n_classes-1, shape (n_samples,).

    Accepts a column (n_samples, 1) and float arrays holding whole numbers.
    Returns an int64 array of shape (n_samples,).
    """
    y = np.asarray(y)
    if y.dtype.kind in "OUS":
        examples = ", ".join(repr(str(v)) for v in np.unique(y.astype(str))[:3])
        raise TypeError(
            f"Labels {name} must be integers 0, 1, ..., got text labels such as {examples}. Turn them "
            f"into integers first: classes, {name} = np.unique({name}, return_inverse=True)."
        )
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim == 2:
        raise ValueError(
            f"Expected integer labels {name} of shape (n_samples,), got a 2-D array of shape {y.shape}, "
            f"which looks one-hot encoded. Convert with dlcore.to_labels({name}) (or {name}.argmax(axis=1))."
        )
    if y.ndim != 1:
        raise ValueError(f"Expected labels {name} of shape (n_samples,), got shape {y.shape}.")
    if n_samples is not None and len(y) != n_samples:
        raise ValueError(
            f"X and {name} must have one label per sample, got {n_samples} samples in X and {len(y)} "
            f"labels in {name}. Check that they were split and shuffled together."
        )
    if len(y) == 0:
        raise ValueError(f"Expected at least one label, got an empty {name}.")
    if y.dtype.kind == "f":
        if not np.isfinite(y).all():
            raise ValueError(f"Labels {name} contain NaN or infinite values; every sample needs a class.")
        if not np.all(y == np.round(y)):
            raise ValueError(
                f"Labels {name} must be whole numbers (class indices), got values such as "
                f"{y[y != np.round(y)][:3].tolist()}. For a regression target use the 'mse' cost."
            )
    elif y.dtype.kind == "b":
        y = y.astype(np.int64)
    y = y.astype(np.int64, copy=False)
    # Seen as unsigned numbers, negative labels wrap around to 2**63 and more, so one
    # max() finds labels below 0 and labels too large alike.
    if y.view(np.uint64).max() >= (2**63 if n_classes is None else n_classes):
        bound = f"0..{n_classes - 1}" if n_classes is not None else "0 or more"
        if set(np.unique(y).tolist()) == {-1, 1}:
            fix = f"Labels -1 and 1 become 0 and 1 with ({name} + 1) // 2."
        else:
            fix = f"Relabel with np.unique({name}, return_inverse=True)" + (
                ", or give the network more outputs." if n_classes is not None and n_classes > 2 else ".")
        raise ValueError(
            f"Labels {name} must lie in {bound} (one per output class), got values from {y.min()} to "
            f"{y.max()}. {fix}"
        )
    return y


def check_batch_size(batch_size, n_samples):
    """A batch size: a whole number from 1 to n_samples."""
    batch_size = check_number(batch_size, "batch_size", integer=True)
    if batch_size > n_samples:
        raise ValueError(
            f"batch_size={batch_size} is larger than the {n_samples} training samples. Use at most "
            f"batch_size={n_samples} (that is full-batch gradient descent)."
        )
    return batch_size

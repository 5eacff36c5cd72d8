"""The helpers every data generator shares: the seed, the sample count, balanced labels.

Randomness comes only from a ``seed`` argument: an int gives the same data
every time, a ``np.random.Generator`` is used (and advanced) as it is, None
gives new data on every call.
"""

import numbers

import numpy as np

from dlcore._checks import check_number


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


def _two_class_labels(n_samples, rng):
    """Labels 0 and 1, as balanced as ``n_samples`` allows, in random order. Shape (n_samples,)."""
    y = np.zeros(n_samples, dtype=np.int64)
    y[: n_samples // 2] = 1  # class 1 gets n//2 samples, class 0 the rest
    return rng.permutation(y)

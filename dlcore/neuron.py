"""A single artificial neuron: weigh the inputs, add them up with a bias, apply an activation.

For inputs ``x_1 ... x_n`` with weights ``w_1 ... w_n`` and bias ``b``::

    z = w_1 x_1 + w_2 x_2 + ... + w_n x_n + b = x @ w + b
    a = activation(z)

That is all a neuron does. A layer is many neurons reading the same inputs
(see :mod:`dlcore.layers`).
"""

import numpy as np

from . import activations
from ._checks import check_X


def weighted_sum(x, w, b):
    """``z = x @ w + b``: the neuron's weighted sum of its inputs plus its bias.

    Parameters
    ----------
    x : array-like, shape (n_features,) for one sample,
        or (n_samples, n_features) for many
    w : array-like, shape (n_features,)
    b : float

    Returns
    -------
    z : float for one sample, ndarray of shape (n_samples,) for many
    """
    w = np.asarray(w, dtype=float)
    if w.ndim != 1:
        raise ValueError(f"A neuron has one weight per input: w must be 1-D of "
                         f"shape (n_features,), got shape {w.shape}.")
    single = np.ndim(x) == 1
    X = check_X(np.reshape(x, (1, -1)) if single else x, n_features=len(w),
                name="x", dtype=np.float64, allow_int=True,
                where=f"A neuron with {len(w)} weights")
    b = float(np.asarray(b))
    z = X @ w + b                     # (n_samples,)
    return float(z[0]) if single else z


def neuron(x, w, b, activation="sigmoid"):
    """The output of one neuron: ``activation(x @ w + b)``.

    Parameters
    ----------
    x : array-like, shape (n_features,) or (n_samples, n_features)
    w : array-like, shape (n_features,)
    b : float
    activation : str, default "sigmoid"

    Returns
    -------
    a : float for one sample, ndarray of shape (n_samples,) for many

    >>> neuron([1.0, 2.0], w=[0.5, -0.25], b=0.0, activation="relu")
    0.0
    """
    act = activations.get(activation)
    if act.name == "softmax":
        raise ValueError(
            "A single neuron cannot use softmax: softmax turns the outputs of "
            "several neurons into probabilities that sum to 1, so one neuron's "
            "would always be exactly 1. Use 'sigmoid' for a probability."
        )
    z = weighted_sum(x, w, b)
    a = act(np.atleast_1d(np.asarray(z, dtype=float)))
    return float(a[0]) if np.ndim(z) == 0 else a

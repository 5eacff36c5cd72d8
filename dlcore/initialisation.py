"""What the starting weights do to a network before it has learned anything.

A neuron with ``n_in`` inputs adds up ``n_in`` products ``w_i x_i``. When the
weights are drawn at random, that sum spreads more the more inputs there are
and the wider the weights' range: with weights uniform in ``[-s, s]``
(variance ``s**2 / 3``) and inputs whose squares average ``m``, the weighted
sum has a standard deviation of about ``sqrt(n_in * s**2 / 3 * m)``. Too wide,
and a sigmoid or tanh neuron sits on one of its flat ends for almost every
input (it *saturates*): its output is stuck near 0 or 1, its slope is near 0,
and the cost hardly responds to the weights before it. The book counts a
neuron as saturated for an input when its slope there is below
:data:`SATURATED_SLOPE` (7 %) of its largest value: for the sigmoid, a
weighted sum beyond ±4, the band chapter 6 shades.

:func:`init_statistics` builds a one-hidden-layer network with weights uniform
in ``[-scale, scale]``, sends a batch of inputs through it and measures the
hidden layer's weighted sums and outputs, and the size of the cost's gradient
for each first-layer weight (computed by the library's backpropagation,
which chapter 7 explains). The initial-scale explorer of chapter 6 shows them.
"""

import functools

import numpy as np

from ._checks import check_number
from .layers import Dense
from .network import Network

#: A neuron counts as saturated for an input when its slope there is below this
#: share of its largest slope: for the sigmoid (largest slope 0.25 at z = 0) that
#: is ``|z| > 4``, where the slope has fallen to 0.018; for tanh, ``|z| > 2``.
SATURATED_SLOPE = 0.07


def uniform_std(n_in, scale, mean_square=1.0):
    """The spread (standard deviation) of a weighted sum of ``n_in`` inputs.

    The weights are uniform in [-scale, scale], so their squares average
    ``scale**2 / 3``. ``mean_square`` is the average of the inputs' squares:
    1 for inputs of average 0 and standard deviation 1, 1/3 for pixel values
    spread evenly over [0, 1]. Each product ``w x`` then has a square that
    averages ``scale**2 / 3 * mean_square``, and the sum of ``n_in``
    independent products ``n_in`` times that.

    >>> round(uniform_std(2500, 1.0), 1)      # sqrt(2500 / 3)
    28.9
    >>> round(uniform_std(2500, 1.0, 1 / 3), 1)
    16.7
    """
    n_in = check_number(n_in, "n_in", integer=True)
    scale = check_number(scale, "scale")
    return float(np.sqrt(n_in * scale ** 2 / 3 * mean_square))


def xavier_scale(n_in, n_out):
    """Xavier's range: weights uniform in [-s, s], s = sqrt(6 / (n_in + n_out)).

    >>> round(xavier_scale(2500, 32), 4)
    0.0487
    """
    n_in = check_number(n_in, "n_in", integer=True)
    n_out = check_number(n_out, "n_out", integer=True)
    return float(np.sqrt(6.0 / (n_in + n_out)))


@functools.lru_cache(maxsize=8)
def _draws(n_in, n_hidden, n_samples, seed):
    """Inputs, labels and weights uniform in [-1, 1] for one setting, drawn once (read-only)."""
    rng = np.random.default_rng(seed)
    arrays = (rng.uniform(0.0, 1.0, size=(n_samples, n_in)),          # X (n_samples, n_in)
              rng.integers(0, 2, size=n_samples),                     # y (n_samples,)
              rng.uniform(-1.0, 1.0, size=(n_in, n_hidden)),          # (n_in, n_hidden)
              rng.uniform(-1.0, 1.0, size=(n_hidden, 1)))             # (n_hidden, 1)
    for array in arrays:
        array.flags.writeable = False
    return arrays


def init_statistics(n_in, scale, *, n_hidden=32, n_samples=100, activation="sigmoid", seed=0):
    """Send random pixel-like inputs through a freshly started network and measure what happens.

    The network is ``n_in`` inputs → ``n_hidden`` neurons (``activation``) → 1
    sigmoid output. The hidden layer's weights are uniform in
    ``[-scale, scale]``; the output layer's get Xavier's range (it has few
    inputs), so that only the scale of the first layer changes; biases 0.
    The inputs are uniform in [0, 1], like pixel values, with random labels
    0 and 1. The same ``seed`` gives the same inputs and the same weights up
    to the factor ``scale``, so two scales differ by the scale alone.

    Parameters
    ----------
    n_in : int
        Number of inputs (2,500 for a 50×50 image).
    scale : float
        Half-width of the weights' range (1 for the classic [-1, 1]).
    n_hidden, n_samples : int
    activation : str
        The hidden layer's activation, e.g. ``"sigmoid"``, ``"tanh"``, ``"relu"``.
    seed : int

    Returns
    -------
    dict
        ``"Z"``, ``"A"``: the hidden layer's weighted sums and outputs, shape
        (n_samples, n_hidden); ``"dW"``: the cost's gradient for each
        first-layer weight, shape (n_in, n_hidden); ``"std_z"``: the standard
        deviation of ``Z``; ``"saturated"``: the share of hidden outputs
        whose slope is below :data:`SATURATED_SLOPE` (7 %) of its largest
        value (sigmoid and tanh; for the sigmoid, ``|z| > 4``).
    """
    n_in = check_number(n_in, "n_in", integer=True)
    scale = check_number(scale, "scale")
    n_hidden = check_number(n_hidden, "n_hidden", integer=True)
    n_samples = check_number(n_samples, "n_samples", integer=True)
    X, y, U, U_out = _draws(n_in, n_hidden, n_samples, seed)
    hidden = Dense(n_in, n_hidden, activation)
    output = Dense(n_hidden, 1, "sigmoid")
    hidden.W = scale * U                              # uniform in [-scale, scale]
    output.W = xavier_scale(n_hidden, 1) * U_out
    return first_layer_statistics(Network([hidden, output]), X, y)


def first_layer_statistics(net, X, y):
    """What a network's first layer does with a batch: weighted sums, outputs, gradient sizes.

    Parameters
    ----------
    net : Network
    X : ndarray, shape (n_samples, n_in)
    y : ndarray, shape (n_samples,)
        Labels, for the cost whose gradient is measured.

    Returns
    -------
    dict
        As :func:`init_statistics` describes. The gradients come from one
        forward and one backward pass (``net.backward``, chapter 7).
    """
    T = net.targets(y, len(X))
    net.forward(X)
    net.backward(T)                                   # fills every layer's dW (chapter 7)
    hidden = net.layers[0]
    slope = hidden.activation.grad(hidden.Z, hidden.A)                  # (n_samples, n_hidden)
    peak = float(hidden.activation.grad(np.zeros(1), hidden.activation(np.zeros(1)))[0])
    return {
        "Z": hidden.Z, "A": hidden.A, "dW": hidden.dW,
        "std_z": float(hidden.Z.std()),
        "saturated": float(np.mean(slope < SATURATED_SLOPE * peak)) if peak > 0 else 0.0,
    }

"""Helpers shared by the tests of figures and widgets (not collected: the name has no test_ prefix)."""

import numpy as np

from dlcore import Dense, Network


def xor_network(scale=10.0, activation="sigmoid"):
    """A 2-2-1 network that computes XOR of two inputs in {0, 1} (near 0 or 1 for a large ``scale``)."""
    hidden = Dense(2, 2, activation)
    hidden.W, hidden.b = scale * np.ones((2, 2)), scale * np.array([-0.5, -1.5])
    output = Dense(2, 1, activation)
    output.W, output.b = scale * np.array([[1.0], [-1.0]]), scale * np.array([-0.5])
    return Network([hidden, output], loss="mse")


def ax_texts(ax):
    """Every text drawn on ``ax``, in order."""
    return [t.get_text() for t in ax.texts]

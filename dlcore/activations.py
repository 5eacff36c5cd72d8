"""Activation functions, each with its derivative right beside it.

An activation is what a neuron does to its weighted sum ``z`` before passing
it on. Every function here takes an array ``Z`` of any shape and works
element by element (softmax works along each row). Next to each one is its
derivative: how fast the output changes when ``z`` changes a little, which
is what backpropagation needs.

>>> from dlcore import activations
>>> activations.relu(np.array([-2.0, 0.0, 3.0]))
array([0., 0., 3.])

Use :func:`get` to look one up by name: ``get("sigmoid")`` returns an
:class:`Activation` holding the function and its derivative.
"""

import numpy as np

from ._checks import lookup


# Small arrays pay more for numpy's handling of a Python number than for the
# arithmetic itself; these 0-d constants of the array's own dtype avoid that.
_HALF = {np.dtype(t): np.array(0.5, dtype=t) for t in (np.float16, np.float32, np.float64)}
_ZERO = {np.dtype(t): np.array(0, dtype=t) for t in (np.float16, np.float32, np.float64)}


def _as_float(Z):
    if isinstance(Z, np.ndarray) and Z.dtype.kind == "f":
        return Z
    Z = np.asarray(Z)
    return Z if Z.dtype.kind == "f" else Z.astype(float)


def _half(dtype):
    return _HALF.get(dtype, 0.5)


# --- identity: a(z) = z --------------------------------------------------

def identity(Z):
    """Return ``Z`` unchanged (a copy): the 'no activation' of a linear output."""
    Z = np.asarray(Z)
    A = Z.copy() if Z.dtype.kind == "f" else Z.astype(float)
    return A if A.ndim else A[()]   # a number for a number


def identity_grad(Z, A=None):
    """Derivative of the identity: 1 everywhere."""
    return np.ones_like(Z)


# --- step: a(z) = 1 if z >= 0 else 0 (Rosenblatt's perceptron) -----------

def step(Z):
    """Heaviside step: 1 where ``Z >= 0``, else 0.

    The perceptron's activation. Its derivative is 0 everywhere it exists (it
    is undefined at 0), so gradients cannot flow through it: that is why
    networks trained by backpropagation use activations with a useful slope
    (sigmoid, tanh, ReLU) instead.
    """
    Z = np.asarray(Z)
    return (Z >= 0).astype(Z.dtype if Z.dtype.kind == "f" else float)


def step_grad(Z, A=None):
    """Derivative of the step: 0 (taken as 0 at ``z = 0`` too, where it does not exist)."""
    return np.zeros_like(Z, dtype=Z.dtype if Z.dtype.kind == "f" else float)


# --- sigmoid: a(z) = 1 / (1 + e^-z) ---------------------------------------

def sigmoid(Z):
    """Logistic sigmoid ``1 / (1 + exp(-z))``, squashing any number into (0, 1).

    Computed as ``0.5 * (1 + tanh(z / 2))``, which is the same function but
    never overflows: ``sigmoid(±1000)`` is exactly 1 or 0, with no warning.
    """
    Z = _as_float(Z)
    half = _half(Z.dtype)
    A = np.multiply(Z, half, out=np.empty_like(Z))   # z / 2
    np.tanh(A, out=A)            # tanh(z / 2)
    A *= half
    A += half                    # 0.5 * tanh(z / 2) + 0.5
    return A if A.ndim else A[()]   # a number for a number


def sigmoid_grad(Z, A=None):
    """Derivative of the sigmoid: ``a * (1 - a)``, at most 0.25 (at ``z = 0``)."""
    A = sigmoid(Z) if A is None else A
    return A * (1 - A)


# --- tanh: a(z) = (e^z - e^-z) / (e^z + e^-z) -------------------------------

def tanh(Z):
    """Hyperbolic tangent, squashing any number into (-1, 1); a shifted, stretched sigmoid."""
    return np.tanh(Z)


def tanh_grad(Z, A=None):
    """Derivative of tanh: ``1 - a**2``."""
    A = np.tanh(Z) if A is None else A
    return 1 - A * A


# --- ReLU: a(z) = max(0, z) -------------------------------------------------

def relu(Z):
    """Rectified linear unit ``max(0, z)``: passes positives, blocks negatives."""
    Z = _as_float(Z)
    return np.maximum(Z, _ZERO.get(Z.dtype, 0))


def relu_grad(Z, A=None):
    """Derivative of ReLU: 1 where ``z > 0``, else 0 (taken as 0 at ``z = 0``)."""
    Z = np.asarray(Z)
    return (Z > 0).astype(Z.dtype if Z.dtype.kind == "f" else float)


# --- leaky ReLU: a(z) = z if z > 0 else 0.01 z ------------------------------

LEAKY_SLOPE = 0.01


def leaky_relu(Z, slope=LEAKY_SLOPE):
    """Leaky ReLU: ``z`` for positive ``z``, ``slope * z`` otherwise, so negatives still learn."""
    Z = np.asarray(Z)
    A = np.where(Z > 0, Z, slope * Z)
    return A if A.ndim else A[()]   # a number for a number


def leaky_relu_grad(Z, A=None, slope=LEAKY_SLOPE):
    """Derivative of leaky ReLU: 1 where ``z > 0``, else ``slope``."""
    Z = np.asarray(Z)
    return np.where(Z > 0, 1.0, slope).astype(Z.dtype if Z.dtype.kind == "f" else float)


# --- softmax: a_k = e^{z_k} / sum_j e^{z_j}, along each row -------------------

def softmax(Z):
    """Softmax along each row: positive numbers that sum to 1 (class probabilities).

    Subtracting each row's maximum first changes nothing mathematically and
    keeps ``exp`` from overflowing, so inputs of ±1000 are safe.

    Parameters
    ----------
    Z : ndarray, shape (n_samples, n_classes)
    """
    Z = np.asarray(Z, dtype=float) if np.asarray(Z).dtype.kind != "f" else np.asarray(Z)
    if Z.ndim == 0:
        raise ValueError(f"softmax turns a row of scores into probabilities; got one number, {Z[()]!r}. "
                         "Pass the scores of all classes, e.g. softmax([2.0, 1.0, 0.1]), or one row per "
                         "sample, shape (n_samples, n_classes).")
    A = Z - Z.max(axis=-1, keepdims=True)
    np.exp(A, out=A)
    A /= A.sum(axis=-1, keepdims=True)
    return A


def softmax_backward(dA, A):
    """Turn ``dC/dA`` into ``dC/dZ`` through softmax: ``a * (dA - sum(dA * a))`` per row.

    Softmax mixes a row: changing one ``z_k`` moves every output of that row,
    so its derivative is a matrix per sample, ``da_j/dz_k = a_j (delta_jk - a_k)``.
    This applies that matrix without building it.
    """
    return A * (dA - (dA * A).sum(axis=-1, keepdims=True))


def _softmax_has_no_elementwise_grad(Z, A=None):
    # Softmax has no derivative element by element (see softmax_backward), so its
    # Activation has no grad to give: backward() uses softmax_backward instead.
    raise TypeError(
        "softmax has no element-by-element derivative: each output depends on the whole row. "
        "Use activations.get('softmax').backward(dA, Z, A), which applies its Jacobian row by row."
    )


class Activation:
    """An activation function bundled with its derivative.

    Attributes
    ----------
    name : str
    forward : callable, ``A = forward(Z)``
    grad : callable
        ``dA/dZ = grad(Z, A)``, element by element. Softmax has none (its
        ``grad`` raises an error); backpropagation uses ``backward``.
    """

    def __init__(self, name, forward, grad, backward=None):
        # backward, if given, is a shortcut ``dZ = backward(dA, A)`` that gives the
        # same numbers as ``dA * grad(Z, A)`` with fewer steps (or, for softmax, the
        # only correct ones: its derivative is not element by element).
        self.name = name
        self.forward = forward
        self.grad = grad
        self._backward = backward

    def __call__(self, Z):
        return self.forward(Z)

    def backward(self, dA, Z, A):
        """Chain rule through the activation: ``dZ = dA * a'(z)`` (row-wise for softmax)."""
        if self._backward is not None:
            return self._backward(dA, A)
        return dA * self.grad(Z, A)

    def __repr__(self):
        return f"Activation({self.name!r})"


ACTIVATIONS = {
    "identity": Activation("identity", identity, identity_grad),
    "step": Activation("step", step, step_grad),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_grad),
    "tanh": Activation("tanh", tanh, tanh_grad),
    # ReLU's output is never negative, so sign(a) is its slope: 1 where a > 0, else 0.
    "relu": Activation("relu", relu, relu_grad, lambda dA, A: np.multiply(dA, np.sign(A))),
    "leaky_relu": Activation("leaky_relu", leaky_relu, leaky_relu_grad),
    # softmax's derivative is not element by element: backward (softmax_backward) is what is
    # used, and its grad raises an error that says so.
    "softmax": Activation("softmax", softmax, _softmax_has_no_elementwise_grad, softmax_backward),
}
ACTIVATIONS["linear"] = ACTIVATIONS["identity"]


def get(name):
    """Look up an activation by name (``"relu"``, ``"sigmoid"``, ...); an :class:`Activation` passes through."""
    if isinstance(name, Activation):
        return name
    if name is None:
        return ACTIVATIONS["identity"]
    return lookup(name, ACTIVATIONS, "activation")

"""A fully connected layer: many neurons side by side, reading the same inputs.

A :class:`Dense` layer with ``n_in`` inputs and ``n_out`` neurons holds a
weight matrix ``W`` of shape (n_in, n_out), one column per neuron, and a bias
vector ``b`` of shape (n_out,). For a batch of inputs ``X`` (one sample per
row) it computes::

    Z = X @ W + b      # (n_samples, n_out): every neuron's weighted sum, for every sample
    A = activation(Z)  # (n_samples, n_out): what the layer passes on

and, going backwards, turns ``dA`` (how the cost changes with ``A``) into
``dZ`` (through the activation's slope), then into the gradients ``dW``,
``db`` and the ``dA`` of the layer before::

    dW = X.T @ dZ      # (n_in, n_out)
    db = dZ.sum(axis=0)  # (n_out,)
    dX = dZ @ W.T      # (n_samples, n_in)

Starting weights come from an *initialiser*: ``"uniform"`` draws from
[-1, 1] as in the classic description; ``"xavier"`` (Glorot) and ``"he"``
shrink the range as the number of inputs grows, so that the weighted sums
stay in a range where the activation still has a useful slope.
"""

import numpy as np

from . import activations
from ._checks import check_number, check_X, lookup


def _uniform(n_in, n_out, rng):
    """Uniform in [-1, 1]: variance 1/3, whatever the number of inputs."""
    return rng.uniform(-1.0, 1.0, size=(n_in, n_out))


def _xavier(n_in, n_out, rng):
    """Glorot & Bengio (2010): uniform in ±sqrt(6 / (n_in + n_out)), variance 2 / (n_in + n_out)."""
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_in, n_out))


def _he(n_in, n_out, rng):
    """He et al. (2015): normal with standard deviation sqrt(2 / n_in), made for ReLU."""
    return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))


def _zeros(n_in, n_out, rng):
    """All zeros: fine for a single neuron, useless for hidden layers (every neuron stays the same)."""
    return np.zeros((n_in, n_out))


INITIALIZERS = {
    "uniform": _uniform, "xavier": _xavier, "glorot": _xavier, "he": _he, "zeros": _zeros,
    # the names Keras and PyTorch use for the same two
    "glorot_uniform": _xavier, "xavier_uniform": _xavier, "he_normal": _he, "kaiming": _he, "kaiming_normal": _he,
}


def default_init(activation):
    """He for the ReLU family, Xavier for everything else."""
    return "he" if activations.get(activation).name in ("relu", "leaky_relu") else "xavier"


def check_dtype(dtype):
    """Accept float64 or float32 (by name or numpy type) and return the numpy dtype."""
    try:
        dt = np.dtype(dtype)
    except TypeError:
        dt = None
    if dt is None or dt not in (np.dtype(np.float64), np.dtype(np.float32)):  # (np.dtype("float64") == None is True)
        raise ValueError(f"dtype must be 'float64' or 'float32', got {dtype!r}.")
    return dt


class Dense:
    """A fully connected layer of ``n_out`` neurons, each reading all ``n_in`` inputs.

    Parameters
    ----------
    n_in : int
        Number of inputs (features, or neurons of the previous layer).
    n_out : int
        Number of neurons in this layer.
    activation : str, default "identity"
        ``"identity"``, ``"sigmoid"``, ``"tanh"``, ``"relu"``, ``"leaky_relu"``,
        ``"softmax"`` or ``"step"``.
    init : str, optional
        ``"uniform"`` ([-1, 1]), ``"xavier"``, ``"he"`` or ``"zeros"``. Default:
        He for ReLU-like activations, Xavier otherwise.
    seed : int or numpy.random.Generator, optional
        Where the random starting weights come from.
    dtype : {"float64", "float32"}, default "float64"

    Attributes
    ----------
    W : ndarray, shape (n_in, n_out)
    b : ndarray, shape (n_out,)
    dW, db : ndarray, shapes of ``W`` and ``b``
        Gradients of the cost, filled by :meth:`backward`.
    X, Z, A : ndarray
        The last batch's input, weighted sums and output, kept by
        :meth:`forward` for :meth:`backward`.

    Examples
    --------
    >>> layer = Dense(2, 3, "relu", seed=0)
    >>> layer.forward(np.ones((5, 2))).shape
    (5, 3)
    """

    def __init__(self, n_in, n_out, activation="identity", *, init=None, seed=None, dtype="float64"):
        self.n_in = check_number(n_in, "n_in", integer=True)
        self.n_out = check_number(n_out, "n_out", integer=True)
        self.activation = activations.get(activation)
        self.init = default_init(self.activation) if init is None else init
        initializer = lookup(self.init, INITIALIZERS, "initialiser")
        self.dtype = check_dtype(dtype)
        rng = np.random.default_rng(seed)
        # W and b are properties (below): setting them checks the shape and copies
        # the numbers into the arrays the layer already has.
        self._W = initializer(self.n_in, self.n_out, rng).astype(self.dtype)    # (n_in, n_out)
        self._b = np.zeros(self.n_out, dtype=self.dtype)                        # (n_out,)
        self.dW = np.zeros_like(self._W)
        self.db = np.zeros_like(self._b)
        self.X = self.Z = self.A = None
        self.in_network = False     # set by the Network this layer is put into: a layer belongs to one network

    @property
    def n_params(self):
        """Number of trainable numbers: ``n_in * n_out`` weights plus ``n_out`` biases."""
        return self.n_in * self.n_out + self.n_out

    @property
    def W(self):
        """Weights, shape (n_in, n_out): column ``j`` holds neuron ``j``'s weight for each input.

        ``layer.W = values`` checks the shape and copies the values into the
        existing array, which is where an optimiser's momentum is kept, so
        training goes on moving the new weights.
        """
        return self._W

    @W.setter
    def W(self, value):
        self._set("W", self._W, value)

    @property
    def b(self):
        """Biases, shape (n_out,): one per neuron. Set like :attr:`W`."""
        return self._b

    @b.setter
    def b(self, value):
        self._set("b", self._b, value)

    def _set(self, name, target, value):
        value = np.asarray(value)
        if value.dtype.kind not in "iuf":
            raise TypeError(f"{name} must hold numbers, got dtype {value.dtype}.")
        if value.shape != target.shape:
            raise ValueError(
                f"{name} of Dense(n_in={self.n_in}, n_out={self.n_out}) has shape {target.shape}, "
                f"got an array of shape {value.shape}."
                + (" Rows are inputs and columns are neurons: try value.T." if value.shape == target.shape[::-1] else "")
            )
        if not np.isfinite(value).all():
            raise ValueError(f"{name} must be finite, got NaN or infinite values.")
        target[...] = value

    def forward(self, X):
        """Compute the layer's output for a batch.

        Parameters
        ----------
        X : ndarray, shape (n_samples, n_in)

        Returns
        -------
        A : ndarray, shape (n_samples, n_out)
        """
        if not (isinstance(X, np.ndarray) and X.dtype == self.dtype and X.ndim == 2 and X.shape[1] == self.n_in):
            # what a Network passes on always fits; a learner's array is checked in full
            X = check_X(X, n_features=self.n_in, dtype=self.dtype, where=f"Dense(n_in={self.n_in})")
        self.X = X                                   # kept for backward
        self.Z = X @ self.W + self.b                 # (n_samples, n_out): the bias is added to every row
        self.A = self.activation.forward(self.Z)     # (n_samples, n_out)
        return self.A

    def backward(self, dA, *, input_grad=True):
        """Backpropagate through the layer: from ``dA`` to ``dW``, ``db`` and the input's gradient.

        Parameters
        ----------
        dA : ndarray, shape (n_samples, n_out)
            Gradient of the cost with respect to this layer's output ``A``.
        input_grad : bool, default True
            Whether to return the gradient with respect to the layer's input.
            A network's first layer has no layer before it to pass it to.

        Returns
        -------
        dX : ndarray, shape (n_samples, n_in), or None
            Gradient with respect to the layer's input ``X`` (the ``dA`` of the
            layer before). Fills ``self.dW`` and ``self.db``.
        """
        dA = self._check_backward(dA)
        # dA times the activation's slope: (n_samples, n_out)
        dZ = self.activation.backward(dA, self.Z, self.A)
        return self.backward_from_dZ(dZ, input_grad=input_grad)

    def backward_from_dZ(self, dZ, *, input_grad=True):
        """The rest of :meth:`backward`, from ``dZ``, the gradient with respect to the weighted sums.

        The output layer of a :class:`~dlcore.network.Network` starts here when
        its cost and activation simplify together (cross-entropy after sigmoid or
        softmax): then ``dZ = (A - T) / n`` is known directly.
        """
        dZ = self._check_backward(dZ)
        self.dW = self.X.T @ dZ      # (n_in, n_out)
        # a bias is a weight whose input is always 1: (n_out,)
        self.db = dZ.sum(axis=0)
        if not input_grad:
            return None
        return dZ @ self.W.T         # (n_samples, n_in)

    def _check_backward(self, grad):
        if self.A is None:
            raise RuntimeError("Call forward before backward: backward needs the values forward computed.")
        if not (isinstance(grad, np.ndarray) and grad.dtype == self.dtype):
            grad = np.asarray(grad, dtype=self.dtype)
        if grad.shape != self.A.shape:
            raise ValueError(
                f"backward expects a gradient with the shape of the layer's last output {self.A.shape}, "
                f"got {grad.shape}."
            )
        return grad

    def parameters(self):
        """The layer's (parameter, gradient) pairs: ``[(W, dW), (b, db)]``."""
        return [(self.W, self.dW), (self.b, self.db)]

    def __repr__(self):
        return f"Dense({self.n_in} → {self.n_out}, {self.activation.name}, init={self.init!r})"

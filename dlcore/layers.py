"""A fully connected layer: many neurons side by side, reading the same inputs.

A :class:`Dense` layer with ``n_in`` inputs and ``n_out`` neurons holds a
weight matrix ``W`` of shape (n_in, n_out), one column per neuron, and a bias
vector ``b`` of shape (n_out,). For a batch of inputs ``X`` (one sample per
row) it computes::

    Z = X @ W + b      # (n_samples, n_out): every neuron's weighted sum, for every sample
    A = activation(Z)  # (n_samples, n_out): what the layer passes on

and, going backwards, turns ``dA`` (how the cost changes with ``A``) into the
gradients ``dW``, ``db`` and the ``dA`` of the layer before.

Starting weights come from an *initialiser*: ``"uniform"`` draws from
[-1, 1] as in the classic description; ``"xavier"`` (Glorot) and ``"he"``
shrink the range as the number of inputs grows, so that the weighted sums
stay in a range where the activation still has a useful slope.
"""

import functools

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


# Two sizes at which Dense changes how numpy is asked for the same numbers.
#
#: From this many weights on, ``dW = X.T @ dZ`` is computed by ``np.matmul`` rather than
#: ``ndarray.dot``: dot fills its output with zeros before the product, one pass over
#: the whole matrix on one thread, which costs a 2500-256 layer 3-4% of that product
#: at one thread and more at two. matmul has a larger fixed cost per call (about 1 µs),
#: which is what counts for the widgets' small layers.
MATMUL_FROM = 65536

#: From this many samples on, ``Z = X @ W`` is computed as ``(W.T @ X.T).T``, the same
#: numbers stored neuron after neuron (column by column) instead of sample after sample.
#: numpy adds the bias in one run of ``n_out`` numbers per row, so for a tall, narrow Z
#: (the 40,000 points of a decision-boundary grid through a layer of 8 neurons) that
#: costs more than the product itself; stored by columns it is one long run per neuron,
#: about 5 times faster. Small batches keep ``X @ W``, whose fixed cost is lower.
COLUMNS_FROM = 1024


@functools.lru_cache(maxsize=32)
def _ones(n, dtype):
    """A read-only row of ``n`` ones, made once per batch size and dtype."""
    ones = np.ones(n, dtype=dtype)
    ones.flags.writeable = False
    return ones


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
        self._W = None
        params = np.zeros(self.n_params, dtype=self.dtype)
        self._bind(params, np.zeros_like(params))
        self._W[...] = initializer(self.n_in, self.n_out, rng)
        # The first layer of a network has no layer before it to pass a gradient to;
        # Network switches this off there and saves the largest matrix product.
        self.input_grad = True
        self.X = self.Z = self.A = None
        self._network = None  # a weak reference to the Network whose arrays hold W and b


    @property
    def n_params(self):
        """Number of trainable numbers: ``n_in * n_out`` weights plus ``n_out`` biases."""
        return self.n_in * self.n_out + self.n_out

    def _bind(self, params, grads):
        """Keep ``W, b`` as views into the 1-D array ``params`` (and ``dW, db`` into ``grads``).

        A :class:`Network` lays all its layers' numbers out in one array, so
        that an optimiser updates every weight of the network in one numpy
        operation instead of one per array. The values are carried over.
        """
        k = self.n_in * self.n_out
        W = params[:k].reshape(self.n_in, self.n_out)
        b = params[k:k + self.n_out]
        if getattr(self, "_W", None) is not None:
            W[...], b[...] = self._W, self._b
        self._W, self._b = W, b
        self._dW = grads[:k].reshape(self.n_in, self.n_out)
        self._db = grads[k:k + self.n_out]

    # W and b can be read and set like plain attributes; setting copies the
    # numbers into place, so the network and its optimiser keep seeing them.
    @property
    def W(self):
        """Weights, shape (n_in, n_out): column ``j`` holds neuron ``j``'s weight for each input."""
        return self._W

    @W.setter
    def W(self, value):
        self._set("W", self._W, value)

    @property
    def b(self):
        """Biases, shape (n_out,): one per neuron."""
        return self._b

    @b.setter
    def b(self, value):
        self._set("b", self._b, value)

    @property
    def dW(self):
        """Gradient of the cost with respect to ``W``, shape (n_in, n_out); filled by :meth:`backward`."""
        return self._dW

    @property
    def db(self):
        """Gradient of the cost with respect to ``b``, shape (n_out,); filled by :meth:`backward`."""
        return self._db

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
        X = check_X(X, n_features=self.n_in, dtype=self.dtype, where=f"Dense(n_in={self.n_in})")
        return self._forward(X)

    def _forward(self, X):
        # Matrix products are written A.dot(B) here: the same product as A @ B, with
        # less fixed cost per call, which counts on the small arrays of the widgets.
        self.X = X                                  # kept for backward
        if len(X) >= COLUMNS_FROM:
            Z = self._W.T.dot(X.T).T                # X @ W, (n_samples, n_out), stored column by column
        else:
            Z = X.dot(self._W)                      # X @ W, (n_samples, n_out)
        Z += self._b                                # the bias is added to every row
        self.Z = Z
        self.A = self.activation.forward(Z)         # (n_samples, n_out)
        return self.A

    def backward(self, dA):
        """Backpropagate through the layer.

        Parameters
        ----------
        dA : ndarray, shape (n_samples, n_out)
            Gradient of the cost with respect to this layer's output.

        Returns
        -------
        dA_prev : ndarray, shape (n_samples, n_in), or None
            Gradient with respect to the layer's input (None when
            ``input_grad`` is off). Fills ``self.dW`` and ``self.db``.
        """
        if self.A is None:
            raise RuntimeError("Call forward before backward: backward needs the values forward computed.")
        if np.shape(dA) != self.A.shape:
            raise ValueError(
                f"backward expects dA with the shape of the layer's last output {self.A.shape}, got {np.shape(dA)}."
            )
        dA = np.asarray(dA, dtype=self.dtype)
        dZ = self.activation.backward(dA, self.Z, self.A)   # (n_samples, n_out)
        return self.backward_dZ(dZ)

    def backward_dZ(self, dZ):
        """Backpropagate from ``dZ``, the gradient with respect to the weighted sums.

        ``dW = X.T @ dZ``, ``db = dZ`` summed over samples, ``dA_prev = dZ @ W.T``.
        """
        if self._dW.size >= MATMUL_FROM:            # dW = X.T @ dZ, (n_in, n_out)
            np.matmul(self.X.T, dZ, out=self._dW)
        else:
            self.X.T.dot(dZ, out=self._dW)
        # A bias is a weight whose input is always 1, so db is the same product with a
        # row of ones in place of X.T: dZ summed over the samples.
        _ones(len(dZ), dZ.dtype).dot(dZ, out=self._db)      # db = 1 @ dZ, (n_out,)
        if not self.input_grad:
            return None
        return dZ.dot(self._W.T)                    # dA_prev = dZ @ W.T, (n_samples, n_in)

    def parameters(self):
        """The layer's (parameter, gradient) pairs: ``[(W, dW), (b, db)]``."""
        return [(self.W, self.dW), (self.b, self.db)]

    def __repr__(self):
        return f"Dense({self.n_in} → {self.n_out}, {self.activation.name}, init={self.init!r})"

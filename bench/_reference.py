"""Plain numpy MLPs written two ways: the yardsticks the performance targets were set from.

The performance issue derives its targets from two hand-written numpy
training steps, measured against PyTorch on the machine the book is built on:

* **textbook**: what a reader writes first. ``Z = A @ W + b``, a new array
  for every intermediate, ``W -= lr * dW``, and the input gradient of the
  first layer computed like every other (and thrown away).
* **careful**: preallocated buffers (one set per batch size), arithmetic in
  place, float32, and no gradient for the input layer.

The issue reports the textbook step about 3.6x and the careful one about 5x
faster than PyTorch on the 2-8-8-1 network, and the careful image step at
93% of the speed of its matrix products alone. Running both here, in the
same process as dlcore and the references, shows what those yardsticks give
on the machine and at the moment of the run: a target the careful step
misses too is out of reach of the way of writing that it was set from.

Both take their starting weights from a dlcore network (so that all
contenders start from the same numbers), use ReLU hidden layers, and a
sigmoid output with binary cross-entropy or a softmax output with
cross-entropy; the gradient at the output is ``(A - T) / n``. Targets ``T``
are prepared once, as dlcore.train prepares them.
"""

import numpy as np


def _copy_weights(net):
    return [layer.W.copy() for layer in net.layers], [layer.b.copy() for layer in net.layers]


def he_weights(sizes, seed=0, dtype="float32"):
    """Fresh He-initialised weights and zero biases, as a hand-written MLP would make them."""
    rng = np.random.default_rng(seed)
    W = [rng.normal(0, np.sqrt(2 / a), (a, b)).astype(dtype) for a, b in zip(sizes, sizes[1:])]
    return W, [np.zeros(b, dtype) for b in sizes[1:]]


class TextbookMLP:
    """The straightforward numpy MLP: new arrays everywhere."""

    def __init__(self, net):
        self.W, self.b = _copy_weights(net)
        self.output = net.layers[-1].activation.name

    def forward(self, X):
        self.As = [X]
        A = X
        last = len(self.W) - 1
        for i, (W, b) in enumerate(zip(self.W, self.b)):
            Z = A @ W + b
            if i < last:
                A = np.maximum(Z, 0)
            elif self.output == "sigmoid":
                with np.errstate(over="ignore"):     # exp(-z) overflows to inf for z < -88: a = 0, as it should
                    A = 1 / (1 + np.exp(-Z))
            else:
                E = np.exp(Z - Z.max(axis=1, keepdims=True))
                A = E / E.sum(axis=1, keepdims=True)
            self.As.append(A)
        return A

    def step(self, X, T, lr):
        A = self.forward(X)
        dZ = (A - T) / len(X)
        for i in reversed(range(len(self.W))):
            dW = self.As[i].T @ dZ
            db = dZ.sum(axis=0)
            dA = dZ @ self.W[i].T
            dZ = dA * (self.As[i] > 0)
            self.W[i] -= lr * dW
            self.b[i] -= lr * db


class CarefulMLP:
    """The careful numpy MLP: buffers made once per batch size, everything in place."""

    def __init__(self, net=None, *, weights=None, output=None):
        self.W, self.b = _copy_weights(net) if weights is None else weights
        self.output = net.layers[-1].activation.name if output is None else output
        self.dtype = self.W[0].dtype
        self.dW = [np.empty_like(W) for W in self.W]
        self.db = [np.empty_like(b) for b in self.b]
        self.tmpW = [np.empty_like(W) for W in self.W]
        self.tmpb = [np.empty_like(b) for b in self.b]
        self.half = self.dtype.type(0.5)
        self._buffers = {}

    def buffers(self, n):
        bufs = self._buffers.get(n)
        if bufs is None:
            outs = [W.shape[1] for W in self.W]
            bufs = self._buffers[n] = (
                [np.empty((n, k), self.dtype) for k in outs],        # Z, turned into A in place
                [np.empty((n, k), self.dtype) for k in outs],        # dZ
                [np.empty((n, k), bool) for k in outs],              # ReLU masks
                self.dtype.type(1 / n),
            )
        return bufs

    def forward(self, X, bufs=None):
        Zs = (bufs or self.buffers(len(X)))[0]
        A = X
        last = len(self.W) - 1
        for i, (W, b, Z) in enumerate(zip(self.W, self.b, Zs)):
            np.dot(A, W, out=Z)
            Z += b
            if i < last:
                np.maximum(Z, 0, out=Z)
            elif self.output == "sigmoid":       # 0.5 * tanh(z / 2) + 0.5: no overflow
                Z *= self.half
                np.tanh(Z, out=Z)
                Z *= self.half
                Z += self.half
            else:
                Z -= Z.max(axis=1, keepdims=True)
                np.exp(Z, out=Z)
                Z /= Z.sum(axis=1, keepdims=True)
            A = Z
        return A

    def step(self, X, T, lr):
        bufs = self.buffers(len(X))
        As, dZs, masks, inv_n = bufs
        A = self.forward(X, bufs)
        dZ = dZs[-1]
        np.subtract(A, T, out=dZ)
        dZ *= inv_n
        lr = self.dtype.type(lr)
        for i in reversed(range(len(self.W))):
            A_prev = X if i == 0 else As[i - 1]
            np.dot(A_prev.T, dZ, out=self.dW[i])
            np.sum(dZ, axis=0, out=self.db[i])
            if i > 0:                            # no gradient for the input layer
                dA = dZs[i - 1]
                np.dot(dZ, self.W[i].T, out=dA)
                np.greater(A_prev, 0, out=masks[i - 1])
                np.multiply(dA, masks[i - 1], out=dA)
                dZ = dA
            np.multiply(self.dW[i], lr, out=self.tmpW[i])
            self.W[i] -= self.tmpW[i]
            np.multiply(self.db[i], lr, out=self.tmpb[i])
            self.b[i] -= self.tmpb[i]

    def predict(self, X, rows=4096):
        """Outputs for ``X`` in slices of ``rows`` (as dlcore's predict_proba slices them)."""
        out = np.empty((len(X), self.W[-1].shape[1]), self.dtype)
        for start in range(0, len(X), rows):
            out[start:start + rows] = self.forward(X[start:start + rows])
        return out

"""A network: layers in a row, each feeding the next, trained by backpropagation.

:class:`Network` holds a list of layers and a cost function. ``forward``
sends a batch through the layers; ``output_cost`` measures how wrong the
outputs are against the targets ``T``; ``backward`` runs *backpropagation*:
starting from the cost's gradient at the output, each layer, last to first,
turns the gradient of its output into the gradients of its weights (``dW``,
``db``) and of its input, which is the gradient of the previous layer's
output. One backward sweep gives the derivative of the cost for every weight
and bias in the network. ``gradients`` does all three in one call.

>>> net = Network.from_sizes([2, 8, 1], hidden="relu", output="sigmoid", seed=0)
>>> T = net.targets(y)         # doctest: +SKIP
>>> net.forward(X)             # doctest: +SKIP
>>> net.output_cost(T)         # doctest: +SKIP
0.69...
>>> net.backward(T)            # every layer's dW and db  # doctest: +SKIP
"""

import json
import os
import zipfile

import numpy as np

from . import losses
from ._checks import check_number, check_X
from .layers import Dense


_DEFAULT_LOSS = {"sigmoid": "bce", "softmax": "cross_entropy"}


def _npz_path(path):
    """The file name numpy's savez writes to: ``path`` with ``.npz`` added unless it ends so already."""
    path = os.fspath(path)
    return path if path.endswith(".npz") else path + ".npz"


def labels_of(A):
    """Class labels from rows of outputs or targets: one column, 1 where >= 0.5; several, the largest."""
    if A.shape[1] == 1:
        return (A[:, 0] >= 0.5).astype(np.int64)
    return A.argmax(axis=1)


class Network:
    """A stack of layers with a cost function.

    Parameters
    ----------
    layers : list of Dense
        In order from input to output; each layer's ``n_in`` must equal the
        previous layer's ``n_out``.
    loss : str or Loss, optional
        ``"mse"``, ``"bce"`` or ``"cross_entropy"``. Default: ``"bce"`` after a
        sigmoid output, ``"cross_entropy"`` after softmax, ``"mse"`` otherwise.

    Attributes
    ----------
    layers : list of Dense
    loss : Loss
    """

    def __init__(self, layers, loss=None):
        layers = list(layers)
        if not layers:
            raise ValueError("A Network needs at least one layer, got an empty list. Example: [Dense(2, 1, 'sigmoid')].")
        seen = {}
        for i, layer in enumerate(layers):
            if not isinstance(layer, Dense):
                raise TypeError(f"Layer {i} must be a Dense layer, got {type(layer).__name__}: {layer!r}.")
            if id(layer) in seen:
                raise ValueError(
                    f"Layer {i} is the same Dense object as layer {seen[id(layer)]}: each layer needs its own "
                    "weights. Create a new Dense for each (a list like [Dense(8, 8)] * 3 repeats one layer; "
                    "use [Dense(8, 8) for _ in range(3)])."
                )
            if layer.in_network:
                raise ValueError(
                    f"Layer {i}, {layer!r}, already belongs to another Network: two networks sharing a layer "
                    "would train each other's weights. Build this network from new Dense layers (to start from "
                    "the same weights, copy them: new.W = old.W)."
                )
            seen[id(layer)] = i
        for i, (before, after) in enumerate(zip(layers, layers[1:])):
            if before.n_out != after.n_in:
                raise ValueError(
                    f"Layer sizes do not chain: layer {i} has {before.n_out} outputs but layer {i + 1} expects "
                    f"{after.n_in} inputs. Make them equal: Dense({before.n_in}, {before.n_out}) must be followed "
                    f"by Dense({before.n_out}, ...)."
                )
        dtypes = {layer.dtype for layer in layers}
        if len(dtypes) > 1:
            raise ValueError(f"All layers must share one dtype, got {sorted(str(d) for d in dtypes)}. Pass the same dtype= to each.")
        self.layers = layers
        out = layers[-1]
        self.loss = losses.get(_DEFAULT_LOSS.get(out.activation.name, "mse") if loss is None else loss)
        self._check_loss_fits_output()
        for layer in layers:
            layer.in_network = True

    @classmethod
    def from_sizes(cls, sizes, *, hidden="relu", output="sigmoid", loss=None, init=None, seed=None, dtype="float64"):
        """Build a fully connected network from a list of layer sizes.

        Parameters
        ----------
        sizes : list of int
            ``[n_features, n_hidden_1, ..., n_out]``; e.g. ``[2, 8, 8, 1]``.
        hidden, output : str
            Activations of the hidden layers and of the output layer.
        loss, init, dtype
            As in :class:`Network` and :class:`Dense`.
        seed : int or numpy.random.Generator, optional
            One generator draws every layer's starting weights in turn.
        """
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"sizes needs at least an input and an output size, like [2, 1], got {sizes}.")
        for s in sizes:
            check_number(s, "Every layer size", integer=True)
        rng = np.random.default_rng(seed)
        layers = []
        for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
            act = output if i == len(sizes) - 2 else hidden
            layers.append(Dense(n_in, n_out, act, init=init, seed=rng, dtype=dtype))
        return cls(layers, loss=loss)

    def _check_loss_fits_output(self):
        out = self.layers[-1]
        act, name = out.activation.name, self.loss.name
        if act == "softmax" and out.n_out < 2:
            raise ValueError(
                "A softmax output layer needs at least 2 neurons: with one, its output is always exactly 1. "
                "For two classes use Dense(n, 1, 'sigmoid') with 'bce', or Dense(n, 2, 'softmax') with 'cross_entropy'."
            )
        if name == "bce" and act != "sigmoid":
            hint = (
                " Softmax outputs share one probability across classes; use 'cross_entropy' with softmax."
                if act == "softmax" else ""
            )
            raise ValueError(
                f"The 'bce' cost needs sigmoid outputs (probabilities between 0 and 1), but the output layer uses "
                f"{act!r}.{hint} Or make the output layer Dense({out.n_in}, 1, 'sigmoid')."
            )
        if name == "cross_entropy" and act != "softmax":
            raise ValueError(
                f"The 'cross_entropy' cost needs softmax outputs (one probability per class), but the output layer "
                f"uses {act!r}. Use Dense({out.n_in}, n_classes, 'softmax'), or 'bce' with one sigmoid output."
            )

    # --- sizes and description ---------------------------------------------

    @property
    def n_in(self):
        """Number of input features."""
        return self.layers[0].n_in

    @property
    def n_out(self):
        """Number of outputs."""
        return self.layers[-1].n_out

    @property
    def dtype(self):
        return self.layers[0].dtype

    @property
    def n_params(self):
        """Total number of weights and biases."""
        return sum(layer.n_params for layer in self.layers)

    @property
    def sizes(self):
        """``[n_in, n_out of layer 1, ..., n_out of the last layer]``."""
        return [self.layers[0].n_in] + [layer.n_out for layer in self.layers]

    def is_classifier(self):
        """True when the outputs are class probabilities (sigmoid or softmax) or the cost is cross-entropy."""
        return self.loss.classification or self.layers[-1].activation.name in ("sigmoid", "softmax", "step")

    def __repr__(self):
        arrows = " → ".join(str(s) for s in self.sizes)
        acts = ", ".join(layer.activation.name for layer in self.layers)
        return f"Network({arrows}; {acts}; cost={self.loss.name!r}; {self.n_params} parameters)"

    def summary(self):
        """A table of the layers: shapes, activations, initialisers and parameter counts."""
        rows = [f"{'layer':<6}{'inputs → outputs':<18}{'activation':<12}{'init':<9}{'parameters':>10}"]
        for i, layer in enumerate(self.layers, 1):
            rows.append(
                f"{i:<6}{f'{layer.n_in} → {layer.n_out}':<18}{layer.activation.name:<12}{layer.init:<9}{layer.n_params:>10,}"
            )
        rows.append(f"{'total':<45}{self.n_params:>10,}")
        rows.append(f"cost: {self.loss.name}, dtype: {self.dtype}")
        return "\n".join(rows)

    # --- computing -----------------------------------------------------------

    def check_X(self, X):
        """Validate a batch of inputs for this network and convert it to the network's dtype."""
        return check_X(X, n_features=self.n_in, dtype=self.dtype, where=f"This network (n_in={self.n_in})")

    def targets(self, y, n_samples=None):
        """Check labels or targets ``y`` and turn them into the target matrix ``T`` (n_samples, n_out)."""
        T = self.loss.targets(y, self.n_out, dtype=self.dtype)
        if n_samples is not None and len(T) != n_samples:
            raise ValueError(
                f"X and y must have one label per sample, got {n_samples} samples in X and {len(T)} labels in y. "
                "Check that they were split and shuffled together."
            )
        return T

    def forward(self, X):
        """Send a batch through every layer, first to last.

        Parameters
        ----------
        X : ndarray, shape (n_samples, n_in)

        Returns
        -------
        A : ndarray, shape (n_samples, n_out)
            The output layer's activations.
        """
        A = self.check_X(X)
        for layer in self.layers:
            A = layer.forward(A)    # each layer's output is the next one's input
        return A

    def output_cost(self, T):
        """The cost of the last :meth:`forward` pass's outputs against the targets ``T`` (a float).

        ``T`` is the target matrix (n_samples, n_out) that :meth:`targets` makes
        from labels. After a sigmoid or softmax output the cross-entropy is
        computed so that it never takes the logarithm of 0: from the weighted
        sums ``Z`` where the output rounds to 0 or 1.
        """
        out = self.layers[-1]
        T = self._check_T(T)
        if self.loss.pairs_with == out.activation.name:
            return self.loss.value_at_output(out.Z, out.A, T)
        return self.loss.value(out.A, T)

    def backward(self, T):
        """Backpropagation: the gradient of the cost for every weight and bias.

        Call after :meth:`forward`. Starts at the output with the cost's
        gradient and goes back layer by layer; fills every layer's ``dW`` and ``db``.

        Parameters
        ----------
        T : ndarray, shape (n_samples, n_out)
            Targets of the last forward pass, as :meth:`targets` makes them from labels.
        """
        out = self.layers[-1]
        T = self._check_T(T)
        # nothing comes before the first layer: it needs no gradient for its input
        first = self.layers[0]
        if self.loss.pairs_with == out.activation.name:
            # Cross-entropy after sigmoid or softmax: the activation's slope
            # cancels out of the chain rule, and dC/dZ = (A - T) / n is known.
            dZ = self.loss.grad_Z(out.A, T)
            dA = out.backward_from_dZ(dZ, input_grad=out is not first)
        else:
            dA = self.loss.grad(out.A, T)       # dC/dA, then the chain rule
            dA = out.backward(dA, input_grad=out is not first)
        for layer in reversed(self.layers[:-1]):
            dA = layer.backward(dA, input_grad=layer is not first)

    def gradients(self, X, y):
        """Forward pass, cost and backpropagation in one call.

        Returns the cost (a float) and leaves the gradients in every layer's
        ``dW`` and ``db``.
        """
        T = self.targets(y, len(X))
        self.forward(X)
        self.backward(T)
        return self.output_cost(T)

    def cost(self, X, y):
        """The cost over the samples ``X`` with labels or targets ``y`` (a float)."""
        T = self.targets(y, len(X))
        self.forward(X)
        return self.output_cost(T)

    def _check_T(self, T):
        out = self.layers[-1]
        if out.A is None:
            raise RuntimeError("Call forward first: the cost and its gradient compare the last forward pass with T.")
        if getattr(T, "shape", None) != out.A.shape:
            raise ValueError(
                f"Expected targets T of shape {out.A.shape}, one row per sample of the last forward pass, "
                f"got shape {np.shape(T)}. Make them from labels with T = net.targets(y)."
            )
        return T

    #: Rows sent through the network at once by predict and predict_proba. Large
    #: inputs (a 200×200 grid for a decision boundary is 40,000 rows) go in slices:
    #: the intermediate arrays stay small and in cache, which is several times faster.
    PREDICT_ROWS = 4096

    def predict_proba(self, X):
        """The network's outputs for ``X``, shape (n_samples, n_out) (probabilities for a classifier).

        Unlike :meth:`forward`, large inputs are processed in slices, and the
        layers' stored values are those of the last slice.
        """
        X = self.check_X(X)
        if len(X) <= self.PREDICT_ROWS:
            return self.forward(X)
        A = np.empty((len(X), self.n_out), dtype=self.dtype)
        for start in range(0, len(X), self.PREDICT_ROWS):
            A[start:start + self.PREDICT_ROWS] = self.forward(X[start:start + self.PREDICT_ROWS])
        return A

    def predict(self, X):
        """Predicted class labels (n_samples,) for a classifier; the raw outputs otherwise.

        One sigmoid output: class 1 where the output is at least 0.5. Several
        outputs: the class of the largest output.
        """
        A = self.predict_proba(X)
        if not self.is_classifier():
            return A[:, 0] if self.n_out == 1 else A
        return labels_of(A)

    def accuracy(self, X, y):
        """Fraction of samples whose predicted class matches ``y`` (labels or one-hot rows)."""
        T = self.targets(y, len(X))
        return float(np.mean(labels_of(self.forward(X)) == labels_of(T)))

    def parameters(self):
        """Every (parameter, gradient) pair, layer by layer: ``[(W1, dW1), (b1, db1), ...]``."""
        return [pair for layer in self.layers for pair in layer.parameters()]

    # --- saving --------------------------------------------------------------

    def _architecture(self):
        return {
            "format": "dlcore-network-1",
            "sizes": self.sizes,
            "activations": [layer.activation.name for layer in self.layers],
            "inits": [layer.init for layer in self.layers],
            "loss": self.loss.name,
            "dtype": str(self.dtype),
        }

    def save(self, path):
        """Save architecture and weights to a ``.npz`` file (no pickle inside)."""
        arrays = {}
        for i, layer in enumerate(self.layers):
            arrays[f"W{i}"] = layer.W
            arrays[f"b{i}"] = layer.b
        path = _npz_path(path)
        np.savez(path, architecture=np.array(json.dumps(self._architecture())), **arrays)
        return path

    @staticmethod
    def _read(path):
        if not os.path.exists(path) and os.path.exists(_npz_path(path)):
            path = _npz_path(path)          # save("weights") wrote weights.npz, as numpy does
        damaged = f"{str(path)!r} is not a dlcore weights file or it is damaged"
        again = "Save it again with net.save(path)."
        try:
            file = open(path, "rb")         # opened here so that it is closed whatever np.load does
        except FileNotFoundError:
            raise FileNotFoundError(f"No weights file at {str(path)!r}. Check the name and folder (save with net.save(path)).") from None
        except OSError as err:
            raise ValueError(f"{damaged} ({type(err).__name__}: {err}). {again}") from None
        with file:
            try:
                data = np.load(file, allow_pickle=False)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError):
                # numpy's own message here suggests unpickling the file: never pass that on
                raise ValueError(f"{damaged}: it is not a .npz archive. {again}") from None
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise ValueError(f"{damaged}: it holds a single array (a .npy file), not a saved network. {again}")
            try:
                with data:
                    arch = json.loads(str(data["architecture"]))
                    arrays = {k: data[k] for k in data.files if k != "architecture"}
            except ValueError:  # refused: pickled Python objects inside
                raise ValueError(f"{damaged}: it holds pickled Python objects, which dlcore never loads. {again}") from None
            except (zipfile.BadZipFile, KeyError, OSError, EOFError, json.JSONDecodeError) as err:
                raise ValueError(f"{damaged} ({type(err).__name__}: {err}). {again}") from None
        if not isinstance(arch, dict) or arch.get("format") != "dlcore-network-1":
            raise ValueError(f"{str(path)!r} was not written by Network.save (unknown format). Save it again with net.save(path).")
        return arch, arrays

    @classmethod
    def load(cls, path):
        """Build a network from a file written by :meth:`save`: same architecture, same weights."""
        arch, arrays = cls._read(path)
        sizes, acts = arch["sizes"], arch["activations"]
        layers = [
            Dense(n_in, n_out, act, init=init, seed=0, dtype=arch["dtype"])
            for n_in, n_out, act, init in zip(sizes, sizes[1:], acts, arch["inits"])
        ]
        net = cls(layers, loss=arch["loss"])
        net._set_weights(arrays, path)
        return net

    def load_weights(self, path):
        """Load weights saved by :meth:`save` into this network; the architecture must match."""
        arch, arrays = self._read(path)
        mine = self._architecture()
        if arch["sizes"] != mine["sizes"] or arch["activations"] != mine["activations"]:
            raise ValueError(
                f"{str(path)!r} holds a different architecture: layer sizes {arch['sizes']} with activations "
                f"{arch['activations']}, but this network has {mine['sizes']} with {mine['activations']}. "
                "Build the matching network, or use Network.load(path) to rebuild it from the file."
            )
        self._set_weights(arrays, path)

    def _set_weights(self, arrays, path):
        for i, layer in enumerate(self.layers):
            for name, param in ((f"W{i}", layer.W), (f"b{i}", layer.b)):
                value = arrays.get(name)
                if value is None or value.shape != param.shape:
                    raise ValueError(f"{str(path)!r} is damaged: {name} is missing or has the wrong shape. "
                                     "Save it again with net.save(path).")
                if not np.isfinite(value).all():
                    raise ValueError(f"{str(path)!r} holds NaN or infinite weights in {name}: it was saved after training diverged.")
                param[...] = value  # in place, so optimisers holding these arrays keep working

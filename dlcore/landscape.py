"""The cost as a function of a network's parameters: change one or two, keep the rest, measure.

A network with fixed data has one cost for each setting of its weights and
biases. Picking one parameter and trying many values of it gives a *cost
curve*; picking two gives a *cost surface*, drawn as a contour map. These are
the pictures chapter 6 draws, and the ground that training (chapter 8) walks
down.

A parameter is named by a tuple ``(layer, "W", i, j)`` (the weight from input
``i`` to neuron ``j`` of layer number ``layer``, counted from 0) or
``(layer, "b", j)`` (neuron ``j``'s bias). The network is left as it was:
every parameter gets its value back.

>>> from dlcore import Dense, Network
>>> net = Network([Dense(1, 1, "sigmoid")])
>>> X, y = np.array([[-1.0], [1.0]]), np.array([0, 1])
>>> costs = cost_curve(net, X, y, (0, "W", 0, 0), [0.0, 2.0, 4.0])
>>> bool(costs[0] > costs[1] > costs[2])
True
"""

import numpy as np

from . import losses
from .network import Network


def _parameter(net, param):
    """The array that holds ``param`` and the index of its entry."""
    if not isinstance(net, Network):
        raise TypeError(f"Expected a dlcore Network, got {type(net).__name__}.")
    if not isinstance(param, tuple) or len(param) not in (3, 4) or param[1] not in ("W", "b"):
        raise ValueError(
            f"Name a parameter as (layer, 'W', i, j) for a weight or (layer, 'b', j) for a bias, got {param!r}. "
            "Example: (0, 'W', 0, 0) is the first layer's weight from input 0 to neuron 0."
        )
    layer, kind, *index = param
    if not (isinstance(layer, (int, np.integer)) and 0 <= layer < len(net.layers)):
        raise ValueError(f"The network has layers 0 to {len(net.layers) - 1}, got layer {layer!r} in {param!r}.")
    array = net.layers[layer].W if kind == "W" else net.layers[layer].b
    if len(index) != array.ndim or any(not 0 <= k < n for k, n in zip(index, array.shape)):
        raise ValueError(
            f"Layer {layer}'s {kind} has shape {array.shape}, so {param!r} names no entry of it "
            f"({'two indices (i, j)' if kind == 'W' else 'one index j'} within the shape)."
        )
    return array, tuple(index)


def _cost(net, X, T, loss):
    """The cost of the network's outputs for ``X`` against ``T``, under ``loss``."""
    out = net.layers[-1]
    net.forward(X)
    if loss.pairs_with == out.activation.name:
        return loss.value_at_output(out.Z, out.A, T)      # computed from Z: never log(0)
    return loss.value(out.A, T)


def cost_grid(net, X, y, params, values, *, loss=None):
    """The cost at every combination of values of one or more parameters, the others kept.

    Parameters
    ----------
    net : Network
    X : ndarray, shape (n_samples, n_in)
    y : ndarray, shape (n_samples,)
        Labels (or targets) as the network's cost takes them.
    params : list of tuple
        The parameters to vary, e.g. ``[(0, "W", 0, 0), (0, "b", 0)]``.
    values : list of array-like
        One 1-D array of values per parameter.
    loss : str or Loss, optional
        The cost to measure: ``"mse"`` or ``"bce"`` (any of :mod:`dlcore.losses`);
        by default the network's own.

    Returns
    -------
    costs : ndarray, shape (len(values[0]), len(values[1]), ...)
        ``costs[k, l]`` is the cost with the first parameter at
        ``values[0][k]`` and the second at ``values[1][l]``.
    """
    loss = net.loss if loss is None else losses.get(loss)
    if len(params) != len(values) or not params:
        raise ValueError(f"Give one array of values per parameter: got {len(params)} parameters and "
                         f"{len(values)} arrays of values.")
    X = net.check_X(X)
    T = loss.targets(y, net.n_out, dtype=net.dtype)
    if len(T) != len(X):
        raise ValueError(f"X has {len(X)} samples but y has {len(T)} labels; give one label per sample.")
    entries = [_parameter(net, param) for param in params]
    values = [np.asarray(v, dtype=float).ravel() for v in values]
    saved = [array[index] for array, index in entries]
    costs = np.empty([len(v) for v in values])
    try:
        for position in np.ndindex(costs.shape):
            for (array, index), v, k in zip(entries, values, position):
                array[index] = v[k]
            costs[position] = _cost(net, X, T, loss)
    finally:
        for (array, index), value in zip(entries, saved):
            array[index] = value
    return costs


def cost_curve(net, X, y, param, values, *, loss=None):
    """The cost for each value of one parameter, every other parameter kept (shape ``(len(values),)``).

    See :func:`cost_grid` for the arguments.
    """
    return cost_grid(net, X, y, [param], [values], loss=loss)


def cost_slope(net, X, y, param, *, loss=None, h=1e-5):
    """How steeply the cost rises as one parameter grows, measured from two nearby values.

    The cost at the parameter's value plus ``h`` and minus ``h``: the rise
    divided by the run, ``(cost(p + h) - cost(p - h)) / (2 h)``, as chapter 5
    measured the slope of an activation. Chapter 7 names this number the
    cost's derivative and computes it for every parameter at once.
    """
    array, index = _parameter(net, param)
    p = array[index]
    up, down = cost_curve(net, X, y, param, [p + h, p - h], loss=loss)
    return float((up - down) / (2 * h))

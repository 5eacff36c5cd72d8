"""Copies of a layer's weights taken during training, to watch what it learns afterwards.

A :class:`WeightSnapshots` is a callback for :func:`dlcore.train`: after
every ``every`` optimiser steps (one epoch, when ``every`` is the number of
steps per epoch) it keeps a copy of one layer's weight matrix. Training runs
once; a figure or a widget then shows any stored moment without training
again.

>>> snapshots = WeightSnapshots(net, every=88)                   # doctest: +SKIP
>>> train(net, X, y, epochs=20, batch_size=32, callback=snapshots)  # doctest: +SKIP
>>> len(snapshots.weights)          # the start and 20 epochs    # doctest: +SKIP
21
"""

from ._checks import check_number


class WeightSnapshots:
    """Keep copies of one layer's weights during training (a ``callback`` for :func:`dlcore.train`).

    Parameters
    ----------
    net : Network
        The network about to be trained; its starting weights are the first copy.
    every : int
        Take a copy after every ``every`` steps, e.g. the steps of one epoch,
        ``ceil(n_train / batch_size)``.
    layer : int, default 0
        Which layer's weights to copy: 0 is the first hidden layer.

    Attributes
    ----------
    weights : list of ndarray, each of shape (n_in, n_out)
        The copies, oldest first; ``weights[0]`` is the start.
    steps : list of int
        The step after which each copy was taken (0 for the start).
    """

    def __init__(self, net, *, every, layer=0):
        self.every = check_number(every, "every", integer=True)
        layer = check_number(layer, "layer", integer=True, allow_zero=True)
        if layer >= len(net.layers):
            raise ValueError(
                f"layer={layer} does not exist: this network has {len(net.layers)} layers, "
                f"numbered 0 to {len(net.layers) - 1} (0 is the first hidden layer)."
            )
        self.layer = layer
        self.weights = [net.layers[layer].W.copy()]
        self.steps = [0]

    def __call__(self, net, step, epoch, cost):
        """Called by ``train`` after every step; copies the weights after every ``every``-th one."""
        if step % self.every == 0:
            self.weights.append(net.layers[self.layer].W.copy())
            self.steps.append(step)

    def __len__(self):
        return len(self.weights)

    def __repr__(self):
        shape = self.weights[0].shape
        return (f"WeightSnapshots({len(self)} copies of layer {self.layer}'s weights {shape}, "
                f"one every {self.every} steps)")

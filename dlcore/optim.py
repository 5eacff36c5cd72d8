"""Stochastic gradient descent: step every weight a little way downhill.

After backpropagation each parameter ``W`` has its gradient ``dW``: the
direction in which the cost rises fastest. :class:`SGD` moves every
parameter against it::

    W = W - lr * dW

``lr`` is the learning rate. Two optional extras:

- *momentum* ``m``: keep a running direction ``v = m * v + dW`` and step
  along it, so that steps that agree build up speed and steps that zig-zag
  cancel out;
- *weight decay* ``wd``: add ``wd * W`` to each weight's gradient, pulling
  weights towards zero (it is the gradient of ``wd / 2 * sum(W**2)``), a
  simple guard against overfitting. Biases are not decayed.
"""

import numpy as np

from ._checks import check_lr, check_number


class SGD:
    """Stochastic gradient descent with optional momentum and weight decay.

    Parameters
    ----------
    lr : float, default 0.1
        Learning rate, greater than 0.
    momentum : float, default 0.0
        From 0 (none) up to, but not including, 1.
    weight_decay : float, default 0.0
        At least 0; applied to weight matrices, not to biases.

    Examples
    --------
    >>> opt = SGD(lr=0.5)
    >>> cost = net.gradients(X, y)   # doctest: +SKIP
    >>> opt.step(net)                # doctest: +SKIP
    """

    def __init__(self, lr=0.1, *, momentum=0.0, weight_decay=0.0):
        self.lr = lr
        self.momentum = check_number(momentum, "momentum", allow_zero=True)
        if self.momentum >= 1:
            raise ValueError(f"momentum must be below 1 (0.9 is typical), got {momentum!r}: at 1 or more the steps never die down.")
        self.weight_decay = check_number(weight_decay, "weight_decay", allow_zero=True)
        self.velocity = {}  # id(parameter) -> (parameter, its running direction v)

    @property
    def lr(self):
        """The learning rate; it can be changed between steps (``opt.lr = 0.05``), and is checked then."""
        return self._lr

    @lr.setter
    def lr(self, value):
        self._lr = check_lr(value)

    def step(self, params):
        """Update every parameter in place, one step against its gradient.

        Parameters
        ----------
        params : Network, or list of (param, grad) pairs
            A network (all its weights and biases) or pairs such as
            ``layer.parameters()``. Weight matrices (2-D) are decayed, biases not.
        """
        if hasattr(params, "parameters"):
            params = params.parameters()
        for param, grad in params:
            if self.weight_decay and param.ndim == 2:
                grad = grad + self.weight_decay * param      # dW + wd * W
            if self.momentum:
                v = self._velocity(param)
                v *= self.momentum
                v += grad                                    # v = m * v + dW
                grad = v
            param -= self.lr * grad                          # W = W - lr * dW, in place

    def _velocity(self, param):
        # Keyed by the array itself, however it is passed in: step(net) and
        # step(net.parameters()) move the same weights with the same momentum.
        kept = self.velocity.get(id(param))
        if kept is None or kept[0] is not param:
            kept = self.velocity[id(param)] = (param, np.zeros_like(param))
        return kept[1]

    def reset(self):
        """Forget the momentum built up so far."""
        self.velocity.clear()

    def __repr__(self):
        extras = "".join(
            f", {name}={value}" for name, value in (("momentum", self.momentum), ("weight_decay", self.weight_decay)) if value
        )
        return f"SGD(lr={self.lr}{extras})"

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
        self._state = {}  # id(parameter) -> (parameter, scratch buffer, velocity or None)

    @property
    def lr(self):
        """The learning rate (it can be changed between steps)."""
        return self._lr

    @lr.setter
    def lr(self, value):
        self._lr = check_lr(value)
        # numpy multiplies by a 0-d array of the parameters' dtype faster than by a Python float
        self._lr_arrays = {}

    def _lr_array(self, dtype):
        lr = self._lr_arrays.get(dtype)
        if lr is None:
            lr = self._lr_arrays[dtype] = np.array(self._lr, dtype=dtype)
        return lr

    def _buffers(self, param):
        state = self._state.get(id(param))
        if state is None or state[0] is not param:
            velocity = np.zeros_like(param) if self.momentum else None
            state = (param, np.empty_like(param), velocity)
            self._state[id(param)] = state
        return state

    def step(self, model):
        """Update every parameter of ``model`` in place.

        ``model`` is a Network (all its weights and biases are updated at once,
        as one long array) or a list of (param, grad) pairs.
        """
        if hasattr(model, "flat_parameters"):
            param, grad, is_weight = model.flat_parameters()
            self._update(param, grad, is_weight)
        else:
            for param, grad in model:
                self._update(param, grad, param.ndim == 2)

    def _update(self, param, grad, is_weight):
        _, scratch, velocity = self._buffers(param)
        if self.weight_decay:
            np.multiply(param, is_weight, out=scratch)
            scratch *= self.weight_decay
            scratch += grad                            # dW + wd * W (biases: + 0); the gradient itself is kept
            grad = scratch
        if velocity is not None:
            velocity *= self.momentum
            velocity += grad                           # v = m * v + dW
            grad = velocity
        np.multiply(grad, self._lr_array(param.dtype), out=scratch)
        param -= scratch                               # W = W - lr * v, in place: no new array

    def reset(self):
        """Forget the momentum built up so far."""
        self._state.clear()

    def __repr__(self):
        extras = "".join(
            f", {name}={value}" for name, value in (("momentum", self.momentum), ("weight_decay", self.weight_decay)) if value
        )
        return f"SGD(lr={self.lr}{extras})"

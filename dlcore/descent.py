"""Gradient descent on small cost surfaces, where every step can be drawn.

A network's cost depends on thousands of weights at once. The surfaces here
depend on one or two numbers, so that the whole landscape fits on a page
and every step of gradient descent can be followed on it (chapter 8)::

    w = w - lr * slope of the cost at w

- :data:`SURFACES`: a few costs of one or two parameters, each with its
  slope (gradient) beside it and its minima: a plain bowl, two valleys of
  different depth (a *poor* local minimum beside the best one), a long
  narrow valley, and two basins in the plane;
- :func:`linear_fit_surface`: the mean squared error of a straight line
  ``w * x + b`` on examples ``(x, y)``, a real cost of two parameters;
- :func:`gradient_descent`: the path that plain gradient descent (with
  optional momentum, as :class:`~dlcore.optim.SGD` does it) takes on a surface,
  stopped and marked as *diverged* as soon as the steps blow up.

>>> path = gradient_descent("bowl", start=0.0, lr=0.25, steps=3)
>>> path.points[:, 0].tolist()            # (w - 3) halves at every step
[0.0, 1.5, 2.25, 2.625]
"""

import numpy as np

from ._checks import check_number, lookup


class Surface:
    """A cost of one or two parameters, with its gradient and its minima.

    Parameters
    ----------
    name : str
    cost : callable
        ``cost(W)`` for ``W`` of shape ``(..., n_params)``; returns shape ``(...)``.
    grad : callable
        ``grad(W)``: the gradient, the same shape as ``W``.
    lims : sequence of (float, float)
        The range of each parameter to draw, one pair per parameter.
    minima : sequence of sequence of float
        Where the minima are, best first (at least one).
    description : str
        One sentence for the reader.

    Attributes
    ----------
    n_params : int
        1 or 2.
    minima : ndarray, shape (n_minima, n_params)
    min_costs : ndarray, shape (n_minima,)
        The cost at each minimum; ``min_costs[0]`` is the lowest.
    """

    def __init__(self, name, cost, grad, *, lims, minima, description=""):
        self.name = name
        self._cost, self._grad = cost, grad
        self.lims = [tuple(float(v) for v in pair) for pair in lims]
        self.n_params = len(self.lims)
        self.minima = np.array(minima, dtype=float).reshape(-1, self.n_params)   # (n_minima, n_params)
        self.min_costs = self.cost(self.minima)                                 # (n_minima,)
        self.description = description

    def cost(self, W):
        """The cost at ``W``, shape ``(..., n_params)`` (or a plain number for one parameter)."""
        return self._cost(self._as_points(W))

    def grad(self, W):
        """The gradient at ``W``: one slope per parameter, the same shape as ``W``."""
        return self._grad(self._as_points(W))

    def _as_points(self, W):
        W = np.asarray(W, dtype=float)
        if W.ndim == 0:
            W = W.reshape(1)
        if W.shape[-1] != self.n_params:
            raise ValueError(
                f"The surface {self.name!r} has {self.n_params} parameter(s), so a point is "
                f"{self.n_params} number(s); got an array of shape {W.shape}."
            )
        return W

    def __repr__(self):
        return f"Surface({self.name!r}, {self.n_params} parameter{'s' if self.n_params > 1 else ''})"


# --- the surfaces -------------------------------------------------------------------------------------

def _bowl():
    # c(w) = (w - 3)^2, slope 2 (w - 3): the simplest cost with one minimum, at w = 3
    return Surface("bowl", lambda W: (W[..., 0] - 3.0) ** 2, lambda W: 2.0 * (W - 3.0),
                   lims=[(-2.0, 8.0)], minima=[[3.0]],
                   description="c(w) = (w − 3)²: one minimum, at w = 3.")


def _two_valleys():
    # c(w) = (w^2 - 4)^2 / 8 + w / 2 + 1.3: a deep valley left of 0, a shallower one right of it
    def cost(W):
        w = W[..., 0]
        return (w ** 2 - 4.0) ** 2 / 8.0 + 0.5 * w + 1.3

    def grad(W):
        return W * (W ** 2 - 4.0) / 2.0 + 0.5        # slope: w (w² − 4) / 2 + 1/2

    # where the slope is 0: roots of w³ − 4w + 1 = 0 (the middle one is the top of the hump)
    roots = np.sort(np.roots([1.0, 0.0, -4.0, 1.0]).real)
    return Surface("two_valleys", cost, grad, lims=[(-3.2, 3.2)], minima=[[roots[0]], [roots[2]]],
                   description="Two valleys: the best minimum on the left, a poorer one on the right.")


def _narrow_valley():
    # a long, narrow bowl, tilted: curvature 1 along its floor, 10 across it
    angle = np.deg2rad(30.0)
    R = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])   # (2, 2)
    H = R @ np.diag([1.0, 10.0]) @ R.T                                                  # (2, 2)
    centre = np.array([1.0, 0.5])

    def cost(W):
        D = W - centre                                            # (..., 2)
        return 0.5 * np.einsum("...i,ij,...j->...", D, H, D)

    def grad(W):
        return (W - centre) @ H                                   # (..., 2); H is symmetric

    return Surface("narrow_valley", cost, grad, lims=[(-3.0, 3.0), (-2.0, 2.5)], minima=[centre],
                   description="A long narrow valley: steep across it, nearly flat along its floor.")


def _two_basins():
    # a wide bowl with two dips in it, a deep one (upper left) and a shallow one (lower right)
    deep, shallow = np.array([-1.5, 1.0]), np.array([1.8, -1.2])

    def dips(W):
        e1 = 1.4 * np.exp(-np.sum((W - deep) ** 2, axis=-1) / 2.0)
        e2 = 0.9 * np.exp(-np.sum((W - shallow) ** 2, axis=-1) / 1.0)
        return e1, e2

    def cost(W):
        e1, e2 = dips(W)
        return 0.04 * np.sum(W ** 2, axis=-1) + 1.6 - e1 - e2

    def grad(W):
        e1, e2 = dips(W)
        return 0.08 * W + e1[..., None] * (W - deep) + 2.0 * e2[..., None] * (W - shallow)

    # the minima, found once by gradient descent itself from inside each dip
    minima = []
    for start in (deep, shallow):
        w = start.copy()
        for _ in range(2000):
            w = w - 0.2 * grad(w)
        minima.append(w)
    return Surface("two_basins", cost, grad, lims=[(-4.0, 4.0), (-3.5, 3.5)], minima=minima,
                   description="Two basins: a deep one (upper left) and a shallower one (lower right).")


#: The surfaces by name: ``"bowl"``, ``"two_valleys"`` (one parameter); ``"narrow_valley"``,
#: ``"two_basins"`` (two parameters).
SURFACES = {surface.name: surface for surface in (_bowl(), _two_valleys(), _narrow_valley(), _two_basins())}


def get_surface(surface):
    """The :class:`Surface` named ``surface`` (or ``surface`` itself if it is one)."""
    if isinstance(surface, Surface):
        return surface
    return lookup(surface, SURFACES, "cost surface")


def linear_fit_surface(x, y):
    """The mean squared error of the line ``w * x + b`` on the examples, as a surface over ``(w, b)``.

    It is exactly the cost that ``dlcore.train`` minimises for a network of
    one identity neuron with the ``"mse"`` cost, ``mean((w x_i + b - y_i)²)``.

    Parameters
    ----------
    x, y : array-like, shape (n_samples,)

    Returns
    -------
    Surface
        Two parameters ``(w, b)``; its one minimum is the least-squares line.
    """
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    if x.shape != y.shape or len(x) < 2:
        raise ValueError(f"x and y must be two lists of the same length (at least 2), got {len(x)} and {len(y)}.")

    def residuals(W):
        return W[..., :1] * x + W[..., 1:] - y                     # (..., n_samples)

    def cost(W):
        return np.mean(residuals(W) ** 2, axis=-1)

    def grad(W):
        r = residuals(W)
        return np.stack([2 * np.mean(r * x, axis=-1), 2 * np.mean(r, axis=-1)], axis=-1)

    w_best, b_best = np.polyfit(x, y, 1)
    pad_w, pad_b = 2.0 + abs(w_best), 2.0 + abs(b_best)
    return Surface("linear_fit", cost, grad, minima=[[w_best, b_best]],
                   lims=[(w_best - pad_w, w_best + pad_w), (b_best - pad_b, b_best + pad_b)],
                   description="The MSE of a straight line w·x + b on the examples.")


# --- descent ------------------------------------------------------------------------------------------

class DescentPath:
    """Where gradient descent went: every point it visited, and whether it blew up.

    Attributes
    ----------
    surface : Surface
    lr, momentum : float
    points : ndarray, shape (n_steps + 1, n_params)
        The start, then the point after each step taken.
    costs : ndarray, shape (n_steps + 1,)
        The cost at each point.
    diverged : bool
        True if the steps blew up (the point left any reasonable range) and
        descent stopped early.
    """

    def __init__(self, surface, points, lr, momentum, diverged):
        self.surface = surface
        self.points = np.asarray(points, dtype=float)
        self.costs = surface.cost(self.points)
        self.lr, self.momentum = lr, momentum
        self.diverged = diverged

    @property
    def n_steps(self):
        """Steps taken (fewer than asked for if the path diverged)."""
        return len(self.points) - 1

    @property
    def final(self):
        """The last point, shape (n_params,)."""
        return self.points[-1]

    def nearest_minimum(self):
        """The index (into ``surface.minima``) of the minimum closest to the last point."""
        return int(np.argmin(np.linalg.norm(self.surface.minima - self.final, axis=1)))

    def distance_to_minimum(self):
        """How far the last point is from the nearest minimum."""
        return float(np.linalg.norm(self.surface.minima[self.nearest_minimum()] - self.final))

    def verdict(self, tol=0.01):
        """A few words on how it went: diverged, diverging, no progress, at a minimum, or still on its way.

        ``tol`` is how close (as a fraction of the drawn range) counts as at the minimum.
        """
        if self.diverged:
            return f"diverged at step {self.n_steps + 1}"
        if self.n_steps == 0:
            return "the start"
        if self.costs[-1] > self.costs[0] + 1e-12:
            return "diverging"                     # the cost grows: each step overshoots by more
        if self.costs[-1] >= self.costs[0] - 1e-12:
            return "no lower than at the start"
        span = max(hi - lo for lo, hi in self.surface.lims)
        if self.distance_to_minimum() <= tol * span:
            if len(self.surface.minima) == 1:
                return "at the minimum"
            return "at the best minimum" if self.nearest_minimum() == 0 else "stuck in a poorer minimum"
        return "still on its way"

    def message(self):
        """What happened, in one sentence."""
        if self.diverged:
            return (f"Diverged with lr={self.lr:g}: after {self.n_steps} steps the parameters are about "
                    f"{np.max(np.abs(self.final)):.0e} away from 0 and growing; every step overshoots the "
                    f"minimum by more than the last. Try a smaller learning rate, e.g. lr={self.lr / 10:g}.")
        k = self.nearest_minimum()
        which = "the" if len(self.surface.minima) == 1 else ("the best" if k == 0 else "a poorer")
        return (f"After {self.n_steps} steps with lr={self.lr:g}: cost {self.costs[-1]:.4g}, "
                f"{self.distance_to_minimum():.2g} from {which} minimum (cost {self.surface.min_costs[k]:.4g}).")

    def __repr__(self):
        return f"DescentPath({self.surface.name!r}, lr={self.lr:g}, steps={self.n_steps}, diverged={self.diverged})"


def gradient_descent(surface, start, lr, steps, *, momentum=0.0, limit=1e6):
    """Walk downhill on ``surface`` from ``start``: ``steps`` steps of ``w = w - lr * grad(w)``.

    With momentum ``m``, each step goes along a running direction instead,
    ``v = m * v + grad(w)``, ``w = w - lr * v``, exactly as :class:`~dlcore.optim.SGD` does.

    Parameters
    ----------
    surface : str or Surface
        A name from :data:`SURFACES`, or a surface such as :func:`linear_fit_surface` makes.
    start : float or sequence of float
        Where to start: one number per parameter.
    lr : float
        The learning rate, greater than 0.
    steps : int
        How many steps to take, at least 0.
    momentum : float, default 0
        From 0 (none) up to, but not including, 1.
    limit : float
        Descent stops and the path is marked ``diverged`` when a parameter
        grows beyond this size (or stops being a finite number).

    Returns
    -------
    DescentPath
    """
    surface = get_surface(surface)
    lr = check_number(lr, "The learning rate lr", code="lr")
    if lr == 0:
        raise ValueError("The learning rate lr must be greater than 0: a step of 0 never goes downhill.")
    steps = check_number(steps, "steps", integer=True, allow_zero=True)
    momentum = check_number(momentum, "momentum", allow_zero=True)
    if momentum >= 1:
        raise ValueError(f"momentum must be below 1 (0.9 is typical), got {momentum!r}.")
    w = np.array(start, dtype=float).reshape(-1)                      # (n_params,)
    if w.shape != (surface.n_params,) or not np.all(np.isfinite(w)):
        raise ValueError(f"start must be {surface.n_params} finite number(s) for the surface {surface.name!r}, "
                         f"got {start!r}.")
    points, v, diverged = [w.copy()], np.zeros_like(w), False
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            v = momentum * v + surface.grad(w)                        # (n_params,)
            w = w - lr * v
            if not (np.all(np.isfinite(w)) and np.max(np.abs(w)) <= limit):
                diverged = True
                break
            points.append(w.copy())
    return DescentPath(surface, np.array(points), lr, momentum, diverged)

"""The cost explorer (chapter 6): slide a weight and a bias, see the cost curve and the cost surface.

The network is one sigmoid neuron with one input, ``a = sigmoid(w x + b)``,
on two overlapping classes of numbers; its costs over a grid of ``(w, b)``
come from :func:`dlcore.landscape.cost_grid`, computed once, so that moving a
slider only looks values up. The figures are ``plotting.plot_cost_curve``
(both costs along ``w``) and ``plotting.plot_cost_surface`` (the chosen cost
over ``(w, b)``).
"""

import ipywidgets
import numpy as np

from .. import datasets, plotting
from ..layers import Dense
from ..landscape import cost_grid
from ..network import Network
from ..plotting.costs import cost_title
from .panel import LivePanel, animate_over

#: The costs the explorer offers, by the name it shows.
COSTS = {"cross-entropy": "bce", "mean squared error": "mse"}


def cost_data(n_samples=40, seed=3):
    """Two overlapping classes of numbers: the first feature of ``datasets.blobs``, shape (n_samples, 1)."""
    X, y = datasets.blobs(n_samples, separation=2.0, noise=1.0, seed=seed)
    return X[:, :1], y


def cost_explorer(w=-1.0, b=0.0, cost="cross-entropy", *, X=None, y=None, w_range=(-6.0, 6.0),
                  b_range=(-4.0, 4.0), step=0.25):
    """Slide the weight ``w`` and bias ``b`` of one sigmoid neuron; see what each cost says.

    Left: mean squared error and cross-entropy over the training set as the
    weight moves (the bias fixed), each with a point at the current weight.
    Right: the chosen cost over every ``(w, b)`` as a contour map with a
    colour bar, the current setting as a white point and the lowest cost as
    a star. The book
    shows the same figure animated over the weight.

    Parameters
    ----------
    w, b : float
        Starting weight and bias.
    cost : str
        ``"cross-entropy"`` or ``"mean squared error"``: the one on the map.
    X, y : ndarray, optional
        One-input data, shapes (n_samples, 1) and (n_samples,), labels 0/1;
        default :func:`cost_data`.
    w_range, b_range : (float, float)
        The sliders' ranges, also the map's.
    step : float
        The sliders' step, also the grid's.
    """
    if cost not in COSTS:
        raise ValueError(f"cost must be one of {list(COSTS)}, got {cost!r}.")
    if X is None or y is None:
        X, y = cost_data()
    net = Network([Dense(1, 1, "sigmoid")])
    w_values = np.arange(w_range[0], w_range[1] + step / 2, step)           # (n_w,)
    b_values = np.arange(b_range[0], b_range[1] + step / 2, step)           # (n_b,)
    params = [(0, "W", 0, 0), (0, "b", 0)]
    grids = {name: cost_grid(net, X, y, params, [w_values, b_values], loss=loss)   # (n_w, n_b)
             for name, loss in COSTS.items()}

    def index(values, v):
        return int(np.argmin(np.abs(values - v)))

    def along_w(b):
        j = index(b_values, b)
        return {name: grid[:, j] for name, grid in grids.items()}

    def title(w, b, cost):
        value = grids[cost][index(w_values, w), index(b_values, b)]
        return cost_title(cost, value, where=f"w = {w:g}, b = {b:g}")

    def draw(fig, w, b, cost):
        ax_curve, ax_map = fig.subplots(1, 2)
        top = max(float(g.max()) for g in grids.values())
        move_curve = plotting.plot_cost_curve(
            ax_curve, w_values, along_w(b), w, xlabel="weight $w$", ylabel="cost on the training set",
            title=plotting.minus(f"both costs along w (b = {b:g})"), ylim=(0.0, 1.05 * top))
        move_map = plotting.plot_cost_surface(
            ax_map, w_values, b_values, grids[cost], (w, b), xlabel="weight $w$", ylabel="bias $b$",
            title=title(w, b, cost), cost_label="cost")
        shown = {"cost": cost}

        def update(w, b, cost):
            move_curve(costs=along_w(b), current=w, title=plotting.minus(f"both costs along w (b = {b:g})"))
            move_map(costs=grids[cost] if cost != shown["cost"] else None, current=(w, b),
                     title=title(w, b, cost))
            shown["cost"] = cost

        return update

    def slider(value, lo_hi, description):
        return ipywidgets.FloatSlider(value=value, min=lo_hi[0], max=lo_hi[1], step=step, description=description)

    controls = {
        "w": slider(w, w_range, "weight w"),
        "b": slider(b, b_range, "bias b"),
        "cost": ipywidgets.Dropdown(options=list(COSTS), value=cost, description="cost"),
    }
    frames = list(np.linspace(w_range[0], w_range[1], 9))
    best = {name: w_values[np.unravel_index(np.argmin(g), g.shape)[0]] for name, g in grids.items()}
    alt = (f"Animation over the weight w of one sigmoid neuron from {w_range[0]:g} to {w_range[1]:g}, bias "
           f"{b:g}. Left: the cross-entropy (solid) and the mean squared error (dashed) over the training set "
           "against w, a point on each at the current w; far to the left, where the neuron is confidently "
           "wrong, the cross-entropy climbs steeply while the mean squared error levels off. Right: the "
           f"{cost} over weight and bias as a contour map, darker where lower, with a colour bar of its values, "
           "the current setting as a white point sliding across it and the lowest cost "
           f"(at w = {best[cost]:g}) as a star.")
    return LivePanel(draw, controls, title="Cost explorer", figsize=(8.4, 3.3),
                     static=animate_over("w", frames, alt=alt, dpi=72))

"""The ReLU-pieces explorer (chapter 3): approximate a curve by a sum of ReLU pieces.

The model is :func:`dlcore.fitting.relu_pieces_fit` (evenly spaced kinks, the
best combination by least squares); the figure is ``plotting.plot_relu_pieces``.
"""

import ipywidgets
import numpy as np
from matplotlib.ticker import StrMethodFormatter

from .. import plotting
from ..fitting import RELU_TARGETS, relu_pieces_fit, relu_target
from .panel import LivePanel, animate_over


def _error_text(error):
    """A mean squared error for a title: 0.0123 or 1.2e-06 (scientific once it is tiny)."""
    return f"{error:.2g}" if error < 1e-3 else f"{error:.4f}"


def relu_pieces_explorer(target="wave", n_pieces=4, *, max_pieces=32, x_range=(-3.0, 3.0), n_points=301):
    """Approximate a curve by a sum of ReLU pieces: slide the number of pieces, pick the curve.

    The pieces bend at evenly spaced kinks; their best combination (a
    constant plus a weight per piece) is found by least squares at every
    change, which takes well under a millisecond. The figure shows the
    target (dashed), the pieces (faint), their sum and, in the title, the
    mean squared error over ``x_range``. The book shows the sum animated
    over the number of pieces.

    Parameters
    ----------
    target : str
        Starting curve, a key of :data:`~dlcore.fitting.RELU_TARGETS`.
    n_pieces : int
        Starting number of pieces, 1 to ``max_pieces``.
    max_pieces : int
        Largest number of pieces the slider offers.
    x_range : (float, float)
        Where the curve is approximated.
    n_points : int
        Points of ``x_range`` at which the error is measured.
    """
    relu_target(target)
    x = np.linspace(x_range[0], x_range[1], n_points)                # (n_points,)

    def ylim(target):
        y = relu_target(target)[1](x)
        low, high = float(y.min()), float(y.max())
        pad = 0.3 * (high - low)
        return low - pad, high + pad

    def title(n_pieces, error):
        return f"{n_pieces} piece{'s' if n_pieces != 1 else ''}: mean squared error {_error_text(error)}"

    def draw(fig, n_pieces, target):
        fit = relu_pieces_fit(target, n_pieces, x)
        ax = fig.add_subplot()
        move = plotting.plot_relu_pieces(ax, x, fit["y"], fit["pieces"], fit["bias"], kinks=fit["kinks"],
                                         ylim=ylim(target), title=title(n_pieces, fit["error"]),
                                         target_label=f"target {relu_target(target)[0]}")
        # One decimal on every y tick: the labels keep their width when another target changes the
        # range, so the layout fixed after the first draw still has room for them.
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.1f}"))
        shown = {"target": target}

        def update(n_pieces, target):
            fit = relu_pieces_fit(target, n_pieces, x)
            move(fit["y"], fit["pieces"], fit["bias"], kinks=fit["kinks"], title=title(n_pieces, fit["error"]))
            if target != shown["target"]:
                ax.set_ylim(*ylim(target))
                ax.get_legend().get_texts()[0].set_text(f"target {relu_target(target)[0]}")
                shown["target"] = target

        return update

    frames = [n for n in (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32) if n <= max_pieces]
    first, last = (relu_pieces_fit(target, n, x)["error"] for n in (frames[0], frames[-1]))
    controls = {
        "n_pieces": ipywidgets.IntSlider(value=n_pieces, min=1, max=max_pieces, step=1, description="pieces",
                                         continuous_update=True),
        "target": ipywidgets.Dropdown(options=list(RELU_TARGETS), value=target, description="target"),
    }
    formula = relu_target(target)[0]
    return LivePanel(
        draw, controls, title="Adding ReLU pieces",
        static=animate_over(
            "n_pieces", values=frames, interval=700,
            alt=(f"Animation over the number of ReLU pieces, from {frames[0]} to {frames[-1]}, approximating "
                 f"the curve {formula} (dashed) on [{x_range[0]:g}, {x_range[1]:g}]. Faint orange lines are "
                 "the individual pieces, each zero up to its kink and straight after it; the blue curve is "
                 "their best sum, a broken line with a dot at each kink. The mean squared error in the "
                 f"title falls from {_error_text(first)} with {frames[0]} piece{'s' if frames[0] != 1 else ''} "
                 f"to {_error_text(last)} with {frames[-1]}, as the broken line settles onto the curve."),
        ),
    )

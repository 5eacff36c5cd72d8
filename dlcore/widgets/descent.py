"""The learning-rate explorer (chapter 8): gradient descent on a cost of one or two parameters.

The model is :func:`dlcore.descent.gradient_descent` on a surface of
:data:`dlcore.descent.SURFACES`; the figure is ``plotting.plot_descent``.
"""

import math

import ipywidgets
import numpy as np

from .. import plotting
from ..descent import get_surface, gradient_descent
from .panel import LivePanel

#: Starting points and learning rates the book compares, by surface: too small, about right, too large.
DEFAULTS = {
    "bowl": {"start": (0.0,), "compare": {0.02: "too small", 0.3: "about right", 1.1: "too large"}},
    "two_valleys": {"start": (-3.0,), "compare": {0.005: "too small", 0.1: "about right", 1.0: "too large"}},
    "narrow_valley": {"start": (-2.5, 1.5), "compare": {0.02: "too small", 0.15: "about right",
                                                        0.22: "too large"}},
    "two_basins": {"start": (3.0, 3.0), "compare": {0.1: "too small", 1.0: "about right", 8.0: "too large"}},
}
#: The step counts the book's animation shows, one frame each.
FRAMES = (0, 1, 2, 3, 5, 10, 20, 30)


def _title(path, lr, momentum=0.0):
    extra = f", momentum {momentum:g}" if momentum else ""
    return plotting.minus(f"lr = {lr:.3g}{extra}, step {path.n_steps}: {path.verdict()}\n"
                          f"cost {path.costs[-1]:.3g}")


def learning_rate_explorer(surface="bowl", *, lr=0.1, steps=10, start=None, momentum=0.0, compare=None,
                           max_steps=60, animate=True):
    """Gradient descent on ``surface``: slide the learning rate (log scale), the steps, the start, the momentum.

    The figure shows the surface (a curve for one parameter, contour lines
    for two) and the points that gradient descent visits; its title says
    how it went ("still on its way", "at the best minimum", "diverged at
    step 7", ...). The book shows an animation instead: the same descent
    with three learning rates side by side (too small, about right, too
    large), step after step.

    Parameters
    ----------
    surface : str
        A name of :data:`dlcore.descent.SURFACES`: ``"bowl"``, ``"two_valleys"``
        (one parameter), ``"narrow_valley"``, ``"two_basins"`` (two parameters).
    lr, steps, momentum : starting values of the controls
        Learning rate (0.001 to 10, on a log scale), number of steps (0 to
        ``max_steps``) and momentum (0 to 0.95).
    start : float or (float, float), optional
        Starting point; by default one where the three learning rates differ.
    compare : dict of float to str, optional
        The learning rates the book's animation compares, with a word for
        each, e.g. ``{0.02: "too small", 0.3: "about right", 1.1: "too large"}``.
    max_steps : int
        How far the steps slider goes.
    animate : bool, default True
        The book's counterpart: an animation over the steps, or (False) one
        picture of the three whole paths, which keeps a page with many
        animations lighter.
    """
    surf = get_surface(surface)
    defaults = DEFAULTS.get(surf.name, {})
    start = np.array(defaults.get("start", surf.minima[0] + 1.0) if start is None else start,
                     dtype=float).reshape(-1)
    if start.shape != (surf.n_params,):
        raise ValueError(f"start must be {surf.n_params} number(s) for the surface {surf.name!r}, got {start!r}.")
    compare = dict(defaults.get("compare", {lr: f"lr = {lr:g}"}) if compare is None else compare)
    names = ["start"] if surf.n_params == 1 else ["start_w1", "start_w2"]

    def run(lr, steps, momentum, **starts):
        return gradient_descent(surf, [starts[name] for name in names], lr, steps, momentum=momentum)

    def draw(fig, lr, steps, momentum, **starts):
        path = run(lr, steps, momentum, **starts)
        move = plotting.plot_descent(fig.add_subplot(), surf, path.points, title=_title(path, lr, momentum))

        def update(lr, steps, momentum, **starts):
            path = run(lr, steps, momentum, **starts)
            move(paths=path.points, title=_title(path, lr, momentum))

        return update

    controls = {
        "lr": ipywidgets.FloatLogSlider(value=lr, base=10, min=-3, max=1, step=0.05, description="lr",
                                        readout_format=".3g"),
        "steps": ipywidgets.IntSlider(value=steps, min=0, max=max_steps, description="steps"),
    }
    for name, value, (lo, hi) in zip(names, start, surf.lims):
        controls[name] = ipywidgets.FloatSlider(value=value, min=lo, max=hi, step=0.1,
                                                description=name.replace("_", " "))
    controls["momentum"] = ipywidgets.FloatSlider(value=momentum, min=0.0, max=0.95, step=0.05,
                                                  description="momentum")
    return LivePanel(draw, controls, title="Learning-rate explorer", figsize=(4.6, 3.5), dpi=80,
                     static=_compare_over_lr(surf, start, compare, animate))


def _compare_over_lr(surface, start, compare, animate):
    """The book's counterpart: one panel per learning rate, all stepping together (or their whole paths)."""
    def build(panel):
        momentum = panel.values["momentum"]
        paths = {lr: gradient_descent(surface, start, lr, FRAMES[-1], momentum=momentum) for lr in compare}
        fig = plotting.new_figure(2.3 * len(paths), 2.7, dpi=72)
        moves = []
        for ax, (lr, path) in zip(fig.subplots(1, len(paths), sharey=True), paths.items()):
            moves.append(plotting.plot_descent(ax, surface, path.points[:1], title="", legend=False,
                                               ylabel=None if not moves else ""))
            ax.grid(False)
            ax.title.set_fontsize(9)               # three lines of title over a narrow panel
            for line in ax.lines:                 # plain lines: fewer bytes in every frame the page stores
                line.set_antialiased(False)

        def draw_frame(step):
            for move, (lr, path) in zip(moves, paths.items()):
                shown = gradient_descent(surface, start, lr, step, momentum=momentum)   # stops if it blows up
                move(paths=shown.points,          # the cost too: a point that runs away leaves the picture
                     title=plotting.minus(f"lr = {lr:g}, {compare[lr]}\nstep {shown.n_steps}, cost "
                                          f"{shown.costs[-1]:.2g}:\n{shown.verdict()}"))

        fates = "; ".join(f"lr = {lr:g} ({compare[lr]}): {path.verdict()} after {path.n_steps} steps"
                          for lr, path in paths.items())
        where = "on the cost curve" if surface.n_params == 1 else "across the contour lines of the cost"
        what = (f"{FRAMES[-1]} steps of gradient descent {where} of the surface {surface.name.replace('_', ' ')}, "
                f"from the same start with {len(paths)} learning rates side by side. {fates}.")
        # Each frame in 32 colours, as the playground stores its animations: a third of the bytes.
        if animate:
            return plotting.fewer_colors(plotting.animation_html(fig, draw_frame, FRAMES, alt=f"Animation over {what}",
                                                         interval=600, dpi=72))
        draw_frame(FRAMES[-1])
        return plotting.fewer_colors(plotting.img_html(plotting.figure_to_png(fig), f"Three panels: {what}"))
    return build

"""The backprop stepper (chapter 7): a computation graph walked forward, then backward, one node at a time.

The graph and every number on it come from :mod:`dlcore.graph`
(:func:`~dlcore.graph.network_graph`); the picture is
``plotting.draw_graph``. The panel only moves the walk: a slider for the step
and two buttons, *back* and *next*. The book shows the same walk as an
animation, one frame per step.
"""

import ipywidgets
import numpy as np

from .. import plotting
from ..graph import network_graph
from .panel import LivePanel, animate_over


def backprop_stepper(net, x, t, *, step=0, alt=None):
    """Walk the computation graph of ``net`` for one sample, forward then backward.

    Each node shows its value once the forward pass has reached it and its
    gradient ``dC/d(node)`` once the backward pass has; the step being taken
    is highlighted and written out with its numbers under the graph.

    Parameters
    ----------
    net : Network
        A small network (a few neurons per layer) with the cost ``"mse"`` or ``"bce"``.
    x : array-like, shape (n_in,)
        One sample.
    t : array-like, shape (n_out,), or a number
        Its target.
    step : int
        The step shown first (0: only the given numbers known).
    alt : str, optional
        Description of the book's animation (a default one says what it shows).

    Returns
    -------
    LivePanel
        With a ``step`` slider; ``panel.buttons["back"]`` and ``panel.buttons["next"]``
        move it by one.
    """
    graph = network_graph(net, x, t)
    n_steps = len(graph.steps) - 1
    step = int(np.clip(step, 0, n_steps))

    def draw(fig, step):
        return plotting.draw_graph(fig.add_subplot(), graph, step=step)

    slider = ipywidgets.IntSlider(value=step, min=0, max=n_steps, step=1, description="step",
                                  continuous_update=True)
    n_frames = min(n_steps + 1, plotting.MAX_FRAMES)
    frames = sorted({int(round(v)) for v in np.linspace(0, n_steps, n_frames)})
    n_forward = sum(s.phase == "forward" for s in graph.steps)
    if alt is None:
        alt = (f"The computation graph of a {'-'.join(str(s) for s in net.sizes)} network for one sample, "
               f"walked in {n_steps} steps: {n_forward} forward steps fill in each computed node's value from "
               "left to right, ending with the cost; then the backward steps fill in each node's gradient "
               "from right to left, starting with 1 at the cost, each step written out under the graph as "
               "the gradient of the node after it times a local rate.")
    xs = [node.position[0] for node in graph.nodes]
    ys = [node.position[1] for node in graph.nodes]
    figsize = (max(8.0, 1.0 * (max(xs) - min(xs)) + 2.0), max(3.6, 0.9 * (max(ys) - min(ys)) + 1.9))
    panel = LivePanel(draw, {"step": slider}, title="Backprop stepper", figsize=figsize,
                      static=animate_over("step", frames, alt=alt, interval=1200, dpi=84))
    back = ipywidgets.Button(description="back", icon="step-backward", tooltip="one step back",
                             layout=ipywidgets.Layout(width="6em"))
    forward = ipywidgets.Button(description="next", icon="step-forward", tooltip="one step on",
                                layout=ipywidgets.Layout(width="6em"))
    back.on_click(lambda _button: setattr(slider, "value", max(slider.min, slider.value - 1)))
    forward.on_click(lambda _button: setattr(slider, "value", min(slider.max, slider.value + 1)))
    control_box = panel.children[0]
    control_box.children = (back, forward, *control_box.children)
    panel.buttons = {"back": back, "next": forward}
    panel.graph = graph
    return panel

"""The neuron and network explorers (chapter 5): one neuron over the input plane, a small network's values.

The neuron is :func:`dlcore.neuron.neuron`, drawn by ``plotting.plot_neuron_output``;
a network is any ``dlcore.Network`` with two inputs, drawn by
``plotting.draw_network`` beside ``plotting.plot_network_output``.
"""

import ipywidgets
import numpy as np

from .. import plotting
from .panel import LivePanel


def neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="sigmoid"):
    """A two-input neuron ``g(w1 x1 + w2 x2 + b)`` as a heat map over the input plane.

    Move the weights and the bias, switch the activation. The line where the
    weighted sum is 0 and the arrow along ``(w1, w2)`` show how the weights
    turn and the bias shifts the neuron's response. The book shows the same
    neuron under every activation, side by side.

    Parameters
    ----------
    w1, w2, b : float
        Starting weights and bias, each in [-3, 3].
    activation : str
        Starting activation: ``"identity"``, ``"step"``, ``"sigmoid"``,
        ``"tanh"``, ``"relu"`` or ``"leaky_relu"``.
    """
    def draw(fig, w1, w2, b, activation):
        update = plotting.plot_neuron_output(fig.add_subplot(), (w1, w2), b, activation)
        return lambda w1, w2, b, activation: update((w1, w2), b, activation)

    def slider(value, description):
        return ipywidgets.FloatSlider(value=value, min=-3.0, max=3.0, step=0.1, description=description,
                                      continuous_update=True)

    controls = {
        "w1": slider(w1, "weight w₁"),
        "w2": slider(w2, "weight w₂"),
        "b": slider(b, "bias b"),
        "activation": ipywidgets.Dropdown(options=list(plotting.ELEMENTWISE_ACTIVATIONS), value=activation,
                                          description="activation"),
    }
    return LivePanel(
        draw, controls, title="Neuron explorer", figsize=(5.0, 4.0),
        static=_neuron_static(
            alt=(f"Six heat maps of one neuron with weights w1 = {w1:g}, w2 = {w2:g} and bias b = {b:g} over "
                 "inputs x1 and x2 from -3 to 3, one per activation (identity, step, sigmoid, tanh, relu, "
                 "leaky relu). The line where the weighted sum is zero is the same in all six; the activation "
                 "only changes how the output varies across it: a ramp for identity, a sharp 0/1 edge "
                 "for step, a soft edge for sigmoid and tanh, and zero on one side for relu."),
        ),
    )


def _neuron_static(alt):
    """Small multiples of the neuron explorer, one panel per activation (each panel has its own title)."""
    def build(panel):
        return plotting.small_multiples_html(
            lambda subfig, act: panel.draw_function(subfig, **{**panel.values, "activation": act}),
            plotting.ELEMENTWISE_ACTIVATIONS, alt=alt, ncols=3, panel_size=(3.4, 2.8))
    return build


def network_explorer(net, x1=1.0, x2=0.0, *, lim=(-0.5, 1.5), points=((0, 0), (0, 1), (1, 0), (1, 1)),
                     weight_labels=True, alt=None):
    """A small two-input network drawn with its values, for an input set with two sliders.

    Left: the network, each neuron showing its value for the input
    ``(x1, x2)``. Right: the network's output over the whole input square,
    with the chosen input marked. The book shows the same for each of
    ``points``, side by side.

    Parameters
    ----------
    net : Network
        Any network with 2 inputs (small enough to draw: up to ~8 neurons per layer).
    x1, x2 : float
        Starting input.
    lim : (float, float)
        Range of both sliders and of the heat map.
    points : sequence of (float, float)
        The inputs the static counterpart shows.
    weight_labels : bool
        Write the weights and biases on the diagram.
    alt : str, optional
        Description of the static counterpart (a default one says what is drawn).
    """
    if getattr(net, "n_in", None) != 2:
        raise ValueError(f"network_explorer needs a Network with 2 inputs (x1, x2), got {net!r}.")
    out_name = net.layers[-1].activation.name
    vrange = {"sigmoid": (0.0, 1.0), "step": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(out_name, (None, None))

    def draw(fig, x1, x2):
        ax_net, ax_out = fig.subplots(1, 2, width_ratios=[1.5, 1])
        update_net = plotting.draw_network(ax_net, net, x=[x1, x2], weight_labels=weight_labels)
        plotting.plot_network_output(ax_out, net, lim=lim, vmin=vrange[0], vmax=vrange[1])
        (marker,) = ax_out.plot([x1], [x2], marker="o", markersize=10, markerfacecolor="white",
                                markeredgecolor=plotting.BLACK, markeredgewidth=1.5, linestyle="none")

        def title(x1, x2):
            y = plotting.layer_values(net, np.array([[x1, x2]]))[-1][0, 0]   # leaves forward's state alone
            ax_out.set_title(plotting.minus(f"output {y:.2f} at ({x1:g}, {x2:g})"), fontsize="medium")

        def update(x1, x2):
            update_net([x1, x2])
            marker.set_data([x1], [x2])
            title(x1, x2)

        title(x1, x2)
        return update

    def slider(value, description):
        return ipywidgets.FloatSlider(value=value, min=lim[0], max=lim[1], step=0.05, description=description)

    points = [tuple(float(v) for v in p) for p in points]
    if alt is None:
        alt = (f"The {'-'.join(str(n) for n in net.sizes)} network drawn for the inputs "
               + ", ".join(f"({p[0]:g}, {p[1]:g})" for p in points)
               + ": each neuron is filled and labelled with its value (white for 0, orange for positive, "
                 "blue for negative); beside them a heat map of the network's output over all inputs "
                 "marks these inputs with their outputs.")

    def static(panel):
        # Left: the diagram for each input of `points`; right: the output over the plane, points marked.
        ncols = 2
        nrows = -(-len(points) // ncols)
        fig = plotting.new_figure(10.0, 2.6 * nrows + 0.3, dpi=plotting.ANIMATION_DPI)
        left, right = fig.subfigures(1, 2, width_ratios=[2.2, 1.3])
        axes = np.ravel(left.subplots(nrows, ncols, squeeze=False))
        for ax in axes:
            ax.set_axis_off()                 # before drawing: draw_network sizes nodes to the final layout
        for ax, p in zip(axes, points + [None] * ncols):
            if p is None:
                ax.set_visible(False)
                continue
            plotting.draw_network(ax, net, x=p, weight_labels=weight_labels, title=f"input ({p[0]:g}, {p[1]:g})")
        ax_out = right.add_subplot()
        plotting.plot_network_output(ax_out, net, lim=lim, vmin=vrange[0], vmax=vrange[1], colorbar=False)
        right.colorbar(ax_out.images[0], ax=ax_out, orientation="horizontal", shrink=0.8, label="network output")
        for p in points:
            ax_out.plot(*p, marker="o", markersize=8, markerfacecolor="white",
                        markeredgecolor=plotting.BLACK, linestyle="none")
            y = plotting.layer_values(net, np.array([p]))[-1][0, 0]
            ax_out.annotate(f"{y:.2f}", p, xytext=(0, 9), textcoords="offset points", ha="center",
                            fontsize="small", bbox=dict(boxstyle="round,pad=0.15", facecolor="white",
                                                        edgecolor="none"))
        ax_out.set_title("output over all inputs", fontsize="medium")
        return plotting.img_html(plotting.figure_to_png(fig), alt)

    return LivePanel(draw, {"x1": slider(x1, "input x₁"), "x2": slider(x2, "input x₂")},
                     title="Network explorer", figsize=(7.5, 3.2), static=static)

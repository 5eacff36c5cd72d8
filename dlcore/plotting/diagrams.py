"""Diagrams: a network as circles and lines, and a number passing through functions in turn.

:func:`draw_network` draws any ``Network`` as columns of neurons joined by
its weights (orange positive, blue negative, thicker for larger ``|w|``) and,
for one input, fills every neuron with its value. :func:`draw_composition`
draws ``f(g(x))`` as boxes and arrows read from left to right: "first g,
then f".
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap

from .style import BLACK, BLUE, GREY, ORANGE, light, minus, redraw_update


def layer_values(net, X):
    """Each layer's values for the inputs ``X``: ``[X, A_1, ..., A_L]``, for a picture.

    Runs the network forward without touching what its layers keep for
    ``backward`` (each layer's ``X``, ``Z`` and ``A``): a drawing between a
    reader's ``forward`` and ``backward`` would otherwise replace them and
    spoil the gradients.

    Parameters
    ----------
    net : Network
    X : ndarray of shape (n_samples, n_in)

    Returns
    -------
    list of ndarray
        ``X``, then each layer's output ``A`` of shape (n_samples, n_out of that layer).
    """
    kept = [(layer.X, layer.Z, layer.A) for layer in net.layers]
    try:
        net.forward(X)                            # each layer keeps its output A
        return [X] + [layer.A for layer in net.layers]
    finally:
        for layer, (X_kept, Z, A) in zip(net.layers, kept):
            layer.X, layer.Z, layer.A = X_kept, Z, A


def _network_values(net, x):
    """Each layer's values for one input ``x``: ``[x, A_1, ..., A_L]`` as 1-D arrays."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or len(x) != net.n_in:
        raise ValueError(
            f"draw_network shows the values for ONE input with {net.n_in} numbers, got x with shape {x.shape}. "
            f"Pass e.g. x=X[0] for the first row of X."
        )
    return [values[0] for values in layer_values(net, x[None, :])]


def _shown_nodes(n, max_nodes):
    """Which of ``n`` neurons to draw: all, or the first and last few with a gap for '⋮'."""
    if n <= max_nodes:
        return list(range(n)), None
    half = (max_nodes - 1) // 2
    return list(range(half)) + list(range(n - half, n)), half


def _value_colormap():
    """Blue for negative values, white for 0, orange for positive: the colours of the weights' signs."""
    return LinearSegmentedColormap.from_list("blue_white_orange", [BLUE, "white", ORANGE])


def draw_network(ax, net, x=None, *, weight_labels=False, max_nodes=9, title=None):
    """Draw a network as circles (neurons) in columns (layers) joined by lines (weights).

    Edges are orange for positive weights and blue for negative ones, thicker
    for larger ``|w|``. With an input ``x``, every neuron shows its value
    (the inputs for the input layer, the activation ``A`` for the others),
    filled white for 0, orange for positive and blue for negative values.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    net : Network
        Any dlcore ``Network``; layers with more than
        ``max_nodes`` neurons are drawn as their first and last few with '⋮'.
    x : array-like of shape (n_in,), optional
        One input; each layer's values are computed with its ``forward``.
    weight_labels : bool
        Write every weight on its edge and every bias under its neuron
        (readable for small networks, up to about 3 neurons per layer).
    max_nodes : int
        Most neurons drawn per layer.
    title : str, optional

    Returns
    -------
    update : callable
        ``update(x)`` shows the values for another input (or none, for
        ``None``) in place, without drawing the network again.

    Notes
    -----
    Neurons are sized to the axes as the figure's layout places them when
    this is called: create the figure's other axes first.
    """
    if not hasattr(net, "layers") or not hasattr(net, "sizes"):
        raise TypeError(f"draw_network draws a dlcore Network, got {type(net).__name__}. "
                        "Build one with Network.from_sizes([2, 3, 1]) or Network([Dense(...), ...]).")
    if max_nodes < 3:
        raise ValueError(f"max_nodes must be at least 3, got {max_nodes}.")
    sizes = net.sizes
    n_cols = len(sizes)
    shown = [_shown_nodes(n, max_nodes) for n in sizes]
    n_rows = max(len(nodes) + (gap is not None) for nodes, gap in shown)
    dx = 1.8                                                          # data units between columns
    top = (n_rows - 1) / 2

    def positions(col):
        """y of each drawn neuron of column ``col`` (top to bottom), and of the '⋮' if any."""
        nodes, gap = shown[col]
        n = len(nodes) + (gap is not None)
        slots = [(n - 1) / 2 - s for s in range(n)]
        ys = {node: slots[s + (gap is not None and s >= gap)] for s, node in enumerate(nodes)}
        return ys, (slots[gap] if gap is not None else None)

    ys = [positions(col) for col in range(n_cols)]
    ax.set_xlim(-0.45 * dx, (n_cols - 1) * dx + 0.45 * dx)
    ax.set_ylim(-top - (0.75 if weight_labels else 0.55), top + 1.3)
    ax.set_axis_off()
    if title is not None:
        ax.set_title(title)

    # Node size in points: 0.8 of the distance between neighbours, at most 40 pt. Measured
    # after the figure's layout has placed the axes (it can grow them by a third).
    root = ax.figure.figure                                           # the Figure, also for a SubFigure
    if root.get_layout_engine() is not None:
        root.get_layout_engine().execute(root)
    bbox = ax.get_window_extent()
    unit_pt = min(bbox.height / (2 * top + 1.85 + 0.2 * weight_labels),
                  bbox.width / ((n_cols - 1) * dx + 0.9 * dx)) * 72 / ax.figure.dpi
    diameter = min(0.8 * unit_pt, 40.0)
    fontsize = max(6.0, min(10.0, diameter * 0.3))
    show_numbers = diameter >= 16                                     # too small to read: colour only

    # Edges, one LineCollection per layer of weights.
    w_max = max(float(np.max(np.abs(layer.W))) for layer in net.layers) or 1.0
    for col, layer in enumerate(net.layers):
        (src, _), (dst, _) = ys[col], ys[col + 1]
        segments, colors, widths = [], [], []
        for i, yi in src.items():
            for j, yj in dst.items():
                w = float(layer.W[i, j])
                segments.append([(col * dx, yi), ((col + 1) * dx, yj)])
                colors.append(ORANGE if w > 0 else BLUE if w < 0 else GREY)
                widths.append(0.4 + 3.6 * abs(w) / w_max)
                if weight_labels:
                    # level edges: at the middle; the others near the sender, where edges fan out
                    # (not at the middle, where two edges that cross would put their labels together)
                    t = 0.5 if np.isclose(yi, yj) else 0.3
                    ax.text(col * dx + t * dx, yi + t * (yj - yi), minus(f"{w:.3g}"), fontsize=fontsize * 0.85,
                            ha="center", va="center", zorder=4,
                            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.9))
        ax.add_collection(LineCollection(segments, colors=colors, linewidths=widths, zorder=1, alpha=0.85))

    # Nodes: one scatter per column, one (possibly empty) text per neuron.
    dots, labels = [], []
    for col in range(n_cols):
        nodes_y, gap_y = ys[col]
        yv = np.array(list(nodes_y.values()))
        dots.append(ax.scatter(np.full(len(yv), col * dx), yv, s=diameter ** 2, c="white", edgecolors=BLACK,
                               linewidths=1.0, zorder=3))
        if gap_y is not None:
            ax.text(col * dx, gap_y, "⋮", ha="center", va="center", fontsize=fontsize * 1.6, zorder=3)
        column_labels = {}
        for i, y in nodes_y.items():
            column_labels[i] = ax.text(col * dx, y, "", ha="center", va="center", fontsize=fontsize, zorder=5)
            if weight_labels and col > 0:
                ax.text(col * dx, y - 0.5 * diameter / unit_pt - 0.04, minus(f"b={net.layers[col - 1].b[i]:.3g}"),
                        ha="center", va="top", fontsize=fontsize * 0.85, color=GREY, zorder=5)
        labels.append(column_labels)

    # Column headings: which layer, how many neurons if not all are drawn, which activation.
    for col, n in enumerate(sizes):
        if col == 0:
            name = "input"
        elif col == n_cols - 1:
            name = f"output\n{net.layers[-1].activation.name}"
        else:
            name = ("hidden" if n_cols == 3 else f"hidden {col}") + f"\n{net.layers[col - 1].activation.name}"
        count = f" ({n})" if shown[col][1] is not None else ""
        ax.text(col * dx, top + 0.55, name + count, ha="center", va="bottom", fontsize=fontsize)

    cmap = _value_colormap()

    def update(x):
        if x is None:
            for col, column_labels in enumerate(labels):
                dots[col].set_facecolors("white")
                for i, text in column_labels.items():
                    text.set_text(f"$x_{{{i + 1}}}$" if col == 0 else "")
                    text.set_color(BLACK)
            return
        values = _network_values(net, x)
        # At least 1, so that small values stay pale (0.01 must not look like 1 when it is the largest).
        v_max = max(1.0, max(float(np.max(np.abs(v))) for v in values))
        for col, column_labels in enumerate(labels):
            faces = cmap(0.5 + 0.5 * np.array([values[col][i] for i in column_labels]) / v_max)   # (n_drawn, 4)
            dots[col].set_facecolors(faces)
            for (i, text), face in zip(column_labels.items(), faces):
                text.set_text(minus(f"{round(float(values[col][i]), 2) + 0.0:.2f}") if show_numbers else "")  # no "-0.00"
                text.set_color("white" if face[:3] @ [0.299, 0.587, 0.114] < 0.5 else BLACK)

    update(x)
    return update



def draw_composition(ax, x, steps, *, names=None, title=None, value_format="{:g}"):
    """Draw a number passing through one-input functions in turn: ``x → g → f → ...``.

    Each value sits in a box; each function is an arrow labelled with its
    name, so ``f(g(x))`` reads from left to right as "first g, then f".

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x : float
        The input.
    steps : sequence of (str, callable)
        The functions in the order they are applied, each with its label: for
        ``f(g(x))`` pass ``[("g: add 1", g), ("f: square", f)]``.
    names : sequence of str, optional
        A caption under each value, e.g. ``["x", "g(x)", "f(g(x))"]``
        (one more than there are steps).
    title : str, optional
    value_format : str
        How the values are written.

    Returns
    -------
    update : callable
        ``update(**changes)`` draws again with any arguments changed, e.g.
        ``update(x=3)`` (see :func:`~dlcore.plotting.style.redraw_update`).
    """
    arguments = dict(locals())
    steps = list(steps)
    if not steps:
        raise ValueError("draw_composition needs at least one step, e.g. [('square', np.square)].")
    if names is not None and len(names) != len(steps) + 1:
        raise ValueError(f"names needs one caption per value: {len(steps) + 1} for {len(steps)} steps, "
                         f"got {len(names)}.")
    values = [float(x)]
    for _, function in steps:
        values.append(float(function(values[-1])))
    spacing = 2.0
    for i, value in enumerate(values):
        last = i == len(values) - 1
        ax.text(i * spacing, 0.0, minus(value_format.format(value)), ha="center", va="center", fontsize="x-large",
                bbox=dict(boxstyle="round,pad=0.45", facecolor=light(ORANGE if last else BLUE, 0.7),
                          edgecolor=ORANGE if last else BLUE, linewidth=1.5))
        if names is not None:
            ax.text(i * spacing, -0.55, names[i], ha="center", va="top", fontsize="large", color=BLACK)
    for i, (label, _) in enumerate(steps):
        ax.annotate("", xy=(i * spacing + 1.55, 0.0), xytext=(i * spacing + 0.45, 0.0),
                    arrowprops=dict(arrowstyle="-|>", color=BLACK, linewidth=1.4, mutation_scale=16))
        ax.text(i * spacing + 1.0, 0.3, label, ha="center", va="bottom", fontsize="large", color=BLACK)
    ax.set_xlim(-0.8, (len(values) - 1) * spacing + 0.8)
    ax.set_ylim(-1.2, 1.0)
    ax.set_axis_off()
    if title is not None:
        ax.set_title(title)
    return redraw_update(draw_composition, arguments)


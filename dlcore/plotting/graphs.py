"""Computation graphs: numbers as nodes, arrows from each number to those computed from it.

:func:`draw_graph` draws a :class:`~dlcore.graph.Graph` (squares for the
numbers that are given, circles for those computed), each node with its value
above it and its gradient below it once the walk has reached it; the step
being taken is highlighted and written out under the graph. Its ``update(step)``
moves the walk, which is how the backprop stepper animates.
:func:`draw_rate_chain` draws quantities linked by rates (km → litres → euros),
the picture of the chain rule: rates along a chain multiply.
"""

from matplotlib.patches import FancyArrowPatch

from ..graph import fmt
from .style import BLACK, BLUE, GREY, ORANGE, VERMILLION, YELLOW, light, minus, redraw_update

NODE_POINTS = 30            # marker size of a node, in points
_GIVEN_FACE = "#E8E8E8"     # light grey: numbers that are given (inputs, targets, parameters)


def draw_graph(ax, graph, step=None, *, title=None):
    """Draw a computation graph as the walk through it stands after ``step``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    graph : dlcore.graph.Graph
        For example ``dlcore.graph.network_graph(net, x, t)``.
    step : int, optional
        Index into ``graph.steps``: 0 is the start (only the given numbers
        known), then one node forward at a time, then one node backward at a
        time. Default: the last step, every value and gradient known.
    title : str, optional
        A title above the graph; by default the step number and its phase.

    Returns
    -------
    update : callable
        ``update(step)`` shows the walk after another step, in place.
    """
    if not hasattr(graph, "steps") or not hasattr(graph, "nodes"):
        raise TypeError(f"draw_graph draws a dlcore.graph.Graph, got {type(graph).__name__}. "
                        "Build one with dlcore.graph.network_graph(net, x, t).")
    nodes = graph.nodes
    xs = [node.position[0] for node in nodes]
    ys = [node.position[1] for node in nodes]
    ax.set_xlim(min(xs) - 0.45, max(xs) + 0.45)
    ax.set_ylim(min(ys) - 0.85, max(ys) + 0.75)
    ax.set_axis_off()
    # a node is a square or a circle of NODE_POINTS (larger for long labels such as w₁[1,2])
    size = {node.name: NODE_POINTS * (1.3 if len(node.label) > 3 else 1.0) for node in nodes}
    radius = {name: s / 2 + 1 for name, s in size.items()}

    # Arrows: forward (parent -> child, grey, orange when in use) and backward (child -> parent,
    # dashed blue, shown only while the gradient passes along it).
    forward, backward = {}, {}
    for node in nodes:
        for parent in node.parents:
            key = (parent.name, node.name)
            forward[key] = ax.add_patch(FancyArrowPatch(
                parent.position, node.position, arrowstyle="-|>", mutation_scale=10,
                shrinkA=radius[parent.name], shrinkB=radius[node.name], color=GREY, linewidth=1.0, zorder=1))
            if parent.needs_grad:
                backward[key] = ax.add_patch(FancyArrowPatch(
                    node.position, parent.position, arrowstyle="-|>", mutation_scale=14,
                    shrinkA=radius[node.name], shrinkB=radius[parent.name], color=BLUE, linewidth=2.2,
                    linestyle=(0, (4, 2)), zorder=2,
                    connectionstyle="arc3,rad=0.25", visible=False))

    given = [node for node in nodes if node.kind != "operation"]
    computed = [node for node in nodes if node.kind == "operation"]
    dots = {}
    for group, marker in ((given, "s"), (computed, "o")):
        collection = ax.scatter([n.position[0] for n in group], [n.position[1] for n in group], marker=marker,
                                s=[size[n.name] ** 2 for n in group], c="white", edgecolors=BLACK, linewidths=1.0,
                                zorder=3)
        for i, node in enumerate(group):
            dots[node.name] = (collection, i)
    for node in nodes:
        ax.text(*node.position, node.label, ha="center", va="center", fontsize=11 if len(node.label) <= 3 else 8,
                zorder=4)
    # the value just above a node, the gradient just below it, whatever the scale of the drawing
    neighbours = {node.name: [p.position for p in node.parents] for node in nodes}
    for node in nodes:
        for parent in node.parents:
            neighbours[parent.name].append(node.position)

    def beside(node, up):
        """Offset (points) and alignment of a label above (or below) ``node``, clear of its slanted arrows."""
        x0, y0 = node.position
        slant = [x - x0 for x, y in neighbours[node.name] if (y > y0 if up else y < y0)]
        r = radius[node.name]
        dy = r + 1 if up else -r - 3
        if any(d < 0 for d in slant) and not any(d > 0 for d in slant):
            return (0.4 * r, dy), "left"          # arrows come from the left: write on the right
        if any(d > 0 for d in slant) and not any(d < 0 for d in slant):
            return (-0.4 * r, dy), "right"
        return (0, dy), "center"

    values, grads = {}, {}
    for node in nodes:
        offset, ha = beside(node, up=True)
        values[node.name] = ax.annotate("", node.position, xytext=offset, textcoords="offset points", ha=ha,
                                        va="bottom", fontsize=9, zorder=4)
        if node.needs_grad:
            offset, ha = beside(node, up=False)
            grads[node.name] = ax.annotate("", node.position, xytext=offset, textcoords="offset points", ha=ha,
                                           va="top", fontsize=9, color=BLUE, fontweight="bold", zorder=4,
                                           bbox=dict(boxstyle="round,pad=0.2", facecolor=light(BLUE, 0.85),
                                                     edgecolor=BLUE, linewidth=0.6))
    # in_layout=False: a long sentence must not squeeze the graph (the text is inside the axes anyway)
    explanation = ax.text(0.5, 0.0, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=10,
                          in_layout=False,
                          bbox=dict(boxstyle="round,pad=0.35", facecolor=light(YELLOW, 0.7), edgecolor="none"))
    heading = ax.set_title("")
    n_steps = len(graph.steps) - 1

    def update(step=None):
        k = n_steps if step is None else int(step)
        if not 0 <= k <= n_steps:
            raise ValueError(f"step must be between 0 and {n_steps} for this graph, got {step}.")
        state = graph.steps[k]
        current = state.node
        faces = {id(c): [None] * len(c.get_offsets()) for c, _ in dots.values()}
        widths = {id(c): [1.0] * len(c.get_offsets()) for c, _ in dots.values()}
        for node in nodes:
            collection, i = dots[node.name]
            if node is current:
                faces[id(collection)][i] = (*light(ORANGE if state.phase == "forward" else BLUE, 0.55), 1.0)
                widths[id(collection)][i] = 2.5
            else:
                faces[id(collection)][i] = _GIVEN_FACE if node.kind != "operation" else "white"
                widths[id(collection)][i] = 1.0
            values[node.name].set_text(fmt(node.value) if node.name in state.values else "")
            if node.name in grads:
                known = node.name in state.grads
                grads[node.name].set_text(fmt(node.grad) if known else "")
                grads[node.name].set_visible(known)
        for collection, _ in dots.values():
            collection.set_facecolors(faces[id(collection)])
            collection.set_linewidths(widths[id(collection)])
        for (parent, child), arrow in forward.items():
            active = state.phase == "forward" and current is not None and child == current.name
            arrow.set_color(VERMILLION if active else GREY)
            arrow.set_linewidth(2.4 if active else 1.0)
        children = graph.children
        for (parent, child), arrow in backward.items():
            arrow.set_visible(state.phase == "backward" and current is not None and parent == current.name
                              and current is not graph.cost and any(c.name == child for c in children[parent]))
        explanation.set_text(state.text)
        phase = {"start": "start", "forward": "forward pass", "backward": "backward pass"}[state.phase]
        heading.set_text(title if title is not None else f"step {k} of {n_steps}: {phase}")

    update(step)
    return update


def draw_rate_chain(ax, quantities, rates, *, title=None):
    """Quantities in boxes joined by arrows labelled with rates, and the product of the rates below.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    quantities : sequence of str
        The quantities, left to right, e.g. ``["km driven", "litres", "euros"]``.
    rates : sequence of (float, str)
        One ``(rate, unit)`` per arrow, e.g. ``[(0.06, "litres per km"), (1.8, "€ per litre")]``.
    title : str, optional

    Returns
    -------
    update : callable
        ``update(**changes)`` draws it again with any argument changed.
    """
    arguments = dict(locals())
    quantities, rates = list(quantities), list(rates)
    if len(rates) != len(quantities) - 1:
        raise ValueError(f"{len(quantities)} quantities need {len(quantities) - 1} rates between them, "
                         f"got {len(rates)}.")
    n = len(quantities)
    ax.set_xlim(-0.6, 3 * (n - 1) + 0.6)
    ax.set_ylim(-1.3, 0.8)
    ax.set_axis_off()
    box = dict(boxstyle="round,pad=0.5", facecolor="white", edgecolor=BLACK, linewidth=1.2)
    for i, name in enumerate(quantities):
        ax.text(3 * i, 0, name, ha="center", va="center", fontsize=11, bbox=box, zorder=3)
    product = 1.0
    for i, (rate, unit) in enumerate(rates):
        product *= rate
        ax.annotate("", xy=(3 * i + 2.1, 0), xytext=(3 * i + 0.9, 0),
                    arrowprops=dict(arrowstyle="-|>", color=ORANGE, linewidth=2))
        ax.text(3 * i + 1.5, 0.22, minus(f"× {rate:g}"), ha="center", va="bottom", fontsize=11, color=BLACK)
        ax.text(3 * i + 1.5, -0.22, unit, ha="center", va="top", fontsize=9, color=GREY)
    ax.annotate("", xy=(3 * (n - 1), -0.55), xytext=(0, -0.55),
                arrowprops=dict(arrowstyle="-|>", color=BLUE, linewidth=2, linestyle="--"))
    factors = " × ".join(f"{rate:g}" for rate, _ in rates)
    ax.text(1.5 * (n - 1), -0.95, minus(f"all the way: × {factors} = × {product:g}"), ha="center", va="center",
            fontsize=11, color=BLUE)
    if title is not None:
        ax.set_title(title)
    return redraw_update(draw_rate_chain, arguments)

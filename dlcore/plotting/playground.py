"""The playground's figure: the network with every neuron's map, the output over the plane, the costs.

:func:`plot_playground` draws one :class:`~dlcore.playground.run.Playground` run
as TensorFlow Playground does, and a little more:

- left, the network: a column per layer, each neuron a small map of its value
  over the plane (blue negative, white 0, orange positive, each map scaled to
  its own largest value), joined by lines for the weights, thicker for larger
  weights, orange for positive and blue for negative; one chosen weight is
  dashed, and below, its last update is written out with its numbers;
- right, the network's output over the plane (the decision regions, or the
  regression surface) with the training points (white edges) and the test
  points (black edges), and under it the training and test cost per epoch.

Its ``update(run, weight)`` changes only the image data, the lines' widths
and colours and the texts, which is fast enough to redraw many times a second.
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, to_rgba
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from .style import BLACK, BLUE, CLASS_COLORS, GREY, ORANGE, PALETTE, light, minus, style_axes

#: Class colours and markers of the playground (classes 0 and 1 as everywhere in the book, then more).
COLORS = CLASS_COLORS + tuple(c for c in PALETTE if c not in CLASS_COLORS and c != BLACK)
MARKERS = ("o", "^", "s", "D", "v")
_VALUES = LinearSegmentedColormap.from_list("playground_values", [BLUE, "white", ORANGE])
_REGIONS = LinearSegmentedColormap.from_list("playground_regions", [light(BLUE, 0.55), "white", light(ORANGE, 0.55)])
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
#: Size of the playground's figure in inches (width, height).
FIGSIZE = (10.0, 5.0)


def weight_name(run, weight):
    """A weight's name in words: ``(layer, i, j)`` -> "from x₁ to neuron 2 of hidden layer 1"."""
    layer, i, j = weight
    n_layers = len(run.net.layers)
    source = (run.settings["features"][i].replace("x1", "x₁").replace("x2", "x₂").replace("^2", "²")
              if layer == 0 else f"neuron {i + 1} of layer {layer}")
    target = "the output" if layer == n_layers - 1 and run.net.n_out == 1 else (
        f"output {j + 1}" if layer == n_layers - 1 else f"neuron {j + 1} of layer {layer + 1}")
    return f"from {source} to {target}"


def update_text(run, weight):
    """The last step's change of the chosen weight, written out with its numbers (two lines)."""
    layer, i, j = weight
    change = run.last_update(layer, i, j)
    head = f"weight {weight_name(run, weight)} (dashed)"
    if change is None:
        w = float(run.net.layers[layer].W[i, j])
        return minus(f"{head}\nw = {w:.4g}, its starting value (no step taken yet)")

    def f(v):
        return f"({v:.4g})" if v < 0 else f"{v:.4g}"
    c = change
    if not c["momentum"] and not c["weight_decay"]:
        line = f"w ← w − lr·dw = {f(c['w_before'])} − {c['lr']:g} × {f(c['dw'])} = {c['w']:.4g}"
    else:
        parts = ["dw"] + (["λ·w"] if c["weight_decay"] else []) + (["m·v"] if c["momentum"] else [])
        line = (f"v ← {' + '.join(parts)} = {f(c['v'])},   w ← w − lr·v = {f(c['w_before'])} − "
                f"{c['lr']:g} × {f(c['v'])} = {c['w']:.4g}   (dw = {f(c['dw'])})")
    return minus(f"{head}, last step:\n{line}")


def scores_text(run):
    """The epoch and how well the run does: accuracy for classes, costs for regression."""
    if run.diverged:
        return f"epoch {run.epoch}   training diverged"
    if run.regression:
        return f"epoch {run.epoch}   train cost {run.train_costs[-1]:.3g}, test cost {run.test_costs[-1]:.3g}"
    train, test = run.accuracy()
    return f"epoch {run.epoch}   accuracy: train {train:.0%}, test {test:.0%}"


def _output_image(run, out, vrange):
    """The output map as 8-bit RGBA: class regions (colours mixed by probability) or the regression surface."""
    if run.regression or out.shape[2] == 1:
        return _node_colors(run, out, True, vrange)[:, :, 0]
    colors = np.array([light(c, 0.55) for c in COLORS[:out.shape[2]]] + [(1.0, 1.0, 1.0)])   # (k + 1, 3)
    rgb = np.clip(np.nan_to_num(out, nan=0.0) @ colors[:-1], 0, 1)                            # (res, res, 3)
    return np.dstack([rgb * 255, np.full(rgb.shape[:2], 255)]).astype(np.uint8)


_GREY_RGBA = np.array([round(255 * c) for c in to_rgba(GREY)], dtype=np.uint8)
# Colour look-up tables, 256 RGBA colours of 8 bits each (an 8-bit image draws fastest).
_LUT = {name: (255 * cmap(np.linspace(0, 1, 256))).round().astype(np.uint8)
        for name, cmap in (("values", _VALUES), ("regions", _REGIONS))}


def _node_colors(run, values, output, vrange):
    """RGBA colours of neuron maps ``values`` (res, res, n): (res, res, n, 4)."""
    if output and not run.regression and values.shape[2] > 1:       # softmax: each class's probability
        return _LUT["values"][np.clip((np.nan_to_num(values) * 127.5 + 127.5).astype(int), 0, 255)]
    if output:
        lut, low, high = (_LUT["values"], -vrange, vrange) if run.regression else (_LUT["regions"], 0.0, 1.0)
        values = np.nan_to_num(values, nan=0.0, posinf=high, neginf=low)
        return lut[np.clip(np.nan_to_num((values - low) / (high - low) * 255), 0, 255).astype(int)]
    scaled = values / np.maximum(np.abs(np.nan_to_num(values, posinf=0, neginf=0)).max(axis=(0, 1)), 1e-12)
    return _LUT["values"][np.clip((np.nan_to_num(scaled) * 127.5 + 127.5).astype(int), 0, 255)]


def _scatter(ax, run, X, y, edge, vrange):
    if run.regression:        # coloured by target: a good fit hides them, so the edges show them
        return [ax.scatter(X[:, 0], X[:, 1], c=y, cmap=_VALUES, vmin=-vrange, vmax=vrange, s=18,
                           marker="o" if edge == "white" else "s", edgecolors=GREY if edge == "white" else edge,
                           linewidths=0.8, zorder=3)]
    return [ax.scatter(X[y == k, 0], X[y == k, 1], color=COLORS[k], marker=MARKERS[k], s=18,
                       edgecolors=edge, linewidths=0.8, zorder=3) for k in range(max(run.n_classes, 2))]


def _epochs_shown(epochs):
    """The cost plot's last epoch: 10, 20, 50, 100, 200, ... (its axis changes seldom)."""
    top = 10
    while top < epochs:
        top = top * 2 if str(top)[0] in "15" else top * 5 // 2
    return top


def plot_playground(fig, run, *, weight=(0, 0, 0), resolution=40, title=None, text=True):
    """Draw a playground run on ``fig``: the network with each neuron's map, the output, the costs.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A blank figure, best :data:`FIGSIZE` (10 × 5 in) with no layout engine
        (``new_figure(*FIGSIZE, layout=None)``): the axes are placed by hand.
    run : dlcore.playground.run.Playground
    weight : (int, int, int)
        The weight whose last update is written out: ``(layer, i, j)`` is the
        weight from input ``i`` of layer ``layer`` (counted from 0) to its neuron ``j``.
    resolution : int
        Grid points along each side of the maps.
    title : str, optional
        Above the network (e.g. the settings).
    text : bool
        Write the epoch, the scores and the chosen weight's last update on the
        figure. A live panel shows them beside it instead (in HTML, which
        costs the kernel nothing to draw), see :func:`scores_text`.

    Returns
    -------
    update : callable
        ``update(run=None, weight=None)`` draws the run again (it has trained
        on) or another run of the same shape, changing images, lines and texts
        in place; for a run of another shape it clears the figure and draws anew.
    """
    fig.set_layout_engine(None)
    W, H = fig.get_size_inches()
    sizes = run.net.sizes
    n_cols = len(sizes)
    # The network. Static labels are tick labels, which a live panel draws once into its background.
    left, bottom, width, height = (0.075, 0.19, 0.49, 0.66) if text else (0.075, 0.05, 0.49, 0.8)
    ax_net = fig.add_axes((left, bottom, width, height))
    ax_net.patch.set_visible(False)
    for spine in ax_net.spines.values():
        spine.set_visible(False)
    ax_net.tick_params(length=0, labelsize=9, pad=2)
    # Every neuron's map is a block of one image (one image draws far faster than many small axes):
    # its pixels match ax_net's, so each block is a square of side `side` pixels.
    px_w, px_h = int(round(width * W * fig.dpi)), int(round(height * H * fig.dpi))
    spacing = 1 / max(max(sizes), 4)
    side = int(min(0.8 * spacing, 0.2) * px_h)
    xs = np.linspace(side / 2 / px_w + 0.005, 1 - side / 2 / px_w - 0.005, n_cols)
    boxes = []                                            # per layer: (x0, y0) pixel corners of its neurons
    for x, n in zip(xs, sizes):
        ys = 0.5 + spacing * (np.arange(n) - (n - 1) / 2)[::-1]
        boxes.append([(int(round(x * px_w - side / 2)), int(round(y * px_h - side / 2))) for y in ys])
    maps = run.layer_maps(resolution)
    mosaic = np.zeros((px_h, px_w, 4), dtype=np.uint8)                    # transparent between the neurons
    pick = np.arange(side) * resolution // side           # nearest grid point for each pixel of a block
    vrange = float(np.abs(run.y_train).max()) if run.regression else 1.0

    def paint(maps, first=0):
        for col in range(first, n_cols):
            rgba = _node_colors(run, maps[col], col == n_cols - 1, vrange)[pick][:, pick]   # (side, side, n, 4)
            for k, (x0, y0) in enumerate(boxes[col]):
                mosaic[y0:y0 + side, x0:x0 + side] = _GREY_RGBA
                mosaic[y0 + 1:y0 + side - 1, x0 + 1:x0 + side - 1] = rgba[1:-1, 1:-1, k]

    paint(maps)
    # Drawn at its pixels on the figure, with no resampling: the cheapest image there is.
    node_image = fig.figimage(mosaic, xo=int(round(left * W * fig.dpi)), yo=int(round(bottom * H * fig.dpi)),
                              origin="lower", zorder=3)
    centres = [(x, np.array([(y0 + side / 2) / px_h for _, y0 in col])) for x, col in zip(xs, boxes)]
    s_x = side / px_w
    labels = [name.replace("x1", "x₁").replace("x2", "x₂").replace("^2", "²").replace("*", "·")
              for name in run.settings["features"]]
    ax_net.set_yticks(centres[0][1], labels=labels)
    names = ["inputs"] + [f"layer {k}" for k in range(1, n_cols - 1)] + ["output"]
    ax_net.set_xticks(xs, labels=[f"{name}{chr(10) if n_cols > 5 else ' '}({n})" for name, n in zip(names, sizes)])
    ax_net.xaxis.tick_top()
    ax_net.set_xlim(0, 1)
    ax_net.set_ylim(0, 1)
    # One segment per weight, from the right edge of its source to the left edge of its target.
    segments, index = [], []
    for layer, ((x0, ys0), (x1, ys1)) in enumerate(zip(centres, centres[1:])):
        for i, y0 in enumerate(ys0):
            for j, y1 in enumerate(ys1):
                segments.append([(x0 + s_x / 2, y0), (x1 - s_x / 2, y1)])
                index.append((layer, i, j))
    lines = LineCollection(segments, zorder=1, capstyle="round")
    ax_net.add_collection(lines)
    chosen = Line2D([], [], color=BLACK, linestyle=(0, (2, 2)), linewidth=1.0, zorder=2)
    ax_net.add_line(chosen)
    words = fig.text(0.02, 0.03, "", fontsize=10, va="bottom", ha="left", linespacing=1.5) if text else None
    if title:
        fig.text(0.02, 0.98, title, fontsize=8, va="top", ha="left", color="#333333")

    # The output over the plane, with the points.
    ax_out = fig.add_axes((0.62, 0.37, 0.57 * H / W, 0.57))
    out_image = ax_out.imshow(_output_image(run, maps[-1], vrange), origin="lower", extent=run.box, aspect="auto",
                              interpolation="bilinear")
    _scatter(ax_out, run, run.X_train, run.y_train, "white", vrange)
    _scatter(ax_out, run, run.X_test, run.y_test, BLACK, vrange)
    ax_out.set_xlim(run.box[:2])
    ax_out.set_ylim(run.box[2:])
    key = ("circles: training points, squares: test points" if run.regression else
           "white edge: training point, black edge: test point")
    ax_out.set_xlabel(f"$x_1$\n({key})", labelpad=1, fontsize=9)
    ax_out.set_ylabel("$x_2$", labelpad=1, fontsize=9)
    ax_out.tick_params(labelsize=8)
    status = ax_out.text(0.5, 0.5, "", transform=ax_out.transAxes, ha="center", va="center", fontsize=9,
                         color="#B00020", wrap=True, zorder=5,
                         bbox=dict(boxstyle="round", facecolor="white", edgecolor="#B00020"))

    ax_cost = fig.add_axes((0.62, 0.08, 0.35, 0.15))
    style_axes(ax_cost, xlabel="epoch   (solid: training cost, dashed: test cost)", ylabel="cost")
    ax_cost.xaxis.label.set_fontsize(9)
    ax_cost.yaxis.label.set_fontsize(9)
    ax_cost.xaxis.labelpad = 1
    ax_cost.tick_params(labelsize=8)
    ax_cost.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    (train_line,) = ax_cost.plot([], [], color=BLUE, linestyle="-", linewidth=1.5, label="train")
    (test_line,) = ax_cost.plot([], [], color=ORANGE, linestyle="--", linewidth=1.5, label="test")
    top = 1.1 * max(max(run.train_costs[:1] + run.test_costs[:1]), 1e-3)
    drawn = {"run": run, "weight": tuple(weight), "sizes": list(sizes), "top": top}

    def update(run=None, weight=None):
        run = drawn["run"] if run is None else run
        weight = drawn["weight"] if weight is None else tuple(weight)
        if list(run.net.sizes) != drawn["sizes"] or run.regression != drawn["run"].regression:
            fig.clear()
            fresh = plot_playground(fig, run, weight=weight, resolution=resolution, title=title, text=text)
            update.__dict__["inner"] = fresh
            return
        if "inner" in update.__dict__:
            return update.__dict__["inner"](run, weight)
        drawn["run"], drawn["weight"] = run, weight
        maps = run.layer_maps(resolution)
        paint(maps, first=1 if run is drawn.get("features_of") else 0)     # the inputs' maps stay the same
        drawn["features_of"] = run
        node_image.set_data(mosaic)
        out_image.set_data(_output_image(run, maps[-1], vrange))
        weights = np.concatenate([layer.W.ravel() for layer in run.net.layers])   # the order of `index`
        weights = np.nan_to_num(weights, nan=0.0, posinf=1e3, neginf=-1e3)
        lines.set_linewidths(0.3 + np.minimum(np.abs(weights), 4.0) * 1.2)
        lines.set_colors([ORANGE if w > 0 else BLUE for w in weights])
        lines.set_alpha(None)
        layer, i, j = weight
        (a, b) = segments[index.index((layer, i, j))]
        chosen.set_data([a[0], b[0]], [a[1], b[1]])
        if words is not None:
            words.set_text(update_text(run, weight))
        # The costs: the axes grow in steps, so that their frames are seldom drawn again.
        costs = np.array([run.train_costs, run.test_costs], dtype=float)
        epochs = np.arange(costs.shape[1])
        shown = np.where(np.isfinite(costs), np.minimum(costs, 100 * top), np.nan)   # huge values: off the top
        train_line.set_data(epochs, shown[0])
        test_line.set_data(epochs, shown[1])
        ax_cost.set_xlim(0, _epochs_shown(len(epochs) - 1))
        finite = costs[np.isfinite(costs)]
        if finite.size and finite.max() > drawn["top"]:
            drawn["top"] = 1.5 * finite.max()
        if drawn["top"] > 4 * top:            # a cost blowing up: a log scale shows it rise by powers of 10
            ax_cost.set_yscale("log")
            ax_cost.set_ylim(max(finite.min(), 1e-6) / 2, 100 * top)
        else:
            ax_cost.set_yscale("linear")
            ax_cost.set_ylim(0, drawn["top"])
        if text:
            ax_out.set_title(scores_text(run), fontsize=10)
        status.set_text("Training diverged: the cost became infinite.\nLower the learning rate, then reset."
                        if run.diverged else "")
        status.set_visible(run.diverged)

    update(run, weight)
    return update

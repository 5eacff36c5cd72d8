"""Functions of two inputs as colour maps: a landscape, one neuron's output, a network's output.

The two inputs ``x₁`` and ``x₂`` run along the axes; the colour shows the
output (the colour-blind-safe ``cividis`` map, with a colour bar). Chapter 2
draws a function with its examples (:func:`plot_function_2d`); chapter 5 a
neuron with the line where its weighted sum is zero and the direction of its
weights (:func:`plot_neuron_output`), and a whole network
(:func:`plot_network_output`).
"""

import matplotlib
import numpy as np
from matplotlib import patheffects
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from .. import activations
from ..datasets import grid_points
from ..neuron import neuron
from .diagrams import layer_values
from .style import BLACK, SEQUENTIAL_CMAP, minus, redraw_update, style_axes


def plot_function_2d(ax, f_grid, extent, X=None, *, title=None, xlabel="input $x_1$", ylabel="input $x_2$",
                     colorbar_label="output $y$", vmin=None, vmax=None):
    """Draw a function of two inputs as a colour map, with example inputs as points.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    f_grid : ndarray of shape (n_rows, n_cols)
        The function's values on a grid: row ``i`` at the ``i``-th value of
        ``x2`` from the bottom, column ``j`` at the ``j``-th value of ``x1``
        (as ``np.meshgrid(x1, x2)`` lays them out).
    extent : (float, float, float, float)
        ``(x1_min, x1_max, x2_min, x2_max)`` of the grid.
    X : ndarray of shape (n_samples, 2), optional
        Example inputs to mark.
    vmin, vmax : float, optional
        Colour scale limits, so that panels side by side share one scale.

    Returns
    -------
    update : callable
        ``update(**changes)`` draws again with any arguments changed (see
        :func:`~dlcore.plotting.style.redraw_update`).
    """
    arguments = dict(locals())
    f_grid = np.asarray(f_grid, dtype=float)
    if f_grid.ndim != 2:
        raise ValueError(f"f_grid must be a 2-D grid of values (n_rows, n_cols), got shape {f_grid.shape}.")
    image = ax.imshow(f_grid, origin="lower", extent=extent, cmap=SEQUENTIAL_CMAP, vmin=vmin, vmax=vmax,
                      aspect="equal", interpolation="bilinear")
    if X is not None:
        X = np.asarray(X, dtype=float)
        ax.scatter(X[:, 0], X[:, 1], s=24, color="white", edgecolors=BLACK, linewidths=0.8,
                   label=f"examples ({len(X)})")
        ax.legend(loc="upper right", fontsize="small", framealpha=0.9)
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel, grid=False)
    bar = ax.figure.colorbar(image, ax=ax, label=colorbar_label, shrink=0.85)
    return redraw_update(plot_function_2d, arguments, remove=[bar])


def _label_beside_ticks(ax, widest):
    """Fix the place of ``ax``'s y label (on the right): beside tick labels as wide as ``widest``.

    matplotlib moves an axis label out past whatever tick labels the current
    ticks have; with this it stays put, however the ticks change.
    """
    font = FontProperties(size=matplotlib.rcParams["ytick.labelsize"])
    width = TextToPath().get_text_width_height_descent(widest, font, ismath=False)[0]     # points
    gap = matplotlib.rcParams["ytick.major.size"] + matplotlib.rcParams["ytick.major.pad"] + ax.yaxis.labelpad
    ax.yaxis.set_label_coords(1.0, 0.5, transform=offset_copy(ax.transAxes, fig=ax.figure, x=gap + width,
                                                              units="points"))


def _nice_ceiling(x):
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``x`` (for ``x >= 1``)."""
    power = 10.0 ** np.floor(np.log10(x))
    return next(float(m * power) for m in (1, 2, 5, 10) if m * power >= x * (1 - 1e-12))


def _neuron_range(act, w, b, lim):
    """Colour range for a neuron's output over the square [-lim, lim]².

    For the unbounded activations the range follows the largest weighted sum on
    the square, rounded up to 1, 2 or 5 times a power of ten: the colour scale
    stays put while a slider moves a little, and changes in clear steps.
    """
    if act.name == "step" or act.name == "sigmoid":
        return 0.0, 1.0
    if act.name == "tanh":
        return -1.0, 1.0
    reach = _nice_ceiling(max(lim * (abs(w[0]) + abs(w[1])) + abs(b), 1.0))   # at least the largest |z|
    lo, hi = act(np.array([-reach, reach]))
    return float(lo), float(hi)


def plot_neuron_output(ax, w, b, activation="sigmoid", *, lim=3.0, resolution=121, colorbar=True):
    """Heat map of a two-input neuron's output ``g(w1 x1 + w2 x2 + b)`` over a square of inputs.

    Also draws the line ``w1 x1 + w2 x2 + b = 0``, where the weighted sum
    changes sign, and an arrow along ``(w1, w2)``: the direction in which the
    weighted sum grows fastest.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    w : (float, float)
        The weights ``w1, w2``.
    b : float
        The bias.
    activation : str
    lim : float
        The inputs run over ``[-lim, lim]`` on both axes.
    resolution : int
        Grid points per axis.
    colorbar : bool
        Add a colour bar beside ``ax``.

    Returns
    -------
    update : callable
        ``update(w, b, activation)`` redraws the same axes in place (for live widgets).
    """
    grid = np.linspace(-lim, lim, resolution)                         # (resolution,)
    X = grid_points(grid, grid)                                       # (resolution², 2)
    image = ax.imshow(np.zeros((resolution, resolution)), origin="lower", extent=(-lim, lim, -lim, lim),
                      cmap=SEQUENTIAL_CMAP, interpolation="nearest", aspect="equal")
    outline = [patheffects.withStroke(linewidth=4.0, foreground=BLACK)]
    (line,) = ax.plot([], [], color="white", linewidth=2.0, path_effects=outline, label="$z = 0$")
    arrow = ax.annotate("", xy=(0, 0), xytext=(0, 0),
                        arrowprops=dict(arrowstyle="-|>", color="white", linewidth=2.0, mutation_scale=14,
                                        path_effects=outline))
    arrow_label = ax.text(0, 0, "$w$", color=BLACK, ha="center", va="center",
                          bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor=BLACK, linewidth=0.8))
    no_line = ax.text(0.5, 0.5, "$w_1 = w_2 = 0$: no line,\nthe same output everywhere", transform=ax.transAxes,
                      ha="center", va="center", bbox=dict(boxstyle="round,pad=0.3", facecolor="white"))
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    style_axes(ax, xlabel="input $x_1$", ylabel="input $x_2$", grid=False)
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.9) if colorbar else None
    if bar is not None:
        # Ticks at 1, 2 or 5 times a power of ten, so that no range gives a label wider than
        # "−1.0"; and the bar's label at a fixed place beside a label that wide. A live panel
        # keeps the layout of its first draw: a label pushed along by wider tick labels
        # ("10", "−0.75") would run off the figure.
        bar.locator = MaxNLocator(5, steps=[1, 2, 5, 10])
        _label_beside_ticks(bar.ax, widest="−1.0")

    def update(w, b, activation):
        act = activations.get(activation)
        w1, w2 = (float(v) for v in w)
        b = float(b)
        a = neuron(X, [w1, w2], b, act)                               # (resolution²,)
        image.set_data(a.reshape(resolution, resolution))
        image.set_clim(*_neuron_range(act, (w1, w2), b, lim))
        norm2 = w1 * w1 + w2 * w2
        has_line = norm2 > 1e-12
        for artist in (line, arrow, arrow_label):
            artist.set_visible(has_line)
        no_line.set_visible(not has_line)
        if has_line:
            # The point of the line closest to the origin, and the line's direction.
            p = -b / norm2 * np.array([w1, w2])
            d = np.array([-w2, w1]) / np.sqrt(norm2)
            ends = p + np.outer([-4 * lim, 4 * lim], d)                # long enough to cross the square
            line.set_data(ends[:, 0], ends[:, 1])
            # The arrow starts where the line meets the square's middle region.
            start = p if np.all(np.abs(p) <= 0.6 * lim) else np.clip(p, -0.6 * lim, 0.6 * lim)
            start = start - ((start @ [w1, w2] + b) / norm2) * np.array([w1, w2])   # back onto the line
            tip = start + 0.3 * lim * np.array([w1, w2]) / np.sqrt(norm2)
            arrow.xy, arrow.xyann = tuple(tip), tuple(start)
            arrow_label.set_position(tuple(start + 0.45 * lim * np.array([w1, w2]) / np.sqrt(norm2)))
        sign = "+" if b >= 0 else "−"
        w2_sign = "+" if w2 >= 0 else "−"
        w1_text = minus(f"{w1:g}")                                # the same minus sign as the others
        ax.set_title(f"{act.name}({w1_text}·$x_1$ {w2_sign} {abs(w2):g}·$x_2$ {sign} {abs(b):g})",
                     fontsize="medium")
        if bar is not None:
            bar.set_label(f"output of {act.name}")

    update(w, b, activation)
    return update



def plot_network_output(ax, net, *, lim=(-3.0, 3.0), resolution=101, output=0, colorbar=True,
                        vmin=None, vmax=None):
    """Heat map of a two-input network's output number ``output`` over the square ``lim`` × ``lim``.

    ``vmin`` and ``vmax`` fix the colour range (e.g. 0 and 1 for a sigmoid
    output); by default it spans the outputs drawn.

    Returns
    -------
    update : callable
        ``update(net=None)`` draws the output again in place: of the same
        network, whose weights may have changed (e.g. while it trains), or of
        another network with 2 inputs.
    """
    if net.n_in != 2:
        raise ValueError(f"plot_network_output draws networks with 2 inputs over a plane, got n_in={net.n_in}.")
    lo, hi = lim
    grid = np.linspace(lo, hi, resolution)
    X = grid_points(grid, grid)                                       # (resolution², 2)
    image = ax.imshow(np.zeros((resolution, resolution)), origin="lower", extent=(lo, hi, lo, hi),
                      cmap=SEQUENTIAL_CMAP, interpolation="nearest", aspect="equal")
    style_axes(ax, xlabel="input $x_1$", ylabel="input $x_2$", grid=False)
    shown = {"net": net}

    def update(net=None):
        if net is not None:
            if net.n_in != 2:
                raise ValueError(f"plot_network_output draws networks with 2 inputs, got n_in={net.n_in}.")
            shown["net"] = net
        values = layer_values(shown["net"], X)[-1][:, output].reshape(resolution, resolution)
        image.set_data(values)
        image.set_clim(values.min() if vmin is None else vmin, values.max() if vmax is None else vmax)

    update()
    if colorbar:
        ax.figure.colorbar(image, ax=ax, shrink=0.9, label="network output")
    return update

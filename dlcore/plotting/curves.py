"""Curves and bars: functions of one input, fitted models, costs, ReLU pieces, feature weights.

Activations and their slopes (chapters 4 and 5), examples with the curves
fitted to them and the spread of many fits (chapter 2), a cost against one
parameter (chapter 2), a target approximated by a sum of ReLU pieces
(chapter 3), and the weight a linear model gives each feature (chapter 1).
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.legend_handler import HandlerTuple
from matplotlib.transforms import blended_transform_factory

from .. import activations
from .style import (BLACK, BLUE, CLASS_COLORS, GREY, ORANGE, PALETTE, SKY_BLUE, VERMILLION, light, minus,
                    redraw_update, style_axes)

#: The element-wise activations of ``dlcore.activations``, in the order chapter 5 shows them.
ELEMENTWISE_ACTIVATIONS = ("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu")


def plot_activation(ax, x, a, *, label=None, color=BLUE, title=None, xlabel="input $x$",
                    ylabel="output $a$", ylim=None):
    """Plot an activation (or a one-input neuron's output) ``a`` against ``x`` on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x, a : ndarray of shape (n_points,)
    label : str, optional
        Legend entry.
    ylim : (float, float), optional
        Fixed y range, so frames of an animation share one scale.

    Returns
    -------
    update : callable
        ``update(**changes)`` draws again with any arguments changed, e.g.
        ``update(a=np.tanh(x))`` (see :func:`~dlcore.plotting.style.redraw_update`).
    """
    arguments = dict(locals())
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.plot(x, a, color=color, linewidth=2.2, label=label)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlim(x[0], x[-1])
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if label is not None:
        ax.legend(loc="upper left")
    return redraw_update(plot_activation, arguments)


def _with_breaks(z, a, jump=0.25):
    """Put NaN between neighbouring points where ``a`` jumps, so a plot shows a gap, not a wall."""
    jumps = np.flatnonzero(np.abs(np.diff(a)) > jump)
    return np.insert(z, jumps + 1, np.nan), np.insert(a.astype(float), jumps + 1, np.nan)


def _corners(act, z, h=1e-7):
    """The inputs in ``z`` (and 0, if inside its range) where ``act`` has no slope: a jump or a corner."""
    c = np.union1d(z, [0.0]) if z[0] < 0 < z[-1] else np.asarray(z, dtype=float)
    left, right = (act(c) - act(c - h)) / h, (act(c + h) - act(c)) / h   # the slopes from each side
    return c[~np.isclose(left, right, rtol=1e-3, atol=1e-3)]


def plot_activations_with_derivatives(fig, names=ELEMENTWISE_ACTIVATIONS, *, z=None, ncols=2):
    """Small multiples: each activation beside its derivative (its slope), on ``fig``.

    Where an activation jumps or has a corner (the step and the ReLUs at 0) it
    has no slope: the slope's curve has a gap there, with an open circle at
    each of its ends.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or SubFigure
    names : sequence of str
        Element-wise activations of ``dlcore.activations`` (not softmax,
        which mixes a whole row; see ``plot_softmax_example``).
    z : ndarray of shape (n_points,), optional
        Where to evaluate them; default 401 points in [-4, 4].
    ncols : int
        Activations per row; each takes two panels (function, derivative).

    Returns
    -------
    update : callable
        ``update(**changes)`` clears ``fig`` and draws again with any arguments
        changed, e.g. ``update(names=["relu"])``. The axes are ``fig.axes``,
        row by row: each activation, then its slope.
    """
    arguments = dict(locals())
    z = np.linspace(-4.0, 4.0, 401) if z is None else np.asarray(z, dtype=float)
    acts = [activations.get(name) for name in names]
    if any(act.name == "softmax" for act in acts):
        raise ValueError("Softmax works on a whole row, not number by number: draw it with plot_softmax_example.")
    nrows = -(-len(acts) // ncols)
    axes = np.atleast_2d(fig.subplots(nrows, 2 * ncols, squeeze=False))
    for i, ax in enumerate(axes.ravel()):
        k, part = divmod(i, 2)
        if k >= len(acts):
            ax.set_visible(False)
            continue
        act = acts[k]
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.axvline(0, color=GREY, linewidth=0.8)
        if part == 0:
            zs, y, color, title, ylabel = z, act(z), BLUE, act.name, "$a = g(z)$"
        else:
            # No slope where the curve jumps or has a corner: a gap, and open circles at its ends.
            corners = _corners(act, z)
            zs = np.union1d(z, corners)
            y = act.grad(zs, act(zs)).astype(float)
            y[np.isin(zs, corners)] = np.nan
            color, title, ylabel = ORANGE, f"slope of {act.name}", "slope"
            for c in corners:
                ends = np.unique(act.grad(np.array([c - 1e-9, c + 1e-9]), act(np.array([c - 1e-9, c + 1e-9]))))
                ax.plot(np.full(len(ends), c), ends, linestyle="none", marker="o", markersize=5,
                        markerfacecolor="white", markeredgecolor=color, markeredgewidth=1.5, zorder=3)
        ax.plot(*_with_breaks(zs, y), color=color, linewidth=2.0)
        y = y[np.isfinite(y)]
        lo, hi = float(np.min(y)), float(np.max(y))
        pad = max(0.15 * (hi - lo), 0.15)
        ax.set_ylim(lo - pad, hi + pad)
        ax.set_xlim(z[0], z[-1])
        style_axes(ax, title=title, xlabel="$z$", ylabel=ylabel)
    return redraw_update(plot_activations_with_derivatives, arguments)


def plot_softmax_example(fig, z=(2.0, 1.0, 0.1), *, z_range=(-4.0, 4.0)):
    """Softmax on ``fig``: scores become probabilities (bars), and how they move with the first score.

    Left: the scores ``z`` and their softmax. Right: all outputs as ``z[0]``
    runs over ``z_range`` with the other scores fixed, and the slope of the
    first output, ``a_1 (1 - a_1)``.

    Returns
    -------
    update : callable
        ``update(**changes)`` clears ``fig`` and draws again with any arguments
        changed, e.g. ``update(z=(1.0, 1.0, 1.0))``. The axes are ``fig.axes``:
        the bars, then the curves.
    """
    arguments = dict(locals())
    z = np.asarray(z, dtype=float)
    if z.ndim != 1 or len(z) < 2:
        raise ValueError(f"softmax needs a row of at least 2 scores, got z with shape {z.shape}.")
    a = activations.softmax(z[None, :])[0]                              # (n_classes,)
    ax_bars, ax_curves = fig.subplots(1, 2)
    k = np.arange(len(z))
    width = 0.38
    ax_bars.bar(k - width / 2, z, width, color=SKY_BLUE, label="score $z_k$")
    ax_bars.bar(k + width / 2, a, width, color=ORANGE, label="softmax $a_k$")
    for i in k:
        ax_bars.annotate(f"{a[i]:.2f}", (i + width / 2, a[i]), ha="center", va="bottom", fontsize="small")
    ax_bars.axhline(0, color=GREY, linewidth=0.8)
    ax_bars.set_xticks(k, [f"$k = {i + 1}$" for i in k])
    style_axes(ax_bars, title="scores → probabilities (sum 1)", xlabel="output", ylabel="value")
    ax_bars.legend(loc="upper right", fontsize="small")

    z1 = np.linspace(*z_range, 201)                                     # (n_points,)
    Z = np.tile(z, (len(z1), 1))                                        # (n_points, n_classes)
    Z[:, 0] = z1
    A = activations.softmax(Z)                                          # (n_points, n_classes)
    for i in k:
        ax_curves.plot(z1, A[:, i], color=PALETTE[i % len(PALETTE)], linewidth=2.0, label=f"$a_{i + 1}$",
                       linestyle=["-", "-.", ":"][i % 3])                # style as well as colour
    ax_curves.plot(z1, A[:, 0] * (1 - A[:, 0]), color=BLACK, linestyle="--", linewidth=1.5,
                   label="slope of $a_1$")
    ax_curves.set_ylim(-0.05, 1.05)
    ax_curves.set_xlim(*z_range)
    others = ", ".join(f"z_{i + 1} = {z[i]:g}" for i in k[1:])
    style_axes(ax_curves, title=f"moving $z_1$ (with ${others}$)", xlabel="$z_1$", ylabel="output")
    ax_curves.legend(loc="center left", fontsize="small")
    return redraw_update(plot_softmax_example, arguments)


#: Line styles of the fitted curves of :func:`plot_function_fit`, in order (the true curve is dashed).
FIT_LINESTYLES = ("-", "-.", ":", (0, (8, 2)))


def plot_function_fit(ax, x, t, x_grid, y_true=None, fits=None, *, title=None, ylim=None,
                      true_label="true function", xlabel="input $x$", ylabel="output $y$",
                      legend_loc="upper center"):
    """Draw examples ``(x, t)``, the true function (dashed) and fitted models on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x, t : array-like of shape (n_samples,) or (n_samples, 1)
        The examples: inputs and their (possibly noisy) outputs.
    x_grid : ndarray of shape (n_points,)
        Sorted inputs at which the curves are drawn; also sets the x range.
    y_true : ndarray of shape (n_points,), optional
        The true function on ``x_grid``, drawn as a dashed black line.
    fits : dict of str to ndarray of shape (n_points,), optional
        Fitted models on ``x_grid`` by legend label, drawn in the palette's order
        and each in its own line style (solid, dash-dot, dotted, long dashes), so
        that curves on top of each other stay apart without colour.
    ylim : (float, float), optional
        Fixed y range, so that the frames of an animation share one scale.

    Returns
    -------
    update : callable
        ``update(x, t, fits=None, title=None)`` moves the examples and the
        fitted curves (same labels, same order) in place, for widgets and
        animations.
    """
    x = np.asarray(x, dtype=float).ravel()
    t = np.asarray(t, dtype=float).ravel()
    fits = dict(fits or {})
    if y_true is not None:
        ax.plot(x_grid, y_true, color=BLACK, linestyle="--", linewidth=1.6, label=true_label, zorder=2)
    lines = [
        ax.plot(x_grid, y_fit, color=PALETTE[i % len(PALETTE)], linewidth=2.2, label=label, zorder=3,
                linestyle=FIT_LINESTYLES[i % len(FIT_LINESTYLES)])[0]
        for i, (label, y_fit) in enumerate(fits.items())
    ]
    points = ax.scatter(x, t, s=24, color=BLACK, edgecolors="white", linewidths=0.6, zorder=4,
                        label=f"examples ({len(x)})")
    ax.set_xlim(x_grid[0], x_grid[-1])
    if ylim is not None:
        ax.set_ylim(*ylim)
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    legend = ax.legend(loc=legend_loc, fontsize="small")
    labels = [text.get_text() for text in legend.get_texts()]
    points_text = legend.get_texts()[labels.index(f"examples ({len(x)})")]

    def update(x, t, fits=None, title=None):
        x = np.asarray(x, dtype=float).ravel()
        t = np.asarray(t, dtype=float).ravel()
        points.set_offsets(np.column_stack([x, t]))           # (n_samples, 2)
        points.set_label(f"examples ({len(x)})")
        points_text.set_text(f"examples ({len(x)})")
        for line, y_fit in zip(lines, (fits or {}).values()):
            line.set_ydata(y_fit)
        if title is not None:
            ax.set_title(title)

    return update


def plot_fit_band(ax, x_grid, curves, y_true=None, *, n_show=8, band=(10, 90), title=None, ylim=None,
                  xlabel="input $x$", ylabel="output $y$", legend=True):
    """Draw many fitted curves as a band: where the middle of them lie, plus a few of them.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x_grid : ndarray of shape (n_points,)
    curves : ndarray of shape (n_fits, n_points)
        One fitted model per row, each evaluated on ``x_grid``.
    y_true : ndarray of shape (n_points,), optional
        The true function, drawn dashed.
    n_show : int
        How many of the curves to draw individually (the first ones).
    band : (float, float)
        Percentiles that bound the shaded band at each x: (10, 90) shades the
        middle 80 % of the fitted curves.
    ylim : (float, float), optional
        Fixed y range, so that panels side by side share one scale.

    Returns
    -------
    update : callable
        ``update(**changes)`` draws again with any arguments changed, e.g.
        ``update(curves=other_fits)`` (see :func:`~dlcore.plotting.style.redraw_update`).
    """
    arguments = dict(locals())
    curves = np.asarray(curves, dtype=float)
    if curves.ndim != 2 or curves.shape[1] != len(x_grid):
        raise ValueError(
            f"curves must have shape (n_fits, {len(x_grid)}): one row per fitted model, one column per "
            f"point of x_grid; got shape {curves.shape}."
        )
    low, high = np.percentile(curves, band, axis=0)          # (n_points,) each
    ax.fill_between(x_grid, low, high, color=SKY_BLUE, alpha=0.45, linewidth=0,
                    label=f"middle {band[1] - band[0]:g} % of {len(curves)} fits")
    for i, curve in enumerate(curves[:n_show]):
        ax.plot(x_grid, curve, color=BLUE, linewidth=0.8, alpha=0.7, label="some fits" if i == 0 else None)
    if y_true is not None:
        ax.plot(x_grid, y_true, color=BLACK, linestyle="--", linewidth=1.6, label="true function")
    ax.set_xlim(x_grid[0], x_grid[-1])
    if ylim is not None:
        ax.set_ylim(*ylim)
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if legend:
        ax.legend(loc="upper center", fontsize="small")
    return redraw_update(plot_fit_band, arguments)


def plot_cost_1d(ax, values, costs, *, best=None, xlabel="parameter", ylabel="cost", title=None,
                 color=BLUE):
    """Draw a cost against one parameter and mark its lowest point.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    values : ndarray of shape (n_values,)
        The parameter values tried.
    costs : ndarray of shape (n_values,)
        The cost at each value.
    best : float, optional
        Where to mark the minimum; by default the tried value with the lowest cost.

    Returns
    -------
    update : callable
        ``update(**changes)`` draws again with any arguments changed, e.g.
        ``update(costs=new_costs)`` (see :func:`~dlcore.plotting.style.redraw_update`).
    """
    arguments = dict(locals())
    values = np.asarray(values, dtype=float)
    costs = np.asarray(costs, dtype=float)
    if values.shape != costs.shape or values.ndim != 1:
        raise ValueError(f"values and costs must be 1-D arrays of one length, got shapes {values.shape} and {costs.shape}.")
    if best is None:
        best = values[np.argmin(costs)]
    best_cost = np.interp(best, values, costs)
    ax.plot(values, costs, color=color, linewidth=2.2)
    ax.axvline(best, color=GREY, linewidth=0.8, linestyle=":")
    ax.plot([best], [best_cost], marker="o", markersize=9, color=VERMILLION, markeredgecolor=BLACK,
            linestyle="none", label=f"minimum at {minus(f'{best:.3g}')}", zorder=4)
    ax.set_xlim(values[0], values[-1])
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="upper center", fontsize="small")
    return redraw_update(plot_cost_1d, arguments)


def plot_relu_pieces(ax, x, y_target, pieces, bias=0.0, *, kinks=None, title=None, ylim=None,
                     target_label="target", xlabel="input $x$", ylabel="output $y$", legend_loc="upper left"):
    """Draw a target curve, the simple pieces that approximate it (faint) and their sum.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x : ndarray of shape (n_points,)
        Sorted inputs; also sets the x range.
    y_target : ndarray of shape (n_points,), or None
        The curve to approximate, drawn dashed.
    pieces : ndarray of shape (n_points, n_pieces)
        Column ``j`` is piece ``j`` on ``x``, e.g. ``w_j * relu(x - t_j)``.
    bias : float
        A constant added to the sum, drawn as a faint dotted line.
    kinks : ndarray of shape (n_pieces,), optional
        Where each piece bends; marked on the sum.
    ylim : (float, float), optional
        Fixed y range, so that the frames of an animation share one scale.
        Pieces that leave it are cut off at its edges.

    Returns
    -------
    update : callable
        ``update(y_target, pieces, bias=0.0, kinks=None, title=None)`` redraws
        the curves in place (the number of pieces may change), for widgets and
        animations.
    """
    x = np.asarray(x, dtype=float).ravel()
    target_line = ax.plot(x, np.full_like(x, np.nan), color=BLACK, linestyle="--", linewidth=1.6,
                          label=target_label, zorder=2)[0]
    piece_lines = LineCollection([], colors=ORANGE, linewidths=1.1, alpha=0.55, zorder=1)
    ax.add_collection(piece_lines)
    bias_line = ax.plot(x, np.zeros_like(x), color=ORANGE, linestyle=":", linewidth=1.1, alpha=0.7, zorder=1)[0]
    sum_line = ax.plot(x, np.zeros_like(x), color=BLUE, linewidth=2.2, label="sum of the pieces", zorder=3)[0]
    kink_marks = ax.plot([], [], linestyle="none", marker="o", markersize=4.5, color=VERMILLION,
                         markeredgecolor="white", markeredgewidth=0.6, label="kinks", zorder=4)[0]
    ax.set_xlim(x[0], x[-1])
    if ylim is not None:
        ax.set_ylim(*ylim)
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    # The pieces' legend entry is a plain line (a LineCollection's entry would not show its count).
    pieces_key = ax.plot([], [], color=ORANGE, linewidth=1.1, alpha=0.55, label="pieces")[0]
    # ... beside a dotted stretch for the constant, which its text names ("4 pieces + a constant")
    keys = [target_line, sum_line, pieces_key, kink_marks]
    legend = ax.legend([target_line, sum_line, (pieces_key, bias_line), kink_marks],
                       [key.get_label() for key in keys], loc=legend_loc, fontsize="small", handlelength=3.6,
                       handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)})
    pieces_text = legend.get_texts()[2]

    def update(y_target, pieces, bias=0.0, kinks=None, title=None):
        pieces = np.asarray(pieces, dtype=float)
        if pieces.ndim == 1:
            pieces = pieces[:, None]
        if pieces.shape[0] != len(x):
            raise ValueError(
                f"pieces must have shape (n_points, n_pieces) with n_points = {len(x)} (one row per x), "
                f"got shape {pieces.shape}."
            )
        total = bias + pieces.sum(axis=1)                               # (n_points,)
        target_line.set_ydata(np.full_like(x, np.nan) if y_target is None else y_target)
        target_line.set_visible(y_target is not None)
        piece_lines.set_segments([np.column_stack([x, piece]) for piece in pieces.T])
        bias_line.set_ydata(np.full_like(x, bias))
        sum_line.set_ydata(total)
        if kinks is None:
            kink_marks.set_data([], [])
        else:
            kinks = np.asarray(kinks, dtype=float).ravel()
            kinks = kinks[(kinks >= x[0]) & (kinks <= x[-1])]
            kink_marks.set_data(kinks, np.interp(kinks, x, total))
        n = pieces.shape[1]
        pieces_text.set_text(f"{n} piece{'s' if n != 1 else ''}" + (" + a constant" if bias else ""))
        if title is not None:
            ax.set_title(title)

    update(y_target, pieces, bias, kinks, title)
    if ylim is None:
        ax.relim()
        ax.autoscale_view(scalex=False)
    return update


def draw_feature_weights(ax, labels, weights, *, title="weight of each feature", xlim=None, ticks=None,
                         xlabel="weight"):
    """Horizontal bars, one per feature: the weight a linear model gives it.

    A bar to the right (orange, the class-1 colour) pushes the answer towards
    class 1, a bar to the left (blue) towards class 0; a bar near zero means
    the model hardly uses that feature. A NaN weight marks a feature the model
    does not see: its row stays empty and its label turns grey. Compare bar
    lengths only when the features have the same spread (e.g. after
    standardising them).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    labels : sequence of str, length n_features
        The features' names, listed top to bottom.
    weights : array-like, shape (n_features,)
    title : str
    xlim : (float, float), optional
        Fixed range of the weight axis; by default symmetric around zero.
    ticks : sequence of float, optional
        Fixed tick positions on the weight axis (fixed ticks redraw faster;
        ``[]`` for none).
    xlabel : str
        Label of the weight axis.

    Returns
    -------
    update : callable
        ``update(weights)`` moves the bars in place (same number of features).
    """
    labels = list(labels)
    weights = np.asarray(weights, dtype=float).ravel()
    if len(labels) != len(weights):
        raise ValueError(
            f"draw_feature_weights needs one label per weight, got {len(labels)} labels and "
            f"{len(weights)} weights."
        )
    positions = np.arange(len(weights))[::-1]                          # first feature on top
    bars = ax.barh(positions, np.zeros(len(weights)), height=0.6)
    ax.axvline(0.0, color=GREY, linewidth=0.8)
    # Feature names as plain text beside the axis rather than tick labels:
    # they look the same and redraw several times faster.
    ax.set_yticks([])
    beside_axis = blended_transform_factory(ax.transAxes, ax.transData)   # x in axes, y in data units
    texts = [ax.text(-0.03, p, label, transform=beside_axis, ha="right", va="center")
             for p, label in zip(positions, labels)]
    ax.set_ylim(-0.7, max(len(weights), 1) - 0.3)
    if xlim is None:
        reach = max(1.0, float(np.nanmax(np.abs(weights), initial=0.0)) * 1.15)
        xlim = (-reach, reach)
    ax.set_xlim(*xlim)
    if ticks is not None:
        ax.set_xticks(ticks)
    style_axes(ax, title=title, xlabel=xlabel, grid=False)

    def update(weights):
        weights = np.asarray(weights, dtype=float).ravel()
        if len(weights) != len(bars):
            raise ValueError(f"update needs {len(bars)} weights, one per feature, got {len(weights)}.")
        for bar, label, w in zip(bars, texts, weights):
            used = not np.isnan(w)
            bar.set_width(w if used else 0.0)
            bar.set_color(CLASS_COLORS[1] if used and w > 0 else CLASS_COLORS[0])
            label.set_color(BLACK if used else light(GREY, 0.4))

    update(weights)
    return update


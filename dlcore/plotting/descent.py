"""Gradient descent drawn on its cost surface: the landscape, and the steps taken on it.

A cost of one parameter is drawn as a curve with the steps as dots on it; a
cost of two parameters as contour lines (the lines of equal cost of a map)
with the steps as a path across them (chapter 8). The surfaces and the
paths come from :mod:`dlcore.descent`.
"""

import numpy as np

from .style import BLUE, GREY, PALETTE, style_axes

#: Line styles and markers of the paths on one picture, in turn, so that they differ in more than colour.
PATH_STYLES = (("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"))


def _path_colors():
    return [color for color in PALETTE if color != BLUE]        # blue is the surface's own colour


def _surface_grid(surface, resolution):
    (w_lo, w_hi), = surface.lims
    w = np.linspace(w_lo, w_hi, resolution)                      # (resolution,)
    return w, surface.cost(w[:, None])                           # (resolution,), (resolution,)


def plot_descent(ax, surface, paths, *, title=None, xlabel=None, ylabel=None, legend=True, resolution=201,
                 levels=None):
    """Draw ``surface`` and one or more descent paths on it.

    One parameter: the cost curve, with each path's points as dots on it,
    joined in order. Two parameters: contour lines of the cost, with each
    path as a line of dots across them. The minima are marked with a star
    (the best) or a cross (poorer ones); a path's first point is hollow and
    its last point large, drawn under the minima's marks. Points outside the drawn range are clipped: a path
    that leaves the picture is running away.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    surface : dlcore.descent.Surface
    paths : ndarray of shape (n_points, n_params), or dict of str to such arrays
        The points visited, in order; a dict labels several paths (legend).
    title, xlabel, ylabel : str, optional
    legend : bool
        Show a legend of the paths (when they are labelled) and the minima.
    resolution : int
        Grid points per parameter for the curve or the contour lines.
    levels : sequence of float, optional
        Costs of the contour lines (two parameters); by default 9 levels,
        spaced more closely near the bottom.

    Returns
    -------
    update : callable
        ``update(paths=None, title=None)`` moves the paths (the same number
        of them) to new points and changes the title.
    """
    labelled = isinstance(paths, dict)
    paths = dict(paths) if labelled else {None: paths}
    if surface.n_params == 1:
        w, c = _surface_grid(surface, resolution)
        ax.plot(w, c, color=BLUE, linewidth=2.0, label="cost", zorder=1)
        ax.set_xlim(*surface.lims[0])
        pad = 0.08 * (c.max() - c.min())
        ax.set_ylim(c.min() - pad, c.max() + pad)
        xlabel = "parameter $w$" if xlabel is None else xlabel
        ylabel = "cost $c(w)$" if ylabel is None else ylabel
    else:
        (x_lo, x_hi), (y_lo, y_hi) = surface.lims
        g1, g2 = np.meshgrid(np.linspace(x_lo, x_hi, resolution // 2), np.linspace(y_lo, y_hi, resolution // 2))
        C = surface.cost(np.stack([g1, g2], axis=-1))                           # (res, res)
        if levels is None:
            lo, hi = float(C.min()), float(np.quantile(C, 0.9))
            levels = lo + (hi - lo) * np.linspace(0.0, 1.0, 10)[1:] ** 2      # closer together near the bottom
        # plain (not antialiased) lines: a third of the bytes in each frame of an animation
        ax.contour(g1, g2, C, levels=levels, colors=GREY, linewidths=0.8, antialiased=False, zorder=1)
        ax.set_xlim(x_lo, x_hi)
        ax.set_ylim(y_lo, y_hi)
        xlabel = "parameter $w_1$" if xlabel is None else xlabel
        ylabel = "parameter $w_2$" if ylabel is None else ylabel
    for i, (point, cost) in enumerate(zip(surface.minima, surface.min_costs)):
        where = (point[0], cost) if surface.n_params == 1 else tuple(point)
        ax.plot(*where, linestyle="none", marker="*" if i == 0 else "X", markersize=14 if i == 0 else 10,
                color="black", markerfacecolor="white" if i else "black", zorder=6,   # over the paths' ends
                label="best minimum" if i == 0 else ("poorer minimum" if i == 1 else None))

    drawn = []
    colors = _path_colors()
    for k, (label, points) in enumerate(paths.items()):
        linestyle, marker = PATH_STYLES[k % len(PATH_STYLES)]
        color = colors[k % len(colors)]
        trail, = ax.plot([], [], linestyle=linestyle, marker=marker, markersize=4, linewidth=1.4, color=color,
                         label=label, zorder=3)
        first, = ax.plot([], [], linestyle="none", marker=marker, markersize=9, markerfacecolor="white",
                         markeredgewidth=1.5, color=color, zorder=4)
        last, = ax.plot([], [], linestyle="none", marker=marker, markersize=10, markeredgecolor="black",
                        color=color, zorder=5)
        drawn.append((trail, first, last))
    title_text = style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel).title

    def xy(points):
        points = np.asarray(points, dtype=float).reshape(-1, surface.n_params)   # (n_points, n_params)
        if surface.n_params == 1:
            return points[:, 0], surface.cost(points)
        return points[:, 0], points[:, 1]

    def update(paths=None, title=None):
        if paths is not None:
            new = list(paths.values()) if isinstance(paths, dict) else [paths]
            if len(new) != len(drawn):
                raise ValueError(f"update(paths=...) moves the {len(drawn)} path(s) drawn; got {len(new)}. "
                                 "Draw on new axes for a different number of paths.")
            for (trail, first, last), points in zip(drawn, new):
                x, y = xy(points)
                trail.set_data(x, y)
                first.set_data(x[:1], y[:1])
                last.set_data(x[-1:], y[-1:])
        if title is not None:
            title_text.set_text(title)

    update(paths=paths)
    if legend and (labelled or len(surface.minima) > 1):
        ax.legend(loc="upper center" if surface.n_params == 1 else "lower left", fontsize="small",
                  framealpha=0.9)
    return update

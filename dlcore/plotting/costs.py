"""Costs drawn against a network's parameters: a curve for one parameter, a contour map for two.

Both mark the current setting with a point that a live panel moves, and
:func:`plot_cost_curve` can draw several costs at once (mean squared error
and cross-entropy, say) in lines that differ by style as well as colour.
"""

import numpy as np

from .style import BLACK, BLUE, GREY, ORANGE, SEQUENTIAL_CMAP, VERMILLION, minus, style_axes

_STYLES = [(BLUE, "-", "o"), (ORANGE, "--", "s"), (VERMILLION, ":", "^")]


def plot_cost_curve(ax, values, costs, current, *, xlabel="parameter", ylabel="cost", title=None, ylim=None):
    """Draw one or more costs against one parameter, each with a point at the current value.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    values : ndarray, shape (n_values,)
        The parameter's values, in increasing order.
    costs : dict of str to ndarray of shape (n_values,)
        Each cost's values along ``values``, by the name its legend shows
        (up to three).
    current : float
        The parameter's current value; each curve gets a point there.
    ylim : (float, float), optional
        Fixed y range (default: from 0 to a little above the largest cost).

    Returns
    -------
    update : callable
        ``update(costs=None, current=None, title=None)`` moves the curves and
        points in place (``costs`` with the same names as drawn).
    """
    values = np.asarray(values, dtype=float)
    if not isinstance(costs, dict) or not 1 <= len(costs) <= len(_STYLES):
        raise ValueError(f"costs must be a dict of 1 to {len(_STYLES)} named cost arrays, got {costs!r}.")
    lines, points = {}, {}
    for (name, cost), (color, style, marker) in zip(costs.items(), _STYLES):
        cost = np.asarray(cost, dtype=float)
        if cost.shape != values.shape:
            raise ValueError(f"costs[{name!r}] has shape {cost.shape}, but values has shape {values.shape}.")
        (lines[name],) = ax.plot(values, cost, color=color, linestyle=style, linewidth=2.2, label=name)
        (points[name],) = ax.plot([current], [np.interp(current, values, cost)], marker=marker, markersize=9,
                                  color=color, markeredgecolor=BLACK, linestyle="none", zorder=4,
                                  clip_on=False)           # whole at the ends of the range too
    marker_line = ax.axvline(current, color=GREY, linewidth=0.8, linestyle=":")
    ax.set_xlim(values[0], values[-1])
    top = max(float(np.max(c)) for c in costs.values())
    ax.set_ylim(*(ylim if ylim is not None else (0.0, 1.08 * top)))
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="upper right", fontsize="small")

    def update(costs=None, current=None, title=None):
        if costs is not None:
            for name, cost in costs.items():
                lines[name].set_ydata(cost)
        for name, line in lines.items():
            x = points[name].get_xdata()[0] if current is None else current
            points[name].set_data([x], [np.interp(x, values, line.get_ydata())])
        if current is not None:
            marker_line.set_xdata([current, current])
        if title is not None:
            ax.set_title(title)

    return update


def plot_cost_surface(ax, x_values, y_values, costs, current, *, xlabel="parameter 1", ylabel="parameter 2",
                      title=None, n_levels=14, cost_label="cost"):
    """Draw a cost over two parameters as a contour map, with the current setting and the lowest point.

    A colour bar beside the map says which cost each colour stands for.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x_values : ndarray, shape (n_x,)
        Values of the first parameter (across).
    y_values : ndarray, shape (n_y,)
        Values of the second parameter (up).
    costs : ndarray, shape (n_x, n_y)
        ``costs[k, l]`` is the cost at ``(x_values[k], y_values[l])``.
    current : (float, float)
        The current setting, drawn as a white point.
    n_levels : int
        Number of bands of colour, spaced so that each covers about as much of
        the map (dense where the cost is low and flat).
    cost_label : str
        The colour bar's label.

    Returns
    -------
    update : callable
        ``update(costs=None, current=None, title=None, cost_label=None)``:
        moves the point in place; new ``costs`` redraw the contours and the
        colour bar (labelled ``cost_label`` if given).
    """
    x_values, y_values = np.asarray(x_values, dtype=float), np.asarray(y_values, dtype=float)
    costs = np.asarray(costs, dtype=float)
    if costs.shape != (len(x_values), len(y_values)):
        raise ValueError(f"costs must have shape (len(x_values), len(y_values)) = {(len(x_values), len(y_values))}, "
                         f"got {costs.shape}.")
    drawn = {"label": cost_label}

    def contours(costs):
        for artist in drawn.get("contours", []):
            artist.remove()
        levels = np.unique(np.quantile(costs, np.linspace(0, 1, n_levels + 1)))
        filled = ax.contourf(x_values, y_values, costs.T, levels=levels, cmap=SEQUENTIAL_CMAP, zorder=1)
        if "bar" in drawn:                        # a new bar in the old one's place: the levels changed
            cax = drawn["bar"].ax
            cax.clear()
            drawn["bar"] = ax.figure.colorbar(filled, cax=cax, label=drawn["label"])
        else:
            drawn["bar"] = ax.figure.colorbar(filled, ax=ax, label=drawn["label"], pad=0.03)
        drawn["bar"].set_ticks(levels[::max(1, len(levels) // 5)])
        drawn["bar"].ax.set_yticklabels([minus(f"{v:.2g}") for v in drawn["bar"].get_ticks()], fontsize="small")
        k, l = np.unravel_index(np.argmin(costs), costs.shape)
        (best,) = ax.plot([x_values[k]], [y_values[l]], marker="*", markersize=14, color=ORANGE,
                          markeredgecolor=BLACK, linestyle="none", zorder=3, label="lowest cost")
        drawn["contours"] = [filled, best]

    contours(costs)
    (point,) = ax.plot([current[0]], [current[1]], marker="o", markersize=9, color="white", clip_on=False,
                       markeredgecolor=BLACK, markeredgewidth=1.5, linestyle="none", zorder=4, label="current")
    ax.set_xlim(x_values[0], x_values[-1])
    ax.set_ylim(y_values[0], y_values[-1])
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel, grid=False)
    ax.legend(loc="upper left", fontsize="small", framealpha=0.9)

    def update(costs=None, current=None, title=None, cost_label=None):
        if cost_label is not None:
            drawn["label"] = cost_label
            drawn["bar"].set_label(cost_label)
        if costs is not None:
            contours(np.asarray(costs, dtype=float))
        if current is not None:
            point.set_data([current[0]], [current[1]])
        if title is not None:
            ax.set_title(title)

    return update


def cost_title(name, value, *, where=""):
    """A short title such as ``"cross-entropy 0.412 at w = −1.5"`` (minus signs as in tick labels)."""
    return f"{name} {minus(f'{value:.3f}')}{' at ' + minus(where) if where else ''}"

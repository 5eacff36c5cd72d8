"""Two-class data in the plane: points, straight lines, half-planes, decision boundaries, perceptrons.

Class 0 is drawn as blue circles and class 1 as orange triangles
(:data:`~dlcore.plotting.style.CLASS_COLORS`, :data:`~dlcore.plotting.style.CLASS_MARKERS`);
the side of the plane a model calls 0 is shaded light blue, the side it
calls 1 light orange. Chapter 1 shades the plane by a classifier's answer
(:func:`draw_decision_boundary`); chapter 4 draws a perceptron's line, the
side it calls 1 and its updates (:func:`draw_perceptron`).
"""

import matplotlib
import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from ..datasets import grid_points
from .style import BLACK, CLASS_COLORS, CLASS_MARKERS, GREY, light, style_axes


def _region_cmap():
    """Light class-0 colour at 0, white at 0.5, light class-1 colour at 1."""
    return LinearSegmentedColormap.from_list(
        "dlcore_regions", [light(CLASS_COLORS[0]), (1.0, 1.0, 1.0), light(CLASS_COLORS[1])])


def _data_limits(X, padding):
    """Axis limits around the points of ``X`` (n_samples, 2), ``padding`` wider on each side."""
    low, high = X.min(axis=0) - padding, X.max(axis=0) + padding    # (2,) each
    return (float(low[0]), float(high[0])), (float(low[1]), float(high[1]))


def scatter_classes(ax, X, y, *, size=20, labels=("class 0", "class 1")):
    """Draw two-class points: class 0 as blue circles, class 1 as orange triangles.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    X : ndarray, shape (n_samples, 2)
    y : ndarray of 0/1, shape (n_samples,)
    size : float
        Marker area in points squared.
    labels : (str, str)
        Legend entries of class 0 and class 1.

    Returns
    -------
    list of two PathCollection
        The points of class 0 and of class 1; move them with ``set_offsets``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or len(y) != len(X):
        raise ValueError(
            "scatter_classes draws points in the plane: X must have shape (n_samples, 2) and y shape "
            f"(n_samples,), got X.shape={X.shape} and y.shape={y.shape}."
        )
    return [
        ax.scatter(X[y == k, 0], X[y == k, 1], s=size, color=CLASS_COLORS[k], marker=CLASS_MARKERS[k],
                   edgecolors="white", linewidths=0.4, label=labels[k], zorder=3)
        for k in (0, 1)
    ]


def draw_decision_boundary(ax, predict_fn, X, y, *, resolution=150, padding=0.5, xlim=None, ylim=None,
                           threshold=0.5, boundary=True, title=None, xlabel="$x_1$", ylabel="$x_2$",
                           legend=True):
    """Shade the plane by a model's answer, draw where the answer changes, and the data on top.

    The plane is cut into a ``resolution`` x ``resolution`` grid; ``predict_fn``
    answers for every grid point at once. Where it answers 0 the plane is light
    blue, where it answers 1 light orange (values in between, such as
    probabilities, fade through white). The boundary is the line where the
    answer crosses ``threshold``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    predict_fn : callable
        ``predict_fn(points)`` with points of shape (n_points, 2) returns an
        array of shape (n_points,) (or (n_points, 1)) with values in [0, 1]:
        the class, or the probability of class 1.
    X : ndarray, shape (n_samples, 2)
    y : ndarray of 0/1, shape (n_samples,)
    resolution : int
        Grid points along each axis.
    padding : float
        Space around the data when the limits are not given.
    xlim, ylim : (float, float), optional
        Fixed axis limits.
    threshold : float
        Where the boundary is drawn.
    boundary : bool
        Draw the boundary line (a contour at ``threshold``).
    title, xlabel, ylabel : str, optional
    legend : bool
        Show which marker is which class.

    Returns
    -------
    update : callable
        ``update(predict_fn=None, X=None, y=None)`` redraws the regions (and
        the points, if given) in place, much faster than drawing anew.

    >>> from dlcore.plotting import new_figure
    >>> fig = new_figure()
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0]]); y = np.array([0, 1])
    >>> update = draw_decision_boundary(fig.add_subplot(), lambda P: P.sum(axis=1) > 1, X, y)
    """
    state = {"predict_fn": predict_fn, "X": np.asarray(X, dtype=float), "y": np.asarray(y)}
    points = scatter_classes(ax, state["X"], state["y"])
    image = ax.imshow(np.zeros((2, 2)), origin="lower", cmap=_region_cmap(), vmin=0.0, vmax=1.0,
                      aspect="auto", interpolation="nearest", zorder=0)
    contour = []

    def limits():
        data_x, data_y = _data_limits(state["X"], padding)
        return (xlim or data_x), (ylim or data_y)

    def regions():
        (x0, x1), (y0, y1) = limits()
        xs = np.linspace(x0, x1, resolution)                           # (resolution,)
        ys = np.linspace(y0, y1, resolution)                           # (resolution,)
        grid = grid_points(xs, ys)                                     # (resolution**2, 2)
        values = np.asarray(state["predict_fn"](grid), dtype=float)
        if values.size != len(grid):
            raise ValueError(
                f"predict_fn must return one value per point: given {len(grid)} points of shape "
                f"{grid.shape}, it returned an array of shape {values.shape}."
            )
        values = values.reshape(resolution, resolution)               # rows follow y, columns x
        image.set_data(values)
        image.set_extent((x0, x1, y0, y1))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        for artist in contour:
            artist.remove()
        contour.clear()
        if boundary and values.min() < threshold < values.max():
            contour.append(ax.contour(xs, ys, values, levels=[threshold], colors=BLACK, linewidths=1.5,
                                      zorder=2))

    def update(predict_fn=None, X=None, y=None):
        if predict_fn is not None:
            state["predict_fn"] = predict_fn
        if X is not None:
            state["X"] = np.asarray(X, dtype=float)
            state["y"] = np.asarray(state["y"] if y is None else y)
            for k, collection in enumerate(points):
                collection.set_offsets(state["X"][state["y"] == k])
        regions()

    regions()
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel, grid=False)
    if legend:
        ax.legend(loc="upper left", fontsize="small", framealpha=0.9)
    return update


def _widened(xlim, ylim, factor=2.0):
    """The box ``xlim`` x ``ylim`` grown by ``factor`` times its larger side in every direction."""
    margin = factor * max(xlim[1] - xlim[0], ylim[1] - ylim[0])
    return (xlim[0] - margin, xlim[1] + margin), (ylim[0] - margin, ylim[1] + margin)


def draw_line(ax, w, b, *, line=None, color=BLACK, linestyle="-", linewidth=2.0, label=None):
    """Draw the line ``w[0] * x1 + w[1] * x2 + b = 0`` across the axes' current limits.

    This is a perceptron's decision boundary: on one side ``x @ w + b >= 0``
    (class 1), on the other ``x @ w + b < 0`` (class 0). Set the axis limits
    first; they are kept. The segment reaches well beyond them, so that it
    still crosses the whole plot if the limits later grow (as they do for an
    equal aspect ratio). When ``w`` is (0, 0) there is no line (every point
    gets the same answer) and nothing shows.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    w : array-like, shape (2,)
    b : float
    line : matplotlib.lines.Line2D, optional
        A line drawn by an earlier call, moved in place instead of drawing a new one.
    color, linestyle, linewidth, label
        Its look, when drawing a new line.

    Returns
    -------
    matplotlib.lines.Line2D
    """
    w = np.asarray(w, dtype=float)
    if w.shape != (2,):
        raise ValueError(f"draw_line draws a line in the plane: w must have 2 entries, got shape {w.shape}.")
    b = float(b)
    (x0, x1), (y0, y1) = _widened(ax.get_xlim(), ax.get_ylim())
    if abs(w[1]) >= abs(w[0]) and w[1] != 0:      # closer to horizontal: solve for x2
        xs = np.array([x0, x1])
        ys = -(w[0] * xs + b) / w[1]
    elif w[0] != 0:                               # closer to vertical: solve for x1
        ys = np.array([y0, y1])
        xs = -(w[1] * ys + b) / w[0]
    else:                                         # w = 0: no boundary
        xs = ys = np.array([])
    if line is None:
        (line,) = ax.plot(xs, ys, color=color, linestyle=linestyle, linewidth=linewidth, label=label,
                          scalex=False, scaley=False, zorder=4)
    else:
        line.set_data(xs, ys)
    return line


def half_plane(w, b, xlim, ylim):
    """Corners of the part of the box ``xlim`` x ``ylim`` where ``x @ w + b >= 0``.

    Returns
    -------
    ndarray, shape (n_corners, 2)
        A convex polygon with 0 (the side is outside the box) to 5 corners.

    >>> half_plane([1.0, 0.0], 0.0, (-1, 1), (-1, 1)).tolist()
    [[0.0, -1.0], [1.0, -1.0], [1.0, 1.0], [0.0, 1.0]]
    """
    w = np.asarray(w, dtype=float)
    (x0, x1), (y0, y1) = xlim, ylim
    box = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=float)   # (4, 2), anticlockwise
    z = box @ w + float(b)                                                   # (4,)
    corners = []
    for i in range(4):                       # walk round the box, keep what lies on the side z >= 0
        j = (i + 1) % 4
        if z[i] >= 0:
            corners.append(box[i])
        if z[i] * z[j] < 0:                  # the line crosses this edge inside: add the crossing point
            corners.append(box[i] + z[i] / (z[i] - z[j]) * (box[j] - box[i]))
    return np.array(corners, dtype=float).reshape(-1, 2)


def draw_perceptron(ax, X, y, w, b, *, previous=None, highlight=None, title=None, title_size=None, padding=0.5,
                    legend=True, size=20):
    """A perceptron over two-class data: its line, the side it calls 1 shaded orange, the other blue.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    X : ndarray, shape (n_samples, 2)
    y : ndarray of 0/1, shape (n_samples,)
    w : array-like, shape (2,)
    b : float
    previous : (w, b), optional
        The line before the last update, drawn dashed.
    highlight : int, optional
        Index of an example to ring, e.g. the one the learning rule just used.
    title : str, optional
    title_size : str or float, optional
        Font size of the title (matplotlib's default for titles if not given).
    padding : float
        Space around the data.
    legend : bool or "all"
        Explain the markers, shading and lines beside the plot: those drawn
        now (True) or also those an ``update`` may show later (``"all"``).
    size : float
        Marker area in points squared (larger for a figure of a few points);
        the ring around a highlighted example stays well outside the marker.

    Returns
    -------
    update : callable
        ``update(w, b, *, previous=None, highlight=None, title=None, X=None, y=None)``
        moves everything in place (X and y: switch to other data).
    """
    state = {"X": np.asarray(X, dtype=float), "y": np.asarray(y)}
    points = scatter_classes(ax, state["X"], state["y"], size=size)
    style_axes(ax, xlabel="$x_1$", ylabel="$x_2$", grid=False)
    ax.set_facecolor(light(CLASS_COLORS[0]))                                 # the side called 0
    side_1 = ax.add_patch(Polygon(np.zeros((3, 2)), closed=True, facecolor=light(CLASS_COLORS[1]),
                                  edgecolor="none", zorder=0))               # the side called 1
    ax.set_aspect("equal", adjustable="datalim")   # keeps the box the layout gives; widens a limit
    old_line = draw_line(ax, [0.0, 0.0], 0.0, color=GREY, linestyle="--", linewidth=1.5, label="line before")
    new_line = draw_line(ax, [0.0, 0.0], 0.0, label="the line w·x + b = 0")
    # black, not vermillion: a reddish ring would swallow an orange triangle (class 1)
    ring = ax.scatter([], [], s=max(170.0, 6.0 * size), facecolors="none", edgecolors=BLACK, linewidths=1.8,
                      zorder=5, label="example just used")

    def update(w, b, *, previous=None, highlight=None, title=None, X=None, y=None):
        if X is not None:
            state["X"] = np.asarray(X, dtype=float)
            state["y"] = np.asarray(state["y"] if y is None else y)
            for k, collection in enumerate(points):
                collection.set_offsets(state["X"][state["y"] == k])
        xlim, ylim = _data_limits(state["X"], padding)
        # The equal aspect widens one of these limits to fill the box. Data limits equal to the view
        # make it widen rather than crop; auto=None keeps autoscaling on, which it needs to go quietly.
        ax.ignore_existing_data_limits = True
        ax.update_datalim([(xlim[0], ylim[0]), (xlim[1], ylim[1])])
        ax.set_xlim(*xlim, auto=None)
        ax.set_ylim(*ylim, auto=None)
        corners = half_plane(w, b, *_widened(xlim, ylim))
        side_1.set_visible(len(corners) >= 3)
        if len(corners) >= 3:
            side_1.set_xy(corners)
        draw_line(ax, w, b, line=new_line)
        draw_line(ax, *(previous if previous is not None else ([0.0, 0.0], 0.0)), line=old_line)
        old_line.set_visible(previous is not None)
        ring.set_offsets(state["X"][[highlight]] if highlight is not None else np.empty((0, 2)))
        if title is not None:
            ax.set_title(title, y=1.0, pad=6,   # a fixed place: skips a costly search at each redraw
                         fontsize=title_size or matplotlib.rcParams["axes.titlesize"])

    update(w, b, previous=previous, highlight=highlight, title=title)
    if legend:
        handles = [  # stand-ins, so that every entry shows even while its artist is hidden
            Line2D([], [], linestyle="none", marker=CLASS_MARKERS[0], color=CLASS_COLORS[0], label="class 0"),
            Line2D([], [], linestyle="none", marker=CLASS_MARKERS[1], color=CLASS_COLORS[1], label="class 1"),
            Patch(facecolor=light(CLASS_COLORS[0]), label="side called 0"),
            Patch(facecolor=light(CLASS_COLORS[1]), label="side called 1"),
            Line2D([], [], color=BLACK, linewidth=2.0, label="the line\nw·x + b = 0"),
        ]
        if legend == "all" or previous is not None:
            handles.append(Line2D([], [], color=GREY, linewidth=1.5, linestyle="--",
                                  label="line before\nthe update"))
        if legend == "all" or highlight is not None:
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="none",
                                  markeredgecolor=BLACK, markeredgewidth=1.8,
                                  label="example the\nrule just used"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0,
                  fontsize="small", frameon=False)
    return update


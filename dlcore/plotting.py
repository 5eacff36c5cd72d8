"""Figures for the book, drawn with plain matplotlib.

Every figure in the book and every frame of a widget is drawn here, so that
one function serves the static figure on the page, the live widget in
JupyterLab and the animation that stands in for the widget on the published
page. The rules that make that work:

- Figures are built with :func:`new_figure` (a ``matplotlib.figure.Figure``
  on the Agg canvas), never with ``pyplot``: nothing leaks into the
  notebook's inline backend and nothing stays open between redraws.
- Plotting functions draw on an ``Axes`` (or a ``Figure``) they are given and
  return it, so the same function can fill one panel of a grid, a live
  widget or one frame of an animation.
- Colours come from the Okabe–Ito palette below, which stays distinguishable
  for the common kinds of colour blindness. Figures keep a white background
  so that they read the same in the book's light and dark themes.

>>> from dlcore import plotting
>>> fig = plotting.new_figure(4, 3)
>>> ax = fig.add_subplot()
>>> _ = ax.plot([0, 1], [0, 1], color=plotting.BLUE)
>>> plotting.figure_to_png(fig)[:4]
b'\\x89PNG'
"""

import base64
import contextlib
import html
import io
import re
import tempfile
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.animation import HTMLWriter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from .datasets import grid_points

# --- Colours: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008) ---

BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#7F7F7F"

#: Colours for lines and points, in the order to use them.
PALETTE = (BLUE, ORANGE, BLUISH_GREEN, VERMILLION, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK)
#: Colours of class 0 and class 1 in every two-class plot of the book.
CLASS_COLORS = (BLUE, ORANGE)
#: Marker of class 0 and class 1, so that classes differ in shape as well as colour.
CLASS_MARKERS = ("o", "^")
#: Colour map for magnitudes (perceptually uniform, colour-blind safe).
SEQUENTIAL_CMAP = "cividis"
#: Colour map for signed values such as weights (blue negative, orange positive).
DIVERGING_CMAP = "PuOr_r"

# --- Sizes -----------------------------------------------------------------

#: Default figure size in inches (width, height).
FIGSIZE = (5.0, 3.5)
#: Resolution of live widget images: sharp on screen, fast to redraw.
LIVE_DPI = 90
#: Resolution of animation frames and small multiples: legends stay readable on the
#: page, and a chapter with two animations of about 12 frames stays well under 2 MB.
ANIMATION_DPI = 90
#: Most frames an animation may have; more makes stored notebooks heavy.
MAX_FRAMES = 20

def new_figure(width=FIGSIZE[0], height=FIGSIZE[1], *, dpi=LIVE_DPI, layout="constrained"):
    """Return a new, empty figure on the Agg canvas (no pyplot involved).

    Parameters
    ----------
    width, height : float
        Size in inches.
    dpi : float
        Dots per inch; the figure is ``width * dpi`` pixels wide.
    layout : str or None
        Matplotlib layout engine; ``"constrained"`` keeps labels inside.

    Returns
    -------
    matplotlib.figure.Figure
        Add axes with ``fig.add_subplot()`` or ``fig.subplots(nrows, ncols)``.
    """
    fig = Figure(figsize=(width, height), dpi=dpi, layout=layout, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def style_axes(ax, *, title=None, xlabel=None, ylabel=None, grid=True):
    """Give ``ax`` the book's look: no top/right frame, light grid, title and labels."""
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    if grid:
        ax.grid(True, color="#DDDDDD", linewidth=0.8)
        ax.set_axisbelow(True)
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    return ax


def minus(text):
    """``text`` with each hyphen turned into the minus sign "−", as matplotlib's tick labels write it.

    For numbers put into figures: ``minus(f"{w:.2f}")``.
    """
    return text.replace("-", "\u2212")


def figure_to_png(fig, dpi=None, *, fast=False):
    """Render ``fig`` to PNG and return the bytes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dpi : float, optional
        Resolution; defaults to the figure's own.
    fast : bool
        Compress lightly: about twice as fast, about 20 % larger. For live
        widgets, whose images are never stored.
    """
    buffer = io.BytesIO()
    options = {"pil_kwargs": {"compress_level": 1}} if fast else {}
    fig.savefig(buffer, format="png", dpi=dpi or fig.dpi, facecolor="white", **options)
    return buffer.getvalue()


def canvas_to_png(canvas):
    """Encode what an Agg canvas holds now as PNG, without drawing the figure again.

    For live widgets, which draw only what changed (see ``widgets.LivePanel``);
    compressed lightly, as ``figure_to_png(fig, fast=True)``.
    """
    from PIL import Image  # Pillow comes with matplotlib
    width, height = canvas.get_width_height(physical=True)
    buffer = io.BytesIO()
    Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
        buffer, format="png", compress_level=1)
    return buffer.getvalue()


def png_data_uri(png):
    """Return PNG bytes as a ``data:`` URI, for an ``<img src=...>`` that needs no file."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def img_html(png, alt, *, width=None):
    """Return an ``<img>`` tag that embeds ``png`` and describes it in ``alt``.

    Parameters
    ----------
    png : bytes
        PNG data, e.g. from :func:`figure_to_png`.
    alt : str
        What the image shows, for readers who cannot see it. Must not be empty.
    width : int, optional
        Display width in CSS pixels.
    """
    alt = _check_alt(alt)
    size = f' width="{int(width)}"' if width else ""
    return f'<img src="{png_data_uri(png)}" alt="{html.escape(alt)}"{size}>'


class Picture:
    """A figure as the notebook shows it: a PNG with alt text.

    Returned by :func:`show`. Its HTML output is an ``<img>`` with ``alt``,
    which the notebook and the book both display; its plain-text output is the
    alt text, so a text-only view still says what the figure shows.
    """

    def __init__(self, png, alt):
        self.png = png
        self.alt = _check_alt(alt)

    def _repr_html_(self):
        return img_html(self.png, self.alt)

    def __repr__(self):
        return f"Figure: {self.alt}"


def show(fig, alt, *, dpi=None):
    """Return ``fig`` as a :class:`Picture` to display in a notebook cell, with alt text.

    ``pyplot`` is not used in the book, so a figure is shown by making this
    the cell's last expression: ``plotting.show(fig, alt="...")``.
    """
    return Picture(figure_to_png(fig, dpi), alt)


# --- Animations --------------------------------------------------------------

# The stylesheet matplotlib's player links for its button icons, from a CDN.
_CDN_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="https?://[^"]*"\s*/?>\s*')
# The player's image element, which matplotlib leaves without src and alt.
_PLAYER_IMG = re.compile(r'<img id="(_anim_img[0-9a-f]+)">')
# The first embedded frame; its base64 text is split over lines with "\" at each end.
_FIRST_FRAME = re.compile(r'frames\[0\] = "(data:image/png;base64,[^"]*)"')
# Icon names of the player's buttons (Font Awesome 4) and a plain-text stand-in,
# so the buttons read the same with or without an icon font on the page.
_LEFT, _RIGHT, _BAR = "&#9664;&#xFE0E;", "&#9654;&#xFE0E;", "|"  # ◀ ▶ as text, not emoji
_BUTTON_GLYPHS = {
    "fa fa-minus": "&#8722;",
    "fa fa-fast-backward": _BAR + _LEFT + _LEFT,
    "fa fa-step-backward": _LEFT + _BAR,
    "fa fa-play fa-flip-horizontal": _LEFT,
    "fa fa-pause": "&#10074;&#10074;",
    "fa fa-play": _RIGHT,
    "fa fa-step-forward": _BAR + _RIGHT,
    "fa fa-fast-forward": _RIGHT + _RIGHT + _BAR,
    "fa fa-plus": "+",
}


def animation_html(fig, update, frames, *, alt, interval=400, dpi=ANIMATION_DPI, loop=True):
    """Animate ``fig`` and return a self-contained HTML player (no network needed).

    ``update(frame)`` redraws ``fig`` for each item of ``frames``. The result is
    matplotlib's JavaScript player (``FuncAnimation.to_jshtml``) with three
    changes: the stylesheet it would load from a CDN is removed, its buttons
    show plain-text symbols instead of icon-font glyphs, and its ``<img>``
    shows the first frame and carries ``alt`` text, so a page that runs no
    JavaScript (an untrusted notebook) still shows a described picture.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to redraw, e.g. from :func:`new_figure`.
    update : callable
        ``update(frame)``: draws one frame on ``fig``; its return value is ignored.
    frames : sequence
        The values passed to ``update``, at most :data:`MAX_FRAMES` of them.
    alt : str
        What the animation shows, in a sentence.
    interval : int
        Milliseconds between frames.
    dpi : float
        Resolution of the frames. 72 keeps 20 frames of 5 x 3.5 in near 0.5 MB.
    loop : bool
        Loop the animation (else play it once).

    Returns
    -------
    str
        HTML with the frames embedded as base64 PNG.
    """
    alt = _check_alt(alt)
    frames = list(frames)
    if not 1 <= len(frames) <= MAX_FRAMES:
        raise ValueError(
            f"An animation needs 1 to {MAX_FRAMES} frames, got {len(frames)}. Pass fewer "
            f"values, e.g. np.linspace(start, stop, {MAX_FRAMES // 2})."
        )
    # matplotlib's HTMLWriter is the writer behind FuncAnimation.to_jshtml;
    # driving it directly draws each frame once instead of three times.
    writer = HTMLWriter(fps=1000 / interval, embed_frames=True, default_mode="loop" if loop else "once")
    with tempfile.TemporaryDirectory() as tmpdir:
        path = Path(tmpdir, "animation.html")
        with writer.saving(fig, str(path), dpi):
            for frame in frames:
                update(frame)
                writer.grab_frame()
        player = path.read_text(encoding="utf-8")
    return clean_jshtml(player, alt)


def clean_jshtml(player, alt):
    """Make matplotlib's ``to_jshtml`` player offline-safe and accessible (see :func:`animation_html`)."""
    alt = _check_alt(alt)
    player = _CDN_LINK.sub("", player)
    for icon, glyph in _BUTTON_GLYPHS.items():
        player = player.replace(f'<i class="{icon}"></i>', glyph)
    first = _FIRST_FRAME.search(player)
    if first is None or not _PLAYER_IMG.search(player):
        raise RuntimeError("matplotlib's animation player changed its markup; update dlcore.plotting.clean_jshtml.")
    src = first.group(1).replace("\\\n", "").replace("\n", "")
    return _PLAYER_IMG.sub(
        lambda m: f'<img id="{m.group(1)}" src="{src}" alt="{html.escape(alt)}">', player, count=1
    )


def small_multiples_html(draw, values, *, alt, ncols=3, panel_size=(2.6, 2.0), dpi=ANIMATION_DPI,
                         titles=None):
    """Draw ``draw(subfig, value)`` once per value in a grid and return it as an ``<img>``.

    The static way to compare settings side by side: each panel is a
    ``SubFigure`` that ``draw`` fills exactly as it would fill a whole figure.

    Parameters
    ----------
    draw : callable
        ``draw(fig, value)``: draws one panel on ``fig`` (a SubFigure).
    values : sequence
        One panel per value.
    alt : str
        What the grid shows.
    ncols : int
        Panels per row.
    panel_size : (float, float)
        Size of one panel in inches.
    titles : sequence of str, optional
        A title above each panel.
    """
    values = list(values)
    if not values:
        raise ValueError("small_multiples_html needs at least one value to draw.")
    ncols = max(1, min(ncols, len(values)))
    nrows = -(-len(values) // ncols)
    fig = new_figure(panel_size[0] * ncols, panel_size[1] * nrows, dpi=dpi)
    subfigs = np.atleast_1d(fig.subfigures(nrows, ncols, squeeze=False)).ravel()
    for i, subfig in enumerate(subfigs):
        if i < len(values):
            draw(subfig, values[i])
            if titles is not None:
                subfig.suptitle(titles[i], fontsize="medium")
        else:
            subfig.set_visible(False)
    return img_html(figure_to_png(fig), alt)


def _check_alt(alt):
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(
            f"Every image in the book needs alt text: a sentence saying what it shows, got alt={alt!r}. "
            "Pass e.g. alt='The sigmoid curve steepens as the weight grows.'"
        )
    return alt.strip()


# --- Plotting functions used by the chapters ---------------------------------

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
    """
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.plot(x, a, color=color, linewidth=2.2, label=label)
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlim(x[0], x[-1])
    style_axes(ax, title=title, xlabel=xlabel, ylabel=ylabel)
    if label is not None:
        ax.legend(loc="upper left")
    return ax


# --- chapter 4: Perceptrons ---

def _light(color, amount=0.75):
    """``color`` mixed with ``amount`` of white, as an RGB tuple (for shaded regions)."""
    from matplotlib.colors import to_rgb

    return tuple(amount + (1 - amount) * c for c in to_rgb(color))


def _region_cmap():
    """Light class-0 colour at 0, white at 0.5, light class-1 colour at 1."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list(
        "dlcore_regions", [_light(CLASS_COLORS[0]), (1.0, 1.0, 1.0), _light(CLASS_COLORS[1])])


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
                    legend=True):
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

    Returns
    -------
    update : callable
        ``update(w, b, *, previous=None, highlight=None, title=None, X=None, y=None)``
        moves everything in place (X and y: switch to other data).
    """
    from matplotlib.patches import Polygon

    state = {"X": np.asarray(X, dtype=float), "y": np.asarray(y)}
    points = scatter_classes(ax, state["X"], state["y"])
    style_axes(ax, xlabel="$x_1$", ylabel="$x_2$", grid=False)
    ax.set_facecolor(_light(CLASS_COLORS[0]))                                 # the side called 0
    side_1 = ax.add_patch(Polygon(np.zeros((3, 2)), closed=True, facecolor=_light(CLASS_COLORS[1]),
                                  edgecolor="none", zorder=0))               # the side called 1
    ax.set_aspect("equal", adjustable="datalim")   # keeps the box the layout gives; widens a limit
    old_line = draw_line(ax, [0.0, 0.0], 0.0, color=GREY, linestyle="--", linewidth=1.5, label="line before")
    new_line = draw_line(ax, [0.0, 0.0], 0.0, label="the line w·x + b = 0")
    ring = ax.scatter([], [], s=170, facecolors="none", edgecolors=VERMILLION, linewidths=2.2, zorder=5,
                      label="example just used")

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
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [  # stand-ins, so that every entry shows even while its artist is hidden
            Line2D([], [], linestyle="none", marker=CLASS_MARKERS[0], color=CLASS_COLORS[0], label="class 0"),
            Line2D([], [], linestyle="none", marker=CLASS_MARKERS[1], color=CLASS_COLORS[1], label="class 1"),
            Patch(facecolor=_light(CLASS_COLORS[0]), label="side called 0"),
            Patch(facecolor=_light(CLASS_COLORS[1]), label="side called 1"),
            Line2D([], [], color=BLACK, linewidth=2.0, label="the line\nw·x + b = 0"),
        ]
        if legend == "all" or previous is not None:
            handles.append(Line2D([], [], color=GREY, linewidth=1.5, linestyle="--",
                                  label="line before\nthe update"))
        if legend == "all" or highlight is not None:
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11, markerfacecolor="none",
                                  markeredgecolor=VERMILLION, markeredgewidth=2.2,
                                  label="example the\nrule just used"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0,
                  fontsize="small", frameon=False)
    return update


# --- chapter 1: Features and data points ---

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
    from matplotlib.transforms import blended_transform_factory

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
            label.set_color(BLACK if used else _light(GREY, 0.4))

    update(weights)
    return update


# --- chapter 2: Learning a function from examples ---

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
        Fitted models on ``x_grid`` by legend label, drawn in the palette's order.
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
        ax.plot(x_grid, y_fit, color=PALETTE[i % len(PALETTE)], linewidth=2.2, label=label, zorder=3)[0]
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
    """
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
    return ax


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
    """
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
    return ax


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
    """
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
    ax.figure.colorbar(image, ax=ax, label=colorbar_label, shrink=0.85)
    return ax


# --- chapter 5: Neurons and layers ---

# What a neuron's output looks like over a plane of two inputs, activations
# beside their derivatives, and diagrams of whole networks with their values.

from matplotlib import patheffects  # noqa: E402  (outlines that read on any background)

_CH5_ACTIVATIONS = ("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu")


def _with_breaks(z, a, jump=0.25):
    """Put NaN between neighbouring points where ``a`` jumps, so a plot shows a gap, not a wall."""
    jumps = np.flatnonzero(np.abs(np.diff(a)) > jump)
    return np.insert(z, jumps + 1, np.nan), np.insert(a.astype(float), jumps + 1, np.nan)


def plot_activations_with_derivatives(fig, names=_CH5_ACTIVATIONS, *, z=None, ncols=2):
    """Small multiples: each activation beside its derivative (its slope), on ``fig``.

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
    axes : ndarray of Axes, shape (n_rows, 2 * ncols)
    """
    from . import activations

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
        if part == 0:
            y, color, title, ylabel = act(z), BLUE, act.name, "$a = g(z)$"
        else:
            y, color, title, ylabel = act.grad(z, act(z)), ORANGE, f"slope of {act.name}", "slope"
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.axvline(0, color=GREY, linewidth=0.8)
        ax.plot(*_with_breaks(z, y), color=color, linewidth=2.0)
        lo, hi = float(np.min(y)), float(np.max(y))
        pad = max(0.15 * (hi - lo), 0.15)
        ax.set_ylim(lo - pad, hi + pad)
        ax.set_xlim(z[0], z[-1])
        style_axes(ax, title=title, xlabel="$z$", ylabel=ylabel)
    return axes


def plot_softmax_example(fig, z=(2.0, 1.0, 0.1), *, z_range=(-4.0, 4.0)):
    """Softmax on ``fig``: scores become probabilities (bars), and how they move with the first score.

    Left: the scores ``z`` and their softmax. Right: all outputs as ``z[0]``
    runs over ``z_range`` with the other scores fixed, and the slope of the
    first output, ``a_1 (1 - a_1)``.

    Returns
    -------
    (ax_bars, ax_curves) : tuple of Axes
    """
    from . import activations

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
        ax_curves.plot(z1, A[:, i], color=PALETTE[i % len(PALETTE)], linewidth=2.0, label=f"$a_{i + 1}$")
    ax_curves.plot(z1, A[:, 0] * (1 - A[:, 0]), color=BLACK, linestyle="--", linewidth=1.5,
                   label="slope of $a_1$")
    ax_curves.set_ylim(-0.05, 1.05)
    ax_curves.set_xlim(*z_range)
    others = ", ".join(f"z_{i + 1} = {z[i]:g}" for i in k[1:])
    style_axes(ax_curves, title=f"moving $z_1$ (with ${others}$)", xlabel="$z_1$", ylabel="output")
    ax_curves.legend(loc="center left", fontsize="small")
    return ax_bars, ax_curves


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
    from . import activations
    from .neuron import neuron

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


def _network_values(net, x):
    """Each layer's values for one input ``x``: ``[x, A_1, ..., A_L]`` as 1-D arrays."""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or len(x) != net.n_in:
        raise ValueError(
            f"draw_network shows the values for ONE input with {net.n_in} numbers, got x with shape {x.shape}. "
            f"Pass e.g. x=X[0] for the first row of X."
        )
    with _layer_values_kept(net):
        net.forward(x[None, :])                   # each layer keeps its output A
        return [x] + [layer.A[0].copy() for layer in net.layers]


@contextlib.contextmanager
def _layer_values_kept(net):
    """Run a forward pass for a picture without touching what the layers keep for ``backward``.

    A drawing between a reader's ``forward`` and ``backward`` would otherwise
    replace each layer's stored ``X``, ``Z`` and ``A``, and spoil the gradients.
    """
    kept = [(layer.X, layer.Z, layer.A) for layer in net.layers]
    try:
        yield
    finally:
        for layer, (X, Z, A) in zip(net.layers, kept):
            layer.X, layer.Z, layer.A = X, Z, A


def _shown_nodes(n, max_nodes):
    """Which of ``n`` neurons to draw: all, or the first and last few with a gap for '⋮'."""
    if n <= max_nodes:
        return list(range(n)), None
    half = (max_nodes - 1) // 2
    return list(range(half)) + list(range(n - half, n)), half


def _value_colormap():
    """Blue for negative values, white for 0, orange for positive: the colours of the weights' signs."""
    from matplotlib.colors import LinearSegmentedColormap
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
    from matplotlib.collections import LineCollection

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
                    t = 0.3                                           # near the sender, where edges fan out
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


def plot_network_output(ax, net, *, lim=(-3.0, 3.0), resolution=101, output=0, colorbar=True,
                        vmin=None, vmax=None):
    """Heat map of a two-input network's output number ``output`` over the square ``lim`` × ``lim``.

    ``vmin`` and ``vmax`` fix the colour range (e.g. 0 and 1 for a sigmoid output).

    Returns
    -------
    matplotlib.image.AxesImage
    """
    if net.n_in != 2:
        raise ValueError(f"plot_network_output draws networks with 2 inputs over a plane, got n_in={net.n_in}.")
    lo, hi = lim
    grid = np.linspace(lo, hi, resolution)
    with _layer_values_kept(net):
        A = net.forward(grid_points(grid, grid))                      # (resolution², n_out)
    image = ax.imshow(A[:, output].reshape(resolution, resolution), origin="lower", extent=(lo, hi, lo, hi),
                      cmap=SEQUENTIAL_CMAP, interpolation="nearest", aspect="equal", vmin=vmin, vmax=vmax)
    style_axes(ax, xlabel="input $x_1$", ylabel="input $x_2$", grid=False)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, shrink=0.9, label="network output")
    return image


# --- chapter 3: Building complex functions from simple ones ---

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
    values : list of float
        ``x``, then the result after each step; the last is the output.
    """
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
                bbox=dict(boxstyle="round,pad=0.45", facecolor=_light(ORANGE if last else BLUE, 0.7),
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
    return values


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
    from matplotlib.collections import LineCollection

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
    legend = ax.legend(handles=[target_line, sum_line, pieces_key, kink_marks], loc=legend_loc,
                       fontsize="small")
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

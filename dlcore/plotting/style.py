"""The book's look: the colour palette, figure sizes, blank figures and styled axes.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common kinds of colour blindness (Okabe & Ito, "Color Universal Design",
2008). Figures keep a white background so that they read the same in the
book's light and dark themes. Figures are built with :func:`new_figure` (a
``matplotlib.figure.Figure`` on the Agg canvas), never with ``pyplot``:
nothing leaks into the notebook's inline backend and nothing stays open
between redraws.

:func:`redraw_update` is the ``update`` that drawing functions with nothing
to move in place return (see :mod:`dlcore.plotting`).
"""

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

# --- Colours: the Okabe–Ito palette ------------------------------------------

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
    """Give ``ax`` the book's look: no top/right frame, light grid, title and labels; returns ``ax``."""
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


def light(color, amount=0.75):
    """``color`` mixed with ``amount`` of white, as an RGB tuple (for shaded regions)."""
    return tuple(amount + (1 - amount) * c for c in to_rgb(color))


def redraw_update(draw, arguments, *, remove=()):
    """The ``update`` of a drawing with nothing to move in place: clear, then draw again.

    Parameters
    ----------
    draw : callable
        The public drawing function, e.g. ``plot_cost_1d``.
    arguments : dict
        Every argument of the call that drew, by name (``dict(locals())`` as
        the drawing function's first line), including ``ax`` or ``fig``.
    remove : sequence
        What the drawing added outside its axes (a colour bar), removed
        before drawing again.

    Returns
    -------
    update : callable
        ``update(**changes)`` clears the axes (or figure) and calls ``draw``
        again with the same arguments, changed by ``changes``: any of
        ``draw``'s own arguments but the axes or figure.
    """
    target = arguments["ax"] if "ax" in arguments else arguments["fig"]
    drawn = {"arguments": dict(arguments), "remove": list(remove)}

    def update(**changes):
        unknown = sorted((set(changes) - set(drawn["arguments"])) | (set(changes) & {"ax", "fig"}))
        if unknown:
            raise TypeError(
                f"The update of {draw.__name__} takes {draw.__name__}'s own arguments, except the axes or "
                f"figure it draws on; got {unknown}. Draw on other axes with a new call instead."
            )
        for artist in drawn["remove"]:
            artist.remove()
        target.clear()
        drawn["arguments"].update(changes)
        drawn["remove"] = draw(**drawn["arguments"]).remove_on_redraw

    update.remove_on_redraw = list(remove)
    return update

"""From a figure to what a notebook stores: PNG bytes, images with alt text, offline animations.

A figure reaches the page in one of three ways, each self-contained (no file,
no network) and described for readers who cannot see it:

- :func:`show` makes it a cell's output, a :class:`Picture` (an ``<img>``
  with alt text, and the alt text as plain text);
- :func:`animation_html` animates it over a sequence of values, as
  matplotlib's JavaScript player made safe offline (:func:`clean_jshtml`);
- :func:`small_multiples_html` draws it once per value in a grid.

Live widgets use :func:`figure_to_png` and :func:`canvas_to_png`, and
:func:`img_html` for their static counterparts.

>>> fig = new_figure(4, 3)
>>> figure_to_png(fig)[:4]
b'\\x89PNG'
"""

import base64
import html
import io
import re
import tempfile
from pathlib import Path

import numpy as np
from matplotlib.animation import HTMLWriter

from .style import ANIMATION_DPI, MAX_FRAMES, new_figure


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
# The frame slider, which matplotlib leaves without a label (its buttons have
# aria-label, its radio buttons <label>s): a screen reader would announce an
# unnamed slider (WCAG 4.1.2, axe's "label" rule).
_PLAYER_SLIDER = re.compile(r'<input id="(_anim_slider[0-9a-f]+)" type="range"')
_SLIDER_LABEL = "Animation frame"
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
    matplotlib's JavaScript player (``FuncAnimation.to_jshtml``) with four
    changes: the stylesheet it would load from a CDN is removed, its buttons
    show plain-text symbols instead of icon-font glyphs, its ``<img>``
    shows the first frame and carries ``alt`` text, so a page that runs no
    JavaScript (an untrusted notebook) still shows a described picture, and
    its frame slider is labelled "Animation frame" for screen readers.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to redraw, e.g. from :func:`~dlcore.plotting.style.new_figure`.
    update : callable
        ``update(frame)``: draws one frame on ``fig``; its return value is ignored.
    frames : sequence
        The values passed to ``update``, at most :data:`~dlcore.plotting.style.MAX_FRAMES` of them.
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
    if first is None or not _PLAYER_IMG.search(player) or not _PLAYER_SLIDER.search(player):
        raise RuntimeError("matplotlib's animation player changed its markup; "
                           "update clean_jshtml in dlcore/plotting/output.py.")
    player = _PLAYER_SLIDER.sub(
        lambda m: f'<input id="{m.group(1)}" type="range" aria-label="{_SLIDER_LABEL}"', player, count=1
    )
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


_PNG_URI = re.compile(r"data:image/png;base64,((?:[A-Za-z0-9+/=]|\\\n)+)")


def fewer_colors(html_text, colors=32):
    """``html_text`` (an animation or an image) with each embedded PNG reduced to ``colors`` colours.

    Figures of flat colour, text, lines and smooth maps stay readable with 32
    colours, and their PNGs shrink to about a quarter: a way to keep a
    notebook's animations small (the playground's, the learning-rate explorer's).
    """
    from PIL import Image                                   # Pillow comes with matplotlib

    def smaller(match):
        png = base64.b64decode(match.group(1).replace("\\\n", ""))
        buffer = io.BytesIO()
        image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors, dither=Image.Dither.NONE)
        image.save(buffer, format="png", optimize=True)
        return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return _PNG_URI.sub(smaller, html_text)

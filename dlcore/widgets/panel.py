"""The panel machinery: controls above a live figure, and the static counterparts the book shows.

A :class:`LivePanel` wires controls (sliders, dropdowns, checkboxes) to a
``draw(fig, **values)`` function and redraws the figure whenever a control
moves, drawing again only what moved (``_FastRenderer``). Its static
counterpart, computed once when the cell runs, shows the same idea without
a kernel: an animation over one control (:func:`animate_over`) or small
multiples, one panel per value (:func:`compare_over`).

One output serves both audiences. ``LivePanel._repr_mimebundle_`` returns
the live widget view *and* the static counterpart as ``text/html``:
JupyterLab shows the live widget; the book, whose ``_config.yml`` ranks
``text/html`` first, shows the animation. Nobody sees a dead control.
"""

import html
import time

import ipywidgets
import numpy as np
from matplotlib.transforms import Bbox

from .. import plotting


class LivePanel(ipywidgets.VBox):
    """Controls above a figure that is redrawn whenever a control changes.

    Parameters
    ----------
    draw : callable
        ``draw(fig, **values)`` draws on the blank figure ``fig``; ``values``
        holds each control's current value under its name in ``controls``.
        It draws on the figure it is given (``fig.add_subplot()``,
        ``fig.subplots(...)``). It returns nothing, and the panel then clears
        and redraws the whole figure at each change; or, faster, it returns a
        function ``update(**values)`` that changes the drawn artists in place
        (``line.set_ydata(...)``), which the panel calls at each later change.
    controls : dict of str to ipywidgets.ValueWidget
        The controls, by the name ``draw`` receives their value under.
    static : callable, optional
        ``static(panel) -> str``: builds the HTML the published book shows
        instead of the live panel, e.g. ``animate_over("w", alt=...)``.
        Computed once, the first time the panel is displayed.
    title : str
        A short name shown in the plain-text description.
    figsize : (float, float)
        Figure size in inches.
    dpi : float
        Resolution of the live image.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The live figure, redrawn in place.
    image : ipywidgets.Image
        Shows the figure as PNG.
    error : ipywidgets.HTML
        Shows what went wrong if a redraw fails (the error is also raised).
    last_draw_seconds : float
        How long the last redraw took, figure to PNG.
    """

    def __init__(self, draw, controls, *, static=None, title="live panel",
                 figsize=plotting.FIGSIZE, dpi=plotting.LIVE_DPI):
        if not callable(draw):
            raise TypeError(f"draw must be a function draw(fig, **values), got {type(draw).__name__}.")
        if not isinstance(controls, dict) or not controls:
            raise TypeError(
                "controls must be a non-empty dict mapping each name draw() expects to a widget, "
                f"e.g. {{'w': ipywidgets.FloatSlider(...)}}, got {controls!r}."
            )
        for name, control in controls.items():
            if not hasattr(control, "value"):
                raise TypeError(f"Control {name!r} must be an ipywidgets control with a .value, got {control!r}.")
        self.draw_function = draw
        self.controls = dict(controls)
        self.static = static
        self.title = title
        self.figsize = tuple(figsize)
        self.dpi = dpi
        self.fig = plotting.new_figure(*self.figsize, dpi=dpi)
        self.image = ipywidgets.Image(format="png", layout=ipywidgets.Layout(width="auto", max_width="100%"))
        self.error = ipywidgets.HTML()
        self.last_draw_seconds = float("nan")
        self._static_html = None
        self._update = None
        self._renderer = None
        control_box = ipywidgets.HBox(
            list(self.controls.values()), layout=ipywidgets.Layout(flex_flow="row wrap")
        )
        super().__init__([control_box, self.image, self.error])
        self.redraw()  # errors in draw() surface here, in the cell that builds the panel
        for control in self.controls.values():
            control.observe(self._on_change, names="value")

    @property
    def values(self):
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def draw_on(self, fig, **overrides):
        """Draw ``fig`` from scratch with the current values, changed by ``overrides``.

        Returns the ``update(**values)`` function that ``draw`` returned, or None.
        """
        fig.clear()
        update = self.draw_function(fig, **{**self.values, **overrides})
        if update is not None and not callable(update):
            raise TypeError(
                f"draw() must return None or a function update(**values), got {type(update).__name__}. "
                "Draw on the figure it is given instead of returning a new one."
            )
        if update is not None:
            # Lay the figure out once, then keep that layout: updates only move
            # data, and recomputing the layout would double the cost of a frame.
            fig.canvas.draw()
            fig.set_layout_engine(None)
        return update

    def redraw(self):
        """Draw the figure with the current values and show it; returns the PNG bytes."""
        start = time.perf_counter()
        try:
            if self._update is None:
                self._update = self.draw_on(self.fig)
                if self._update is not None:
                    self._renderer = _FastRenderer(self.fig)
                    self._renderer.prepare()          # ready for the first move of a control
            else:
                self._update(**self.values)
            if self._renderer is not None:
                png = self._renderer.png()
            else:                                     # no update function: the whole figure, every time
                self.fig.canvas.draw()
                png = plotting.canvas_to_png(self.fig.canvas)
        except Exception as exc:
            # Show the error in the panel (in JupyterLab, exceptions raised by a
            # control's callback go to the kernel's log, not to the notebook),
            # then raise it so that the caller, nbval or a test sees it too.
            self.error.value = (
                '<pre style="color:#B00020;white-space:pre-wrap">'
                f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}</pre>"
            )
            raise
        self.error.value = ""
        self.image.value = png
        self.last_draw_seconds = time.perf_counter() - start
        return png

    def _on_change(self, change):
        self.redraw()

    # --- what the notebook stores ------------------------------------------

    def static_html(self):
        """The HTML the book shows instead of the live panel (computed once)."""
        if self._static_html is None:
            if self.static is None:
                png = plotting.figure_to_png(self.fig)
                self._static_html = plotting.img_html(png, self._describe())
            else:
                self._static_html = self.static(self)
        return self._static_html

    def _describe(self):
        settings = ", ".join(f"{name} = {_format(value)}" for name, value in self.values.items())
        return f"{self.title} with {settings}"

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = (
            f"{self.title} (live panel; controls: {', '.join(self.controls)}). "
            "Run this notebook in JupyterLab to move the controls; "
            "the published book shows a picture that moves or compares instead."
        )
        return bundle


class _FastRenderer:
    """Renders a live figure to PNG, drawing again only the artists that can change.

    Most of a matplotlib redraw goes into the axes' frames: ticks, tick labels,
    axis labels, grid lines. A control moved in a panel with an ``update``
    function changes lines, images, texts, titles and legends, not the frames.
    So the frames are drawn once into a saved background; each later frame
    pastes the background back and draws the other artists over it, in their
    z-order (the "blitting" of matplotlib's animation guide). When an update
    changes an axes' limits, ticks or labels, the frames of that axes are drawn
    again into the background (all of it, if they would reach into another
    axes' frames).

    The background lies under everything else, so an artist that a full draw
    puts *under* the frames (an image below grid lines) would cover them here.
    The book's panels have none; a test compares each chapter's panel with a
    full draw, pixel for pixel.
    """

    def __init__(self, fig):
        self.fig = fig
        self._background = None
        self._frames_key = None

    def _frames(self, ax):
        """The artists of ``ax`` that go into the background.

        The spines are drawn with the moving artists: they lie on top of images
        that fill the axes, and are only four lines.
        """
        return {ax.patch, ax.xaxis, ax.yaxis}

    def _moving_artists(self):
        """Every visible artist outside the backgrounds, in the order a full draw draws them."""
        artists = []
        for ax in self.fig.axes:
            if ax.get_visible():
                frames = self._frames(ax)
                if not (ax.axison and ax.get_frame_on()):   # as Axes.draw: no frame, no spines
                    frames |= set(ax.spines.values())
                artists += sorted((a for a in ax.get_children() if a not in frames and a.get_visible()),
                                  key=lambda a: a.get_zorder())
        top = [a for a in self.fig.get_children() if a is not self.fig.patch and a not in self.fig.axes]
        return artists + sorted((a for a in top if a.get_visible()), key=lambda a: a.get_zorder())

    def _key(self):
        """What the backgrounds depend on: each axes' limits, ticks and labels."""
        renderer = self.fig.canvas.get_renderer()
        for ax in self.fig.axes:
            # as Axes.draw does first: an axes with a fixed aspect ratio adjusts its limits or box here
            locator = ax.get_axes_locator()
            ax.apply_aspect(locator(ax, renderer) if locator else None)
        # Limits in float32: the last bits of float64 limits jitter when an aspect ratio
        # adjusts them, and a change below float32's precision moves nothing by a pixel.
        return tuple(
            (ax.get_visible(), tuple(np.float32([*ax.get_xlim(), *ax.get_ylim()])), tuple(ax.get_xticks()),
             tuple(ax.get_yticks()), ax.get_xlabel(), ax.get_ylabel())
            for ax in self.fig.axes
        )

    def _draw_background(self):
        moving = self._moving_artists()
        # A full draw places each axes' titles above what it finds there; with the moving
        # artists hidden it would find nothing, so the titles keep the places they have.
        titles = [(t, t.get_position()) for ax in self.fig.axes
                  for t in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None))
                  if t is not None]   # the left and right titles have no public name
        for artist in moving:
            artist.set_visible(False)
        try:
            self.fig.canvas.draw()
        finally:
            for artist in moving:
                artist.set_visible(True)
            for title, position in titles:
                title.set_position(position)
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        renderer = self.fig.canvas.get_renderer()
        self._boxes = [self._frame_box(ax, renderer) for ax in self.fig.axes]

    @staticmethod
    def _frame_box(ax, renderer):
        """The pixels ``ax``'s frames cover: its patch, ticks, tick labels and axis labels."""
        boxes = [ax.patch.get_window_extent(renderer)]
        boxes += [box for box in (ax.xaxis.get_tightbbox(renderer), ax.yaxis.get_tightbbox(renderer))
                  if box is not None]
        box = Bbox.union(boxes)                   # whole pixels, and a margin for antialiased edges
        return Bbox.from_extents(np.floor(box.x0) - 2, np.floor(box.y0) - 2,
                                 np.ceil(box.x1) + 2, np.ceil(box.y1) + 2)

    def _redraw_frames(self, changed):
        """Draw again, into the saved background, only the frames of the axes numbered in ``changed``.

        A colour bar whose range moved need not cost a full draw of the plot beside it.
        Returns False, having drawn nothing, when the new frames would reach into
        another axes' frames: then the whole background is drawn again instead.
        """
        canvas, renderer = self.fig.canvas, self.fig.canvas.get_renderer()
        boxes = list(self._boxes)
        for i in changed:
            boxes[i] = Bbox.union([self._boxes[i], self._frame_box(self.fig.axes[i], renderer)])
        for i in changed:
            if any(j != i and boxes[i].overlaps(box) for j, box in enumerate(boxes)):
                return False
        canvas.restore_region(self._background)
        patch = self.fig.patch
        for i in changed:
            ax = self.fig.axes[i]
            patch.set_clip_box(boxes[i])          # the figure's own colour over the old frames
            try:
                patch.draw(renderer)
            finally:
                patch.set_clip_box(None)
            if ax.get_visible() and ax.axison:  # as Axes.draw: no axis lines or ticks when the axis is off
                frames = [ax.xaxis, ax.yaxis] + ([ax.patch] if ax.get_frame_on() else [])
                for artist in sorted(frames, key=lambda a: (a is not ax.patch, a.get_zorder())):
                    artist.draw(renderer)
        self._background = canvas.copy_from_bbox(self.fig.bbox)
        self._boxes = [self._frame_box(ax, renderer) if i in changed else box
                       for i, (ax, box) in enumerate(zip(self.fig.axes, self._boxes))]
        return True

    def prepare(self):
        """Save the background for the figure as it is now."""
        self._frames_key = self._key()
        self._draw_background()

    def png(self):
        """The figure as it is now, as image bytes: PNG (a subclass may choose the format, see ``encode``)."""
        canvas = self.fig.canvas
        key = self._key()
        if key != self._frames_key:
            # The frames changed (new limits, a rescaled colour bar): draw them again into a
            # new background, only those of the axes that changed where that can be done.
            # The next move that keeps the frames finds the background ready.
            old, self._frames_key = self._frames_key, key
            same_axes = old is not None and self._background is not None and len(old) == len(key)
            changed = [i for i, (a, b) in enumerate(zip(old, key)) if a != b] if same_axes else None
            if changed is None or not self._redraw_frames(changed):
                self._draw_background()
        canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for artist in self._moving_artists():
            artist.draw(renderer)
        return self.encode(canvas)

    def encode(self, canvas):
        """The drawn canvas as the bytes the panel's image shows (PNG here)."""
        return plotting.canvas_to_png(canvas)


def animate_over(name, values=None, *, alt, n_frames=12, interval=500, dpi=plotting.ANIMATION_DPI):
    """Static counterpart: an animation that moves control ``name`` through ``values``.

    The other controls stay at their initial values. Use as
    ``LivePanel(..., static=animate_over("w", alt="..."))``.

    Parameters
    ----------
    name : str
        The control to move.
    values : sequence, optional
        The values to show; by default ``n_frames`` values evenly over a
        slider's range, or every option of a dropdown.
    alt : str
        What the animation shows, in a sentence.
    """
    def build(panel):
        if name not in panel.controls:
            raise ValueError(f"Cannot animate over {name!r}: the panel's controls are {list(panel.controls)}.")
        frames = list(control_values(panel.controls[name], n_frames) if values is None else values)
        fig = plotting.new_figure(*panel.figsize, dpi=dpi)
        update = panel.draw_on(fig, **{name: frames[0]})

        def draw_frame(value):
            if update is None:
                panel.draw_on(fig, **{name: value})
            else:
                update(**{**panel.values, name: value})

        return plotting.animation_html(fig, draw_frame, frames, alt=alt, interval=interval, dpi=dpi)
    return build


def compare_over(name, values=None, *, alt, ncols=3, n_panels=6, panel_size=(2.6, 2.0)):
    """Static counterpart: small multiples, one panel per value of control ``name``.

    Parameters
    ----------
    name : str
        The control whose values are compared.
    values : sequence, optional
        The values to show; by default ``n_panels`` values over a slider's
        range, or every option of a dropdown.
    alt : str
        What the grid shows, in a sentence.
    """
    def build(panel):
        if name not in panel.controls:
            raise ValueError(f"Cannot compare over {name!r}: the panel's controls are {list(panel.controls)}.")
        shown = list(control_values(panel.controls[name], n_panels) if values is None else values)
        return plotting.small_multiples_html(
            lambda subfig, value: panel.draw_function(subfig, **{**panel.values, name: value}),
            shown, alt=alt, ncols=ncols, panel_size=panel_size,
            titles=[f"{name} = {_format(value)}" for value in shown],
        )
    return build


def control_values(control, n):
    """Up to ``n`` values a control can take: evenly over a slider, or every option."""
    options = getattr(control, "options", None)
    if options is not None:
        values = [option[1] if isinstance(option, tuple) else option for option in options]
        return values[:plotting.MAX_FRAMES]
    if hasattr(control, "min") and hasattr(control, "max"):
        n = max(2, min(n, plotting.MAX_FRAMES))
        values = np.linspace(control.min, control.max, n)
        step = getattr(control, "step", None)
        if step:
            values = control.min + np.round((values - control.min) / step) * step
        if isinstance(control.value, (int, np.integer)) and not isinstance(control.value, bool):
            return sorted({int(v) for v in values})
        return [float(v) for v in values]
    raise TypeError(f"Pass the values to show explicitly: cannot list the values of {type(control).__name__}.")


def _format(value):
    if isinstance(value, float):
        return plotting.minus(f"{value:g}")
    return str(value)

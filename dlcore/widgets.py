"""Live panels for JupyterLab, each with a static counterpart for the published book.

A widget in a chapter is one line, e.g. ``widgets.activation_explorer()``.
Behind it sit three layers:

1. a plotting function in :mod:`dlcore.plotting` that draws on a figure;
2. a :class:`LivePanel` here that wires controls (sliders, dropdowns) to a
   ``draw(fig, **values)`` function and redraws the figure whenever a
   control moves;
3. a static counterpart, computed when the cell runs, that shows the same
   idea without a running kernel: an animation over one control
   (:func:`animate_over`) or a grid of small multiples (:func:`compare_over`).

One output serves both audiences. ``LivePanel._repr_mimebundle_`` returns
the live widget view *and* the static counterpart as ``text/html``:
JupyterLab shows the live widget; the book, whose ``_config.yml`` ranks
``text/html`` first, shows the animation. Nobody sees a dead control.
"""

import html
import time

import ipywidgets
import numpy as np
from matplotlib.ticker import StrMethodFormatter
from matplotlib.transforms import Bbox

from . import plotting

__all__ = ["LivePanel", "animate_over", "compare_over", "activation_explorer",
           "PLANE_FEATURES", "plane_features", "FeatureClassifier", "feature_picker",
           "perceptron_datasets", "perceptron_updates", "perceptron_explorer",
           "function_fit_explorer",
           "neuron_explorer", "network_explorer",
           "relu_basis", "even_kinks", "fit_relu_pieces", "cantor_function", "RELU_TARGETS", "relu_pieces_fit",
           "relu_pieces_explorer"]


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
        """The figure as it is now, as PNG bytes."""
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


# --- Panels used by the chapters ---------------------------------------------

def activation_explorer(activation="sigmoid", w=1.0, b=0.0):
    """A one-input neuron ``a = activation(w * x + b)``: move ``w`` and ``b``, switch the activation.

    The book shows the curve animated over the weight ``w``.

    Parameters
    ----------
    activation : str
        Starting activation: ``"sigmoid"``, ``"tanh"``, ``"relu"`` or ``"step"``.
    w, b : float
        Starting weight and bias.
    """
    from . import activations  # tier 1; imported here so plotting stays light

    x = np.linspace(-5.0, 5.0, 201)                       # (n_points,)

    def curve(activation, w, b):
        return activations.get(activation)(w * x + b)     # (n_points,)

    def title(activation, w, b):
        return f"{activation}({plotting.minus(f'{w:g}')}·x {'+' if b >= 0 else '−'} {abs(b):g})"

    def ylim(activation):
        return (-1.2, 5.2) if activation == "relu" else (-1.2, 1.2)

    def draw(fig, activation, w, b):
        ax = fig.add_subplot()
        plotting.plot_activation(ax, x, curve(activation, w, b), ylim=ylim(activation),
                                 title=title(activation, w, b))
        line = ax.lines[-1]

        def update(activation, w, b):
            line.set_ydata(curve(activation, w, b))
            ax.set_ylim(*ylim(activation))
            ax.set_title(title(activation, w, b))

        return update

    controls = {
        "activation": ipywidgets.Dropdown(options=["sigmoid", "tanh", "relu", "step"], value=activation,
                                          description="activation"),
        "w": ipywidgets.FloatSlider(value=w, min=-4.0, max=4.0, step=0.25, description="weight w"),
        "b": ipywidgets.FloatSlider(value=b, min=-4.0, max=4.0, step=0.25, description="bias b"),
    }
    return LivePanel(
        draw, controls, title="Activation explorer",
        static=animate_over(
            "w", values=np.linspace(-4.0, 4.0, 17), interval=400,
            alt=(f"Animation of a one-input neuron's output, {activation}(w·x + {b:g}), as the weight w "
                 "moves from -4 to 4: the curve flattens to a constant at w = 0, steepens as |w| grows, "
                 "and flips direction when w changes sign."),
        ),
    )


# --- chapter 1: Features and data points ---

#: Hand-made features of a point (x₁, x₂) of the plane, by name: (label, short label, formula).
#:
#: :meta hide-value:
PLANE_FEATURES = {
    "x1": ("x₁", "x₁", lambda x1, x2: x1),
    "x2": ("x₂", "x₂", lambda x1, x2: x2),
    "r": ("r = √(x₁²+x₂²)", "r", lambda x1, x2: np.sqrt(x1 ** 2 + x2 ** 2)),
    "angle": ("angle θ", "θ", lambda x1, x2: np.arctan2(x2, x1)),
    "x1_sq": ("x₁²", "x₁²", lambda x1, x2: x1 ** 2),
    "x2_sq": ("x₂²", "x₂²", lambda x1, x2: x2 ** 2),
    "x1_x2": ("x₁·x₂", "x₁·x₂", lambda x1, x2: x1 * x2),
}


def plane_features(X, names):
    """Compute hand-made features of points in the plane.

    Parameters
    ----------
    X : ndarray, shape (n_samples, 2)
        The points' coordinates x₁ and x₂.
    names : sequence of str
        Keys of :data:`PLANE_FEATURES`: ``"x1"``, ``"x2"``, ``"r"`` (distance
        from the origin), ``"angle"`` (in radians, from -π to π), ``"x1_sq"``,
        ``"x2_sq"``, ``"x1_x2"``.

    Returns
    -------
    F : ndarray, shape (n_samples, len(names))
        One column per feature, in the order of ``names``.

    >>> plane_features(np.array([[3.0, 4.0]]), ["r", "x1_x2"])
    array([[ 5., 12.]])
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"plane_features expects points of shape (n_samples, 2), got shape {X.shape}.")
    unknown = [name for name in names if name not in PLANE_FEATURES]
    if unknown:
        raise ValueError(f"Unknown feature(s) {unknown}; choose from {list(PLANE_FEATURES)}.")
    columns = [PLANE_FEATURES[name][2](X[:, 0], X[:, 1]) for name in names]   # each (n_samples,)
    return np.column_stack(columns) if columns else np.empty((len(X), 0))


class FeatureClassifier:
    """A linear classifier (logistic regression) that sees chosen features of 2-D points.

    One sigmoid neuron, ``dlcore.Network([Dense(n_features, 1, "sigmoid")])``,
    trained with :func:`dlcore.train` by full-batch gradient descent on the
    features of :func:`plane_features`. Each feature is first standardised
    (mean 0, spread 1 on the training points) so that one learning rate suits
    every choice and the weights can be compared. With no features at all it
    can only learn how common class 1 is, and answers that everywhere.

    Parameters
    ----------
    names : sequence of str
        Keys of :data:`PLANE_FEATURES`.
    epochs, lr : int, float
        Full-batch steps and learning rate; 40 steps at 2.0 come within half a
        percentage point of a fully converged fit on the circles data.

    Attributes
    ----------
    weights : ndarray, shape (n_features,)
        The learned weights of the standardised features.
    """

    def __init__(self, names, *, epochs=40, lr=2.0):
        self.names = list(names)
        plane_features(np.zeros((1, 2)), self.names)      # check the names now
        self.epochs, self.lr = epochs, lr
        self.net = None
        self.weights = np.zeros(len(self.names))
        self._base_rate = 0.5

    def fit(self, X, y):
        """Train on points ``X`` (n_samples, 2) with labels ``y`` (n_samples,) of 0/1; returns self."""
        from . import Dense, Network, train  # tiers 2-4

        y = np.asarray(y)
        self._base_rate = float(np.mean(y))
        if not self.names:
            return self
        F = plane_features(X, self.names)                                  # (n_samples, n_features)
        self.mean = F.mean(axis=0)
        self.std = np.where(F.std(axis=0) > 0, F.std(axis=0), 1.0)
        self.net = Network([Dense(len(self.names), 1, "sigmoid", init="zeros")])
        train(self.net, (F - self.mean) / self.std, y, epochs=self.epochs, batch_size=len(F), lr=self.lr)
        self.weights = self.net.layers[0].W[:, 0].copy()
        return self

    def predict_proba(self, X):
        """Probability of class 1 for each point of ``X`` (n_samples, 2), shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        if self.net is None:
            return np.full(len(X), self._base_rate)
        F = (plane_features(X, self.names) - self.mean) / self.std         # (n_samples, n_features)
        return self.net.forward(F)[:, 0]

    def predict(self, X):
        """Class 0 or 1 for each point of ``X``, shape (n_samples,)."""
        return (self.predict_proba(X) >= 0.5).astype(np.int64)

    def accuracy(self, X, y):
        """Fraction of the points of ``X`` whose class is predicted right."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


def _feature_list(names):
    return ", ".join(PLANE_FEATURES[name][0] for name in names) if names else "no features"


#: Feature sets the published page compares, one small plot each.
FEATURE_SETS = (("x1", "x2"), ("angle",), ("x1_sq",), ("r",), ("x1_sq", "x2_sq"), ("x1", "x2", "angle", "x1_x2"))


def feature_picker(X=None, y=None, X_test=None, y_test=None, *, features=("x1", "x2"), compare=FEATURE_SETS):
    """Tick which features a linear classifier sees; watch its boundary and accuracy change.

    Every tick retrains a :class:`FeatureClassifier` on the chosen features of
    the training points, and redraws its decision boundary in the original
    (x₁, x₂) plane beside the weight it gives each feature. The published book
    shows a grid of small plots instead, one per feature set in ``compare``.

    Parameters
    ----------
    X, y : ndarray, shapes (n_samples, 2) and (n_samples,), optional
        Training points and their 0/1 labels; by default 200 points of
        ``datasets.circles(noise=0.1, seed=0)``.
    X_test, y_test : ndarray, optional
        Points the accuracy is measured on; by default 1,000 fresh points of
        the same circles (seed 1). When ``X`` is given without them, the
        accuracy is measured on the training points and says so.
    features : sequence of str
        The features ticked at the start (keys of :data:`PLANE_FEATURES`).
    compare : sequence of sequences of str
        The feature sets of the static grid (up to 9).
    """
    from matplotlib.ticker import MaxNLocator

    from . import datasets

    if X is None:
        X, y = datasets.circles(200, noise=0.1, seed=0)
        if X_test is None:
            X_test, y_test = datasets.circles(1000, noise=0.1, seed=1)
    if y is None:
        raise ValueError("feature_picker needs labels y with the points X: feature_picker(X, y).")
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    plane_features(X, features)
    if X_test is None:
        X_test, y_test, where = X, y, "on the training points"
    else:
        where = "on new points"
    fitted = {}

    def fit(names):
        if names not in fitted:
            model = FeatureClassifier(names).fit(X, y)
            fitted[names] = model, model.accuracy(X_test, y_test)
        return fitted[names]

    def chosen(flags):
        return tuple(name for name in PLANE_FEATURES if flags[name])

    def title(acc):
        return f"{acc:.0%} correct {where}"

    def all_weights(names, model):
        weights = np.full(len(PLANE_FEATURES), np.nan)                   # NaN: feature not seen
        for name, w in zip(names, model.weights):
            weights[list(PLANE_FEATURES).index(name)] = w
        return weights

    def draw(fig, **flags):
        names = chosen(flags)
        model, acc = fit(names)
        ax, ax_w = fig.subplots(1, 2, width_ratios=[1.4, 1])
        regions = plotting.draw_decision_boundary(ax, model.predict_proba, X, y, legend=False, title=title(acc))
        ax.set_aspect("equal", adjustable="box")
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            axis.set_ticks([t for t in MaxNLocator(4, integer=True).tick_values(*limits)   # fixed ticks:
                            if limits[0] <= t <= limits[1]])                                # faster redraws
        bars = plotting.draw_feature_weights(ax_w, [short for _, short, _ in PLANE_FEATURES.values()],
                                             all_weights(names, model), xlim=(-6, 6), ticks=[],
                                             title="weights (grey: not seen)",
                                             xlabel="← outer ring      inner ring →")

        def update(**flags):
            names = chosen(flags)
            model, acc = fit(names)
            regions(predict_fn=model.predict_proba)
            ax.set_title(title(acc))
            bars(all_weights(names, model))

        return update

    controls = {
        name: ipywidgets.Checkbox(value=name in features, description=label, indent=False,
                                  layout=ipywidgets.Layout(width="auto", margin="0 14px 0 0"))
        for name, (label, _, _) in PLANE_FEATURES.items()
    }
    compare = [tuple(names) for names in compare]

    def static(panel):
        results = [fit(names) for names in compare]

        def draw_one(subfig, names):
            ax = subfig.add_subplot()
            model, acc = fit(names)
            plotting.draw_decision_boundary(ax, model.predict_proba, X, y, legend=False, resolution=120,
                                            title=f"{_feature_list(names)}\n{acc:.0%} correct")
            ax.set_aspect("equal", adjustable="box")
            ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
            ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
            ax.title.set_fontsize("large")

        summary = "; ".join(f"{_feature_list(names)}: {acc:.0%}" for names, (_, acc) in zip(compare, results))
        alt = (f"{len(compare)} small plot{'s' if len(compare) > 1 else ''} of the same two-class points in the x₁–x₂ plane, each shaded by "
               "what a linear classifier answers when it sees only the named features, with its "
               f"decision boundary and its accuracy {where}: {summary}.")
        return plotting.small_multiples_html(draw_one, compare, alt=alt, ncols=3, panel_size=(2.9, 3.1), dpi=80)

    return LivePanel(draw, controls, static=static, title="Feature picker", figsize=(7.5, 3.6))


# --- chapter 4: Perceptrons ---

def perceptron_datasets(n_samples=100, seed=0):
    """The data sets of :func:`perceptron_explorer`, by name: ``{"blobs": (X, y), "circles": ..., "xor": ...}``.

    ``blobs`` has a narrow gap (``separation=1.0``) so that the learning rule
    needs a few epochs to find it; ``circles`` and ``xor`` cannot be separated
    by a straight line.
    """
    from . import datasets  # tier 1; imported here so that importing widgets stays light

    return {
        "blobs": datasets.blobs(n_samples, separation=1.0, seed=seed),
        "circles": datasets.circles(n_samples, seed=seed),
        "xor": datasets.xor(n_samples, seed=seed),
    }


def perceptron_updates(X, y, w, b, *, max_updates=100, seed=0):
    """Run the perceptron rule from the line ``(w, b)`` and record its first ``max_updates`` updates.

    Only the steps that change the line are kept (the examples the
    perceptron got wrong); see :meth:`dlcore.perceptron.Perceptron.steps`.

    Parameters
    ----------
    X : ndarray, shape (n_samples, 2)
    y : ndarray of 0/1, shape (n_samples,)
    w : array-like, shape (2,)
        Starting weights.
    b : float
        Starting bias.
    max_updates : int
    seed : int
        Order in which the examples are visited.

    Returns
    -------
    updates : list of dict
        One per update, with ``epoch``, ``index``, ``w`` and ``b`` after the
        update, and ``w_before``, ``b_before``.
    converged : bool
        True if an epoch went by without a mistake before ``max_updates``
        updates were made: the line then separates the classes.
    """
    from .perceptron import Perceptron

    perceptron = Perceptron(2)
    perceptron.w = np.array(w, dtype=float)                       # (2,)
    perceptron.b = float(b)
    w_before, b_before = perceptron.w.copy(), perceptron.b
    updates = []
    # Every epoch but the last has a mistake, so max_updates + 1 epochs is enough.
    for event in perceptron.steps(X, y, epochs=max_updates + 1, seed=seed):
        if event["error"] == 0:
            continue
        if len(updates) == max_updates:
            return updates, False
        updates.append({"epoch": event["epoch"], "index": event["index"], "w": event["w"], "b": event["b"],
                        "w_before": w_before, "b_before": b_before})
        w_before, b_before = event["w"], event["b"]
    return updates, True  # the rule stopped after an epoch without a mistake


def perceptron_explorer(dataset="blobs", w1=0.0, w2=0.0, b=0.0, *, n_samples=100, seed=0, max_updates=100):
    """Move a perceptron's line by hand, then let the learning rule move it one update at a time.

    Controls: the data set (blobs, circles, xor), the weights ``w1``, ``w2``
    and the bias ``b`` of the starting line, and the number of updates of the
    learning rule applied from that line (a slider, and a button for one more).
    The title shows the accuracy of the line drawn. The book shows two
    animations instead: the rule converging on blobs and failing on circles,
    both from the starting line given here.

    Parameters
    ----------
    dataset : str
        ``"blobs"``, ``"circles"`` or ``"xor"`` (see :func:`perceptron_datasets`).
    w1, w2, b : float
        The starting line ``w1 * x1 + w2 * x2 + b = 0``.
    n_samples, seed : int
        Size and seed of the data sets; ``seed`` also sets the order of the examples.
    max_updates : int
        How far the update slider goes.
    """
    data = perceptron_datasets(n_samples, seed)
    if dataset not in data:
        raise ValueError(f"dataset must be one of {list(data)}, got {dataset!r}.")
    cache = {}

    def run(dataset, w1, w2, b):
        key = (dataset, float(w1), float(w2), float(b))
        if key not in cache:
            X, y = data[dataset]
            cache[key] = perceptron_updates(X, y, [w1, w2], b, max_updates=max_updates, seed=seed)
        return cache[key]

    def frame(dataset, w1, w2, b, step):
        """What to draw after ``step`` updates: w, b, previous line, ringed example, title."""
        X, y = data[dataset]
        updates, converged = run(dataset, w1, w2, b)
        previous, highlight = None, None
        if step > len(updates) and converged:
            w, b_now = (updates[-1]["w"], updates[-1]["b"]) if updates else (np.array([w1, w2]), float(b))
            what = f"converged after {len(updates)} updates" if updates else "no mistake: nothing to update"
        elif step == 0:
            w, b_now = np.array([w1, w2], dtype=float), float(b)
            what = "your starting line"
        else:
            event = updates[min(step, len(updates)) - 1]
            w, b_now = event["w"], event["b"]
            previous, highlight = (event["w_before"], event["b_before"]), event["index"]
            what = f"update {min(step, len(updates))} (epoch {event['epoch']})"
        accuracy = np.mean((X @ w + b_now >= 0) == (y == 1))
        title = (f"{dataset}: {what}\n"
                 + plotting.minus(f"accuracy {accuracy:.0%}, w = ({w[0]:.2f}, {w[1]:.2f}), b = {b_now:.2f}"))
        return {"w": w, "b": b_now, "previous": previous, "highlight": highlight, "title": title,
                "X": X, "y": y}

    # The live figure leaves its legend to an HTML key beside it (text is most of the cost of a
    # redraw); the animations, drawn once, carry the legend in every frame.
    with_legend = {"on": False}

    def draw(fig, dataset, w1, w2, b, step):
        ax = fig.add_subplot()
        shown = frame(dataset, w1, w2, b, step)
        redraw = plotting.draw_perceptron(ax, shown["X"], shown["y"], shown["w"], shown["b"],
                                          previous=shown["previous"], highlight=shown["highlight"],
                                          title=shown["title"], title_size="medium",
                                          legend="all" if with_legend["on"] else False)
        # One decimal on every y tick: "−2.0" (blobs) and "−1.5" (xor) are as wide, so the
        # layout fixed after the first draw keeps room for the axis label whatever the data set.
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.1f}"))

        def update(dataset, w1, w2, b, step):
            shown = frame(dataset, w1, w2, b, step)
            redraw(shown["w"], shown["b"], previous=shown["previous"], highlight=shown["highlight"],
                   title=shown["title"], X=shown["X"], y=shown["y"])

        return update

    def animation(panel, name, n_frames, alt):
        updates, converged = run(name, *(panel.values[k] for k in ("w1", "w2", "b")))
        last = len(updates) + 1 if converged else len(updates)     # +1: the "converged" frame
        steps = sorted({int(round(s)) for s in np.linspace(0, last, min(n_frames, last + 1))})
        fig = plotting.new_figure(panel.figsize[0] + 1.3, panel.figsize[1], dpi=plotting.ANIMATION_DPI)
        with_legend["on"] = True
        try:
            update = panel.draw_on(fig, dataset=name, step=steps[0])
        finally:
            with_legend["on"] = False
        return plotting.animation_html(
            fig, lambda step: update(**{**panel.values, "dataset": name, "step": step}), steps,
            alt=alt(updates, converged), interval=700)

    def static(panel):
        start = f"from the line w = ({panel.values['w1']:g}, {panel.values['w2']:g}), b = {panel.values['b']:g}"
        blobs = animation(panel, "blobs", 11, lambda updates, converged: (
            f"Animation of the perceptron learning rule on two separable clusters, {start}. Each frame "
            "applies one update for a misclassified example, which is ringed; the line turns and shifts "
            + (f"until, after {len(updates)} updates, every point lies on its own side (accuracy 100%)."
               if converged else "but has not separated the classes yet.")))
        X, y = data["circles"]

        def accuracies(updates):
            return [np.mean((X @ u["w"] + u["b"] >= 0) == (y == 1)) for u in updates] or [np.nan]

        circles = animation(panel, "circles", 10, lambda updates, converged: (
            f"Animation of the perceptron learning rule on two concentric circles, {start}, over its first "
            f"{len(updates)} updates: the line keeps jumping from one side to the other and the accuracy "
            f"stays between {min(accuracies(updates)):.0%} and {max(accuracies(updates)):.0%}, because no "
            "straight line separates an inner circle from the ring around it."))
        return (
            "<div>"
            "<p><strong>Separable data (blobs):</strong> the learning rule converges.</p>" + blobs +
            "<p><strong>Concentric circles:</strong> the learning rule never settles.</p>" + circles +
            "</div>"
        )

    controls = {
        "dataset": ipywidgets.Dropdown(options=list(data), value=dataset, description="data"),
        "w1": ipywidgets.FloatSlider(value=w1, min=-3.0, max=3.0, step=0.1, description="w₁"),
        "w2": ipywidgets.FloatSlider(value=w2, min=-3.0, max=3.0, step=0.1, description="w₂"),
        "b": ipywidgets.FloatSlider(value=b, min=-3.0, max=3.0, step=0.1, description="b"),
        "step": ipywidgets.IntSlider(value=0, min=0, max=max_updates, description="updates"),
    }
    panel = LivePanel(draw, controls, static=static, title="Perceptron explorer", figsize=(4.6, 4.0))
    next_button = ipywidgets.Button(description="one more update ▶", tooltip="Apply the learning rule once more")

    def one_more(_button):
        controls["step"].value = min(controls["step"].value + 1, controls["step"].max)

    next_button.on_click(one_more)
    panel.next_button = next_button
    panel.key = ipywidgets.HTML(_perceptron_key(), layout=ipywidgets.Layout(margin="0 0 0 12px"))
    controls_box, image, error = panel.children
    panel.children = (controls_box, next_button, ipywidgets.HBox([image, panel.key]), error)
    return panel


def _perceptron_key():
    """The legend of the live perceptron figure, as HTML (drawn once, not at every redraw)."""
    swatch = '<span style="display:inline-block;width:14px;height:10px;background:{};border:1px solid #999"></span>'
    rows = [
        (f'<span style="color:{plotting.CLASS_COLORS[0]}">&#9679;</span>', "class 0"),
        (f'<span style="color:{plotting.CLASS_COLORS[1]}">&#9650;</span>', "class 1"),
        (swatch.format(_hex(plotting._light(plotting.CLASS_COLORS[0]))), "side called 0"),
        (swatch.format(_hex(plotting._light(plotting.CLASS_COLORS[1]))), "side called 1"),
        ('<span style="font-weight:bold">&#8212;</span>', "the line w·x + b = 0"),
        (f'<span style="color:{plotting.GREY}">- -</span>', "line before the update"),
        (f'<span style="color:{plotting.VERMILLION}">&#9711;</span>', "example the rule just used"),
    ]
    return ('<div style="font-size:90%;line-height:1.7;margin-top:30px">'
            + "<br>".join(f"{symbol}&nbsp; {html.escape(text)}" for symbol, text in rows) + "</div>")


def _hex(rgb):
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgb)


# --- chapter 2: Learning a function from examples ---

def _polynomial_fit(x, t, degree):
    """Least-squares polynomial of ``degree`` through the examples ``(x, t)``.

    Returns the coefficients, highest power first (as ``np.polyval`` takes
    them). With fewer examples than coefficients many polynomials fit
    exactly; this returns the one with the smallest coefficients (numpy's
    ``lstsq``), without the warning ``np.polyfit`` gives.

    Parameters
    ----------
    x, t : array-like of shape (n_samples,) or (n_samples, 1)
    degree : int
        0 is a constant, 1 a line, 2 a parabola, ...

    Returns
    -------
    coef : ndarray of shape (degree + 1,)
    """
    x = np.asarray(x, dtype=float).ravel()
    t = np.asarray(t, dtype=float).ravel()
    if len(x) != len(t):
        raise ValueError(f"x and t must hold one output per input, got {len(x)} inputs and {len(t)} outputs.")
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError(f"degree must be a whole number >= 0 (1 is a line, 2 a parabola), got {degree!r}.")
    V = np.vander(x, degree + 1)                                  # (n_samples, degree + 1): x^d ... x^0
    coef, *_ = np.linalg.lstsq(V, t, rcond=None)                  # (degree + 1,)
    return coef


def function_fit_explorer(f=np.square, *, n_samples=10, noise=0.3, degree=2, seed=0, x_range=(-2.0, 2.0),
                          name="x²", ylim=(-1.5, 6.0)):
    """Fit a polynomial to noisy examples of ``f``: slide the number of examples, the noise and the degree.

    The figure shows the examples, the true function (dashed) and the fitted
    polynomial, refitted at every change; its title gives the *fit error*,
    the mean squared difference between the fitted model and ``f`` over
    ``x_range``. The book shows the fit animated over the number of examples.

    Parameters
    ----------
    f : callable
        The true function, applied to a 1-D array; e.g. ``np.square``.
    n_samples, noise, degree : starting values of the controls
        Number of examples (2 to 100), noise standard deviation (0 to 1) and
        polynomial degree (1 to 9).
    seed : int
        The examples come from ``datasets.function_samples(f, n, noise=noise, seed=seed)``:
        more examples keep the earlier ones, and changing the noise keeps every x.
    name : str
        How the title and legend name ``f``.
    ylim : (float, float)
        Fixed y range of the plot.
    """
    from . import datasets  # tier 1; imported here so plotting stays light

    x_grid = np.linspace(x_range[0], x_range[1], 201)             # (n_points,)
    y_true = f(x_grid)                                            # (n_points,)

    def fit(n_samples, noise, degree):
        x, t = datasets.function_samples(f, n_samples, x_range=x_range, noise=noise, seed=seed)
        y_fit = np.polyval(_polynomial_fit(x, t, degree), x_grid)  # (n_points,)
        error = float(np.mean((y_fit - y_true) ** 2))
        return x, t, y_fit, error

    def title(n_samples, error):
        shown = f"{error:.3f}" if error < 100 else f"{error:,.0f}"
        return f"{n_samples} examples: fit error {shown}"

    def draw(fig, n_samples, noise, degree):
        x, t, y_fit, error = fit(n_samples, noise, degree)
        ax = fig.add_subplot()
        move = plotting.plot_function_fit(ax, x, t, x_grid, y_true, {"fitted polynomial": y_fit},
                                          title=title(n_samples, error), ylim=ylim, true_label=f"true {name}")

        def update(n_samples, noise, degree):
            x, t, y_fit, error = fit(n_samples, noise, degree)
            move(x, t, {"fitted polynomial": y_fit}, title=title(n_samples, error))

        return update

    frames = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 65, 80, 100]
    first, last = fit(frames[0], noise, degree)[3], fit(frames[-1], noise, degree)[3]
    controls = {
        "n_samples": ipywidgets.IntSlider(value=n_samples, min=2, max=100, step=1, description="examples",
                                          continuous_update=True),
        "noise": ipywidgets.FloatSlider(value=noise, min=0.0, max=1.0, step=0.05, description="noise"),
        "degree": ipywidgets.IntSlider(value=degree, min=1, max=9, step=1, description="degree"),
    }
    return LivePanel(
        draw, controls, title="Fitting a function from examples",
        static=animate_over(
            "n_samples", values=frames, interval=600,
            alt=(f"Animation over the number of examples, from {frames[0]} to {frames[-1]}: noisy examples of "
                 f"{name} (noise {noise:g}) as dots, the true {name} as a dashed curve and the "
                 f"degree-{degree} polynomial fitted to the examples as a blue curve. The fit error in the title "
                 f"goes from {first:.3g} with {frames[0]} examples to {last:.3g} with {frames[-1]}"
                 + (", as the fitted curve settles onto the true one." if last < first / 10 else ".")),
        ),
    )


# --- chapter 5: Neurons and layers ---

_NEURON_ACTIVATIONS = ("identity", "step", "sigmoid", "tanh", "relu", "leaky_relu")


def neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="sigmoid"):
    """A two-input neuron ``g(w1 x1 + w2 x2 + b)`` as a heat map over the input plane.

    Move the weights and the bias, switch the activation. The line where the
    weighted sum is 0 and the arrow along ``(w1, w2)`` show how the weights
    turn and the bias shifts the neuron's response. The book shows the same
    neuron under every activation, side by side.

    Parameters
    ----------
    w1, w2, b : float
        Starting weights and bias, each in [-3, 3].
    activation : str
        Starting activation: ``"identity"``, ``"step"``, ``"sigmoid"``,
        ``"tanh"``, ``"relu"`` or ``"leaky_relu"``.
    """
    def draw(fig, w1, w2, b, activation):
        update = plotting.plot_neuron_output(fig.add_subplot(), (w1, w2), b, activation)
        return lambda w1, w2, b, activation: update((w1, w2), b, activation)

    def slider(value, description):
        return ipywidgets.FloatSlider(value=value, min=-3.0, max=3.0, step=0.1, description=description,
                                      continuous_update=True)

    controls = {
        "w1": slider(w1, "weight w₁"),
        "w2": slider(w2, "weight w₂"),
        "b": slider(b, "bias b"),
        "activation": ipywidgets.Dropdown(options=list(_NEURON_ACTIVATIONS), value=activation,
                                          description="activation"),
    }
    return LivePanel(
        draw, controls, title="Neuron explorer", figsize=(5.0, 4.0),
        static=_neuron_static(
            alt=(f"Six heat maps of one neuron with weights w1 = {w1:g}, w2 = {w2:g} and bias b = {b:g} over "
                 "inputs x1 and x2 from -3 to 3, one per activation (identity, step, sigmoid, tanh, relu, "
                 "leaky relu). The line where the weighted sum is zero is the same in all six; the activation "
                 "only changes how the output varies across it: a ramp for identity, a sharp 0/1 edge "
                 "for step, a soft edge for sigmoid and tanh, and zero on one side for relu."),
        ),
    )


def _neuron_static(alt):
    """Small multiples of the neuron explorer, one panel per activation (each panel has its own title)."""
    def build(panel):
        return plotting.small_multiples_html(
            lambda subfig, act: panel.draw_function(subfig, **{**panel.values, "activation": act}),
            _NEURON_ACTIVATIONS, alt=alt, ncols=3, panel_size=(3.4, 2.8))
    return build


def network_explorer(net, x1=1.0, x2=0.0, *, lim=(-0.5, 1.5), points=((0, 0), (0, 1), (1, 0), (1, 1)),
                     weight_labels=True, alt=None):
    """A small two-input network drawn with its values, for an input set with two sliders.

    Left: the network, each neuron showing its value for the input
    ``(x1, x2)``. Right: the network's output over the whole input square,
    with the chosen input marked. The book shows the same for each of
    ``points``, side by side.

    Parameters
    ----------
    net : Network
        Any network with 2 inputs (small enough to draw: up to ~8 neurons per layer).
    x1, x2 : float
        Starting input.
    lim : (float, float)
        Range of both sliders and of the heat map.
    points : sequence of (float, float)
        The inputs the static counterpart shows.
    weight_labels : bool
        Write the weights and biases on the diagram.
    alt : str, optional
        Description of the static counterpart (a default one says what is drawn).
    """
    if getattr(net, "n_in", None) != 2:
        raise ValueError(f"network_explorer needs a Network with 2 inputs (x1, x2), got {net!r}.")
    out_name = net.layers[-1].activation.name
    vrange = {"sigmoid": (0.0, 1.0), "step": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(out_name, (None, None))

    def draw(fig, x1, x2):
        ax_net, ax_out = fig.subplots(1, 2, width_ratios=[1.5, 1])
        update_net = plotting.draw_network(ax_net, net, x=[x1, x2], weight_labels=weight_labels)
        plotting.plot_network_output(ax_out, net, lim=lim, vmin=vrange[0], vmax=vrange[1])
        (marker,) = ax_out.plot([x1], [x2], marker="o", markersize=10, markerfacecolor="white",
                                markeredgecolor=plotting.BLACK, markeredgewidth=1.5, linestyle="none")

        def title(x1, x2):
            y = net.forward(np.array([[x1, x2]]))[0, 0]
            ax_out.set_title(plotting.minus(f"output {y:.2f} at ({x1:g}, {x2:g})"), fontsize="medium")

        def update(x1, x2):
            update_net([x1, x2])
            marker.set_data([x1], [x2])
            title(x1, x2)

        title(x1, x2)
        return update

    def slider(value, description):
        return ipywidgets.FloatSlider(value=value, min=lim[0], max=lim[1], step=0.05, description=description)

    points = [tuple(float(v) for v in p) for p in points]
    if alt is None:
        alt = (f"The {'-'.join(str(n) for n in net.sizes)} network drawn for the inputs "
               + ", ".join(f"({p[0]:g}, {p[1]:g})" for p in points)
               + ": each neuron is filled and labelled with its value (white for 0, orange for positive, "
                 "blue for negative); beside them a heat map of the network's output over all inputs "
                 "marks these inputs with their outputs.")

    def static(panel):
        # Left: the diagram for each input of `points`; right: the output over the plane, points marked.
        ncols = 2
        nrows = -(-len(points) // ncols)
        fig = plotting.new_figure(10.0, 2.6 * nrows + 0.3, dpi=plotting.ANIMATION_DPI)
        left, right = fig.subfigures(1, 2, width_ratios=[2.2, 1.3])
        axes = np.ravel(left.subplots(nrows, ncols, squeeze=False))
        for ax in axes:
            ax.set_axis_off()                 # before drawing: draw_network sizes nodes to the final layout
        for ax, p in zip(axes, points + [None] * ncols):
            if p is None:
                ax.set_visible(False)
                continue
            plotting.draw_network(ax, net, x=p, weight_labels=weight_labels, title=f"input ({p[0]:g}, {p[1]:g})")
        ax_out = right.add_subplot()
        image = plotting.plot_network_output(ax_out, net, lim=lim, vmin=vrange[0], vmax=vrange[1],
                                             colorbar=False)
        right.colorbar(image, ax=ax_out, orientation="horizontal", shrink=0.8, label="network output")
        for p in points:
            ax_out.plot(*p, marker="o", markersize=8, markerfacecolor="white",
                        markeredgecolor=plotting.BLACK, linestyle="none")
            y = net.forward(np.array([p]))[0, 0]
            ax_out.annotate(f"{y:.2f}", p, xytext=(0, 9), textcoords="offset points", ha="center",
                            fontsize="small", bbox=dict(boxstyle="round,pad=0.15", facecolor="white",
                                                        edgecolor="none"))
        ax_out.set_title("output over all inputs", fontsize="medium")
        return plotting.img_html(plotting.figure_to_png(fig), alt)

    return LivePanel(draw, {"x1": slider(x1, "input x₁"), "x2": slider(x2, "input x₂")},
                     title="Network explorer", figsize=(7.5, 3.2), static=static)


# --- chapter 3: Building complex functions from simple ones ---

def relu_basis(x, kinks):
    """The ReLU pieces ``relu(x - t)``, one column per kink ``t``.

    Piece ``j`` is 0 up to its kink ``kinks[j]`` and rises with slope 1 after
    it. A weighted sum of the columns plus a constant is a broken line that
    bends at the kinks.

    Parameters
    ----------
    x : array-like of shape (n_points,) or (n_points, 1)
    kinks : array-like of shape (n_kinks,)

    Returns
    -------
    ndarray of shape (n_points, n_kinks)

    Examples
    --------
    >>> relu_basis([0.0, 1.0, 2.0], [0.5, 1.5])
    array([[0. , 0. ],
           [0.5, 0. ],
           [1.5, 0.5]])
    """
    x = np.asarray(x, dtype=float)
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    if x.ndim != 1:
        raise ValueError(f"relu_basis expects x as a 1-D array of inputs (n_points,), got shape {x.shape}.")
    kinks = np.atleast_1d(np.asarray(kinks, dtype=float))
    if kinks.ndim != 1:
        raise ValueError(f"kinks must be a 1-D list of positions, got shape {kinks.shape}.")
    return np.maximum(x[:, None] - kinks[None, :], 0.0)            # (n_points, n_kinks)


def even_kinks(n_pieces, x_range=(-3.0, 3.0)):
    """Kinks that cut ``x_range`` into ``n_pieces`` stretches of equal length.

    The first kink is at the left end, so that the first piece is a straight
    line over the whole range and each further kink starts a new stretch:
    ``even_kinks(3, (-3, 3))`` is ``[-3, -1, 1]``.

    Returns
    -------
    ndarray of shape (n_pieces,)
    """
    if isinstance(n_pieces, bool) or not isinstance(n_pieces, (int, np.integer)) or n_pieces < 1:
        raise ValueError(f"n_pieces must be a whole number of at least 1, got {n_pieces!r}.")
    lo, hi = (float(v) for v in x_range)
    if not lo < hi:
        raise ValueError(f"x_range must be (low, high) with low < high, got {x_range!r}.")
    return np.linspace(lo, hi, int(n_pieces) + 1)[:-1]


def fit_relu_pieces(x, y, kinks):
    """The best combination of ReLU pieces at fixed kinks, by least squares.

    Finds the constant ``bias`` and the weights ``w`` for which
    ``bias + relu_basis(x, kinks) @ w`` has the smallest mean squared
    difference from ``y``. The kinks stay where they are; only how much of
    each piece to take is chosen.

    Parameters
    ----------
    x : array-like of shape (n_points,) or (n_points, 1)
    y : array-like of shape (n_points,)
    kinks : array-like of shape (n_kinks,)

    Returns
    -------
    bias : float
    weights : ndarray of shape (n_kinks,)
    """
    B = relu_basis(x, kinks)                                        # (n_points, n_kinks)
    y = np.asarray(y, dtype=float).ravel()
    if len(y) != len(B):
        raise ValueError(f"x and y must hold one output per input, got {len(B)} inputs and {len(y)} outputs.")
    D = np.column_stack([np.ones(len(B)), B])                       # (n_points, 1 + n_kinks)
    coef, *_ = np.linalg.lstsq(D, y, rcond=None)                    # (1 + n_kinks,)
    return float(coef[0]), coef[1:]


def cantor_function(u, depth=34):
    """The Cantor function ("devil's staircase") on [0, 1].

    A continuous, increasing function from 0 to 1 that is flat on the middle
    third, on the middle thirds of the two outer thirds, and so on at every
    scale, and climbs only on the Cantor set left over. It is computed from
    the first ``depth`` ternary digits of ``u``.

    Parameters
    ----------
    u : array-like
        Inputs; values outside [0, 1] are clipped to it.

    Returns
    -------
    ndarray of the shape of ``u``
    """
    u = np.clip(np.asarray(u, dtype=float), 0.0, 1.0)
    value = np.zeros_like(u)
    done = u >= 1.0
    value[done] = 1.0
    scale = 0.5
    for _ in range(depth):
        u = 3.0 * u
        digit = np.minimum(np.floor(u), 2.0)
        u = u - digit
        middle = (digit == 1.0) & ~done                   # inside a flat step: its height is final
        value[middle] += scale
        done |= middle
        value[(digit == 2.0) & ~done] += scale
        scale /= 2.0
    return value


#: Curves to approximate with ReLU pieces on [-3, 3], by name: (formula for titles, function).
RELU_TARGETS = {
    "wave": ("sin(x + 1) + 0.3·x", lambda x: np.sin(x + 1.0) + 0.3 * x),
    "bumps": ("sin(3x)·exp(−x²/2)", lambda x: np.sin(3.0 * x) * np.exp(-x ** 2 / 2.0)),
    "smooth step": ("tanh(3x)", lambda x: np.tanh(3.0 * x)),
    "kink": ("|x| − 1", lambda x: np.abs(x) - 1.0),
    "staircase": ("Cantor staircase", lambda x: 3.0 * cantor_function((np.asarray(x) + 3.0) / 6.0) - 1.5),
}


def _relu_target(name):
    if name not in RELU_TARGETS:
        raise ValueError(f"Unknown target {name!r}; choose one of {list(RELU_TARGETS)}.")
    return RELU_TARGETS[name]


def relu_pieces_fit(target, n_pieces, x):
    """Fit ``n_pieces`` evenly spaced ReLU pieces to a curve of :data:`RELU_TARGETS` on ``x``.

    Parameters
    ----------
    target : str
        A key of :data:`RELU_TARGETS`.
    n_pieces : int
    x : ndarray of shape (n_points,)
        Sorted inputs; the kinks cut ``[x[0], x[-1]]`` evenly (:func:`even_kinks`).

    Returns
    -------
    dict
        ``y`` (the target on x), ``kinks``, ``bias``, ``weights``, ``pieces``
        (n_points, n_pieces: each weighted piece on x), ``y_hat`` (their sum
        plus the bias) and ``error`` (the mean squared difference from ``y``).
    """
    _, f = _relu_target(target)
    x = np.asarray(x, dtype=float)
    y = f(x)                                                        # (n_points,)
    kinks = even_kinks(n_pieces, (x[0], x[-1]))
    bias, weights = fit_relu_pieces(x, y, kinks)
    pieces = relu_basis(x, kinks) * weights                         # (n_points, n_pieces)
    y_hat = bias + pieces.sum(axis=1)
    return {"y": y, "kinks": kinks, "bias": bias, "weights": weights, "pieces": pieces, "y_hat": y_hat,
            "error": float(np.mean((y_hat - y) ** 2))}


def _error_text(error):
    """A mean squared error for a title: 0.0123 or 1.2e-06 (scientific once it is tiny)."""
    return f"{error:.2g}" if error < 1e-3 else f"{error:.4f}"


def relu_pieces_explorer(target="wave", n_pieces=4, *, max_pieces=32, x_range=(-3.0, 3.0), n_points=301):
    """Approximate a curve by a sum of ReLU pieces: slide the number of pieces, pick the curve.

    The pieces bend at evenly spaced kinks; their best combination (a
    constant plus a weight per piece) is found by least squares at every
    change, which takes well under a millisecond. The figure shows the
    target (dashed), the pieces (faint), their sum and, in the title, the
    mean squared error over ``x_range``. The book shows the sum animated
    over the number of pieces.

    Parameters
    ----------
    target : str
        Starting curve, a key of :data:`RELU_TARGETS`.
    n_pieces : int
        Starting number of pieces, 1 to ``max_pieces``.
    max_pieces : int
        Largest number of pieces the slider offers.
    x_range : (float, float)
        Where the curve is approximated.
    n_points : int
        Points of ``x_range`` at which the error is measured.
    """
    _relu_target(target)
    x = np.linspace(x_range[0], x_range[1], n_points)                # (n_points,)

    def ylim(target):
        y = _relu_target(target)[1](x)
        low, high = float(y.min()), float(y.max())
        pad = 0.3 * (high - low)
        return low - pad, high + pad

    def title(n_pieces, error):
        return f"{n_pieces} piece{'s' if n_pieces != 1 else ''}: mean squared error {_error_text(error)}"

    def draw(fig, n_pieces, target):
        fit = relu_pieces_fit(target, n_pieces, x)
        ax = fig.add_subplot()
        move = plotting.plot_relu_pieces(ax, x, fit["y"], fit["pieces"], fit["bias"], kinks=fit["kinks"],
                                         ylim=ylim(target), title=title(n_pieces, fit["error"]),
                                         target_label=f"target {_relu_target(target)[0]}")
        # One decimal on every y tick: the labels keep their width when another target changes the
        # range, so the layout fixed after the first draw still has room for them.
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.1f}"))
        shown = {"target": target}

        def update(n_pieces, target):
            fit = relu_pieces_fit(target, n_pieces, x)
            move(fit["y"], fit["pieces"], fit["bias"], kinks=fit["kinks"], title=title(n_pieces, fit["error"]))
            if target != shown["target"]:
                ax.set_ylim(*ylim(target))
                ax.get_legend().get_texts()[0].set_text(f"target {_relu_target(target)[0]}")
                shown["target"] = target

        return update

    frames = [n for n in (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32) if n <= max_pieces]
    first, last = (relu_pieces_fit(target, n, x)["error"] for n in (frames[0], frames[-1]))
    controls = {
        "n_pieces": ipywidgets.IntSlider(value=n_pieces, min=1, max=max_pieces, step=1, description="pieces",
                                         continuous_update=True),
        "target": ipywidgets.Dropdown(options=list(RELU_TARGETS), value=target, description="target"),
    }
    formula = _relu_target(target)[0]
    return LivePanel(
        draw, controls, title="Adding ReLU pieces",
        static=animate_over(
            "n_pieces", values=frames, interval=700,
            alt=(f"Animation over the number of ReLU pieces, from {frames[0]} to {frames[-1]}, approximating "
                 f"the curve {formula} (dashed) on [{x_range[0]:g}, {x_range[1]:g}]. Faint orange lines are "
                 "the individual pieces, each zero up to its kink and straight after it; the blue curve is "
                 "their best sum, a broken line with a dot at each kink. The mean squared error in the "
                 f"title falls from {_error_text(first)} with {frames[0]} piece{'s' if frames[0] != 1 else ''} "
                 f"to {_error_text(last)} with {frames[-1]}, as the broken line settles onto the curve."),
        ),
    )

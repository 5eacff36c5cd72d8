"""The playground: watch a small network learn a problem in the plane, and change anything while it does.

``widgets.playground()`` is a :class:`~dlcore.widgets.play.PlayPanel` over a
:class:`~dlcore.playground.run.Playground` run (the engine, numpy only), drawn by
:func:`~dlcore.plotting.playground.plot_playground`. Play trains a few epochs
per frame on the kernel's event loop, so the notebook stays responsive and
pause acts at once. Each frame redraws only what moved (the panel machinery's
saved background; every neuron's map is one image drawn at its pixels), is
sent as JPEG (encoded ten times faster than PNG), and the words (epoch,
scores, the chosen weight's last update) go in an HTML pane above the figure,
which costs the kernel no drawing. ``pg.state()`` is the whole run as a small
dict, and ``playground(state=saved)`` makes it again.
The published page shows an animation of the run training, with its settings
written beside it.
"""

import html
import io

import ipywidgets
import numpy as np

from .. import plotting
from ..playground import ACTIVATIONS, DATA_NAMES, DEFAULTS, FEATURES, MULTI_CLASS, Playground
from ..playground.run import LIVE_SETTINGS
from ..plotting.playground import FIGSIZE, plot_playground, scores_text, update_text, weight_name
from .panel import _FastRenderer
from .play import PlayPanel

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
WEIGHT_DECAYS = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
MOMENTA = (0.0, 0.5, 0.9, 0.95, 0.99)
SPEEDS = (1, 2, 5, 10, 20)
#: Controls whose change starts a new run; the others apply from the next step.
RESETS = ("data", "noise", "classes", "train_fraction", "features", "hidden", "activation", "cost",
          "batch_size", "seed")
FRAME_SECONDS = 0.025          # training time per frame while playing, at most (about)
STATIC_DPI = 72                # the published page's animation: 10 frames of 720 x 360 pixels, about 0.5 MB


def _options(values, value):
    """Dropdown options: ``values`` with ``value`` added in order if it is not among them."""
    return sorted({*values, value})


class PlaygroundPanel(PlayPanel):
    """The playground's live panel (make one with :func:`playground`).

    Attributes
    ----------
    run : dlcore.playground.run.Playground
        The current run; ``panel.run.net`` is its network.
    buttons : dict
        ``"play"``, ``"step"`` (one optimiser step), ``"epoch"`` (the rest of
        the epoch) and ``"reset"``.
    """

    def __init__(self, run, *, preview_epochs=None, speed=5, dpi=80):
        self.run = run
        self._given = run                     # what PlayPanel's first reset returns
        self._own = run.own_data
        self._syncing = False
        self._first_state = run.state()
        self.preview_epochs = preview_epochs
        s = run.settings
        style = {"description_width": "initial"}
        wide = ipywidgets.Layout(width="17em")
        data_options = [(name, name) for name in DATA_NAMES] + ([("your data", "own")] if self._own is not None else [])
        controls = {
            "data": ipywidgets.Dropdown(options=data_options, value=s["data"] or "own", description="data",
                                        layout=wide),
            "noise": ipywidgets.FloatSlider(value=s["noise"], min=0.0, max=0.5, step=0.05, description="noise",
                                            continuous_update=False, style=style),
            "classes": ipywidgets.IntSlider(value=s["classes"], min=2, max=5, description="classes",
                                            continuous_update=False, style=style),
            "train_fraction": ipywidgets.FloatSlider(value=s["train_fraction"], min=0.1, max=0.9, step=0.05,
                                                     description="training share", continuous_update=False,
                                                     style=style),
            "features": ipywidgets.SelectMultiple(options=list(FEATURES), value=tuple(s["features"]), rows=4,
                                                  description="features", layout=wide),
            "hidden": ipywidgets.Text(value=", ".join(str(n) for n in s["hidden"]), description="hidden neurons",
                                      placeholder="e.g. 4, 4", continuous_update=False, style=style,
                                      layout=ipywidgets.Layout(width="14em")),
            "activation": ipywidgets.Dropdown(options=ACTIVATIONS, value=s["activation"], description="activation",
                                              layout=wide),
            "cost": ipywidgets.Dropdown(options=("cross_entropy", "mse"), value=s["cost"], description="cost",
                                        layout=wide),
            "lr": ipywidgets.Dropdown(options=_options(LEARNING_RATES, s["lr"]), value=s["lr"],
                                      description="learning rate", style=style, layout=wide),
            "batch_size": ipywidgets.IntSlider(value=s["batch_size"], min=1, max=max(len(run.X_train), 1),
                                               description="batch size", continuous_update=False, style=style),
            "weight_decay": ipywidgets.Dropdown(options=_options(WEIGHT_DECAYS, s["weight_decay"]),
                                                value=s["weight_decay"], description="weight decay", style=style,
                                                layout=wide),
            "momentum": ipywidgets.Dropdown(options=_options(MOMENTA, s["momentum"]), value=s["momentum"],
                                            description="momentum", layout=wide),
            "seed": ipywidgets.BoundedIntText(value=s["seed"], min=0, max=2**31 - 1, description="seed",
                                              layout=ipywidgets.Layout(width="11em")),
            "stop_after": ipywidgets.BoundedIntText(value=s["stop_after"] or 0, min=0, max=10**6,
                                                    description="stop after (epochs, 0: never)", style=style,
                                                    layout=ipywidgets.Layout(width="18em")),
            "speed": ipywidgets.Dropdown(options=_options(SPEEDS, speed), value=speed,
                                         description="epochs per frame", style=style, layout=wide),
            "weight": ipywidgets.Dropdown(options=self._weight_options(run), value=(0, 0, 0),
                                          description="weight shown", style=style,
                                          layout=ipywidgets.Layout(width="30em")),
        }
        controls["data"].observe(self._data_changed, names="value")    # before the panel's own observer
        self._enable_classes(controls)
        super().__init__(self._new_run, self._frame, self._draw, controls, resets=RESETS, pane=self._pane,
                         interval=0.05, title="Playground", figsize=FIGSIZE, dpi=dpi, static=self._static)
        self.buttons["step"] = ipywidgets.Button(description="step", icon="step-forward",
                                                 tooltip="one step: one mini-batch")
        self.buttons["epoch"] = ipywidgets.Button(description="one epoch", icon="fast-forward",
                                                  tooltip="the rest of this epoch")
        self.buttons["step"].on_click(lambda _b: self._guarded(self.step))
        self.buttons["epoch"].on_click(lambda _b: self._guarded(self.run_epoch))
        buttons = [self.buttons[name] for name in ("play", "step", "epoch", "reset")]
        _, control_box, row, error = self.children
        image, pane = row.children
        pane.layout.margin = "0.3em 0 0 0.5em"
        self.image.format = "jpeg"
        self.children = [ipywidgets.HBox(buttons), control_box, pane, image, error]

    # --- the API -------------------------------------------------------------

    @property
    def state(self):
        """``pg.state()``: the whole run as a small dict that ``json.dumps`` can write.

        Pass it back as ``widgets.playground(state=...)`` to make the same run
        again, trained to the same step. (PlayPanel keeps its state object
        here; for the playground that object is ``run``.)
        """
        return self._state_dict

    @state.setter
    def state(self, run):
        self.run = run

    def _state_dict(self):
        return self.run.state()

    def step(self):
        """One optimiser step (one mini-batch), then redraw."""
        self.run.step(1)
        self._after_training()

    def run_epoch(self):
        """The rest of the current epoch, then redraw."""
        self.run.run_epoch()
        self._after_training()

    def redraw(self):
        """Draw the run and show it; returns the image (JPEG: a tenth of a PNG's encoding time)."""
        image = super().redraw()
        if self._renderer is not None and not isinstance(self._renderer, _JpegRenderer):
            # A new figure (PlayPanel drew it from scratch, as PNG): from now on, JPEG frames.
            self._renderer = _JpegRenderer.taking_over(self._renderer)
            image = self.image.value = _jpeg(self.fig.canvas)
        return image

    def _after_training(self):
        if self.run.finished:
            self.pause()
        self.redraw()

    # --- what PlayPanel calls --------------------------------------------------

    def _settings(self, values):
        settings = {name: values[name] for name in DEFAULTS if name in values}
        settings["features"] = tuple(values["features"])           # none chosen: the engine says so
        settings["stop_after"] = values["stop_after"] or None
        if values["data"] not in MULTI_CLASS:
            settings["classes"] = 2
        if values["data"] == "regression":
            settings["cost"] = "mse"
        settings["n_samples"] = self.run.settings["n_samples"] if self.run.own_data is None else DEFAULTS["n_samples"]
        return settings

    def _new_run(self, **values):
        if self._given is not None:
            run, self._given = self._given, None
            return run
        settings = self._settings(values)
        data = settings.pop("data")
        n_points = len(self._own[0]) if data == "own" else settings["n_samples"]
        settings["batch_size"] = min(settings["batch_size"], max(1, int(round(settings["train_fraction"] * n_points))))
        if data == "own":
            for name in ("noise", "classes", "n_samples"):
                settings.pop(name)
            run = Playground(None, X=self._own[0], y=self._own[1], **settings)
        else:
            run = Playground(data, **settings)
        self.run = run
        if hasattr(self, "controls"):
            self._sync_controls(run)
        return run

    def _sync_controls(self, run):
        """After a reset: the weight menu lists the new network's weights; batch size fits the data."""
        self._syncing = True
        try:
            weight = self.controls["weight"]
            options = self._weight_options(run)
            keep = weight.value if weight.value in [v for _, v in options] else (0, 0, 0)
            weight.options, weight.value = options, keep
            batch = self.controls["batch_size"]
            batch.max = len(run.X_train)
            batch.value = run.settings["batch_size"]
        finally:
            self._syncing = False

    def _frame(self, _state, **values):
        self.run.train_for(FRAME_SECONDS, epochs=values["speed"])
        if self.run.finished:
            self.pause()

    def _draw(self, fig, _state, **values):
        update = plot_playground(fig, self.run, weight=values["weight"], text=False)   # words go in the pane
        return lambda _state, **later: update(self.run, later["weight"])

    def _pane(self, _state, **values):
        run = self.run
        head, _, scores = scores_text(run).partition("   ")
        weight, _, formula = update_text(run, values["weight"]).partition("\n")
        text = (f"<b>{html.escape(head)}</b> (step {run.steps}) &nbsp; {html.escape(scores)}<br>"
                f"{html.escape(weight)}<br><code>{html.escape(formula)}</code>")
        if run.diverged:
            text += ('<br><span style="color:#B00020">Training diverged: the cost became infinite. Lower the '
                     'learning rate, then press <b>reset</b>.</span>')
        elif run.finished:
            text += f"<br>stopped after {run.epoch} epochs (stop after)"
        return text

    def _on_change(self, change):
        if self._syncing:
            return
        name = next((n for n, c in self.controls.items() if c is change["owner"]), None)
        if name in LIVE_SETTINGS:
            value = change["new"] or None if name == "stop_after" else change["new"]
            if not self._guarded(lambda: self.run.set(**{name: value})):
                return
        super()._on_change(change)

    def _data_changed(self, change):
        """Regression takes the MSE cost; only blobs and spirals take more than two classes."""
        self._syncing = True
        try:
            if change["new"] == "regression":
                self.controls["cost"].value = "mse"
            elif change["old"] == "regression":
                self.controls["cost"].value = "cross_entropy"
        finally:
            self._syncing = False
        self._enable_classes(self.controls)

    @staticmethod
    def _enable_classes(controls):
        controls["classes"].disabled = controls["data"].value not in MULTI_CLASS
        controls["noise"].disabled = controls["data"].value == "own"
        controls["cost"].disabled = controls["data"].value == "regression"

    @staticmethod
    def _weight_options(run):
        return [(weight_name(run, (layer, i, j)), (layer, i, j))
                for layer, dense in enumerate(run.net.layers) for i in range(dense.n_in) for j in range(dense.n_out)]

    # --- the published page ---------------------------------------------------------

    def _static(self, panel):
        first = dict(self._first_state)
        changes = first.pop("changes")
        first.update(epoch=0, step=0)
        run = Playground.from_state(first)
        stop = run.settings["stop_after"]
        last = self.preview_epochs or stop or 200
        frames = sorted({int(round(last * (k / 9) ** 2)) for k in range(10)})     # more frames early on
        fig = plotting.new_figure(*FIGSIZE, dpi=STATIC_DPI, layout=None)
        update = plot_playground(fig, run, weight=self.controls["weight"].value)

        def draw(epoch):
            run.replay(changes, epoch=epoch)
            update(run)

        s = run.settings
        where = f"the {s['data']} data" if s["data"] else "the reader's own data"
        layers = ", ".join(str(n) for n in s["hidden"]) or "no"
        alt = (f"Animation of the playground training a network with hidden layers of {layers} {s['activation']} "
               f"neurons on {where}, from epoch 0 to {frames[-1]}: the neurons' maps, the weights as lines, the "
               "output over the plane with the training and test points, and the training and test cost per epoch.")
        player = plotting.fewer_colors(plotting.animation_html(fig, draw, frames, alt=alt, interval=500, dpi=STATIC_DPI))
        items = "".join(f"<div>{html.escape(k)}: <code>{html.escape(_show(v))}</code></div>"
                        for k, v in _settings_shown(self._first_state, changes))
        settings = ('<div style="font-size:0.85em;columns:3 13em;margin-top:0.3em">'
                    f"<div><b>settings</b></div>{items}</div>")
        return f"<div>{player}{settings}</div>\n"


class _JpegRenderer(_FastRenderer):
    """The panel's fast renderer, sending JPEG frames: encoded in about 1 ms where PNG takes 10,
    and half the bytes to send; at quality 90 the text and lines stay sharp enough to read."""

    @classmethod
    def taking_over(cls, renderer):
        jpeg = cls(renderer.fig)
        jpeg.__dict__.update(renderer.__dict__)          # its saved background and what it depends on
        return jpeg

    def encode(self, canvas):
        return _jpeg(canvas)


def _jpeg(canvas, quality=90):
    from PIL import Image                                   # Pillow comes with matplotlib
    width, height = canvas.get_width_height(physical=True)
    buffer = io.BytesIO()
    Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB").save(
        buffer, format="jpeg", quality=quality)
    return buffer.getvalue()


def _show(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "none"
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _settings_shown(state, changes):
    shown = [(k, v) for k, v in state.items() if k not in ("format", "changes", "epoch", "step")]
    shown = [("data", "your data") if k == "data" and isinstance(v, dict) else (k, v) for k, v in shown]
    if changes:
        shown.append(("changes", "; ".join(f"step {at}: " + ", ".join(f"{k}={v:g}" for k, v in c.items())
                                           for at, c in changes)))
    return shown


def playground(data=None, *, X=None, y=None, state=None, preview_epochs=None, speed=5, **settings):
    """A TensorFlow-Playground-like panel: a small network learning a problem in the plane, live.

    Parameters
    ----------
    data : str, optional
        ``"circles"`` (the default), ``"xor"``, ``"blobs"``, ``"spirals"``,
        ``"moons"`` or ``"regression"``.
    X, y : array-like, optional
        Your own data instead: ``X`` of shape (n_samples, 2); ``y`` integer
        labels 0, 1, ... (two or more classes) or real numbers (regression).
    state : dict, optional
        What ``pg.state()`` returned (or its JSON read back): the same run,
        trained to the same step. No other settings with it.
    preview_epochs : int, optional
        How many epochs the published page's animation shows (default:
        ``stop_after``, or 200).
    speed : int
        Epochs trained per frame while playing.
    **settings
        Any of ``noise``, ``n_samples``, ``classes``, ``train_fraction``,
        ``features``, ``hidden``, ``activation``, ``cost``, ``lr``,
        ``batch_size``, ``weight_decay``, ``momentum``, ``seed``,
        ``stop_after``: see :class:`dlcore.playground.run.Playground`.

    Returns
    -------
    PlaygroundPanel
        Buttons play, step, one epoch, reset; ``pg.play()``, ``pg.pause()``,
        ``pg.step()``, ``pg.run_epoch()``, ``pg.reset()`` from code; ``pg.state()``.
    """
    if state is not None:
        given = [name for name, v in (("data", data), ("X", X), ("y", y)) if v is not None] + sorted(settings)
        if given:
            raise ValueError(f"Give either state= or settings, not both (got state and {given}). To change a "
                             "setting of a saved run, edit the dict: saved['lr'] = 0.1.")
        run = Playground.from_state(state)
    elif X is not None or y is not None:
        run = Playground(data, X=X, y=y, **settings)
    else:
        run = Playground(data or "circles", **settings)
    if speed not in SPEEDS and not (isinstance(speed, int) and speed > 0):
        raise ValueError(f"speed is the number of epochs trained per frame, a whole number such as 5, got {speed!r}.")
    return PlaygroundPanel(run, preview_epochs=preview_epochs, speed=speed)

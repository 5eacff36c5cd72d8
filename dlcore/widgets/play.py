"""A live panel with a state that moves on by itself: play, pause, one step, reset.

:class:`LivePanel` draws a figure that is a pure function of its controls.
A panel that trains a network needs more: a *state* (the network, its
trainer, the costs so far) that lives between redraws and advances one tick
at a time. :class:`PlayPanel` adds that, with four buttons and a text pane
beside the figure::

    panel = PlayPanel(
        reset=lambda **values: make_state(**values),       # a fresh state from the controls
        step=lambda state, **values: state.advance(),      # one tick (e.g. some training steps)
        draw=lambda fig, state, **values: ...,             # draws the state; may return update(state, **values)
        pane=lambda state, **values: "<b>epoch 3</b>",     # HTML beside the figure (optional)
        controls={...}, resets=("dataset", "hidden"),      # controls whose change starts over
    )

Playing does not block the notebook: each tick runs as a task on the
kernel's event loop, which answers other messages (a slider moved, *pause*
pressed) between ticks, so pause takes effect before the next tick. An error
in a tick (a run that diverged, say) stops playing and is shown in the
panel, with *reset* to start again; it never reaches the kernel as an
uncaught exception.

Live-only parts: the buttons, the pane and the controls exist only in the
widget view (JupyterLab, Colab). The published page shows the panel's
``static`` counterpart instead, built when the cell runs (an animation of
the state advancing, for example), and nothing of the widget view.
"""

import asyncio
import html
import time

import ipywidgets

from .panel import LivePanel


class PlayPanel(LivePanel):
    """A :class:`LivePanel` whose figure shows a state that advances tick by tick.

    Parameters
    ----------
    reset : callable
        ``reset(**values) -> state``: a fresh state for the controls' values.
    step : callable
        ``step(state, **values)``: advance ``state`` one tick, in place.
    draw : callable
        ``draw(fig, state, **values)``: draw the state on the blank figure. It
        may return ``update(state, **values)``, which later redraws change
        the artists with (faster than drawing from scratch).
    controls : dict of str to ipywidgets.ValueWidget
        As for :class:`LivePanel`.
    resets : sequence of str, optional
        Controls whose change starts a new state (the data, the layers). A
        change of any other control (the learning rate) applies to the next
        tick and redraws. By default every control resets.
    pane : callable, optional
        ``pane(state, **values) -> str``: HTML shown beside the figure,
        e.g. an epoch counter or the current update written out.
    interval : float, default 0.05
        Seconds to wait between ticks while playing, at least; a slow tick
        makes the frame rate lower, never the panel unresponsive.
    max_ticks : int, optional
        Playing stops by itself after this many ticks since the last reset.
    static, title, figsize, dpi
        As for :class:`LivePanel`.

    Attributes
    ----------
    state
        The current state, as ``reset`` made it and ``step`` advanced it.
    ticks : int
        Ticks since the last reset.
    playing : bool
    buttons : dict of str to ipywidgets.Button or ipywidgets.ToggleButton
        ``"play"`` (a toggle: pressed while playing), ``"step"``, ``"reset"``.
    """

    def __init__(self, reset, step, draw, controls, *, resets=None, pane=None, interval=0.05, max_ticks=None,
                 **panel_options):
        for name, function in (("reset", reset), ("step", step), ("draw", draw)):
            if not callable(function):
                raise TypeError(f"{name} must be a function, got {type(function).__name__}.")
        if pane is not None and not callable(pane):
            raise TypeError(f"pane must be a function pane(state, **values) returning HTML, got {pane!r}.")
        self.reset_function, self.step_function, self.state_draw = reset, step, draw
        self.pane_function = pane
        self.resets = set(controls) if resets is None else set(resets)
        unknown = self.resets - set(controls)
        if unknown:
            raise ValueError(f"resets names {sorted(unknown)}, which are not controls; the controls are {list(controls)}.")
        self.interval = interval
        self.max_ticks = max_ticks
        self.ticks = 0
        self.playing = False
        self._task = None
        self.state = reset(**{name: control.value for name, control in controls.items()})
        self.pane = ipywidgets.HTML(layout=ipywidgets.Layout(min_width="12em", margin="0 0 0 1em"))
        self.buttons = {
            "play": ipywidgets.ToggleButton(description="play", icon="play", tooltip="train until paused"),
            "step": ipywidgets.Button(description="step", icon="step-forward", tooltip="one tick"),
            "reset": ipywidgets.Button(description="reset", icon="undo", tooltip="start again"),
        }
        super().__init__(self._draw_state, controls, **panel_options)
        control_box, image, error = self.children
        self.children = [ipywidgets.HBox(list(self.buttons.values())), control_box,
                         ipywidgets.HBox([image, self.pane]), error]
        self.buttons["play"].observe(self._on_play, names="value")
        self.buttons["step"].on_click(lambda _button: self._guarded(self.tick))
        self.buttons["reset"].on_click(lambda _button: self._guarded(self.reset))

    # --- what the buttons do ------------------------------------------------

    def tick(self):
        """Advance the state one tick and redraw."""
        self.step_function(self.state, **self.values)
        self.ticks += 1
        self.redraw()

    def reset(self):
        """A fresh state from the controls' current values (stops playing)."""
        self.pause()
        self.state = self.reset_function(**self.values)
        self.ticks = 0
        self._update = self._renderer = None      # the figure is drawn from scratch for the new state
        self.redraw()

    def play(self):
        """Start ticking on the kernel's event loop; returns at once."""
        self.buttons["play"].value = True

    def pause(self):
        """Stop ticking: no tick starts after this call returns."""
        self.buttons["play"].value = False

    def redraw(self):
        png = super().redraw()
        if self.pane_function is not None:
            self.pane.value = self.pane_function(self.state, **self.values)
        return png

    # --- internals ------------------------------------------------------------

    def _draw_state(self, fig, **values):
        update = self.state_draw(fig, self.state, **values)
        if update is None:
            return None
        return lambda **later: update(self.state, **later)

    def _on_change(self, change):
        name = next((n for n, c in self.controls.items() if c is change["owner"]), None)
        self._guarded(self.reset if name in self.resets else self.redraw)

    def _on_play(self, change):
        self.playing = change["new"]
        self.buttons["play"].description = "pause" if self.playing else "play"
        self.buttons["play"].icon = "pause" if self.playing else "play"
        if self.playing and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._play())

    async def _play(self):
        while self.playing:
            if self.max_ticks is not None and self.ticks >= self.max_ticks:
                break
            start = time.perf_counter()
            if not self._guarded(self.tick):
                break
            # Give the kernel the rest of the interval (and at least a moment) to answer
            # other messages: a moved control or a press of pause is handled here.
            await asyncio.sleep(max(self.interval - (time.perf_counter() - start), 0.001))
        self.pause()

    def _guarded(self, action):
        """Run a button's action; show an error in the panel instead of raising into the event loop."""
        try:
            action()
        except Exception as exc:                  # the learner sees it in the panel; the kernel lives on
            self.pause()
            self.error.value = (
                '<pre style="color:#B00020;white-space:pre-wrap">'
                f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}\n"
                "Press reset to start again.</pre>"
            )
            return False
        return True

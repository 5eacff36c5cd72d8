"""dlcore.widgets.play: a panel whose state advances tick by tick, with play, pause, step and reset."""

import asyncio
import threading

import ipywidgets
import numpy as np
import pytest

from dlcore.widgets.play import PlayPanel


class Walk:
    """A state for the tests: a point that moves by ``speed`` each tick."""

    def __init__(self, start):
        self.start, self.position, self.path = start, start, [start]


def walk_panel(fail_at=None, max_ticks=None, interval=0.01):
    draws = []

    def reset(start, speed):
        return Walk(start)

    def step(state, start, speed):
        if fail_at is not None and len(state.path) > fail_at:
            raise ValueError("the walk left the map")
        state.position += speed
        state.path.append(state.position)

    def draw(fig, state, start, speed):
        draws.append("full")
        ax = fig.add_subplot()
        (line,) = ax.plot(state.path)
        ax.set_xlim(0, 50)
        ax.set_ylim(-100, 100)

        def update(state, start, speed):
            draws.append("update")
            line.set_data(range(len(state.path)), state.path)
        return update

    controls = {"start": ipywidgets.IntSlider(value=0, min=-5, max=5),
                "speed": ipywidgets.FloatSlider(value=1.0, min=-2.0, max=2.0)}
    panel = PlayPanel(reset, step, draw, controls, resets=("start",),
                      pane=lambda state, start, speed: f"<b>{len(state.path) - 1} ticks</b> at {state.position:g}",
                      interval=interval, max_ticks=max_ticks, figsize=(3, 2), dpi=40)
    return panel, draws


def test_a_tick_advances_the_state_redraws_and_updates_the_pane():
    panel, draws = walk_panel()
    before = panel.image.value
    panel.buttons["step"].click()
    assert panel.state.path == [0, 1.0] and panel.ticks == 1
    assert panel.image.value != before
    assert draws == ["full", "update"]
    assert panel.pane.value == "<b>1 ticks</b> at 1"


def test_a_control_outside_resets_applies_to_the_next_tick_and_keeps_the_state():
    panel, _ = walk_panel()
    panel.tick()
    panel.controls["speed"].value = -2.0
    assert panel.state.path == [0, 1.0]          # kept
    panel.tick()
    assert panel.state.path == [0, 1.0, -1.0]


def test_a_control_in_resets_starts_a_new_state_drawn_from_scratch():
    panel, draws = walk_panel()
    panel.tick()
    old = panel.state
    panel.controls["start"].value = 3
    assert panel.state is not old and panel.state.path == [3] and panel.ticks == 0
    assert draws[-1] == "full"
    assert panel.pane.value == "<b>0 ticks</b> at 3"


def test_the_reset_button_starts_over():
    panel, _ = walk_panel()
    panel.tick()
    panel.tick()
    panel.buttons["reset"].click()
    assert panel.state.path == [0] and panel.ticks == 0


def test_an_error_in_a_tick_is_shown_in_the_panel_and_stops_it_without_raising():
    panel, _ = walk_panel(fail_at=2)
    panel.buttons["step"].click()
    panel.buttons["step"].click()
    panel.buttons["step"].click()                 # the third tick raises inside the panel
    assert "ValueError: the walk left the map" in panel.error.value
    assert "reset" in panel.error.value
    assert not panel.playing and panel.ticks == 2
    panel.buttons["reset"].click()
    panel.buttons["step"].click()
    assert panel.error.value == "" and panel.ticks == 1


def _play_for(panel, seconds, then=None):
    async def scenario():
        panel.play()
        await asyncio.sleep(seconds)
        if then is not None:
            then()
        await asyncio.sleep(0.1)                  # time for ticks that pause must prevent
    # A loop of its own, in a thread of its own: as a kernel's loop runs the panel in JupyterLab,
    # and whatever loop an earlier test (Playwright's) left in this thread stays out of the way.
    failures = []
    runner = threading.Thread(target=lambda: _record(failures, lambda: asyncio.run(scenario())))
    runner.start()
    runner.join(timeout=30)
    assert not runner.is_alive() and not failures, failures


def _record(failures, action):
    try:
        action()
    except Exception as exc:                      # reported by the test, in the main thread
        failures.append(exc)


def test_play_ticks_on_the_event_loop_and_pause_stops_it_at_once():
    panel, _ = walk_panel(interval=0.01)
    ticks_at_pause = []

    def pause():
        panel.pause()
        ticks_at_pause.append(panel.ticks)

    _play_for(panel, 0.3, then=pause)
    assert ticks_at_pause[0] >= 5                 # it played while the loop was free
    assert panel.ticks == ticks_at_pause[0]       # and not one tick after pause returned
    assert not panel.playing and panel.buttons["play"].description == "play"


def test_play_stops_by_itself_after_max_ticks():
    panel, _ = walk_panel(max_ticks=4, interval=0.001)
    _play_for(panel, 0.3)
    assert panel.ticks == 4 and not panel.playing


def test_play_stops_at_an_error_and_shows_it():
    panel, _ = walk_panel(fail_at=3, interval=0.001)
    _play_for(panel, 0.3)
    assert panel.ticks == 3 and not panel.playing
    assert "the walk left the map" in panel.error.value


def test_the_published_page_gets_the_static_counterpart_only():
    panel, _ = walk_panel()
    bundle = panel._repr_mimebundle_()
    assert bundle["text/html"].startswith("<img")
    assert "play" not in bundle["text/html"]


@pytest.mark.parametrize("kwargs, message", [
    ({"resets": ("nope",)}, r"resets names \['nope'\], which are not controls"),
    ({"pane": "text"}, r"pane must be a function"),
])
def test_mistakes_in_building_a_play_panel_are_explained(kwargs, message):
    controls = {"speed": ipywidgets.FloatSlider()}
    with pytest.raises((TypeError, ValueError), match=message):
        PlayPanel(lambda speed: Walk(0), lambda s, speed: None, lambda fig, s, speed: None, controls, **kwargs)


def test_a_panel_without_an_update_function_draws_every_tick_from_scratch():
    draws = []

    def draw(fig, state, speed):
        draws.append(len(state))
        fig.add_subplot().plot(np.arange(len(state)))

    panel = PlayPanel(lambda speed: [0], lambda state, speed: state.append(speed), draw,
                      {"speed": ipywidgets.FloatSlider(value=1.0)}, figsize=(3, 2), dpi=40)
    panel.tick()
    panel.tick()
    assert draws == [1, 2, 3]

"""dlcore.widgets.playground: the live panel, its buttons and controls, its state, its published page."""

import asyncio
import json
import re
import threading

import pytest

from dlcore import widgets
from dlcore.playground import DEFAULTS


def small(**settings):
    return widgets.playground(**{"n_samples": 60, **settings})


def test_every_setting_of_the_api_has_a_control_and_the_buttons_are_there():
    pg = small()
    settings = set(DEFAULTS) - {"n_samples"}                 # the number of points is set in code only
    assert settings <= set(pg.controls)
    assert set(pg.buttons) == {"play", "step", "epoch", "reset"}
    assert pg.controls["classes"].disabled and not pg.controls["cost"].disabled


def test_step_takes_one_optimiser_step_and_one_epoch_the_rest_of_the_epoch():
    pg = small(batch_size=10)                                # 30 training points: 3 steps an epoch
    before = pg.image.value
    pg.buttons["step"].click()
    assert (pg.run.steps, pg.run.epoch) == (1, 0) and pg.image.value != before
    assert "<b>epoch 0</b> (step 1)" in pg.pane.value and "w ← w − lr·dw" in pg.pane.value
    pg.buttons["epoch"].click()
    assert (pg.run.steps, pg.run.epoch) == (3, 1)
    pg.tick()                                                # a frame while playing: several epochs
    assert pg.run.epoch == 1 + pg.controls["speed"].value
    pg.buttons["reset"].click()
    assert pg.run.steps == 0 and pg.ticks == 0


def test_a_learning_rate_moved_during_the_run_is_kept_in_the_state_and_the_run_replays_exactly():
    pg = small()
    pg.run_epoch()
    pg.controls["lr"].value = 0.3
    pg.controls["momentum"].value = 0.9
    pg.step()
    saved = json.loads(json.dumps(pg.state()))
    assert saved["lr"] == 0.03 and saved["changes"] == [[pg.run.steps - 1, {"lr": 0.3, "momentum": 0.9}]]
    again = widgets.playground(state=saved)
    assert again.run.train_costs == pg.run.train_costs and again.run.steps == pg.run.steps
    assert again.controls["lr"].value == 0.3                   # the controls show where the run is
    with pytest.raises(ValueError, match="either state= or settings"):
        widgets.playground(state=saved, lr=0.1)


def test_controls_that_change_the_run_start_a_new_one_and_the_weight_menu_follows_the_network():
    pg = small()
    pg.run_epoch()
    pg.controls["hidden"].value = "3, 2"
    assert pg.run.net.sizes == [2, 3, 2, 1] and pg.run.epoch == 0
    assert len(pg.controls["weight"].options) == 2 * 3 + 3 * 2 + 2 * 1
    pg.controls["weight"].value = (1, 2, 1)
    assert pg.controls["weight"].label == "from neuron 3 of layer 1 to neuron 2 of layer 2"
    assert "from neuron 3 of layer 1 to neuron 2 of layer 2 (dashed)" in pg.pane.value
    pg.controls["features"].value = ("x1", "x2", "x1*x2")
    assert pg.run.net.sizes[0] == 3
    pg.controls["data"].value = "regression"
    assert pg.run.regression and pg.controls["cost"].value == "mse" and pg.controls["cost"].disabled
    pg.controls["data"].value = "blobs"
    pg.controls["classes"].value = 3
    assert pg.run.n_classes == 3 and pg.controls["cost"].value == "cross_entropy"
    assert pg.error.value == ""


def test_a_bad_setting_in_a_control_is_explained_in_the_panel_without_raising():
    pg = small()
    pg.controls["hidden"].value = "9"
    assert "at most 6 hidden layers of at most 8 neurons" in pg.error.value
    pg.controls["hidden"].value = "2"
    assert pg.error.value == "" and pg.run.net.sizes == [2, 2, 1]


def test_a_run_that_diverges_stops_says_so_and_can_be_reset():
    pg = small(data="regression", lr=3.0)
    for _ in range(20):
        pg.tick()
    assert pg.run.diverged and not pg.playing
    assert "Training diverged" in pg.pane.value and "reset" in pg.pane.value
    assert pg.error.value == ""                               # said in the panel, not as an error
    pg.controls["lr"].value = 0.01
    pg.buttons["reset"].click()
    assert not pg.run.diverged and pg.run.settings["lr"] == 0.01


def _play_for(pg, seconds, then=None):
    async def scenario():
        pg.play()
        await asyncio.sleep(seconds)
        if then is not None:
            then()
        await asyncio.sleep(0.2)
    failures = []

    def run():
        try:
            asyncio.run(scenario())
        except Exception as exc:                              # reported in the main thread
            failures.append(exc)
    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive() and not failures, failures


def test_play_trains_on_the_event_loop_and_pause_stops_it_at_once():
    pg = small()
    at_pause = []

    def pause():
        pg.pause()
        at_pause.append(pg.run.steps)

    _play_for(pg, 1.0, then=pause)
    assert at_pause[0] > 0 and pg.run.steps == at_pause[0] and not pg.playing


def test_play_stops_after_n_epochs():
    pg = small(stop_after=7)
    _play_for(pg, 2.0)
    assert pg.run.epoch == 7 and not pg.playing
    assert "stopped after 7 epochs" in pg.pane.value


def test_the_published_page_gets_an_animation_with_the_settings_beside_it():
    pg = small(data="xor", features=("x1", "x2", "x1*x2"), preview_epochs=20)
    bundle = pg._repr_mimebundle_()
    page = bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    frames = re.findall(r"frames\[\d+\] = ", page)
    assert 2 <= len(frames) <= 20
    assert 'alt="Animation of the playground training' in page
    assert "<div>features: <code>x1, x2, x1*x2</code></div>" in page
    assert len(page) < 600_000
    pg.run_epoch()                                            # the live run moves on; the page shows the settings'
    assert pg._repr_mimebundle_()["text/html"] == page


def test_the_readers_own_data():
    import numpy as np
    X = np.random.default_rng(0).normal(size=(30, 2))
    pg = widgets.playground(X=X, y=(X[:, 0] > 0).astype(int), hidden=(3,))
    assert pg.controls["data"].value == "own" and pg.run.own_data is not None
    pg.controls["hidden"].value = "2"                         # a new run on the same data
    assert pg.run.own_data is not None and pg.run.net.sizes == [2, 2, 1]
    saved = json.loads(json.dumps(pg.state()))
    assert saved["data"]["y"][:3] == (X[:3, 0] > 0).astype(int).tolist()

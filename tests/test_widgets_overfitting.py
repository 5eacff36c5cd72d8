"""dlcore.widgets.overfitting: the overfitting explorer trains on demand and redraws as its controls move."""

import re

import numpy as np
import pytest

from dlcore import datasets, widgets


@pytest.fixture(scope="module")
def data():
    X, y = datasets.circles(300, noise=0.15, seed=2)
    (X_train, y_train), (X_val, y_val), _ = datasets.train_val_test_split(X, y, val=0.2, test=0.2, seed=0)
    return X_train, y_train, X_val, y_val


@pytest.fixture(scope="module")
def panel(data):
    return widgets.overfitting_explorer(*data, n_train=40, hidden=16, epochs=100, max_epochs=200, epoch_step=20)


def test_the_explorer_has_its_four_controls(panel):
    assert list(panel.controls) == ["epochs", "n_train", "hidden", "weight_decay"]
    assert [value for _, value in panel.controls["n_train"].options] == [20, 40, 80, 160]   # the pool has 180
    epochs = panel.controls["epochs"]
    assert (epochs.min, epochs.max, epochs.step) == (20, 200, 20)


def test_moving_the_epochs_redraws_the_curves_and_the_boundary(panel):
    ax_cost, ax_plane = panel.fig.axes
    assert ax_plane.get_title().startswith("epoch 100, correct:\ntraining ")
    assert len(ax_cost.lines[0].get_xdata()) == 100
    before = panel.image.value
    panel.controls["epochs"].value = 160
    try:
        assert panel.image.value != before
        assert ax_plane.get_title().startswith("epoch 160, correct:\n")
        assert len(ax_cost.lines[1].get_xdata()) == 160
        assert np.isfinite(panel.last_draw_seconds)
    finally:
        panel.controls["epochs"].value = 100


def test_a_larger_training_set_shows_more_points(panel):
    ax_plane = panel.fig.axes[1]
    points = sum(len(c.get_offsets()) for c in ax_plane.collections[:2])
    assert points == 40
    panel.controls["n_train"].value = 160
    try:
        assert sum(len(c.get_offsets()) for c in ax_plane.collections[:2]) == 160
    finally:
        panel.controls["n_train"].value = 40


def test_weight_decay_changes_the_run(panel):
    ax_cost = panel.fig.axes[0]
    before = ax_cost.lines[1].get_ydata().copy()
    panel.controls["weight_decay"].value = 0.03
    try:
        assert not np.allclose(ax_cost.lines[1].get_ydata(), before)
    finally:
        panel.controls["weight_decay"].value = 0.0
    np.testing.assert_allclose(ax_cost.lines[1].get_ydata(), before)   # the kept run, not a new one


def test_the_static_counterpart_is_an_animation_over_the_epochs_with_alt_text(panel):
    html = panel.static_html()
    assert re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="Animation over the '
                     r'epochs, from 20 to 200, of a network with 16 hidden units trained on 40 points', html)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 10
    alt = re.search(r'alt="([^"]+)"', html).group(1)
    # the accuracies it names belong to epochs the animation shows: its first and its last frame
    assert "at epoch 20 it is right on" in alt and "at epoch 200 on" in alt
    assert "http" not in html.split("<script")[0]
    assert panel._repr_mimebundle_()["text/html"] == html


def test_a_run_that_diverges_says_so_in_the_panel(data):
    panel = widgets.overfitting_explorer(*data, hidden=4, epochs=40, max_epochs=40, epoch_step=20, lr=1e200)
    assert "diverged" in panel.fig.axes[1].get_title()
    assert panel.error.value == ""


def test_settings_the_panel_does_not_offer_are_refused(data):
    with pytest.raises(ValueError, match="hidden=7 is not one of the values"):
        widgets.overfitting_explorer(*data, hidden=7)
    with pytest.raises(ValueError, match="epochs must be a multiple of 20"):
        widgets.overfitting_explorer(*data, epochs=30)


def test_redrawing_only_what_moved_gives_the_pixels_of_a_full_draw(data):
    import io

    from PIL import Image

    from dlcore import plotting

    def pixels(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    panel = widgets.overfitting_explorer(*data, n_train=40, hidden=16, epochs=60, max_epochs=200, epoch_step=20)
    assert panel._renderer is not None                    # it redraws in part
    # the moves include a larger cost axis (hidden=100 overfits) and more points (n_train)
    for control, value in [("epochs", 200), ("hidden", 100), ("n_train", 160), ("epochs", 20)]:
        panel.controls[control].value = value
        panel.fig.canvas.draw()
        assert np.array_equal(pixels(panel.image.value), pixels(plotting.canvas_to_png(panel.fig.canvas))), (
            f"{control}={value!r}")

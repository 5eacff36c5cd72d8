"""dlcore.widgets.images: first-layer weights over the epochs, and the browser of examples and mistakes."""

import numpy as np
import pytest

from dlcore import Network, train, widgets
from dlcore.snapshots import WeightSnapshots


@pytest.fixture(scope="module")
def snapshots():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 16))                 # 4x4 "pictures"
    y = (X[:, :8].sum(axis=1) > 0).astype(int)
    net = Network.from_sizes([16, 4, 2], output="softmax", seed=0)
    snaps = WeightSnapshots(net, every=4)
    history = train(net, X, y, epochs=3, batch_size=10, lr=0.5, callback=snaps, validation_data=(X, y))
    return snaps, history


@pytest.fixture(scope="module")
def weights_panel(snapshots):
    snaps, history = snapshots
    return widgets.weights_over_epochs(snaps, image_shape=(4, 4), n_neurons=4, val_acc=history.val_acc)


def test_weights_over_epochs_starts_at_the_last_epoch_and_shows_the_stored_weights(weights_panel, snapshots):
    snaps, history = snapshots
    assert weights_panel.controls["epoch"].max == 3 and weights_panel.controls["epoch"].value == 3
    assert len(weights_panel.fig.axes) == 5                 # four neurons and the colour key
    np.testing.assert_allclose(weights_panel.fig.axes[2].images[0].get_array(), snaps.weights[3][:, 2].reshape(4, 4))
    assert f"{history.val_acc[-1]:.1%}" in weights_panel.fig._suptitle.get_text()


def test_weights_over_epochs_redraws_from_the_snapshots_without_training(weights_panel, snapshots):
    snaps, _ = snapshots
    before = weights_panel.image.value
    weights_panel.controls["epoch"].value = 0
    assert weights_panel.image.value != before
    np.testing.assert_allclose(weights_panel.fig.axes[0].images[0].get_array(), snaps.weights[0][:, 0].reshape(4, 4))
    assert "epoch 0 of 3" in weights_panel.fig._suptitle.get_text()
    weights_panel.controls["change"].value = True            # epoch 0 has changed nothing yet
    assert np.all(weights_panel.fig.axes[0].images[0].get_array() == 0)
    assert weights_panel.error.value == ""
    weights_panel.controls["change"].value = False
    weights_panel.controls["epoch"].value = 3


def test_weights_over_epochs_static_is_a_described_animation(weights_panel):
    html = weights_panel.static_html()
    assert html.count("frames[") >= 4 and 'alt="An animation over epochs 0 to 3' in html


def test_weights_over_epochs_needs_a_trained_run():
    net = Network.from_sizes([16, 4, 2], output="softmax", seed=0)
    with pytest.raises(ValueError, match="callback"):
        widgets.weights_over_epochs(WeightSnapshots(net, every=1), image_shape=(4, 4))


@pytest.fixture(scope="module")
def browser():
    images = np.linspace(0, 1, 20 * 9).reshape(20, 3, 3)
    y_true = np.array([0, 1] * 10)
    y_pred = y_true.copy()
    y_pred[[3, 4, 11]] = 1 - y_pred[[3, 4, 11]]               # three mistakes
    return widgets.image_browser(images, y_true, y_pred, class_names=["car", "plane"], per_page=8, ncols=4)


def test_image_browser_pages_through_all_pictures_with_their_answers(browser):
    assert browser.controls["page"].max == 2                    # 20 pictures, 8 a page
    titles = [ax.get_title() for ax in browser.fig.axes]
    assert titles[:5] == ["car", "plane", "car", "plane→car", "car→plane"]
    browser.controls["page"].value = 2
    assert [ax.images[0].get_visible() for ax in browser.fig.axes] == [True] * 4 + [False] * 4
    browser.controls["page"].value = 0


def test_image_browser_shows_only_the_mistakes_and_fits_the_pages(browser):
    browser.controls["page"].value = 2
    browser.controls["show"].value = "mistakes"
    assert browser.controls["page"].max == 0 and browser.controls["page"].value == 0
    titles = [ax.get_title() for ax, visible in zip(browser.fig.axes, range(3))]
    assert titles == ["plane→car", "car→plane", "plane→car"]
    assert "3 of 20 pictures" in browser.fig._suptitle.get_text()
    assert browser.error.value == ""
    browser.controls["show"].value = "true planes"
    assert all(t.startswith("plane") for t in (ax.get_title() for ax in browser.fig.axes))
    browser.controls["show"].value = "all"


def test_image_browser_static_shows_examples_and_mistakes(browser):
    html = browser.static_html()
    assert html.startswith("<img") and "the first 3 of the 3 the model got wrong" in html


def test_image_browser_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="same samples"):
        widgets.image_browser(np.zeros((3, 2, 2)), [0, 1, 0], [0, 1], class_names=["a", "b"])


def test_image_browser_with_no_mistakes_shows_an_empty_page_and_says_so():
    images = np.zeros((4, 2, 2))
    panel = widgets.image_browser(images, [0, 1, 0, 1], [0, 1, 0, 1], class_names=["car", "plane"])
    panel.controls["show"].value = "mistakes"
    assert panel.error.value == ""
    assert not any(ax.images[0].get_visible() for ax in panel.fig.axes)
    assert "0 of 4 pictures, 0 mistakes" in panel.fig._suptitle.get_text()


def test_image_browser_needs_a_name_for_every_class():
    with pytest.raises(ValueError, match="name every class"):
        widgets.image_browser(np.zeros((3, 2, 2)), [0, 1, 2], [0, 1, 2], class_names=["a", "b"])

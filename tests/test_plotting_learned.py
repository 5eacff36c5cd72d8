"""dlcore.plotting.learned: weight pictures, labelled picture grids and confusion matrices."""

import numpy as np
import pytest

from dlcore import plotting
from dlcore.plotting.learned import WEIGHT_SHADES


def new_figure():
    return plotting.new_figure(4, 3, dpi=40)


def test_draw_weight_images_shows_each_column_as_a_picture_with_zero_in_the_middle_of_the_colours():
    fig = new_figure()
    W = np.zeros((12, 3))                      # three neurons reading 3x4 pictures
    W[0, 0], W[5, 1], W[11, 2] = 2.0, -0.5, 0.1
    plotting.draw_weight_images(fig, W, image_shape=(3, 4), ncols=3)
    images = [ax.images[0] for ax in fig.axes]
    assert len(images) == 3
    np.testing.assert_array_equal(images[1].get_array(), W[:, 1].reshape(3, 4))
    assert images[0].get_clim() == (-2.0, 2.0)         # each picture its own scale by default
    assert images[1].get_clim() == (-0.5, 0.5)
    assert images[0].get_cmap().N == WEIGHT_SHADES


def test_draw_weight_images_update_draws_new_weights_on_a_shared_scale():
    fig = new_figure()
    update = plotting.draw_weight_images(fig, np.ones((4, 2)), image_shape=(2, 2), titles=["a", "b"])
    update(W=-np.ones((4, 2)), vmax=3.0, title="later")
    assert fig.axes[0].images[0].get_clim() == (-3.0, 3.0)
    assert fig.axes[1].get_title() == "b"
    assert fig._suptitle.get_text() == "later"


def test_draw_weight_images_colorbar_is_a_key_from_negative_through_0_to_positive():
    fig = new_figure()
    plotting.draw_weight_images(fig, np.ones((4, 2)), image_shape=(2, 2), colorbar=True)
    key = fig.axes[-1]                                  # the colour bar's own axes
    assert len(fig.axes) == 3
    assert [t.get_text() for t in key.get_yticklabels()] == ["\u2212largest", "0", "+largest"]
    fig = new_figure()
    plotting.draw_weight_images(fig, np.ones((4, 2)), image_shape=(2, 2), vmax=0.5, colorbar=True)
    assert [t.get_text() for t in fig.axes[-1].get_yticklabels()] == ["-0.5", "0", "+0.5"]


def test_draw_weight_images_explains_a_shape_that_does_not_fit_the_pictures():
    with pytest.raises(ValueError, match="one row per pixel of a 50x50 picture"):
        plotting.draw_weight_images(new_figure(), np.zeros((64, 3)), image_shape=(50, 50))


def test_draw_labelled_images_titles_and_marks_mistakes_and_blanks_panels_left_over():
    fig = new_figure()
    update = plotting.draw_labelled_images(fig, np.zeros((3, 5, 5)), ["car", "plane", "car"], ncols=3,
                                           marked=[False, True, False])
    assert [ax.get_title() for ax in fig.axes] == ["car", "plane", "car"]
    assert fig.axes[1].title.get_color() == plotting.VERMILLION
    assert fig.axes[0].title.get_fontweight() == "normal"
    update(images=np.ones((2, 5, 5)), titles=["x", "y"])
    assert [ax.images[0].get_visible() for ax in fig.axes] == [True, True, False]
    assert fig.axes[2].get_title() == ""
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), np.ones((5, 5)))
    with pytest.raises(ValueError, match="3 panels"):
        update(images=np.ones((4, 5, 5)))


def test_draw_labelled_images_wants_pictures_not_rows():
    with pytest.raises(ValueError, match=r"X.reshape\(-1, 50, 50\)"):
        plotting.draw_labelled_images(new_figure(), np.zeros((4, 2500)))


def test_plot_confusion_matrix_writes_each_count_and_shades_by_share_of_the_row():
    ax = new_figure().add_subplot()
    update = plotting.plot_confusion_matrix(ax, np.array([[8, 2], [1, 9]]), class_names=["car", "plane"])
    assert [t.get_text() for t in ax.texts] == ["8", "2", "1", "9"]
    np.testing.assert_allclose(ax.images[0].get_array(), [[0.8, 0.2], [0.1, 0.9]])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["car", "plane"]
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
    update(matrix=np.array([[0, 5], [5, 0]]))
    assert [t.get_text() for t in ax.texts] == ["0", "5", "5", "0"]
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        update(matrix=np.eye(3))

"""dlcore.plotting.images: a grid of small pictures, titled with their classes."""

import numpy as np
import pytest

from dlcore import plotting


def test_image_grid_draws_each_picture_with_its_class_name():
    fig = plotting.new_figure(6, 2)
    images = np.stack([np.full((5, 5), v) for v in (0.0, 0.5, 1.0)])
    update = plotting.plot_image_grid(fig, images, [1, 0, 1], class_names=["car", "plane"], ncols=2)
    assert len(fig.axes) == 4                                   # 2 × 2, the last one blank
    assert [ax.get_title() for ax in fig.axes[:3]] == ["plane", "car", "plane"]
    assert not fig.axes[3].images
    np.testing.assert_array_equal(fig.axes[1].images[0].get_array(), images[1])
    assert fig.axes[0].images[0].get_clim() == (0.0, 1.0)       # 0 is black and 1 white, whatever the picture
    update(images=images[::-1], labels=[0, 0, 0])
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(), images[2])
    assert fig.axes[2].get_title() == "car"


def test_image_grid_explains_how_to_unflatten_rows():
    with pytest.raises(ValueError, match="reshape"):
        plotting.plot_image_grid(plotting.new_figure(2, 2), np.zeros((3, 2500)))

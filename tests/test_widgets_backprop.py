"""dlcore.widgets.backprop: the backprop stepper moves its walk with the slider and the buttons."""

import re

import numpy as np
import pytest

from dlcore import Dense, Network, widgets


def tiny_network():
    net = Network([Dense(1, 1, "sigmoid"), Dense(1, 1, "sigmoid")], loss="mse")
    net.layers[0].W, net.layers[0].b = [[0.8]], [-0.5]
    net.layers[1].W, net.layers[1].b = [[1.5]], [-0.4]
    return net


def test_the_stepper_redraws_when_the_step_moves():
    panel = widgets.backprop_stepper(tiny_network(), [1.5], [1.0])
    ax = panel.fig.axes[0]
    assert ax.get_title() == "step 0 of 14: start"
    before = panel.image.value
    panel.controls["step"].value = 9
    assert panel.image.value != before
    assert ax.get_title() == "step 9 of 14: backward pass"
    assert np.isfinite(panel.last_draw_seconds)


def test_back_and_next_move_one_step_and_stop_at_the_ends():
    panel = widgets.backprop_stepper(tiny_network(), [1.5], [1.0])
    panel.buttons["back"].click()
    assert panel.controls["step"].value == 0                     # already at the start
    panel.buttons["next"].click()
    panel.buttons["next"].click()
    assert panel.controls["step"].value == 2
    assert panel.fig.axes[0].get_title() == "step 2 of 14: forward pass"
    panel.controls["step"].value = 14
    panel.buttons["next"].click()
    assert panel.controls["step"].value == 14


def test_the_book_shows_every_step_as_an_animation_with_alt_text():
    panel = widgets.backprop_stepper(tiny_network(), [1.5], [1.0], step=40)
    assert panel.controls["step"].value == 14                    # clipped to the walk
    html = panel.static_html()
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 15                             # one frame per step, start included
    assert 'alt="The computation graph of a 1-1-1 network for one sample, walked in 14 steps' in html
    assert "text/html" in panel._repr_mimebundle_()


def test_a_larger_graph_is_animated_in_at_most_twenty_frames():
    net = Network.from_sizes([2, 2, 1], hidden="tanh", output="sigmoid", loss="mse", seed=0)
    panel = widgets.backprop_stepper(net, [0.5, -1.0], [1.0])
    assert panel.controls["step"].max == 23
    assert len(re.findall(r"frames\[\d+\] = ", panel.static_html())) == 20


def test_the_stepper_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError, match="knows the costs"):
        widgets.backprop_stepper(Network.from_sizes([1, 2], output="softmax", seed=0), [1.0], [1, 0])


def test_redrawing_only_what_moved_shows_the_same_pixels_as_a_full_draw():
    import io

    from PIL import Image

    from dlcore import plotting

    def pixels(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    panel = widgets.backprop_stepper(tiny_network(), [1.5], [1.0])
    assert panel._renderer is not None                      # it draws in part: draw_graph returns an update
    for step in [3, 9, 14, 0]:
        panel.controls["step"].value = step
        fast = pixels(panel.image.value)
        panel.fig.canvas.draw()
        full = pixels(plotting.canvas_to_png(panel.fig.canvas))
        assert fast.shape == full.shape
        assert np.array_equal(fast, full), f"step {step}"

"""dlcore.widgets.neuron: the neuron and network explorers redraw as their controls move."""

import numpy as np
import pytest

from _helpers import ax_texts, xor_network
from dlcore import Network, widgets


# --- the panels ---------------------------------------------------------------------

def test_neuron_explorer_redraws_when_a_control_moves():
    panel = widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="sigmoid")
    before = panel.image.value
    panel.controls["b"].value = -1.5
    assert panel.image.value != before
    assert np.isfinite(panel.last_draw_seconds)
    after_b = panel.image.value
    panel.controls["activation"].value = "relu"
    assert panel.image.value != after_b
    assert panel.fig.axes[0].get_title().startswith("relu(")


def test_neuron_explorer_static_shows_every_activation_with_alt_text():
    panel = widgets.neuron_explorer()
    html = panel.static_html()
    assert html.count("<img") == 1 and 'alt="Six heat maps of one neuron' in html
    assert "text/html" in panel._repr_mimebundle_()


def test_network_explorer_redraws_when_the_input_moves():
    panel = widgets.network_explorer(xor_network(), x1=1.0, x2=0.0)
    assert panel.fig.axes[1].get_title() == "output 0.99 at (1, 0)"
    before = panel.image.value
    panel.controls["x2"].value = 1.0
    assert panel.image.value != before
    assert panel.fig.axes[1].get_title() == "output 0.01 at (1, 1)"
    assert "0.01" in ax_texts(panel.fig.axes[0])


def test_network_explorer_static_shows_the_four_corners_with_alt_text():
    html = widgets.network_explorer(xor_network()).static_html()
    assert html.count("<img") == 1
    assert 'alt="The 2-2-1 network drawn for the inputs (0, 0), (0, 1), (1, 0), (1, 1)' in html


def test_network_explorer_needs_two_inputs():
    with pytest.raises(ValueError, match="2 inputs"):
        widgets.network_explorer(Network.from_sizes([3, 2, 1], seed=0))


def test_moving_the_network_explorer_between_forward_and_backward_leaves_the_gradients_alone():
    net = xor_network()
    X, y = np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([1, 0])
    net.gradients(X, y)
    expected = [grad.copy() for _, grad in net.parameters()]
    panel = widgets.network_explorer(net, x1=1.0, x2=0.0)
    net.forward(X)
    panel.controls["x2"].value = 1.0                  # the panel computes the network's output again
    panel.static_html()                               # and the book's picture, for four more inputs
    net.backward(net.targets(y, len(X)))
    for (_, grad), want in zip(net.parameters(), expected):
        np.testing.assert_allclose(grad, want, rtol=1e-12)

"""Tests of the figures and widgets of chapter 5 (neurons and layers).

dlcore.plotting: plot_activations_with_derivatives, plot_softmax_example,
plot_neuron_output, draw_network, plot_network_output; dlcore.widgets:
neuron_explorer, network_explorer.
"""

import numpy as np
import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("ipywidgets")

from matplotlib.collections import LineCollection, PathCollection  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402

from dlcore import Dense, Network, activations, neuron  # noqa: E402
from dlcore import plotting, widgets  # noqa: E402


def _xor_network(scale=10.0, activation="sigmoid"):
    hidden = Dense(2, 2, activation)
    hidden.W, hidden.b = scale * np.ones((2, 2)), scale * np.array([-0.5, -1.5])
    output = Dense(2, 1, activation)
    output.W, output.b = scale * np.array([[1.0], [-1.0]]), scale * np.array([-0.5])
    return Network([hidden, output], loss="mse")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


# --- activations beside their slopes ------------------------------------------

def test_activation_grid_has_a_function_and_a_slope_panel_per_activation():
    fig = plotting.new_figure(10, 7)
    axes = plotting.plot_activations_with_derivatives(fig)
    visible = [ax for ax in axes.ravel() if ax.get_visible()]
    assert len(visible) == 12
    titles = [ax.get_title() for ax in visible]
    assert titles[:4] == ["identity", "slope of identity", "step", "slope of step"]
    assert all(ax.get_xlabel() == "$z$" for ax in visible)


def test_activation_grid_draws_the_stored_slopes():
    z = np.linspace(-4, 4, 81)
    fig = plotting.new_figure(6, 3)
    axes = plotting.plot_activations_with_derivatives(fig, ["sigmoid"], z=z, ncols=1)
    curve, slope = axes[0, 0].lines[-1], axes[0, 1].lines[-1]
    np.testing.assert_allclose(curve.get_ydata(), activations.sigmoid(z))
    np.testing.assert_allclose(slope.get_ydata(), activations.sigmoid_grad(z))
    assert slope.get_ydata().max() == pytest.approx(0.25)


def test_jumps_are_drawn_as_gaps_not_walls():
    z = np.linspace(-1, 1, 21)
    fig = plotting.new_figure(6, 3)
    axes = plotting.plot_activations_with_derivatives(fig, ["step"], z=z, ncols=1)
    y = axes[0, 0].lines[-1].get_ydata()
    assert np.isnan(y).sum() == 1                     # one break, at z = 0
    assert len(y) == len(z) + 1


def test_softmax_is_refused_in_the_elementwise_grid():
    with pytest.raises(ValueError, match="plot_softmax_example"):
        plotting.plot_activations_with_derivatives(plotting.new_figure(), ["relu", "softmax"])


def test_softmax_example_bars_are_the_scores_and_their_probabilities():
    fig = plotting.new_figure(10, 3.4)
    ax_bars, ax_curves = plotting.plot_softmax_example(fig, z=(2.0, 1.0, 0.1))
    heights = [patch.get_height() for patch in ax_bars.patches]
    assert len(heights) == 6
    np.testing.assert_allclose(heights[:3], [2.0, 1.0, 0.1])
    np.testing.assert_allclose(heights[3:], activations.softmax(np.array([[2.0, 1.0, 0.1]]))[0])
    assert sum(heights[3:]) == pytest.approx(1.0)
    assert len(ax_curves.lines) == 4                  # a1, a2, a3 and the slope of a1
    assert ax_curves.get_xlabel() == "$z_1$"


# --- one neuron over the plane -------------------------------------------------

def test_neuron_heat_map_holds_the_neurons_outputs():
    fig = plotting.new_figure(5, 4)
    ax = fig.add_subplot()
    plotting.plot_neuron_output(ax, (1.0, -0.5), 0.5, "tanh", lim=3.0, resolution=31)
    image = next(a for a in ax.get_children() if isinstance(a, AxesImage))
    grid = np.linspace(-3, 3, 31)
    X1, X2 = np.meshgrid(grid, grid)
    expected = neuron(np.column_stack([X1.ravel(), X2.ravel()]), [1.0, -0.5], 0.5, "tanh").reshape(31, 31)
    np.testing.assert_allclose(image.get_array(), expected)
    assert image.get_clim() == (-1.0, 1.0)
    assert ax.get_xlabel() == "input $x_1$" and ax.get_ylabel() == "input $x_2$"
    assert ax.get_title().startswith("tanh(")


@pytest.mark.parametrize("activation", ["relu", "identity", "leaky_relu"])
def test_neuron_colour_range_covers_the_outputs_and_moves_in_steps_of_1_2_5(activation):
    fig = plotting.new_figure(5, 4)
    ax = fig.add_subplot()
    update = plotting.plot_neuron_output(ax, (1.0, -0.5), 0.5, activation, lim=3.0, resolution=31)
    image = next(a for a in ax.get_children() if isinstance(a, AxesImage))
    ranges = []
    for w1 in np.linspace(0.5, 1.5, 11):
        update((w1, -0.5), 0.5, activation)
        lo, hi = image.get_clim()
        values = np.asarray(image.get_array())
        assert lo <= values.min() and values.max() <= hi                 # every output has its colour
        assert hi in (1.0, 2.0, 5.0, 10.0, 20.0)                          # a round number
        assert values.max() > hi / 5                                     # and not far too wide
        ranges.append(hi)
    # the largest weighted sum on the square, 3 (w1 + 0.5) + 0.5, grows from 3.5 to 6.5: one step, 5 -> 10
    assert sorted(set(ranges)) == [5.0, 10.0]


def test_neuron_boundary_line_is_where_the_weighted_sum_is_zero():
    fig = plotting.new_figure(5, 4)
    ax = fig.add_subplot()
    w, b = (2.0, 1.0), -1.0
    plotting.plot_neuron_output(ax, w, b, "relu")
    line = ax.lines[0]
    points = np.column_stack([line.get_xdata(), line.get_ydata()])
    np.testing.assert_allclose(points @ np.array(w) + b, 0.0, atol=1e-12)


def test_neuron_update_redraws_in_place_and_hides_the_line_when_w_is_zero():
    fig = plotting.new_figure(5, 4)
    ax = fig.add_subplot()
    update = plotting.plot_neuron_output(ax, (1.0, 1.0), 0.0, "sigmoid", resolution=21)
    image = next(a for a in ax.get_children() if isinstance(a, AxesImage))
    before = np.array(image.get_array())
    update((0.0, 0.0), 2.0, "relu")
    assert not np.allclose(image.get_array(), before)
    np.testing.assert_allclose(image.get_array(), 2.0)          # relu(0·x1 + 0·x2 + 2) everywhere
    assert not ax.lines[0].get_visible()
    assert any(t.get_visible() and "the same output everywhere" in t.get_text() for t in ax.texts)


# --- network diagrams ------------------------------------------------------------

def test_draw_network_has_a_circle_per_neuron_and_a_line_per_weight():
    net = Network.from_sizes([3, 4, 4, 2], hidden="relu", output="softmax", seed=0)
    fig = plotting.new_figure(6, 3.5)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net)
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert [len(d.get_offsets()) for d in dots] == [3, 4, 4, 2]
    assert [len(e.get_segments()) for e in edges] == [12, 16, 8]
    texts = _texts(ax)
    assert "$x_{1}$" in texts and "$x_{3}$" in texts
    assert "hidden 1\nrelu" in texts and "output\nsoftmax" in texts


def test_draw_network_colours_edges_by_the_sign_of_the_weight():
    net = _xor_network()
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net)
    output_edges = [c for c in ax.collections if isinstance(c, LineCollection)][1]
    colors = [tuple(np.round(c[:3], 3)) for c in output_edges.get_colors()]
    from matplotlib.colors import to_rgb
    assert colors == [tuple(np.round(to_rgb(plotting.ORANGE), 3)), tuple(np.round(to_rgb(plotting.BLUE), 3))]


def test_draw_network_labels_every_neuron_with_its_value():
    net = _xor_network()
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    update = plotting.draw_network(ax, net, x=[1.0, 0.0])
    texts = _texts(ax)
    hidden = net.layers[0].forward(np.array([[1.0, 0.0]]))[0]
    for value in [1.0, 0.0, *hidden, net.forward(np.array([[1.0, 0.0]]))[0, 0]]:
        assert f"{value:.2f}" in texts
    update([1.0, 1.0])                               # XOR(1, 1) = 0: the output label changes
    assert "0.01" in _texts(ax)
    update(None)
    assert "$x_{1}$" in _texts(ax) and not any(t.startswith("0.") for t in _texts(ax))


def test_draw_network_writes_weights_and_biases_when_asked():
    net = _xor_network(scale=1.0, activation="step")
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, weight_labels=True)
    texts = _texts(ax)
    assert texts.count("1") == 5 and texts.count("−1") == 1      # the six weights, with a true minus sign
    assert {"b=−0.5", "b=−1.5"} <= set(texts)


def test_draw_network_keeps_small_values_pale_even_when_they_are_the_largest():
    net = _xor_network()                             # at (0, 0) every value is at most 0.007
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, x=[0.0, 0.0])
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    for dot in dots:
        np.testing.assert_allclose(dot.get_facecolors()[:, :3], 1.0, atol=0.02)   # all but white


def test_draw_network_never_prints_minus_zero():
    layer = Dense(1, 1, "identity")
    layer.W, layer.b = [[1.0]], [0.0]
    fig = plotting.new_figure(4, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, Network([layer]), x=[-0.001])
    assert "−0.00" not in _texts(ax) and "0.00" in _texts(ax)


def test_draw_network_shortens_wide_layers_with_an_ellipsis():
    net = Network.from_sizes([2500, 16, 2], hidden="relu", output="softmax", seed=0)
    fig = plotting.new_figure(6, 4)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, max_nodes=9)
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [len(d.get_offsets()) for d in dots] == [8, 8, 2]
    assert _texts(ax).count("⋮") == 2
    assert "input (2500)" in _texts(ax)


def test_draw_network_explains_wrong_inputs():
    net = Network.from_sizes([2, 3, 1], seed=0)
    ax = plotting.new_figure().add_subplot()
    with pytest.raises(ValueError, match="ONE input with 2 numbers"):
        plotting.draw_network(ax, net, x=np.zeros((4, 2)))
    with pytest.raises(TypeError, match="dlcore Network"):
        plotting.draw_network(ax, [Dense(2, 1)])


def test_network_output_heat_map_matches_forward():
    net = _xor_network()
    ax = plotting.new_figure().add_subplot()
    image = plotting.plot_network_output(ax, net, lim=(0.0, 1.0), resolution=3, vmin=0, vmax=1)
    grid = np.linspace(0, 1, 3)
    X1, X2 = np.meshgrid(grid, grid)
    np.testing.assert_allclose(image.get_array(),
                               net.forward(np.column_stack([X1.ravel(), X2.ravel()])).reshape(3, 3))
    assert image.get_array()[0, 2] > 0.9 and image.get_array()[2, 2] < 0.1     # (1, 0) on, (1, 1) off
    with pytest.raises(ValueError, match="2 inputs"):
        plotting.plot_network_output(ax, Network.from_sizes([3, 1], seed=0))


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
    panel = widgets.network_explorer(_xor_network(), x1=1.0, x2=0.0)
    assert panel.fig.axes[1].get_title() == "output 0.99 at (1, 0)"
    before = panel.image.value
    panel.controls["x2"].value = 1.0
    assert panel.image.value != before
    assert panel.fig.axes[1].get_title() == "output 0.01 at (1, 1)"
    assert "0.01" in _texts(panel.fig.axes[0])


def test_network_explorer_static_shows_the_four_corners_with_alt_text():
    html = widgets.network_explorer(_xor_network()).static_html()
    assert html.count("<img") == 1
    assert 'alt="The 2-2-1 network drawn for the inputs (0, 0), (0, 1), (1, 0), (1, 1)' in html


def test_network_explorer_needs_two_inputs():
    with pytest.raises(ValueError, match="2 inputs"):
        widgets.network_explorer(Network.from_sizes([3, 2, 1], seed=0))


def test_drawing_a_network_between_forward_and_backward_leaves_the_gradients_alone():
    net = Network.from_sizes([2, 3, 1], hidden="relu", output="sigmoid", seed=0)
    X, y = np.array([[0.5, -1.0], [1.0, 2.0]]), np.array([0, 1])
    net.gradients(X, y)
    expected = [grad.copy() for _, grad in net.parameters()]
    net.forward(X)
    T = net.targets(y, len(X))
    fig = plotting.new_figure(6, 3)
    plotting.draw_network(fig.add_subplot(1, 2, 1), net, x=[3.0, -3.0])     # a forward pass of its own
    plotting.plot_network_output(fig.add_subplot(1, 2, 2), net, colorbar=False)
    net.backward(net.loss.grad(net.layers[-1].A, T))
    for (_, grad), want in zip(net.parameters(), expected):
        np.testing.assert_allclose(grad, want, rtol=1e-12)

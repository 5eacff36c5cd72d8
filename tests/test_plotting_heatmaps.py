"""dlcore.plotting.heatmaps: a function of two inputs, a neuron and a network drawn over the plane."""

import matplotlib.image
import numpy as np
import pytest
from matplotlib.image import AxesImage

from _helpers import xor_network
from dlcore import Network, neuron, plotting

X_GRID = np.linspace(-2, 2, 41)


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


# --- plot_function_2d -------------------------------------------------------------

def test_plot_function_2d_draws_the_landscape_examples_and_a_colour_bar():
    fig = plotting.new_figure(4, 3)
    ax = fig.add_subplot()
    G1, G2 = np.meshgrid(X_GRID, X_GRID)
    X = np.array([[0.0, 1.0], [1.0, -1.0], [-2.0, 0.5]])
    plotting.plot_function_2d(ax, G1 * G2, (-2, 2, -2, 2), X, title="product", vmin=-4, vmax=4)
    (image,) = ax.images
    assert isinstance(image, matplotlib.image.AxesImage)
    assert image.get_extent() == [-2, 2, -2, 2]
    assert image.get_clim() == (-4, 4)
    np.testing.assert_allclose(ax.collections[0].get_offsets(), X)
    assert len(fig.axes) == 2                            # the plot and its colour bar
    assert ax.get_title() == "product"


def test_plot_function_2d_rejects_a_flat_array():
    with pytest.raises(ValueError, match="2-D grid"):
        plotting.plot_function_2d(new_axes(), np.zeros(10), (0, 1, 0, 1))


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


# --- a network over the plane ------------------------------------------------------

def test_network_output_heat_map_matches_forward():
    net = xor_network()
    ax = plotting.new_figure().add_subplot()
    plotting.plot_network_output(ax, net, lim=(0.0, 1.0), resolution=3, vmin=0, vmax=1)
    (image,) = ax.images
    grid = np.linspace(0, 1, 3)
    X1, X2 = np.meshgrid(grid, grid)
    np.testing.assert_allclose(image.get_array(),
                               net.forward(np.column_stack([X1.ravel(), X2.ravel()])).reshape(3, 3))
    assert image.get_array()[0, 2] > 0.9 and image.get_array()[2, 2] < 0.1     # (1, 0) on, (1, 1) off
    with pytest.raises(ValueError, match="2 inputs"):
        plotting.plot_network_output(ax, Network.from_sizes([3, 1], seed=0))


def test_network_output_update_follows_new_weights_in_place():
    net = xor_network()
    fig = plotting.new_figure()
    ax = fig.add_subplot()
    update = plotting.plot_network_output(ax, net, lim=(0.0, 1.0), resolution=3)
    (image,) = ax.images
    net.layers[1].b = net.layers[1].b + 100.0         # the output saturates at 1 everywhere
    update()
    assert list(ax.images) == [image]                  # the same image, new values
    np.testing.assert_allclose(image.get_array(), 1.0)
    other = xor_network(scale=1.0)
    update(net=other)
    expected = other.forward(np.array([[0.0, 0.0]]))[0, 0]
    assert image.get_array()[0, 0] == pytest.approx(expected)
    lo, hi = image.get_clim()                          # no vmin, vmax: the colours span the outputs
    assert lo == pytest.approx(image.get_array().min()) and hi == pytest.approx(image.get_array().max())
    assert len(fig.axes) == 2                          # the plot and its one colour bar

"""dlcore.plotting.diagrams: networks drawn with their weights and values, and compositions as chains."""

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PathCollection

from _helpers import ax_texts, xor_network
from dlcore import Dense, Network, plotting


def new_axes():
    return plotting.new_figure(4, 3).add_subplot()


def boxed_values(ax):
    """The values draw_composition writes in boxes, left to right."""
    return [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]


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
    texts = ax_texts(ax)
    assert "$x_{1}$" in texts and "$x_{3}$" in texts
    assert "hidden 1\nrelu" in texts and "output\nsoftmax" in texts


def test_draw_network_colours_edges_by_the_sign_of_the_weight():
    net = xor_network()
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net)
    output_edges = [c for c in ax.collections if isinstance(c, LineCollection)][1]
    colors = [tuple(np.round(c[:3], 3)) for c in output_edges.get_colors()]
    from matplotlib.colors import to_rgb
    assert colors == [tuple(np.round(to_rgb(plotting.ORANGE), 3)), tuple(np.round(to_rgb(plotting.BLUE), 3))]


def test_draw_network_labels_every_neuron_with_its_value():
    net = xor_network()
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    update = plotting.draw_network(ax, net, x=[1.0, 0.0])
    texts = ax_texts(ax)
    hidden = net.layers[0].forward(np.array([[1.0, 0.0]]))[0]
    for value in [1.0, 0.0, *hidden, net.forward(np.array([[1.0, 0.0]]))[0, 0]]:
        assert f"{value:.2f}" in texts
    update([1.0, 1.0])                               # XOR(1, 1) = 0: the output label changes
    assert "0.01" in ax_texts(ax)
    update(None)
    assert "$x_{1}$" in ax_texts(ax) and not any(t.startswith("0.") for t in ax_texts(ax))


def test_draw_network_writes_weights_and_biases_when_asked():
    net = xor_network(scale=1.0, activation="step")
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, weight_labels=True)
    texts = ax_texts(ax)
    assert texts.count("1") == 5 and texts.count("−1") == 1      # the six weights, with a true minus sign
    assert {"b=−0.5", "b=−1.5"} <= set(texts)


def test_draw_network_keeps_small_values_pale_even_when_they_are_the_largest():
    net = xor_network()                             # at (0, 0) every value is at most 0.007
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
    assert "−0.00" not in ax_texts(ax) and "0.00" in ax_texts(ax)


def test_draw_network_shortens_wide_layers_with_an_ellipsis():
    net = Network.from_sizes([2500, 16, 2], hidden="relu", output="softmax", seed=0)
    fig = plotting.new_figure(6, 4)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, max_nodes=9)
    dots = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [len(d.get_offsets()) for d in dots] == [8, 8, 2]
    assert ax_texts(ax).count("⋮") == 2
    assert "input (2500)" in ax_texts(ax)


def test_draw_network_explains_wrong_inputs():
    net = Network.from_sizes([2, 3, 1], seed=0)
    ax = plotting.new_figure().add_subplot()
    with pytest.raises(ValueError, match="ONE input with 2 numbers"):
        plotting.draw_network(ax, net, x=np.zeros((4, 2)))
    with pytest.raises(TypeError, match="dlcore Network"):
        plotting.draw_network(ax, [Dense(2, 1)])


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
    net.backward(T)
    for (_, grad), want in zip(net.parameters(), expected):
        np.testing.assert_allclose(grad, want, rtol=1e-12)


# --- compositions -------------------------------------------------------------------

def test_draw_composition_computes_and_labels_the_chain():
    ax = new_axes()
    update = plotting.draw_composition(ax, 2, [("g: add 1", lambda v: v + 1), ("f: square", lambda v: v ** 2)],
                                       names=["x", "g(x)", "f(g(x))"], title="first g, then f")
    assert boxed_values(ax) == ["2", "3", "9"]
    texts = [text.get_text() for text in ax.texts]
    for expected in ["2", "3", "9", "g: add 1", "f: square", "x", "g(x)", "f(g(x))"]:
        assert expected in texts
    arrows = [child for child in ax.get_children() if type(child).__name__ == "Annotation"]
    assert len(arrows) == 2
    assert ax.get_title() == "first g, then f"
    n_texts = len(ax.texts)                           # 3 values, 3 captions, 2 labels, 2 arrows
    update(x=-4)                                      # (-4 + 1)² = 9, the same chain drawn again, once
    assert boxed_values(ax) == ["\u22124", "\u22123", "9"]
    assert ax.get_title() == "first g, then f" and len(ax.texts) == n_texts == 10


def test_draw_composition_rejects_no_steps_and_wrong_names():
    with pytest.raises(ValueError, match="at least one step"):
        plotting.draw_composition(new_axes(), 1, [])
    with pytest.raises(ValueError, match="one caption per value"):
        plotting.draw_composition(new_axes(), 1, [("square", np.square)], names=["x"])


def test_weight_labels_of_crossing_edges_stay_apart():
    # XOR's hidden layer: x1→h2 and x2→h1 cross in the middle; no two labels may sit on one spot
    net = xor_network(scale=10.0)
    fig = plotting.new_figure(5, 3)
    ax = fig.add_subplot()
    plotting.draw_network(ax, net, weight_labels=True)
    spots = [text.get_position() for text in ax.texts if text.get_text() == "10"]
    assert len(spots) == 5
    gaps = [np.hypot(a[0] - b[0], a[1] - b[1]) for i, a in enumerate(spots) for b in spots[i + 1:]]
    assert min(gaps) > 0.2

"""dlcore.plotting.graphs: a computation graph drawn as the walk through it stands; rates along a chain."""

import pytest

from _helpers import ax_texts
from dlcore import Dense, Network, plotting
from dlcore.graph import network_graph


def tiny_graph():
    net = Network([Dense(1, 1, "sigmoid"), Dense(1, 1, "sigmoid")], loss="mse")
    net.layers[0].W, net.layers[0].b = [[0.8]], [-0.5]
    net.layers[1].W, net.layers[1].b = [[1.5]], [-0.4]
    return network_graph(net, [1.5], [1.0])


def shown(ax):
    return [t for t in ax_texts(ax) if t]


def visible_texts(ax):
    return [t.get_text() for t in ax.texts if t.get_visible() and t.get_text()]


def test_at_the_start_only_the_given_numbers_are_shown():
    ax = plotting.new_figure(8, 3.6).add_subplot()
    plotting.draw_graph(ax, tiny_graph(), step=0)
    texts = visible_texts(ax)
    for value in ["1.5", "0.8", "−0.5", "−0.4", "1"]:
        assert value in texts
    assert "0.7" not in texts and "0.668" not in texts          # nothing computed yet
    assert ax.get_title() == "step 0 of 14: start"


def test_update_moves_the_walk_forward_and_backward():
    g = tiny_graph()
    fig = plotting.new_figure(8, 3.6)
    ax = fig.add_subplot()
    update = plotting.draw_graph(ax, g, step=0)
    before = plotting.figure_to_png(fig)
    update(3)                                                     # z1, a1, z2 computed
    assert {"0.7", "0.668", "0.602"} <= set(visible_texts(ax)) and "0.646" not in visible_texts(ax)
    assert ax.get_title() == "step 3 of 14: forward pass"
    assert "forward: z₂ = w₂·a₁ + b₂ = 1.5 · 0.668 + (−0.4) = 0.602" in visible_texts(ax)
    assert plotting.figure_to_png(fig) != before
    update(9)                                                     # backward has reached w2
    texts = visible_texts(ax)
    assert {"1", "−0.708", "−0.162", "−0.108"} <= set(texts) and "−0.081" not in texts
    assert ax.get_title() == "step 9 of 14: backward pass"
    # the gradient's way back from z2 to w2 is drawn (a dashed arrow), and only that one
    arrows = [p for p in ax.patches if p.get_visible() and p.get_linestyle() not in ("-", "solid")]
    assert len(arrows) == 1
    update(None)                                                  # the end: every gradient
    assert "−0.054" in visible_texts(ax) and "−0.081" in visible_texts(ax)


def test_draw_graph_refuses_steps_outside_the_walk():
    update = plotting.draw_graph(plotting.new_figure(4, 3).add_subplot(), tiny_graph())
    with pytest.raises(ValueError, match="between 0 and 14"):
        update(15)


def test_draw_graph_needs_a_graph():
    with pytest.raises(TypeError, match="network_graph"):
        plotting.draw_graph(plotting.new_figure(4, 3).add_subplot(), "graph")


def test_rate_chain_multiplies_the_rates():
    ax = plotting.new_figure(8, 2.4).add_subplot()
    update = plotting.draw_rate_chain(ax, ["km", "litres", "euros"], [(0.06, "litres per km"), (1.8, "€ per litre")])
    assert "all the way: × 0.06 × 1.8 = × 0.108" in shown(ax)
    update(rates=[(2.0, "a"), (3.0, "b")])
    assert "all the way: × 2 × 3 = × 6" in shown(ax)


def test_rate_chain_needs_one_rate_between_each_pair():
    with pytest.raises(ValueError, match="3 quantities need 2 rates"):
        plotting.draw_rate_chain(plotting.new_figure(4, 2).add_subplot(), ["a", "b", "c"], [(1.0, "x")])

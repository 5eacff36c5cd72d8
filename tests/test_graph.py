"""dlcore.graph: a computation graph of single numbers gives the same gradients as Network.backward."""

import numpy as np
import pytest

from dlcore import Dense, Network, gradcheck
from dlcore.graph import Graph, Node, fmt, network_graph


def tiny_network(hidden="sigmoid", output="sigmoid", loss="mse"):
    """The 1-1-1 network of chapter 7, worked by hand below."""
    net = Network([Dense(1, 1, hidden), Dense(1, 1, output)], loss=loss)
    net.layers[0].W, net.layers[0].b = [[0.8]], [-0.5]
    net.layers[1].W, net.layers[1].b = [[1.5]], [-0.4]
    return net


def network_grads(net, x, t):
    net.forward(np.array([x], dtype=float))
    net.backward(np.array([t], dtype=float))
    return [grad.copy() for _, grad in net.parameters()]


def test_the_tiny_network_worked_by_hand():
    g = network_graph(tiny_network(), [1.5], [1.0])
    # forward: z1 = 0.8 * 1.5 - 0.5 = 0.7; a1 = sigmoid(0.7); z2 = 1.5 a1 - 0.4; a2 = sigmoid(z2); C = (a2 - 1)^2
    a1 = 1 / (1 + np.exp(-0.7))
    z2 = 1.5 * a1 - 0.4
    a2 = 1 / (1 + np.exp(-z2))
    assert g.node("z1").value == pytest.approx(0.7)
    assert g.node("a1").value == pytest.approx(a1)
    assert g.cost.value == pytest.approx((a2 - 1) ** 2)
    # backward, one rate at a time
    d_a2 = 2 * (a2 - 1)
    d_z2 = d_a2 * a2 * (1 - a2)
    d_a1 = d_z2 * 1.5
    d_z1 = d_a1 * a1 * (1 - a1)
    expected = {"C": 1.0, "a2": d_a2, "z2": d_z2, "w2": d_z2 * a1, "b2": d_z2, "a1": d_a1, "z1": d_z1,
                "w1": d_z1 * 1.5, "b1": d_z1}
    for name, value in expected.items():
        assert g.node(name).grad == pytest.approx(value, rel=1e-12), name
    assert g.node("x").grad is None and g.node("t").grad is None      # data needs no gradient


@pytest.mark.parametrize("sizes, hidden, output, loss", [
    ([1, 1, 1], "sigmoid", "sigmoid", "mse"),
    ([2, 2, 1], "tanh", "identity", "mse"),
    ([2, 3, 2], "relu", "sigmoid", "mse"),          # a hidden value feeds two outputs: gradients add
    ([3, 2, 2, 1], "leaky_relu", "sigmoid", "bce"),
])
def test_graph_gradients_equal_network_backward(sizes, hidden, output, loss):
    net = Network.from_sizes(sizes, hidden=hidden, output=output, loss=loss, seed=3)
    rng = np.random.default_rng(0)
    x = rng.normal(size=sizes[0])
    t = np.ones(sizes[-1]) if loss == "bce" else rng.normal(size=sizes[-1])
    g = network_graph(net, x, t)
    expected = network_grads(net, x, t)
    assert net.output_cost(np.array([t])) == pytest.approx(g.cost.value, rel=1e-12)
    for got, want in zip(g.grad_arrays(), expected, strict=True):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-14)


def test_graph_gradients_pass_a_gradient_check():
    net = Network.from_sizes([2, 2, 1], hidden="tanh", output="sigmoid", loss="mse", seed=5)
    x, t = np.array([0.3, -0.7]), np.array([1.0])
    assert gradcheck(net, x[None, :], t[None, :])
    g = network_graph(net, x, t)
    for got, (_, want) in zip(g.grad_arrays(), net.parameters()):
        np.testing.assert_allclose(got, want, rtol=1e-10)


def test_the_walk_goes_forward_then_backward_one_node_at_a_time():
    g = network_graph(tiny_network(), [1.5], [1.0])
    phases = [step.phase for step in g.steps]
    assert phases == ["start"] + ["forward"] * 5 + ["backward"] * 9
    assert [s.node.name for s in g.steps[1:6]] == ["z1", "a1", "z2", "a2", "C"]
    assert [s.node.name for s in g.steps[6:]] == ["C", "a2", "z2", "w2", "b2", "a1", "z1", "w1", "b1"]
    assert g.steps[0].values == {"x", "w1", "b1", "w2", "b2", "t"} and not g.steps[0].grads
    # each step knows one more value or one more gradient than the one before
    for before, after in zip(g.steps, g.steps[1:]):
        assert len(after.values) + len(after.grads) == len(before.values) + len(before.grads) + 1
        # a gradient is only known once the values it needs are
        assert after.grads <= after.values
    assert g.steps[-1].grads == {n.name for n in g.nodes if n.needs_grad}


def test_a_parameter_feeding_two_nodes_gets_its_gradient_after_both():
    # w feeds u = w x + b and v = w u' + c: its gradient is the sum of both paths
    x = Node("x", "x", "input", (0, 0), value=2.0)
    w = Node("w", "w", "parameter", (0, 1), value=3.0)

    def times(name, a, b):
        node = Node(name, name, "operation", (1, 0), parents=[a, b])
        node.compute = lambda v: v[0] * v[1]
        node.rates = lambda v, out: [v[1], v[0]]
        node.formula, node.numbers = f"{a.label}·{b.label}", lambda v: f"{v[0]}·{v[1]}"
        node.rate_labels = [b.label, a.label]          # d(a b)/da = b, d(a b)/db = a
        return node

    u = times("u", w, x)          # u = w x = 6
    c = times("C", w, u)          # C = w u = w² x = 18; dC/dw = 2 w x = 12
    g = Graph([x, w, u, c])
    assert g.cost.value == 18.0 and w.grad == 12.0
    names = [s.node.name for s in g.steps if s.phase == "backward"]
    assert names == ["C", "u", "w"]
    assert g.steps[-1].text == "backward: ∂C/∂w = ∂C/∂u · x + ∂C/∂C · u = 3 · 2 + 1 · 6 = 12"


def test_step_texts_write_out_the_numbers():
    g = network_graph(tiny_network(), [1.5], [1.0])
    texts = [s.text for s in g.steps]
    assert texts[1] == "forward: z₁ = w₁·x + b₁ = 0.8 · 1.5 + (−0.5) = 0.7"
    assert texts[2] == "forward: a₁ = σ(z₁) = σ(0.7) = 0.668"
    assert texts[5] == "forward: C = (a₂ − t)² = (0.646 − 1)² = 0.125"
    assert texts[8] == "backward: ∂C/∂z₂ = ∂C/∂a₂ · σ′(z₂) = −0.708 · 0.229 = −0.162"
    assert texts[13] == "backward: ∂C/∂w₁ = ∂C/∂z₁ · x = −0.054 · 1.5 = −0.081"


def test_numbers_are_written_with_at_most_three_decimals():
    assert fmt(0.700) == "0.7" and fmt(-0.08070957) == "−0.081" and fmt(-0.0001) == "0" and fmt(12.0) == "12"


def test_labels_of_larger_layers_carry_the_neuron():
    g = network_graph(Network.from_sizes([2, 2, 1], seed=0, loss="mse"), [1.0, 0.0], [0.0])
    assert g.node("z1[1]").label == "z₁[2]" and g.node("w1[0,1]").label == "w₁[1,2]"
    assert g.node("x1").label == "x₁"


@pytest.mark.parametrize("make, match", [
    (lambda: network_graph("not a network", [1.0], [1.0]), "needs a dlcore Network"),
    (lambda: network_graph(Network.from_sizes([1, 2], output="softmax", seed=0), [1.0], [1, 0]),
     "knows the costs"),
    (lambda: network_graph(Network([Dense(1, 2, "softmax")], loss="mse"), [1.0], [1.0, 0.0]),
     "not element by element"),
    (lambda: network_graph(tiny_network(), [1.0, 2.0], [1.0]), "one sample with 1 numbers"),
    (lambda: network_graph(tiny_network(), [1.0], [1.0, 0.0]), "one target per output"),
    (lambda: network_graph(Network.from_sizes([8, 8, 1], seed=0, loss="mse"), np.zeros(8), [1.0]),
     "drawn"),
    (lambda: network_graph(tiny_network(loss="bce"), [1.0], [0.5]), "targets 0 or 1"),
])
def test_learner_errors_say_what_to_do(make, match):
    with pytest.raises((TypeError, ValueError), match=match):
        make()


def test_grad_arrays_needs_a_graph_built_from_a_network():
    x = Node("x", "x", "input", (0, 0), value=1.0)
    c = Node("C", "C", "operation", (1, 0), parents=[x])
    c.compute, c.rates, c.rate_labels = (lambda v: v[0] ** 2), (lambda v, out: [2 * v[0]]), ["2x"]
    c.numbers = lambda v: f"{v[0]}²"
    with pytest.raises(ValueError, match="not built from a network"):
        Graph([x, c]).grad_arrays()


def test_a_graph_refuses_nodes_before_their_parents():
    x = Node("x", "x", "input", (0, 0), value=1.0)
    c = Node("C", "C", "operation", (1, 0), parents=[x])
    with pytest.raises(ValueError, match="before its parents"):
        Graph([c, x])

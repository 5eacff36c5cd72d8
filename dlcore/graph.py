"""A computation graph of single numbers: values go forward, gradients come back, one node at a time.

Backpropagation is easiest to see on a picture in which every number a
network computes is a node: the input ``x``, each weight and bias, each
weighted sum ``z``, each activation ``a``, the target ``t`` and the cost
``C``. An arrow runs from every number to each number computed from it.

- **Forward**, left to right, each node computes its value from the values
  of its parents (the nodes its arrows come from).
- **Backward**, right to left, each node gets its *gradient*: how fast the
  cost changes when this node's value changes a little, ``dC/d(node)``. The
  cost's own gradient is 1. Every other node adds up, over the nodes it
  feeds, that node's gradient times the *local rate* of that node with
  respect to this one (the chain rule)::

      dC/dz1 = dC/da1 * sigmoid'(z1)         # a1 = sigmoid(z1): rate sigmoid'(z1)
      dC/dw1 = dC/dz1 * x                    # z1 = w1 x + b1: rate of z1 in w1 is x

:func:`network_graph` builds the graph of a small ``Network`` for one sample,
with the network's own activations, so that its gradients are the numbers
``Network.backward`` puts in each layer's ``dW`` and ``db``
(:meth:`Graph.grad_arrays` returns them in the same order). ``Graph.steps``
lists the walk one node at a time, with a sentence for each step, which the
book's backprop stepper draws.

>>> net = Network([Dense(1, 1, "sigmoid"), Dense(1, 1, "sigmoid")], loss="mse")  # doctest: +SKIP
>>> g = network_graph(net, x=[1.5], t=[1.0])                                      # doctest: +SKIP
>>> g.node("w1").grad                                                             # doctest: +SKIP
"""

import numpy as np

from . import activations

#: The cost functions the graph knows.
COSTS = ("mse", "bce")
#: Largest graph :func:`network_graph` builds: a picture of more nodes is unreadable.
MAX_NODES = 80

# How an activation is written in a formula.
_ACTIVATION_TEX = {"sigmoid": "σ", "tanh": "tanh", "relu": "relu", "leaky_relu": "leaky_relu",
                   "identity": "id", "step": "step"}
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def fmt(value):
    """A number as the graph writes it: at most 3 decimals, no trailing zeros (``0.7``, ``-0.079``)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _factor(value):
    """A number inside a product or after a plus sign: negatives in parentheses."""
    text = fmt(value)
    return f"({text})" if text.startswith("−") else text


class Node:
    """One number of a computation graph.

    Attributes
    ----------
    name : str
        Its name in the graph, e.g. ``"z1"`` or ``"w1[0,1]"``.
    label : str
        How it is written in formulas, e.g. ``"z₁"``.
    kind : {"input", "target", "parameter", "operation"}
        Inputs and targets are data; parameters are what training changes;
        operations are computed from their parents.
    parents : list of Node
        The nodes this one is computed from (empty for the other kinds).
    position : (float, float)
        Where a drawing puts it.
    value, grad : float or None
        Its value after the forward pass; ``dC/d(node)`` after the backward
        pass (None for data, which needs no gradient).
    where : tuple or None
        For a parameter of a network: ``(layer index, "W" or "b", index)``.
    """

    def __init__(self, name, label, kind, position, *, value=None, parents=(), where=None):
        self.name, self.label, self.kind = name, label, kind
        self.position = tuple(float(p) for p in position)
        self.value = None if value is None else float(value)
        self.parents = list(parents)
        self.grad = None
        self.where = where
        # For operations: how to compute the value, the local rates and how to write them.
        self.compute = None        # compute(parent values) -> value
        self.rates = None          # rates(parent values, value) -> d(node)/d(parent), one per parent
        self.formula = ""          # e.g. "w₁·x + b₁"
        self.numbers = None        # numbers(parent values) -> the formula with numbers
        self.rate_labels = []      # each local rate, written out: e.g. "x", "σ′(z₁)"

    @property
    def needs_grad(self):
        return self.kind in ("parameter", "operation")

    def __repr__(self):
        return f"Node({self.name!r}, {self.kind}, value={self.value}, grad={self.grad})"


class Step:
    """One step of the walk through a graph.

    Attributes
    ----------
    phase : {"start", "forward", "backward"}
    node : Node or None
        The node this step computes (None for the start).
    text : str
        What the step does, with its numbers.
    values, grads : frozenset of str
        Names of the nodes whose value, and whose gradient, is known after this step.
    """

    def __init__(self, phase, node, text, values, grads):
        self.phase, self.node, self.text = phase, node, text
        self.values, self.grads = frozenset(values), frozenset(grads)

    def __repr__(self):
        return f"Step({self.phase}, {self.node.name if self.node else None})"


class Graph:
    """Nodes in an order where every node comes after its parents, the cost last.

    Building a graph runs its forward and backward passes and records the
    walk in ``steps``: the start, one step per operation forward, then
    one step per node that needs a gradient, backward.

    Parameters
    ----------
    nodes : list of Node
        Parents before children; the last node is the cost.

    Attributes
    ----------
    nodes : list of Node
    cost : Node
        The last node.
    children : dict of str to list of Node
        For each node's name, the nodes computed from it.
    steps : list of Step
        The walk: ``steps[0]`` is the start, then the forward steps, then the backward steps.
    """

    def __init__(self, nodes):
        self.nodes = list(nodes)
        seen = set()
        for node in self.nodes:
            missing = [p.name for p in node.parents if p.name not in seen]
            if missing:
                raise ValueError(f"Node {node.name!r} comes before its parents {missing}: list parents first.")
            if node.kind != "operation" and node.value is None:
                raise ValueError(f"Node {node.name!r} is a {node.kind} and needs a value.")
            seen.add(node.name)
        if len(seen) != len(self.nodes):
            raise ValueError("Two nodes of the graph have the same name.")
        self._by_name = {node.name: node for node in self.nodes}
        self.cost = self.nodes[-1]
        self.children = {node.name: [] for node in self.nodes}
        for node in self.nodes:
            for parent in node.parents:
                self.children[parent.name].append(node)
        self.forward()
        self.backward()
        self.steps = self._walk()

    def node(self, name):
        """The node called ``name``."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"No node {name!r}; the graph has {list(self._by_name)}.") from None

    @property
    def parameters(self):
        """The parameter nodes, in graph order."""
        return [node for node in self.nodes if node.kind == "parameter"]

    def forward(self):
        """Compute every operation's value from its parents', in order; returns the cost."""
        for node in self.nodes:
            if node.kind == "operation":
                node.value = float(node.compute([p.value for p in node.parents]))
        return self.cost.value

    def backward(self):
        """Every gradient ``dC/d(node)``, from the cost back: each node adds up over the nodes it feeds."""
        for node in self.nodes:
            node.grad = None
        self.cost.grad = 1.0
        for node in reversed(self.nodes[:-1]):
            if node.needs_grad:
                node.grad = sum(child.grad * self._rate(child, node) for child in self.children[node.name])

    @staticmethod
    def _rate(child, parent):
        """d(child)/d(parent): the local rate of ``child`` with respect to its parent ``parent``."""
        values = [p.value for p in child.parents]
        rates = child.rates(values, child.value)
        return sum(rate for p, rate in zip(child.parents, rates) if p is parent)

    def _rate_label(self, child, parent):
        return next(label for p, label in zip(child.parents, child.rate_labels) if p is parent)

    # --- the walk --------------------------------------------------------------

    def _walk(self):
        values = {node.name for node in self.nodes if node.kind != "operation"}
        grads = set()
        steps = [Step("start", None, "Start: the input, the target and the parameters are known.", values, grads)]
        for node in self.nodes:
            if node.kind == "operation":
                values.add(node.name)
                steps.append(Step("forward", node, self._forward_text(node), values, grads))
        done = set()
        for node in reversed(self.nodes):
            if node.kind != "operation":
                continue
            grads.add(node.name)
            done.add(node.name)
            steps.append(Step("backward", node, self._backward_text(node), values, grads))
            # a parameter's gradient is complete once every node it feeds has its own
            for parent in node.parents:
                if (parent.kind == "parameter" and parent.name not in grads
                        and all(c.name in done for c in self.children[parent.name])):
                    grads.add(parent.name)
                    steps.append(Step("backward", parent, self._backward_text(parent), values, grads))
        return steps

    def _forward_text(self, node):
        values = [p.value for p in node.parents]
        return f"forward: {node.label} = {node.formula} = {node.numbers(values)} = {fmt(node.value)}"

    def _backward_text(self, node):
        if node is self.cost:
            return "backward: ∂C/∂C = 1, the start of the backward pass"
        children = self.children[node.name]
        symbols = " + ".join(f"∂C/∂{c.label} · {self._rate_label(c, node)}" for c in children)
        numbers = " + ".join(f"{_factor(c.grad) if i else fmt(c.grad)} · {_factor(self._rate(c, node))}"
                             for i, c in enumerate(children))
        return f"backward: ∂C/∂{node.label} = {symbols} = {numbers} = {fmt(node.grad)}"

    # --- back to a network's arrays ---------------------------------------------

    def grad_arrays(self):
        """The parameters' gradients as a network's arrays: ``[dW1, db1, dW2, db2, ...]``.

        For a graph built by :func:`network_graph`: the order and shapes of
        ``[grad for _, grad in net.parameters()]``.
        """
        params = [node for node in self.parameters if node.where is not None]
        if not params:
            raise ValueError("This graph was not built from a network: its parameters have no place in one.")
        n_layers = 1 + max(node.where[0] for node in params)
        shapes = {}
        for node in params:
            layer, kind, index = node.where
            shape = shapes.get((layer, kind), ())
            shapes[(layer, kind)] = tuple(max(s, i + 1) for s, i in zip(shape or (0,) * len(index), index))
        arrays = {key: np.zeros(shape) for key, shape in shapes.items()}
        for node in params:
            layer, kind, index = node.where
            arrays[(layer, kind)][index] = node.grad
        return [arrays[(layer, kind)] for layer in range(n_layers) for kind in ("W", "b")]


# --- building the graph of a network ------------------------------------------------


def _sub(*indices):
    """Subscripts: the layer as a subscript digit, further indices in brackets: ``₂[1,2]``."""
    first = str(indices[0]).translate(_SUBSCRIPTS)
    return first + (f"[{','.join(str(i) for i in indices[1:])}]" if len(indices) > 1 else "")


def _weighted_sum(name, label, position, inputs, weights, bias):
    node = Node(name, label, "operation", position, parents=[*inputs, *weights, bias])
    n = len(inputs)
    node.compute = lambda v: sum(v[i] * v[n + i] for i in range(n)) + v[2 * n]
    node.rates = lambda v, out: [*v[n:2 * n], *v[:n], 1.0]
    node.formula = " + ".join(f"{w.label}·{a.label}" for a, w in zip(inputs, weights)) + f" + {bias.label}"
    node.numbers = lambda v: " + ".join(
        f"{fmt(v[n + i]) if i == 0 else _factor(v[n + i])} · {_factor(v[i])}" for i in range(n)
    ) + f" + {_factor(v[2 * n])}"
    node.rate_labels = [w.label for w in weights] + [a.label for a in inputs] + ["1"]
    return node


def _activation(name, label, position, z, activation):
    node = Node(name, label, "operation", position, parents=[z])
    g = activations.get(activation)
    tex = _ACTIVATION_TEX[g.name]
    node.compute = lambda v: g.forward(np.array([v[0]]))[0]
    node.rates = lambda v, out: [float(g.grad(np.array([v[0]]), np.array([out]))[0])]
    node.formula = f"{tex}({z.label})"
    node.numbers = lambda v: f"{tex}({fmt(v[0])})"
    node.rate_labels = [f"{tex}′({z.label})"]
    return node


def _cost(position, outputs, targets, loss):
    node = Node("C", "C", "operation", position, parents=[*outputs, *targets])
    n = len(outputs)
    pairs = [(a.label, t.label) for a, t in zip(outputs, targets)]
    over_n = "" if n == 1 else f" / {n}"
    if loss == "mse":
        node.compute = lambda v: sum((v[k] - v[n + k]) ** 2 for k in range(n)) / n
        node.rates = lambda v, out: [2 * (v[k] - v[n + k]) / n for k in range(n)] + [0.0] * n
        node.formula = "(" * (n > 1) + " + ".join(f"({a} − {t})²" for a, t in pairs) + ")" * (n > 1) + over_n
        node.numbers = lambda v: "(" * (n > 1) + " + ".join(
            f"({fmt(v[k])} − {_factor(v[n + k])})²" for k in range(n)) + ")" * (n > 1) + over_n
        node.rate_labels = [f"2({a} − {t}){over_n}" for a, t in pairs] + ["0"] * n
    else:  # bce: -[t ln a + (1 - t) ln(1 - a)], averaged over the outputs
        def compute(v):
            return -sum(v[n + k] * np.log(v[k]) + (1 - v[n + k]) * np.log1p(-v[k]) for k in range(n)) / n
        node.compute = compute
        node.rates = lambda v, out: [(v[k] - v[n + k]) / (v[k] * (1 - v[k])) / n for k in range(n)] + [0.0] * n
        node.formula = " ".join(f"−[{t}·ln {a} + (1 − {t})·ln(1 − {a})]" for a, t in pairs) + over_n
        node.numbers = lambda v: " ".join(
            f"−[{fmt(v[n + k])}·ln {fmt(v[k])} + {fmt(1 - v[n + k])}·ln {fmt(1 - v[k])}]" for k in range(n)
        ) + over_n
        node.rate_labels = [f"({a} − {t}) / ({a}(1 − {a})){over_n}" for a, t in pairs] + ["0"] * n
    return node


def network_graph(net, x, t):
    """The computation graph of a small network for one sample ``x`` with target ``t``.

    One node per number: each input, weight, bias, weighted sum, activation
    and target, and the cost. Values and gradients are computed with the
    network's own activations, so the parameters' gradients equal what
    ``Network.backward`` gives for the batch ``X = [x]`` (see :meth:`Graph.grad_arrays`).

    Parameters
    ----------
    net : Network
        Layers with element-wise activations (not softmax) and the cost
        ``"mse"`` or ``"bce"``; at most :data:`MAX_NODES` nodes in all.
    x : array-like, shape (n_in,)
        One sample.
    t : array-like, shape (n_out,), or a number for one output
        Its target.

    Returns
    -------
    Graph
    """
    layers = getattr(net, "layers", None)
    loss = getattr(getattr(net, "loss", None), "name", None)
    if not layers:
        raise TypeError(f"network_graph needs a dlcore Network, got {type(net).__name__}.")
    if loss not in COSTS:
        raise ValueError(f"network_graph knows the costs {list(COSTS)}, got {loss!r}. "
                         "Build the network with loss='mse' (or 'bce' after one sigmoid output).")
    for i, layer in enumerate(layers, 1):
        if layer.activation.name not in _ACTIVATION_TEX:
            raise ValueError(f"Layer {i} uses {layer.activation.name!r}, which is not element by element; "
                             f"the graph handles {sorted(_ACTIVATION_TEX)}.")
    x = np.asarray(x, dtype=float).reshape(-1)
    t = np.asarray(t, dtype=float).reshape(-1)
    if x.shape != (layers[0].n_in,):
        raise ValueError(f"x must be one sample with {layers[0].n_in} numbers, got shape {x.shape}. "
                         "Pass one row of X, e.g. X[0].")
    if t.shape != (layers[-1].n_out,):
        raise ValueError(f"t must hold one target per output ({layers[-1].n_out}), got shape {t.shape}.")
    n_nodes = len(x) + len(t) + 1 + sum(layer.n_params + 2 * layer.n_out for layer in layers)
    if n_nodes > MAX_NODES:
        raise ValueError(f"This network makes a graph of {n_nodes} nodes, more than {MAX_NODES} can be drawn "
                         "readably. Use a network with a few neurons per layer, e.g. sizes [1, 1, 1] or [2, 2, 1].")

    # Layout. A chain of single neurons reads left to right with each neuron's weight above it and
    # its bias below. Wider layers get a column of their own for their parameters, neuron by neuron,
    # with each neuron at the height of its parameters.
    chain = all(layer.n_in == 1 and layer.n_out == 1 for layer in layers)

    def rows(n, spread=1.0):
        return [spread * ((n - 1) / 2 - j) for j in range(n)]

    many_in = len(x) > 1
    nodes = [Node(f"x{i + 1}" if many_in else "x", f"x{_sub(i + 1)}" if many_in else "x", "input",
                  (0.0, y), value=v) for i, (y, v) in enumerate(zip(rows(len(x), 1.5), x))]
    current = nodes[:]
    column = 0.0
    for l, layer in enumerate(layers, 1):
        n_in, n_out = layer.n_in, layer.n_out
        p_col, z_col, a_col = (column + 0.5, column + 1.0, column + 2.0) if chain else \
            (column + 1.3, column + 2.6, column + 3.9)
        param_rows = rows(n_out * (n_in + 1))              # neuron j's weights, then its bias
        z_nodes, a_nodes = [], []
        for j in range(n_out):
            one = n_out == 1
            idx = (l,) if one else (l, j + 1)
            mine = param_rows[j * (n_in + 1):(j + 1) * (n_in + 1)]
            y = 0.0 if chain else sum(mine) / len(mine)
            weights = []
            for i in range(n_in):
                w_idx = (l,) if one and n_in == 1 else (l, i + 1, j + 1)
                weights.append(Node(f"w{l}[{i},{j}]" if len(w_idx) > 1 else f"w{l}", f"w{_sub(*w_idx)}",
                                    "parameter", (p_col, 1.0 if chain else mine[i]), value=layer.W[i, j],
                                    where=(l - 1, "W", (i, j))))
            bias = Node(f"b{l}[{j}]" if not one else f"b{l}", f"b{_sub(*idx)}", "parameter",
                        (p_col, -1.0 if chain else mine[-1]), value=layer.b[j], where=(l - 1, "b", (j,)))
            z = _weighted_sum(f"z{l}" + ("" if one else f"[{j}]"), f"z{_sub(*idx)}", (z_col, y), current, weights,
                              bias)
            a = _activation(f"a{l}" + ("" if one else f"[{j}]"), f"a{_sub(*idx)}", (a_col, y), z,
                            layer.activation)
            nodes += [*weights, bias, z]
            z_nodes.append(z)
            a_nodes.append(a)
        nodes += a_nodes
        current = a_nodes
        column = a_col
    many_out = len(t) > 1
    targets = [Node(f"t{k + 1}" if many_out else "t", f"t{_sub(k + 1)}" if many_out else "t", "target",
                    (column + (0.5 if chain else 0.65), a.position[1] - 1.0), value=v)
               for k, (a, v) in enumerate(zip(current, t))]
    if loss == "bce" and (layers[-1].activation.name != "sigmoid" or not np.isin(t, (0.0, 1.0)).all()):
        raise ValueError("The 'bce' cost needs sigmoid outputs and targets 0 or 1.")
    cost = _cost((column + (1.0 if chain else 1.3), sum(a.position[1] for a in current) / len(current)), current,
                 targets, loss)
    return Graph(nodes + targets + [cost])

"""The rule of dlcore.plotting's docstring: every public plot_* and draw_* draws on the axes or figure it
is given and returns update, which takes the drawing function's own parameter names and draws again."""

import inspect

import matplotlib.collections
import matplotlib.lines
import numpy as np
import pytest
from matplotlib.figure import Figure

from _helpers import xor_network
from dlcore import fitting, plotting
from dlcore import graph  # chapter 7
from dlcore import descent  # chapter 8
from dlcore.playground import Playground  # the playground

# Small building blocks return what they made (the docstring names them); draw_line is the one
# among them whose name starts with draw_.
BUILDING_BLOCKS = {"draw_line"}

x = np.linspace(-2, 2, 21)                                             # (21,)
grid = np.outer(x, x)                                                  # (21, 21)
X2 = np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]])
y2 = np.array([0, 1, 1])

# name: (target "ax" or "fig", arguments after it, keyword arguments, a change for update)
SAMPLES = {
    "plot_activation": ("ax", (x, x ** 2), {}, {"a": x ** 3}),
    "plot_activations_with_derivatives": ("fig", (["relu"],), {"ncols": 1}, {"names": ["tanh"]}),
    "plot_softmax_example": ("fig", (), {}, {"z": (0.0, 1.0, 3.0)}),
    "plot_function_fit": ("ax", ([0.0, 1.0], [0.0, 1.0], x, x ** 2), {"fits": {"fit": x}},
                          {"x": [-1.0, 0.5, 1.5], "t": [1.0, 0.0, 2.0], "fits": {"fit": -x}}),
    "plot_fit_band": ("ax", (x, np.stack([x, 2 * x, 3 * x])), {}, {"curves": np.stack([-x, x, x ** 2])}),
    "plot_cost_1d": ("ax", (x, x ** 2), {}, {"costs": (x - 1) ** 2}),
    "plot_relu_pieces": ("ax", (x, x, fitting.relu_basis(x, [0.0])), {},
                         {"y_target": x ** 2, "pieces": fitting.relu_basis(x, [-1.0, 1.0])}),
    "draw_feature_weights": ("ax", (["a", "b"], [1.0, -1.0]), {}, {"weights": [-1.0, 0.5]}),
    "draw_decision_boundary": ("ax", (lambda P: P[:, 0] > 0, X2, y2), {"resolution": 20},
                               {"predict_fn": lambda P: P[:, 1] > 0}),
    "draw_perceptron": ("ax", (X2, y2, [1.0, 0.0], 0.0), {}, {"w": [0.0, 1.0], "b": 0.5}),
    "plot_function_2d": ("ax", (grid, (-2, 2, -2, 2)), {}, {"f_grid": -grid}),
    "plot_neuron_output": ("ax", ((1.0, -0.5), 0.5), {"resolution": 21},
                           {"w": (-1.0, 1.0), "b": 0.0, "activation": "relu"}),
    "plot_network_output": ("ax", (xor_network(),), {"lim": (0.0, 1.0), "resolution": 11},
                            {"net": xor_network(scale=2.0)}),
    "draw_network": ("ax", (xor_network(),), {"x": [0.0, 0.0]}, {"x": [1.0, 0.0]}),
    "draw_composition": ("ax", (2, [("add 1", lambda v: v + 1)]), {}, {"x": 5}),
    # chapter 6
    "plot_cost_curve": ("ax", (x, {"cost": x ** 2}, 0.5), {}, {"costs": {"cost": (x - 1) ** 2}, "current": -1.0}),
    "plot_cost_surface": ("ax", (x, x, grid ** 2, (0.0, 0.0)), {}, {"current": (1.0, -1.0)}),
    "plot_init_histograms": ("fig", ({"Z": grid, "A": np.abs(grid) / 4, "dW": grid / 100, "std_z": 1.0,
                                      "saturated": 0.0},), {},
                             {"stats": {"Z": 2 * grid, "A": np.abs(grid) / 8, "dW": grid / 1e5, "std_z": 2.0,
                                        "saturated": 0.5}}),
    "plot_image_grid": ("fig", (np.zeros((2, 5, 5)), [0, 1]), {}, {"images": np.ones((2, 5, 5))}),
    # the playground
    "plot_playground": ("fig", (Playground("xor", hidden=(2,)),), {"resolution": 10},
                        {"run": Playground("xor", hidden=(2,), seed=1), "weight": (1, 1, 0)}),
    # chapter 10
    "draw_labelled_images": ("fig", (np.zeros((2, 4, 4)), ["a", "b"]), {}, {"images": np.ones((2, 4, 4))}),
    "draw_weight_images": ("fig", (np.eye(16)[:, :2],), {"image_shape": (4, 4)}, {"W": -np.eye(16)[:, 2:4]}),
    "plot_confusion_matrix": ("ax", (np.array([[3, 1], [0, 4]]),), {}, {"matrix": np.array([[1, 3], [2, 2]])}),
    # chapter 8
    "plot_descent": ("ax", (descent.SURFACES["bowl"], np.array([[0.0], [1.5]])), {},
                     {"paths": np.array([[5.0], [4.0]]), "title": "moved"}),
    # chapter 9
    "plot_learning_curves": ("ax", ([0.9, 0.5, 0.3], [1.0, 0.6, 0.8]), {}, {"val_cost": [1.0, 0.7, 0.5]}),
    # chapter 7
    "draw_graph": ("ax", (graph.network_graph(xor_network(), [0.0, 1.0], [1.0]),), {"step": 0}, {"step": 5}),
    "draw_rate_chain": ("ax", (["a", "b", "c"], [(2.0, "b per a"), (3.0, "c per b")]), {},
                        {"rates": [(0.5, "b per a"), (4.0, "c per b")]}),
}


def drawing_functions():
    return sorted(name for name in plotting.__all__ if name.startswith(("plot_", "draw_")))


def draw_sample(name):
    where, args, kwargs, change = SAMPLES[name]
    fig = plotting.new_figure(3, 2.5, dpi=40)
    target = fig.add_subplot() if where == "ax" else fig
    update = getattr(plotting, name)(target, *args, **kwargs)
    return fig, update, change


def test_every_drawing_function_has_a_sample_here():
    assert set(drawing_functions()) - BUILDING_BLOCKS == set(SAMPLES), (
        "a new plot_* or draw_* function must follow the return rule: add a sample call to SAMPLES"
    )


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_drawing_functions_return_an_update_named_after_their_own_parameters(name):
    fig, update, _ = draw_sample(name)
    assert callable(update), f"{name} returned {type(update).__name__}, not an update function"
    drawing = inspect.signature(getattr(plotting, name)).parameters
    own = set(drawing) - {"ax", "fig"}
    for parameter in inspect.signature(update).parameters.values():
        if parameter.kind is parameter.VAR_KEYWORD:          # redraw_update: update(**changes)
            continue
        assert parameter.name in own, f"{name}'s update takes {parameter.name!r}, not a parameter of {name}"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_update_draws_the_change_on_the_same_figure(name):
    fig, update, change = draw_sample(name)
    n_axes = len(fig.axes)
    before = plotting.figure_to_png(fig)
    update(**change)
    assert plotting.figure_to_png(fig) != before, f"{name}: update({', '.join(change)}) changed nothing"
    assert len(fig.axes) == n_axes, f"{name}: update added or lost axes (a second colour bar?)"


def test_building_blocks_return_what_they_made():
    fig = plotting.new_figure(2, 2)
    assert isinstance(fig, Figure)
    ax = fig.add_subplot()
    assert plotting.style_axes(ax) is ax
    points = plotting.scatter_classes(ax, X2, y2)
    assert len(points) == 2 and all(isinstance(p, matplotlib.collections.PathCollection) for p in points)
    assert isinstance(plotting.draw_line(ax, [1.0, 1.0], 0.0), matplotlib.lines.Line2D)
    assert plotting.half_plane([1.0, 0.0], 0.0, (-1, 1), (-1, 1)).shape == (4, 2)

"""Live panels for JupyterLab, each with a static counterpart for the published book.

A widget in a chapter is one line, e.g. ``widgets.neuron_explorer()``.
Behind it sit three layers:

1. a plotting function in :mod:`dlcore.plotting` that draws on a figure and
   returns an ``update`` function;
2. a :class:`~dlcore.widgets.panel.LivePanel` that wires controls (sliders,
   dropdowns) to a ``draw(fig, **values)`` function and redraws the figure
   whenever a control moves;
3. a static counterpart, computed when the cell runs, that shows the same
   idea without a running kernel: an animation over one control
   (:func:`~dlcore.widgets.panel.animate_over`) or a grid of small multiples
   (:func:`~dlcore.widgets.panel.compare_over`).

The machinery is in :mod:`~dlcore.widgets.panel`, and in
:mod:`~dlcore.widgets.play` for panels whose state advances by itself (play,
pause, step, reset); each explorer has a module
named by its topic: :mod:`~dlcore.widgets.features`,
:mod:`~dlcore.widgets.function_fit`, :mod:`~dlcore.widgets.relu_pieces`,
:mod:`~dlcore.widgets.perceptron` and :mod:`~dlcore.widgets.neuron`. A panel
only wires controls to plotting functions and to the engine: the models it
shows (features, fits, the perceptron rule) live in numpy modules of
``dlcore``, where chapters and tests use them too. Every public name is
available from ``dlcore.widgets``.
"""

from .features import feature_picker
from .function_fit import function_fit_explorer
from .neuron import network_explorer, neuron_explorer
from .panel import LivePanel, animate_over, compare_over, control_values
from .perceptron import perceptron_explorer
from .play import PlayPanel
from .relu_pieces import relu_pieces_explorer

__all__ = [
    "LivePanel", "PlayPanel", "animate_over", "compare_over", "control_values",
    "feature_picker", "function_fit_explorer", "relu_pieces_explorer", "perceptron_explorer",
    "neuron_explorer", "network_explorer",
]

# The panels of chapters 6-10: one import line and one ``__all__`` line per module.
# Chapter 6
from .cost import cost_explorer  # noqa: E402
__all__ += ["cost_explorer"]
from .init_scale import init_scale_explorer  # noqa: E402
__all__ += ["init_scale_explorer"]
# Chapter 7
from .backprop import backprop_stepper  # noqa: E402
__all__ += ["backprop_stepper"]
# Chapter 8
from .descent import learning_rate_explorer  # noqa: E402
__all__ += ["learning_rate_explorer"]
# The playground
from .playground import PlaygroundPanel, playground  # noqa: E402
__all__ += ["PlaygroundPanel", "playground"]
# Chapter 9
from .overfitting import overfitting_explorer  # noqa: E402
__all__ += ["overfitting_explorer"]
# Chapter 10
from .images import image_browser, weights_over_epochs  # noqa: E402
__all__ += ["image_browser", "weights_over_epochs"]

"""Figures for the book, drawn with plain matplotlib.

Every figure in the book and every frame of a widget is drawn here, so that
one function serves the static figure on the page, the live widget in
JupyterLab and the animation that stands in for the widget on the published
page. Every public name is available from ``dlcore.plotting``:
``plotting.show(...)``, ``plotting.BLUE``, ``plotting.draw_perceptron(...)``.

The code lives in one module per kind of picture, not per chapter, so that a
new chapter reuses what is there and adds files rather than sections:

- :mod:`~dlcore.plotting.style`: the palette, sizes, blank figures and axes
  with the book's look; what every other module builds on;
- :mod:`~dlcore.plotting.output`: from a figure to what a notebook stores
  (PNG, images with alt text, offline animations, small multiples);
- :mod:`~dlcore.plotting.planes`: two-class data in the plane, lines,
  half-planes, decision boundaries, perceptrons;
- :mod:`~dlcore.plotting.heatmaps`: functions of two inputs as colour maps
  (a landscape, a neuron, a network);
- :mod:`~dlcore.plotting.curves`: functions of one input (activations,
  fits, costs, ReLU pieces) and the bars of feature weights;
- :mod:`~dlcore.plotting.diagrams`: networks and compositions drawn as
  boxes, circles and arrows, and ``layer_values``, which runs a network for
  a picture without touching what its layers keep for ``backward``.

**One rule for what drawing functions return.** Every public ``plot_*`` and
``draw_*`` function (but ``draw_line``, below) draws on the axes or figure
it is given and returns a function ``update``. ``update`` takes arguments
named as the drawing function's own parameters and draws the figure again
with those changed:

- where a live panel moves something (a line, a heat map, the values in a
  network), ``update`` changes those artists in place, which is fast; its
  parameters are the values that move, e.g. ``update(w, b, activation)``
  for :func:`~dlcore.plotting.heatmaps.plot_neuron_output`, each
  documented in the function's "Returns" section;
- where nothing is drawn to be moved, ``update(**changes)`` clears the axes
  (or figure) and draws it again with any of the arguments changed
  (:func:`~dlcore.plotting.style.redraw_update`).

So the same call fills one panel of a grid, a live widget
(``LivePanel``'s ``draw`` returns that ``update``) or the frames of an
animation. Anything else a caller needs is on the axes it passed in
(``ax.images[0]``, ``fig.axes``). Small building blocks that other drawings
are made of return what they made: :func:`~dlcore.plotting.style.new_figure`
the figure, :func:`~dlcore.plotting.style.style_axes` the axes,
:func:`~dlcore.plotting.planes.scatter_classes` the two point collections,
:func:`~dlcore.plotting.planes.draw_line` the line (which it can move);
:func:`~dlcore.plotting.planes.half_plane` and
:func:`~dlcore.plotting.diagrams.layer_values` compute without drawing.
``tests/test_plotting_convention.py`` holds every drawing function to this.

Figures are ``matplotlib.figure.Figure`` objects on the Agg canvas, never
``pyplot`` ones, and use the Okabe–Ito palette, which stays distinguishable
for the common kinds of colour blindness.

>>> from dlcore import plotting
>>> fig = plotting.new_figure(4, 3)
>>> ax = fig.add_subplot()
>>> _ = ax.plot([0, 1], [0, 1], color=plotting.BLUE)
>>> plotting.figure_to_png(fig)[:4]
b'\\x89PNG'
"""

from .curves import (ELEMENTWISE_ACTIVATIONS, draw_feature_weights, plot_activation,
                     plot_activations_with_derivatives, plot_cost_1d, plot_fit_band, plot_function_fit,
                     plot_relu_pieces, plot_softmax_example)
from .diagrams import draw_composition, draw_network, layer_values
from .heatmaps import plot_function_2d, plot_network_output, plot_neuron_output
from .output import (Picture, animation_html, canvas_to_png, clean_jshtml, fewer_colors, figure_to_png, img_html,
                     png_data_uri, show, small_multiples_html)
from .planes import draw_decision_boundary, draw_line, draw_perceptron, half_plane, scatter_classes
from .style import (ANIMATION_DPI, BLACK, BLUE, BLUISH_GREEN, CLASS_COLORS, CLASS_MARKERS, DIVERGING_CMAP,
                    FIGSIZE, GREY, LIVE_DPI, MAX_FRAMES, ORANGE, PALETTE, REDDISH_PURPLE, SEQUENTIAL_CMAP,
                    SKY_BLUE, VERMILLION, YELLOW, light, minus, new_figure, redraw_update, style_axes)

__all__ = [
    # style
    "BLACK", "ORANGE", "SKY_BLUE", "BLUISH_GREEN", "YELLOW", "BLUE", "VERMILLION", "REDDISH_PURPLE", "GREY",
    "PALETTE", "CLASS_COLORS", "CLASS_MARKERS", "SEQUENTIAL_CMAP", "DIVERGING_CMAP",
    "FIGSIZE", "LIVE_DPI", "ANIMATION_DPI", "MAX_FRAMES",
    "new_figure", "style_axes", "minus", "light", "redraw_update",
    # output
    "figure_to_png", "canvas_to_png", "png_data_uri", "img_html", "Picture", "show",
    "animation_html", "clean_jshtml", "small_multiples_html", "fewer_colors",
    # planes
    "scatter_classes", "draw_decision_boundary", "draw_line", "half_plane", "draw_perceptron",
    # heatmaps
    "plot_function_2d", "plot_neuron_output", "plot_network_output",
    # curves
    "ELEMENTWISE_ACTIVATIONS", "plot_activation", "plot_activations_with_derivatives", "plot_softmax_example",
    "plot_function_fit", "plot_fit_band", "plot_cost_1d", "plot_relu_pieces", "draw_feature_weights",
    # diagrams
    "layer_values", "draw_network", "draw_composition",
]

# The figures of chapters 6-10: one import line and one ``__all__ +=`` line per new module
# (a new kind of picture gets a new module rather than a section in an old one).
# Chapter 6
from .costs import plot_cost_curve, plot_cost_surface  # noqa: E402
__all__ += ["plot_cost_curve", "plot_cost_surface"]
from .distributions import plot_init_histograms  # noqa: E402
__all__ += ["plot_init_histograms"]
from .images import plot_image_grid  # noqa: E402
__all__ += ["plot_image_grid"]
# Chapter 7
from .graphs import draw_graph, draw_rate_chain  # noqa: E402
__all__ += ["draw_graph", "draw_rate_chain"]
# Chapter 8
from .descent import plot_descent  # noqa: E402
__all__ += ["plot_descent"]
# The playground
from .playground import plot_playground  # noqa: E402
__all__ += ["plot_playground"]
# Chapter 9
from .learning_curves import plot_learning_curves  # noqa: E402
__all__ += ["plot_learning_curves"]
# Chapter 10
from .learned import draw_labelled_images, draw_weight_images, plot_confusion_matrix  # noqa: E402
__all__ += ["draw_labelled_images", "draw_weight_images", "plot_confusion_matrix"]

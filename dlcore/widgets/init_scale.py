"""The initial-scale explorer (chapter 6): how the range of the starting weights decides saturation.

The measurements are :func:`dlcore.initialisation.init_statistics` (a network
started with weights uniform in ``[-scale, scale]`` on pixel-like inputs);
the figure is ``plotting.plot_init_histograms``.
"""

import ipywidgets

from .. import plotting
from ..initialisation import init_statistics, xavier_scale
from .panel import LivePanel

#: The scales the book's grid compares, with 2,500 inputs: the article's 1, then smaller.
SCALES = (1.0, 0.3, 0.1, 0.03, 0.01)


def init_scale_explorer(scale=1.0, n_in=2500, *, n_hidden=32, seed=0):
    """Slide the range of the starting weights and the number of inputs; watch a hidden layer saturate.

    A network of ``n_in`` pixel-like inputs (uniform in [0, 1]) → ``n_hidden``
    sigmoid neurons → 1 output starts with first-layer weights uniform in
    ``[-scale, scale]``. Three histograms show the hidden neurons' weighted
    sums, their outputs and the sizes of the first layer's gradients for a
    batch of 100 inputs. The book shows them for several scales, one row each.

    Parameters
    ----------
    scale : float
        Starting range of the weights, 0.001 to 3 (1 is the classic [-1, 1]).
    n_in : int
        Starting number of inputs, 10 to 2,500.
    n_hidden : int
        Hidden neurons.
    seed : int
        Inputs, labels and weights.
    """
    def stats(scale, n_in):
        return init_statistics(n_in, scale, n_hidden=n_hidden, seed=seed)

    def title(scale, n_in):
        return plotting.minus(f"{n_in:,} inputs, starting weights uniform in [-{scale:.3g}, {scale:.3g}]"
                              f"  (Xavier's range for this layer: {xavier_scale(n_in, n_hidden):.3g})")

    def draw(fig, scale, n_in):
        move = plotting.plot_init_histograms(fig, stats(scale, n_in), title=title(scale, n_in))
        return lambda scale, n_in: move(stats=stats(scale, n_in), title=title(scale, n_in))

    controls = {
        "scale": ipywidgets.FloatLogSlider(value=scale, base=10, min=-3, max=0.5, step=0.05,
                                           description="weight range", readout_format=".3g"),
        "n_in": ipywidgets.IntSlider(value=n_in, min=10, max=2500, step=10, description="inputs"),
    }
    alt = (f"Five rows of three histograms for a layer of {n_hidden} sigmoid neurons with {n_in:,} pixel-like inputs, "
           "one row per range of the starting weights: 1, 0.3, 0.1, 0.03 and 0.01. With range 1 the "
           f"weighted sums spread {'far ' if n_in >= 1000 else ''}beyond the band where the sigmoid slopes "
           f"(spread about {init_statistics(n_in, 1.0, n_hidden=n_hidden, seed=seed)['std_z']:.0f}), many "
           "outputs pile up at 0 and 1, and some gradients are thousands of times smaller than the rest. "
           "As the range shrinks the sums gather inside the band, the outputs gather around 0.5 and "
           "the gradients stop spreading towards zero.")
    return LivePanel(draw, controls, title="Initial-scale explorer", figsize=(10.0, 3.3),
                     static=_rows_over_scales(n_in, alt))


def _rows_over_scales(n_in, alt):
    """The static counterpart: one row of histograms per scale of :data:`SCALES`, each with its own title."""
    def build(panel):
        return plotting.small_multiples_html(
            lambda subfig, scale: panel.draw_function(subfig, scale=scale, n_in=n_in),
            SCALES, alt=alt, ncols=1, panel_size=(10.0, 2.9))
    return build

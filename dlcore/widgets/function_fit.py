"""The function-fit explorer (chapter 2): fit a polynomial to noisy examples and watch the fit error.

The model is :func:`dlcore.fitting.polynomial_fit` on examples from
``datasets.function_samples``, judged by :func:`dlcore.fitting.fit_error`; the
figure is ``plotting.plot_function_fit``.
"""

import ipywidgets
import numpy as np

from .. import datasets, plotting
from ..fitting import fit_error, polynomial_fit
from .panel import LivePanel, animate_over


def function_fit_explorer(f=np.square, *, n_samples=10, noise=0.3, degree=2, seed=0, x_range=(-2.0, 2.0),
                          name="x²", ylim=(-1.5, 6.0)):
    """Fit a polynomial to noisy examples of ``f``: slide the number of examples, the noise and the degree.

    The figure shows the examples, the true function (dashed) and the fitted
    polynomial, refitted at every change; its title gives the *fit error*,
    the mean squared difference between the fitted model and ``f`` over
    ``x_range``. The book shows the fit animated over the number of examples.

    Parameters
    ----------
    f : callable
        The true function, applied to a 1-D array; e.g. ``np.square``.
    n_samples, noise, degree : starting values of the controls
        Number of examples (2 to 100), noise standard deviation (0 to 1) and
        polynomial degree (1 to 9).
    seed : int
        The examples come from ``datasets.function_samples(f, n, noise=noise, seed=seed)``:
        more examples keep the earlier ones, and changing the noise keeps every x.
    name : str
        How the title and legend name ``f``.
    ylim : (float, float)
        Fixed y range of the plot.
    """
    x_grid = np.linspace(x_range[0], x_range[1], 201)             # (n_points,)
    y_true = f(x_grid)                                            # (n_points,)

    def fit(n_samples, noise, degree):
        x, t = datasets.function_samples(f, n_samples, x_range=x_range, noise=noise, seed=seed)
        y_fit = np.polyval(polynomial_fit(x, t, degree), x_grid)   # (n_points,)
        error = fit_error(y_fit, y_true)
        return x, t, y_fit, error

    def title(n_samples, error):
        shown = f"{error:.3f}" if error < 100 else f"{error:,.0f}"
        return f"{n_samples} examples: fit error {shown}"

    def draw(fig, n_samples, noise, degree):
        x, t, y_fit, error = fit(n_samples, noise, degree)
        ax = fig.add_subplot()
        move = plotting.plot_function_fit(ax, x, t, x_grid, y_true, {"fitted polynomial": y_fit},
                                          title=title(n_samples, error), ylim=ylim, true_label=f"true {name}")

        def update(n_samples, noise, degree):
            x, t, y_fit, error = fit(n_samples, noise, degree)
            move(x, t, {"fitted polynomial": y_fit}, title=title(n_samples, error))

        return update

    frames = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 65, 80, 100]
    first, last = fit(frames[0], noise, degree)[3], fit(frames[-1], noise, degree)[3]
    controls = {
        "n_samples": ipywidgets.IntSlider(value=n_samples, min=2, max=100, step=1, description="examples",
                                          continuous_update=True),
        "noise": ipywidgets.FloatSlider(value=noise, min=0.0, max=1.0, step=0.05, description="noise"),
        "degree": ipywidgets.IntSlider(value=degree, min=1, max=9, step=1, description="degree"),
    }
    return LivePanel(
        draw, controls, title="Fitting a function from examples",
        static=animate_over(
            "n_samples", values=frames, interval=600,
            alt=(f"Animation over the number of examples, from {frames[0]} to {frames[-1]}: noisy examples of "
                 f"{name} (noise {noise:g}) as dots, the true {name} as a dashed curve and the "
                 f"degree-{degree} polynomial fitted to the examples as a blue curve. The fit error in the title "
                 f"goes from {first:.3g} with {frames[0]} examples to {last:.3g} with {frames[-1]}"
                 + (", as the fitted curve settles onto the true one." if last < first / 10 else ".")),
        ),
    )

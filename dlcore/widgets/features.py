"""The feature picker (chapter 1): tick the features a linear classifier sees, watch it succeed or fail.

The model is :class:`dlcore.features.FeatureClassifier`; the figure is
``plotting.draw_decision_boundary`` beside ``plotting.draw_feature_weights``.
"""

import ipywidgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from .. import datasets, plotting
from ..features import FEATURE_SETS, PLANE_FEATURES, FeatureClassifier, plane_features
from .panel import LivePanel


def _feature_list(names):
    return ", ".join(PLANE_FEATURES[name][0] for name in names) if names else "no features"


def feature_picker(X=None, y=None, X_test=None, y_test=None, *, features=("x1", "x2"), compare=FEATURE_SETS):
    """Tick which features a linear classifier sees; watch its boundary and accuracy change.

    Every tick retrains a :class:`~dlcore.features.FeatureClassifier` on the chosen features of
    the training points, and redraws its decision boundary in the original
    (x₁, x₂) plane beside the weight it gives each feature. The published book
    shows a grid of small plots instead, one per feature set in ``compare``.

    Parameters
    ----------
    X, y : ndarray, shapes (n_samples, 2) and (n_samples,), optional
        Training points and their 0/1 labels; by default 200 points of
        ``datasets.circles(noise=0.1, seed=0)``.
    X_test, y_test : ndarray, optional
        Points the accuracy is measured on; by default 1,000 fresh points of
        the same circles (seed 1). When ``X`` is given without them, the
        accuracy is measured on the training points and says so.
    features : sequence of str
        The features ticked at the start (keys of :data:`~dlcore.features.PLANE_FEATURES`).
    compare : sequence of sequences of str
        The feature sets of the static grid (up to 9).
    """
    if X is None:
        X, y = datasets.circles(200, noise=0.1, seed=0)
        if X_test is None:
            X_test, y_test = datasets.circles(1000, noise=0.1, seed=1)
    if y is None:
        raise ValueError("feature_picker needs labels y with the points X: feature_picker(X, y).")
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    plane_features(X, features)
    if X_test is None:
        X_test, y_test, where = X, y, "on the training points"
    else:
        where = "on new points"
    fitted = {}

    def fit(names):
        if names not in fitted:
            model = FeatureClassifier(names).fit(X, y)
            fitted[names] = model, model.accuracy(X_test, y_test)
        return fitted[names]

    def chosen(flags):
        return tuple(name for name in PLANE_FEATURES if flags[name])

    def title(acc):
        return f"{acc:.0%} correct {where}"

    def all_weights(names, model):
        weights = np.full(len(PLANE_FEATURES), np.nan)                   # NaN: feature not seen
        for name, w in zip(names, model.weights):
            weights[list(PLANE_FEATURES).index(name)] = w
        return weights

    def draw(fig, **flags):
        names = chosen(flags)
        model, acc = fit(names)
        ax, ax_w = fig.subplots(1, 2, width_ratios=[1.4, 1])
        regions = plotting.draw_decision_boundary(ax, model.predict_proba, X, y, legend=False, title=title(acc))
        ax.set_aspect("equal", adjustable="box")
        for axis, limits in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            axis.set_ticks([t for t in MaxNLocator(4, integer=True).tick_values(*limits)   # fixed ticks:
                            if limits[0] <= t <= limits[1]])                                # faster redraws
        bars = plotting.draw_feature_weights(ax_w, [short for _, short, _ in PLANE_FEATURES.values()],
                                             all_weights(names, model), xlim=(-6, 6), ticks=[],
                                             title="weights (grey: not seen)",
                                             xlabel="← outer ring      inner ring →")

        def update(**flags):
            names = chosen(flags)
            model, acc = fit(names)
            regions(predict_fn=model.predict_proba)
            ax.set_title(title(acc))
            bars(all_weights(names, model))

        return update

    controls = {
        name: ipywidgets.Checkbox(value=name in features, description=label, indent=False,
                                  layout=ipywidgets.Layout(width="auto", margin="0 14px 0 0"))
        for name, (label, _, _) in PLANE_FEATURES.items()
    }
    compare = [tuple(names) for names in compare]

    def static(panel):
        results = [fit(names) for names in compare]

        def draw_one(subfig, names):
            ax = subfig.add_subplot()
            model, acc = fit(names)
            plotting.draw_decision_boundary(ax, model.predict_proba, X, y, legend=False, resolution=120,
                                            title=f"{_feature_list(names)}\n{acc:.0%} correct")
            ax.set_aspect("equal", adjustable="box")
            ax.xaxis.set_major_locator(MaxNLocator(4, integer=True))
            ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
            ax.title.set_fontsize("large")

        summary = "; ".join(f"{_feature_list(names)}: {acc:.0%}" for names, (_, acc) in zip(compare, results))
        alt = (f"{len(compare)} small plot{'s' if len(compare) > 1 else ''} of the same two-class points in the x₁–x₂ plane, each shaded by "
               "what a linear classifier answers when it sees only the named features, with its "
               f"decision boundary and its accuracy {where}: {summary}.")
        return plotting.small_multiples_html(draw_one, compare, alt=alt, ncols=3, panel_size=(2.9, 3.1), dpi=80)

    return LivePanel(draw, controls, static=static, title="Feature picker", figsize=(7.5, 3.6))


"""Chapter 10's panels: first-layer weights epoch by epoch, and a browser of examples and mistakes.

Both show what one training run left behind; neither trains. The weights
come from a :class:`dlcore.snapshots.WeightSnapshots` recorded during that run,
the pictures and answers from the data and the trained network. The figures
are :func:`~dlcore.plotting.learned.draw_weight_images` and
:func:`~dlcore.plotting.learned.draw_labelled_images`.
"""

import ipywidgets
import numpy as np

from .. import plotting
from ..metrics import mistakes
from .panel import LivePanel

_LAYOUT = ipywidgets.Layout(width="auto", margin="0 14px 0 0")
# Pictures of 50x50 pixels need no more: at 72 dpi a 1-inch panel shows each pixel about once.
_DPI = 72


def _even_frames(n, most):
    """Up to ``most`` indices from 0 to n - 1, evenly spread, always the first and the last."""
    return sorted({int(round(i)) for i in np.linspace(0, n - 1, min(n, most))})


def weights_over_epochs(snapshots, *, image_shape=(50, 50), n_neurons=8, val_acc=None, ncols=4, n_frames=11):
    """Scrub through training and watch the first layer's weights turn into features.

    Parameters
    ----------
    snapshots : WeightSnapshots
        Recorded once per epoch during one training run (``every`` = steps per epoch).
    image_shape : (int, int)
        Height and width of the pictures the layer reads.
    n_neurons : int
        How many neurons to show (the first ones).
    val_acc : sequence of float, optional
        Validation accuracy after each epoch (``history.val_acc``), shown in the title.
    ncols : int
        Pictures per row.
    n_frames : int
        Epochs shown by the published page's animation (evenly spread, first and last included).
    """
    weights = list(snapshots.weights)
    if len(weights) < 2:
        raise ValueError("The snapshots hold only the starting weights: pass them to train(callback=...) first.")
    n_neurons = min(int(n_neurons), weights[0].shape[1])
    start = weights[0][:, :n_neurons]
    last = len(weights) - 1

    def title(epoch, change):
        what = "change since the start" if change else "weights"
        text = f"first-layer {what}, epoch {epoch} of {last}"
        if val_acc is not None and epoch > 0:
            text += f" (validation accuracy {val_acc[epoch - 1]:.1%})"
        return text

    def shown(epoch, change):
        W = weights[epoch][:, :n_neurons]
        return W - start if change else W

    def draw(fig, epoch, change):
        update = plotting.draw_weight_images(fig, shown(epoch, change), image_shape=image_shape,
                                             ncols=ncols, title=title(epoch, change), colorbar=True,
                                             titles=[f"neuron {j + 1}" for j in range(n_neurons)])
        return lambda epoch, change: update(W=shown(epoch, change), title=title(epoch, change))

    controls = {
        "epoch": ipywidgets.IntSlider(value=last, min=0, max=last, description="epoch", continuous_update=True),
        "change": ipywidgets.Checkbox(value=False, description="change since the start", indent=False,
                                      layout=_LAYOUT),
    }

    height = 0.45 + 1.2 * -(-n_neurons // ncols)

    def static(panel):
        fig = plotting.new_figure(*panel.figsize, dpi=_DPI)
        update = panel.draw_on(fig, epoch=0, change=False)
        frames = _even_frames(len(weights), min(n_frames, plotting.MAX_FRAMES))
        alt = (f"An animation over epochs 0 to {last} of training: {n_neurons} small pictures, one per "
               "first-layer neuron, each showing its incoming weights as a picture (orange positive, "
               "purple negative). At epoch 0 they are random speckle; over the epochs coarse orange and "
               "purple bands and blobs appear in some of them, over the middle of the frame.")
        return plotting.animation_html(fig, lambda e: update(epoch=e, change=False), frames,
                                       alt=alt, interval=600, dpi=_DPI)

    return LivePanel(draw, controls, static=static, title="First-layer weights over the epochs",
                     figsize=(1.2 * min(ncols, n_neurons) + 0.8, height), dpi=_DPI)


def image_browser(images, y_true, y_pred, *, class_names, per_page=8, ncols=8):
    """Browse pictures with their true class and the model's answer: all of them, the mistakes, or one class.

    Parameters
    ----------
    images : ndarray, shape (n_images, height, width)
        Pixel values in [0, 1].
    y_true, y_pred : ndarray of int, shape (n_images,)
        True labels and the model's answers.
    class_names : sequence of str
        Names of the classes, by label.
    per_page : int
        Pictures per page.
    """
    images = np.asarray(images)
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if not len(images) == len(y_true) == len(y_pred):
        raise ValueError(
            f"images, y_true and y_pred must describe the same samples, got {len(images)}, {len(y_true)} "
            f"and {len(y_pred)} of them."
        )
    n_labels = int(max(y_true.max(initial=0), y_pred.max(initial=0))) + 1
    if len(class_names) < n_labels:
        raise ValueError(
            f"class_names must name every class, by label: the labels go up to {n_labels - 1}, but only "
            f"{len(class_names)} names were given ({list(class_names)})."
        )
    wrong = mistakes(y_true, y_pred)
    selections = {"all": np.arange(len(images)), "mistakes": wrong}
    for label, name in enumerate(class_names):
        selections[f"true {name}s"] = np.flatnonzero(y_true == label)

    def n_pages(show):
        return max(1, -(-len(selections[show]) // per_page))

    def page_of(show, page):
        chosen = selections[show]
        page = min(page, n_pages(show) - 1)
        rows = chosen[page * per_page:(page + 1) * per_page]
        titles = [class_names[t] if t == p else f"{class_names[t]}→{class_names[p]}"
                  for t, p in zip(y_true[rows], y_pred[rows])]
        n = len(chosen)
        first = page * per_page + 1 if n else 0
        heading = (f"{show}: {n} of {len(images)} pictures, {len(wrong)} mistakes in all "
                   f"(true class→answer); showing {first} to {page * per_page + len(rows)}")
        return images[rows], titles, y_true[rows] != y_pred[rows], heading

    def draw(fig, show, page):
        shown, titles, marked, heading = page_of(show, page)
        update = plotting.draw_labelled_images(fig, np.zeros((per_page,) + images.shape[1:]), ncols=ncols)
        update(images=shown, titles=titles, marked=marked, title=heading)

        def redraw(show, page):
            shown, titles, marked, heading = page_of(show, page)
            update(images=shown, titles=titles, marked=marked, title=heading)
        return redraw

    show = ipywidgets.Dropdown(options=list(selections), value="all", description="show")
    page = ipywidgets.IntSlider(value=0, min=0, max=n_pages("all") - 1, description="page")

    def fit_pages(change):                       # a new selection starts at its first page
        page.value = 0
        page.max = n_pages(change["new"]) - 1
    show.observe(fit_pages, names="value")

    figsize = (1.1 * ncols, 0.5 + 1.15 * -(-per_page // ncols))

    def static(panel):
        alt = (f"Two grids of pictures. Above, the first {per_page} of {len(images)} pictures, each titled "
               f"with its class; below, the first {min(per_page, len(wrong))} of the {len(wrong)} the model got wrong, each titled with "
               "its true class and the model's answer.")
        return plotting.small_multiples_html(lambda subfig, chosen: draw(subfig, chosen, 0), ["all", "mistakes"],
                                             alt=alt, ncols=1, panel_size=figsize, dpi=_DPI)

    return LivePanel(draw, {"show": show, "page": page}, static=static, title="Examples and mistakes",
                     figsize=figsize, dpi=_DPI)

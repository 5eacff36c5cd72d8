"""Pictures as data: a grid of small grayscale images with their labels.

The planes and cars of :func:`dlcore.datasets.planes_and_cars` are arrays of
pixel values in [0, 1]; :func:`plot_image_grid` shows a few of them as they
are, one small panel each, titled with the class name.
"""

import numpy as np


def plot_image_grid(fig, images, labels=None, *, class_names=None, ncols=8, title=None):
    """Draw images side by side in a grid, each titled with its class.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or SubFigure
    images : ndarray, shape (n_images, height, width)
        Grayscale pixel values in [0, 1] (0 black, 1 white).
    labels : ndarray of int, shape (n_images,), optional
    class_names : sequence of str, optional
        Names of the classes, by label; default the label numbers.
    ncols : int
        Images per row.
    title : str, optional

    Returns
    -------
    update : callable
        ``update(images=None, labels=None, title=None)`` shows other images
        (the same number) in the same panels.
    """
    images = np.asarray(images, dtype=float)
    if images.ndim != 3:
        raise ValueError(f"images must have shape (n_images, height, width), got {images.shape}. "
                         "A flattened image row needs reshaping first: X.reshape(-1, 50, 50).")
    n = len(images)
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    axes = np.ravel(fig.subplots(nrows, ncols, squeeze=False))
    shown = []
    for i, ax in enumerate(axes):
        ax.set_axis_off()
        if i < n:
            shown.append(ax.imshow(images[i], cmap="gray", vmin=0.0, vmax=1.0, interpolation="nearest"))

    def titles(labels):
        if labels is None:
            return
        for ax, label in zip(axes, labels):
            name = class_names[int(label)] if class_names is not None else str(int(label))
            ax.set_title(name, fontsize="small")

    titles(labels)
    if title is not None:
        fig.suptitle(title, fontsize="medium")

    def update(images=None, labels=None, title=None):
        if images is not None:
            for artist, image in zip(shown, np.asarray(images, dtype=float)):
                artist.set_data(image)
        titles(labels)
        if title is not None:
            fig.suptitle(title, fontsize="medium")

    return update

"""What an image classifier learned, and where it goes wrong: weight images, image grids, confusion matrices.

A first-layer neuron of a network that reads 50x50 pictures has 2,500
weights, one per pixel; laid out as a 50x50 picture of their own they show
what the neuron looks for (:func:`draw_weight_images`: orange where a bright
pixel raises its weighted sum, purple where it lowers it). A grid of pictures
with a line of text over each (:func:`draw_labelled_images`) shows examples,
or the mistakes with what the model answered; :func:`plot_confusion_matrix`
counts the answers by true and predicted class.
"""

import matplotlib
import numpy as np

from .style import DIVERGING_CMAP, SEQUENTIAL_CMAP, VERMILLION, style_axes


#: Shades of the diverging colour map in weight pictures: an odd number, so that 0 is white.
WEIGHT_SHADES = 9


def _grid(fig, n, ncols):
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    axes = np.ravel(fig.subplots(nrows, ncols, squeeze=False))
    for ax in axes:
        ax.set_axis_off()
        ax.set_xticks([])                     # no ticks to lay out at every redraw
        ax.set_yticks([])
    return axes


def _check_images(images):
    images = np.asarray(images, dtype=float)
    if images.ndim != 3:
        raise ValueError(
            f"images must have shape (n_images, height, width), got {images.shape}. "
            "Reshape flattened rows first: X.reshape(-1, 50, 50)."
        )
    return images


def draw_labelled_images(fig, images, titles=None, *, ncols=8, title=None, marked=None):
    """Grayscale pictures side by side, each with a short line of text above it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or SubFigure
    images : ndarray, shape (n_images, height, width)
        Pixel values in [0, 1] (0 black, 1 white).
    titles : sequence of str, optional
        One line per picture, e.g. its class, or "car, said plane".
    ncols : int
        Pictures per row.
    title : str, optional
        A title over the whole grid.
    marked : sequence of bool, optional
        Pictures whose text is drawn in vermillion and bold (e.g. mistakes).

    Returns
    -------
    update : callable
        ``update(images=None, titles=None, title=None, marked=None)`` shows
        other pictures (as many or fewer; panels left over are blanked) in
        the same panels, in place.
    """
    images = _check_images(images)
    axes = _grid(fig, len(images), ncols)
    shown = [ax.imshow(np.zeros(images.shape[1:]), cmap="gray", vmin=0.0, vmax=1.0, interpolation="nearest")
             for ax in axes]
    labels = [ax.set_title("", fontsize="small", pad=2) for ax in axes]
    suptitle = fig.suptitle(title or "", fontsize="medium")

    def update(images=None, titles=None, title=None, marked=None):
        if images is not None:
            images = _check_images(images)
            if len(images) > len(axes):
                raise ValueError(f"This grid has {len(axes)} panels; got {len(images)} images to show.")
            for i, artist in enumerate(shown):
                artist.set_visible(i < len(images))   # the panel stays, blank: the layout does not move
                if i < len(images):
                    artist.set_data(images[i])
        if titles is not None:
            for i, label in enumerate(labels):
                label.set_text(titles[i] if i < len(titles) else "")
        if marked is not None:
            for i, label in enumerate(labels):
                bad = i < len(marked) and bool(marked[i])
                label.set_color(VERMILLION if bad else "black")
                label.set_fontweight("bold" if bad else "normal")
        if title is not None:
            suptitle.set_text(title)

    update(images, titles, None, marked if marked is not None else [])
    return update


def draw_weight_images(fig, W, *, image_shape, ncols=8, title=None, titles=None, vmax=None, colorbar=False):
    """Each neuron's incoming weights (a column of ``W``) drawn as a picture.

    Orange pixels have positive weights (a bright pixel there raises the
    neuron's weighted sum), purple ones negative weights, white ones weights
    near 0, in :data:`WEIGHT_SHADES` shades.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or SubFigure
    W : ndarray, shape (n_pixels, n_neurons)
        A layer's weights, ``n_pixels = height * width``; one picture per column.
    image_shape : (int, int)
        ``(height, width)`` of the pictures the layer reads.
    ncols : int
        Pictures per row.
    title : str, optional
        A title over the whole grid.
    titles : sequence of str, optional
        A short line over each picture.
    vmax : float, optional
        The weight drawn in full colour, the same for every picture. By
        default each picture uses its own largest weight, which shows the
        pattern of weights however small they still are.
    colorbar : bool
        Add a colour key at the right: purple negative, white 0, orange
        positive (labelled with ``vmax`` if given, else "largest").

    Returns
    -------
    update : callable
        ``update(W=None, title=None, titles=None, vmax=None)`` draws other
        weights of the same shape in place (``vmax`` as above).
    """
    W = np.asarray(W, dtype=float)
    height, width = image_shape
    if W.ndim != 2 or W.shape[0] != height * width:
        raise ValueError(
            f"W must have one row per pixel of a {height}x{width} picture, shape ({height * width}, n_neurons), "
            f"got shape {W.shape}. Pass a layer's weights, e.g. net.layers[0].W."
        )
    axes = _grid(fig, W.shape[1], ncols)
    # Nine shades are plenty to read a pattern of weights, and keep stored pictures
    # of many noisy weights small (a smooth colour map does not compress).
    cmap = matplotlib.colormaps[DIVERGING_CMAP].resampled(WEIGHT_SHADES)
    shown = [ax.imshow(np.zeros(image_shape), cmap=cmap, interpolation="nearest") for ax in axes]
    labels = [ax.set_title("", fontsize="small", pad=2) for ax in axes]
    suptitle = fig.suptitle(title or "", fontsize="medium")
    state = {"vmax": vmax}
    if colorbar:
        key = matplotlib.cm.ScalarMappable(norm=matplotlib.colors.Normalize(-1.0, 1.0), cmap=cmap)
        bar = fig.colorbar(key, ax=list(axes), shrink=0.8, fraction=0.04, pad=0.03, ticks=[-1.0, 0.0, 1.0])
        top = f"{vmax:+.2g}" if vmax else "+largest"
        bottom = f"{-vmax:+.2g}" if vmax else "−largest"
        bar.ax.set_yticklabels([bottom, "0", top], fontsize="x-small")
        bar.ax.tick_params(length=2)

    def update(W=None, title=None, titles=None, vmax=None):
        if vmax is not None:
            state["vmax"] = vmax
        if W is not None:
            W = np.asarray(W, dtype=float)
            if W.shape[0] != height * width or W.shape[1] > len(axes):
                raise ValueError(f"Expected weights of shape ({height * width}, {len(axes)}), got {W.shape}.")
            for j, artist in enumerate(shown[:W.shape[1]]):
                image = W[:, j].reshape(image_shape)
                limit = state["vmax"] or float(np.abs(image).max()) or 1.0
                artist.set_data(image)
                artist.set_clim(-limit, limit)
        if titles is not None:
            for label, text in zip(labels, titles):
                label.set_text(text)
        if title is not None:
            suptitle.set_text(title)

    update(W, None, titles)
    return update


def plot_confusion_matrix(ax, matrix, *, class_names=None, title=None):
    """A confusion matrix as a table of shaded cells, each with its count.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    matrix : ndarray of int, shape (n_classes, n_classes)
        ``matrix[i, j]``: samples of true class ``i`` predicted as ``j``
        (as :func:`dlcore.metrics.confusion_matrix` returns).
    class_names : sequence of str, optional
        Names of the classes, by label; default the label numbers.
    title : str, optional

    Returns
    -------
    update : callable
        ``update(matrix=None, title=None)`` shows new counts of the same size in place.
    """
    matrix = np.asarray(matrix)
    n = len(matrix)
    if matrix.ndim != 2 or matrix.shape != (n, n):
        raise ValueError(f"A confusion matrix is square, (n_classes, n_classes), got shape {matrix.shape}.")
    names = [str(i) for i in range(n)] if class_names is None else [str(c) for c in class_names]
    image = ax.imshow(np.zeros((n, n)), cmap=SEQUENTIAL_CMAP, vmin=0.0, vmax=1.0)
    size = "medium" if n <= 4 else "small"
    counts = [[ax.text(j, i, "", ha="center", va="center", fontsize=size) for j in range(n)] for i in range(n)]
    style_axes(ax, title=title, xlabel="predicted class", ylabel="true class", grid=False)
    ax.set_xticks(range(n), names)
    ax.set_yticks(range(n), names)
    ax.tick_params(length=0)

    def update(matrix=None, title=None):
        if matrix is not None:
            matrix = np.asarray(matrix)
            if matrix.shape != (n, n):
                raise ValueError(f"Expected a ({n}, {n}) confusion matrix, got shape {matrix.shape}.")
            # Shade each cell by its share of its row (of the samples of that true class).
            share = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
            image.set_data(share)
            for i in range(n):
                for j in range(n):
                    counts[i][j].set_text(f"{matrix[i, j]:d}")
                    counts[i][j].set_color("black" if share[i, j] > 0.5 else "white")
        if title is not None:
            ax.set_title(title)

    update(matrix)
    return update

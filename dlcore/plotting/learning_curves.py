"""Learning curves: the cost on the training and the validation set after each epoch.

The training cost is a solid blue line, the validation cost a dashed orange
one. Where the validation cost is lowest a vermillion point and a dotted
line mark the epoch early stopping keeps (chapter 9): before it both costs
fall, after it the training cost goes on falling while the validation cost
rises, the mark of a network that learns its training examples by heart.
"""

import numpy as np

from .style import BLUE, GREY, ORANGE, VERMILLION, minus, style_axes


def _top(*curves):
    """A y limit above the curves, room for the legend: 1, or the next multiple of 0.5 above 1.35 × the largest."""
    values = [float(np.nanmax(c)) for c in curves if len(c) and np.isfinite(np.nanmax(c))]
    largest = max(values, default=0.0)
    return max(1.0, float(np.ceil(1.35 * largest * 2) / 2))


def plot_learning_curves(ax, train_cost, val_cost, *, max_epochs=None, ylim=None, mark_best=True, title=None,
                         ylabel="cost", labels=("training set", "validation set"), fontsize="small"):
    """Draw the training and validation cost against the epoch, and mark the lowest validation cost.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    train_cost, val_cost : sequence of float
        The cost after each epoch (``History.train_cost``, ``History.val_cost``);
        the first value belongs to epoch 1. ``val_cost`` may be empty.
    max_epochs : int, optional
        Fix the epoch axis from 0 to ``max_epochs`` (so that the curves of an
        animation grow across a fixed axis); default the curves' length.
    ylim : (float, float), optional
        Fixed cost axis; by default from 0 to a little above the largest
        cost, and wider later if an ``update`` brings larger costs.
    mark_best : bool
        Mark the epoch with the lowest validation cost.
    title, ylabel : str, optional
    labels : (str, str)
        Legend entries of the two curves.
    fontsize : str or float
        Size of the legend and of the label at the mark (larger for small animation frames).

    Returns
    -------
    update : callable
        ``update(train_cost=None, val_cost=None, title=None)`` moves the
        curves and the mark in place (the curves may grow or shrink; a curve
        not given stays as it is), for widgets and animations.
    """
    train_line = ax.plot([], [], color=BLUE, linewidth=2.2, label=labels[0], zorder=3)[0]
    val_line = ax.plot([], [], color=ORANGE, linewidth=2.2, linestyle="--", label=labels[1], zorder=3)[0]
    best_line = ax.axvline(0.0, color=GREY, linewidth=1.2, linestyle=":", zorder=2)
    best_point = ax.plot([], [], linestyle="none", marker="o", markersize=9, color=VERMILLION,
                         markeredgecolor="black", zorder=4, label="lowest validation cost")[0]
    best_text = ax.text(0.0, 0.0, "", ha="left", va="bottom", fontsize=fontsize, zorder=5)
    style_axes(ax, title=title, xlabel="epoch", ylabel=ylabel)
    ax.legend(handles=[train_line, val_line] + ([best_point] if mark_best else []), loc="upper right",
              fontsize=fontsize, framealpha=0.9)
    state = {"ylim": ylim, "xmax": max_epochs, "train": train_cost, "val": val_cost}

    def update(train_cost=None, val_cost=None, title=None):
        train_cost = np.asarray(state["train"] if train_cost is None else train_cost, dtype=float)
        val_cost = np.asarray(state["val"] if val_cost is None else val_cost, dtype=float)
        state["train"], state["val"] = train_cost, val_cost
        train_line.set_data(np.arange(1, len(train_cost) + 1), train_cost)
        val_line.set_data(np.arange(1, len(val_cost) + 1), val_cost)
        xmax = state["xmax"] or max(len(train_cost), len(val_cost), 1)
        ax.set_xlim(0, xmax)
        if state["ylim"] is not None:
            ax.set_ylim(*state["ylim"])
        else:
            low, high = ax.get_ylim()
            top = _top(train_cost, val_cost)
            if low != 0 or top > high or top < high / 2:   # widen for larger costs; narrow when far too wide
                ax.set_ylim(0, top)
        show = mark_best and len(val_cost) > 0 and bool(np.isfinite(val_cost).any())
        for artist in (best_line, best_point, best_text):
            artist.set_visible(show)
        if show:
            epoch = int(np.nanargmin(val_cost)) + 1
            cost = float(val_cost[epoch - 1])
            best_line.set_xdata([epoch, epoch])
            best_point.set_data([epoch], [cost])
            best_text.set_text(f"epoch {epoch}: {minus(f'{cost:.3f}')}")
            _, top = ax.get_ylim()
            right = epoch > 0.6 * xmax                      # keep the label inside the axes
            best_text.set_position((epoch - 0.015 * xmax if right else epoch + 0.015 * xmax, 0.04 * top))
            best_text.set_horizontalalignment("right" if right else "left")
        if title is not None:
            ax.set_title(title)

    update(train_cost, val_cost, title)
    return update

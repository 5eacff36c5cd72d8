"""The overfitting explorer (chapter 9): training-set size, hidden units, epochs and weight decay.

Left, the cost on the training and the validation set after each epoch
(``plotting.plot_learning_curves``), with the epoch of the lowest validation
cost marked: where early stopping would keep the weights. Right, the
network's decision boundary after the chosen epoch, over its training points
(``plotting.draw_decision_boundary``).

The training is the engine's :class:`~dlcore.overfitting.TrainingRun`: one
run per setting of the training-set size, hidden units and weight decay,
trained only as far as the epochs slider has gone and kept, so that moving
the epochs slider back and forth, or returning to a setting, trains nothing
again. The published book shows an animation over the epochs instead.
"""

import ipywidgets

from .. import plotting
from ..overfitting import TrainingRun
from .panel import LivePanel, animate_over

#: Runs kept at once; the oldest is dropped past this (each holds its weights after every epoch).
MAX_RUNS = 40


def _options(values, name):
    values = list(values)
    if not values:
        raise ValueError(f"{name} needs at least one value to offer.")
    return [(f"{value:g}", value) for value in values]


def _percent(value):
    return f"{100 * value:.1f} %"


def _story(run, frames):
    """What the published animation shows, in words, for its alt text; accuracies at its first and last frame."""
    h = run.history
    if h.epochs == 0:
        return "Training diverged in its first epoch: the curves stay empty and the boundary is the untrained one."
    best = run.best_epoch()
    rise = (f" and rises to {h.val_cost[-1]:.3f} by epoch {h.epochs}, while the training cost falls from "
            f"{h.train_cost[best - 1]:.3f} to {h.train_cost[-1]:.3f}. " if best < h.epochs else ". ")
    first, last = min(frames[0], h.epochs), min(frames[-1], h.epochs)
    return ("Left: the training cost (solid blue) and the validation cost (dashed orange) after each epoch. "
            f"The validation cost is lowest at epoch {best} ({h.val_cost[best - 1]:.3f}, marked by a dot)" + rise
            + f"Right: the decision boundary over the training points; at epoch {first} it is right on "
            f"{_percent(h.train_acc[first - 1])} of the training and {_percent(h.val_acc[first - 1])} of the "
            f"validation points, at epoch {last} on {_percent(h.train_acc[last - 1])} and "
            f"{_percent(h.val_acc[last - 1])}." + (" Then training diverged." if run.diverged else ""))


N_TRAIN_OPTIONS = (20, 40, 80, 160, 320)
HIDDEN_OPTIONS = (2, 4, 8, 16, 32, 64, 100)
WEIGHT_DECAY_OPTIONS = (0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2)


def overfitting_explorer(X_train, y_train, X_val, y_val, *, n_train=40, hidden=100, epochs=400, weight_decay=0.0,
                         max_epochs=400, epoch_step=20, n_train_options=N_TRAIN_OPTIONS,
                         hidden_options=HIDDEN_OPTIONS, weight_decay_options=WEIGHT_DECAY_OPTIONS,
                         lr=0.5, momentum=0.0, seed=0, resolution=70, n_frames=10):
    """Train a one-hidden-layer network on part of a training set and watch it overfit, or not.

    Parameters
    ----------
    X_train, y_train : ndarray, shapes (n_samples, 2) and (n_samples,)
        A pool of training points with labels 0 and 1; the panel trains on
        the first ``n_train`` of them.
    X_val, y_val : ndarray
        The validation set, measured after every epoch.
    n_train, hidden, epochs, weight_decay
        The starting setting of each control; each must be one of its options.
    max_epochs, epoch_step : int
        The epochs slider runs from ``epoch_step`` to ``max_epochs``.
    n_train_options, hidden_options, weight_decay_options : sequence
        The values the other sliders offer (training-set sizes larger than
        the pool are left out).
    lr, momentum, seed
        Settings of the training (full-batch gradient descent, with momentum
        if it is above 0) and the seed of the starting weights.
    resolution : int
        Grid points along each axis of the decision boundary.
    n_frames : int
        Most frames of the published animation (over the epochs, ending at ``max_epochs``).
    """
    if len(X_train) != len(y_train):
        raise ValueError(f"X_train and y_train must have one label per point, got {len(X_train)} and {len(y_train)}.")
    n_train_options = [n for n in n_train_options if n <= len(X_train)]
    for name, value, options in (("n_train", n_train, n_train_options), ("hidden", hidden, hidden_options),
                                 ("weight_decay", weight_decay, weight_decay_options)):
        if value not in options:
            raise ValueError(f"{name}={value!r} is not one of the values the panel offers: {list(options)}.")
    if not (epoch_step <= epochs <= max_epochs and epochs % epoch_step == 0):
        raise ValueError(f"epochs must be a multiple of {epoch_step} from {epoch_step} to {max_epochs}, "
                         f"got epochs={epochs!r}.")
    runs = {}

    def run_for(n_train, hidden, weight_decay):
        key = (n_train, hidden, weight_decay)
        if key not in runs:
            if len(runs) >= MAX_RUNS:
                runs.pop(next(iter(runs)))                  # the oldest setting
            runs[key] = TrainingRun(X_train[:n_train], y_train[:n_train], (X_val, y_val), hidden=hidden, lr=lr,
                                    momentum=momentum, weight_decay=weight_decay, seed=seed, dtype="float32")
        return runs[key]

    pad = 0.25
    xlim = (float(min(X_train[:, 0].min(), X_val[:, 0].min())) - pad,
            float(max(X_train[:, 0].max(), X_val[:, 0].max())) + pad)
    ylim = (float(min(X_train[:, 1].min(), X_val[:, 1].min())) - pad,
            float(max(X_train[:, 1].max(), X_val[:, 1].max())) + pad)

    def measured(run, epochs):
        """The epoch shown (fewer than asked if the run diverged) and the title of the plane."""
        run.advance_to(epochs)
        shown = min(epochs, run.epochs)
        if shown == 0:
            return 0, "training diverged at once: no epoch to show"
        h = run.history
        plane = (f"epoch {shown}, correct:\ntraining {_percent(h.train_acc[shown - 1])}, "
                 f"validation {_percent(h.val_acc[shown - 1])}")
        if run.diverged:
            plane = f"diverged after {plane}"
        return shown, plane

    def draw(fig, epochs, n_train, hidden, weight_decay):
        ax_cost, ax_plane = fig.subplots(1, 2, width_ratios=[1.15, 1])
        run = run_for(n_train, hidden, weight_decay)
        shown, plane = measured(run, epochs)
        h = run.history
        move_curves = plotting.plot_learning_curves(ax_cost, h.train_cost[:shown], h.val_cost[:shown],
                                                    max_epochs=max_epochs, fontsize="medium")
        move_plane = plotting.draw_decision_boundary(
            ax_plane, lambda P: run.predict_proba(P, shown), X_train[:n_train], y_train[:n_train],
            xlim=xlim, ylim=ylim, resolution=resolution, title=plane, legend=False)
        ax_plane.title.set_fontsize(10)
        drawn = {"n_train": n_train}

        def update(epochs, n_train, hidden, weight_decay):
            run = run_for(n_train, hidden, weight_decay)
            shown, plane = measured(run, epochs)
            h = run.history
            move_curves(h.train_cost[:shown], h.val_cost[:shown])
            if n_train != drawn["n_train"]:
                move_plane(lambda P: run.predict_proba(P, shown), X=X_train[:n_train], y=y_train[:n_train])
                drawn["n_train"] = n_train
            else:
                move_plane(lambda P: run.predict_proba(P, shown))
            ax_plane.set_title(plane, fontsize=10)

        return update

    controls = {
        "epochs": ipywidgets.IntSlider(value=epochs, min=epoch_step, max=max_epochs, step=epoch_step,
                                       description="epochs", continuous_update=True),
        "n_train": ipywidgets.SelectionSlider(options=_options(n_train_options, "n_train_options"), value=n_train,
                                              description="training set", continuous_update=False),
        "hidden": ipywidgets.SelectionSlider(options=_options(hidden_options, "hidden_options"), value=hidden,
                                             description="hidden units", continuous_update=False),
        "weight_decay": ipywidgets.SelectionSlider(options=_options(weight_decay_options, "weight_decay_options"),
                                                   value=weight_decay, description="weight decay",
                                                   continuous_update=False),
    }
    for control in controls.values():
        control.style.description_width = "initial"

    frames = list(range(epoch_step, max_epochs + 1, epoch_step))
    while len(frames) > n_frames:                           # every other one, ending at max_epochs
        frames = frames[::-2][::-1]
    first = run_for(n_train, hidden, weight_decay)
    first.advance_to(max_epochs)
    alt = (f"Animation over the epochs, from {frames[0]} to {frames[-1]}, of a network with {hidden} hidden "
           f"units trained on {n_train} points with weight decay {weight_decay:g}. " + _story(first, frames))
    # A small figure at a higher dpi: the same pixels as before, larger text in each frame.
    return LivePanel(draw, controls, title="Overfitting explorer", figsize=(7.6, 3.1),
                     static=animate_over("epochs", values=frames, interval=700, alt=alt, dpi=76))

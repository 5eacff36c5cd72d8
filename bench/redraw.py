"""How long does a live panel take to show a new figure when a control moves?

    python bench/redraw.py            # in the reader's environment (.venv): make bench-redraw
    python bench/redraw.py --moves 40

The budget is 100 ms from a moved control to a new PNG. For each chapter's
panel, a control is moved through a cycle of values; every move is timed as
the panel does it (``panel.last_draw_seconds``: the model work, the update of
the artists, drawing and PNG encoding). Right after each move, in the same
process, the same state is rendered the plain way, ``savefig`` of the whole
figure (what the panels did before they kept a background), and a bare line
plot of the same size is redrawn (one ``set_ydata`` and ``savefig``: the
"matplotlib redraw alone" of the design notes). Printed: median and maximum
of each, and the ratios. Nothing is asserted.
"""

import argparse
import itertools
import statistics
import sys
import time

import _common  # noqa: F401  (puts the checkout first on sys.path)
import numpy as np

import dlcore
from dlcore import plotting, widgets


def panels():
    net = dlcore.Network.from_sizes([2, 2, 1], hidden="sigmoid", output="sigmoid", seed=0)
    tiny = dlcore.Network.from_sizes([1, 1, 1], hidden="sigmoid", output="sigmoid", seed=0)
    return [
        # (chapter, panel, control, values it cycles through)
        ("1 feature_picker", widgets.feature_picker, None, None),
        ("2 function_fit_explorer", lambda: widgets.function_fit_explorer(n_samples=10, noise=0.3, degree=2, seed=0),
         "degree", [1, 3, 5, 9, 2]),
        ("3 relu_pieces_explorer", lambda: widgets.relu_pieces_explorer(target="wave", n_pieces=4),
         "n_pieces", [2, 6, 10, 4]),
        ("4 perceptron_explorer", widgets.perceptron_explorer, "step", [1, 3, 6, 10, 0]),
        ("5 neuron_explorer", lambda: widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5), "w1", [0.5, -0.5, 1.5, 1.0]),
        ("5 neuron_explorer (relu)", lambda: widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="relu"),
         "w1", [0.5, -0.5, 1.5, 1.0]),
        ("5 network_explorer", lambda: widgets.network_explorer(net, x1=1.0, x2=0.0), "x1", [0.5, 0.0, -0.5, 1.0]),
        ("6 cost_explorer", lambda: widgets.cost_explorer(w=-1.0, b=0.0, cost="cross-entropy"), None, None),
        ("6 init_scale_explorer", lambda: widgets.init_scale_explorer(scale=1.0, n_in=2500), None, None),
        ("7 backprop_stepper", lambda: widgets.backprop_stepper(tiny, x=[1.5], t=[1.0]), None, None),
        ("8 learning_rate_explorer", lambda: widgets.learning_rate_explorer("narrow_valley", lr=0.15, steps=20),
         None, None),
        ("8 playground (a control that keeps the run)", lambda: widgets.playground(data="spirals", hidden=(8, 8)),
         "lr", [0.01, 0.1, 0.03]),
        ("9 overfitting_explorer (epochs)", overfitting_panel, "epochs", [60, 120, 300, 600, 240]),
        ("10 weights_over_epochs", weights_panel, None, None),
        ("10 image_browser", images_panel, None, None),
    ]


def overfitting_panel():
    X, y = dlcore.datasets.circles(600, noise=0.2, seed=2)
    return widgets.overfitting_explorer(X[:400], y[:400], X[400:], y[400:], n_train=40, hidden=100, epochs=600,
                                        max_epochs=600, epoch_step=30)


def _planes_and_cars(n_samples=300):
    X, y = dlcore.datasets.planes_and_cars(n_samples, seed=0)
    return X.reshape(len(X), -1) - 0.5, y


def weights_panel():
    from dlcore.snapshots import WeightSnapshots
    X, y = _planes_and_cars()
    net = dlcore.Network.from_sizes([2500, 32, 2], hidden="relu", output="softmax", init="he", seed=0)
    snapshots = WeightSnapshots(net, every=10)
    dlcore.train(net, X, y, epochs=5, batch_size=30, lr=0.01, callback=snapshots, seed=0)
    return widgets.weights_over_epochs(snapshots)


def images_panel():
    X, y = _planes_and_cars(64)
    y_pred = np.where(np.arange(len(y)) % 5 == 0, 1 - y, y)          # every fifth picture "wrong"
    return widgets.image_browser((X + 0.5).reshape(-1, 50, 50), y, y_pred, class_names=["car", "plane"])


def bare_line_plot():
    fig = plotting.new_figure()
    ax = fig.add_subplot()
    x = np.linspace(0, 1, 200)
    (line,) = ax.plot(x, x)
    ax.set_ylim(-1, 2)
    plotting.figure_to_png(fig, fast=True)
    fig.set_layout_engine(None)
    phase = itertools.count()

    def redraw():
        start = time.perf_counter()
        line.set_ydata(np.sin(x * 6 + next(phase)))
        plotting.figure_to_png(fig, fast=True)
        return time.perf_counter() - start
    return redraw


def first_control(panel):
    """For a panel listed without a control: its first checkbox or slider, toggled or moved; else a dropdown."""
    for name, control in panel.controls.items():
        if isinstance(control.value, bool):
            return name, [not control.value, control.value]
        if hasattr(control, "min"):
            return name, [control.min, control.max, control.value]
    name, control = next(iter(panel.controls.items()))
    values = [option[1] if isinstance(option, tuple) else option for option in control.options]
    return name, values[:4]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=24, help="control moves per panel")
    args = parser.parse_args()
    _common.Threads(1).pin()
    line = bare_line_plot()
    rows = []
    cases = panels()
    for label, make, control, values in cases:
        panel = make()
        if control is None:
            control, values = first_control(panel)
        fast, full, bare = [], [], []
        for value in itertools.islice(itertools.cycle(values), args.moves):
            panel.controls[control].value = value
            if panel.controls[control].value != value:
                continue
            fast.append(panel.last_draw_seconds)
            start = time.perf_counter()
            plotting.figure_to_png(panel.fig, fast=True)        # the same state, drawn whole
            full.append(time.perf_counter() - start)
            bare.append(line())
        med = statistics.median
        rows.append([label, f"{control} ({len(fast)} moves)",
                     f"{med(fast) * 1e3:.0f} ms", f"{max(fast) * 1e3:.0f} ms",
                     f"{med(full) * 1e3:.0f} ms", f"{med(full) / med(fast):.2f}",
                     f"{med(bare) * 1e3:.0f} ms", f"{med(fast) / med(bare):.2f}",
                     "met" if max(fast) <= 0.100 else ("median met" if med(fast) <= 0.100 else "NOT met")])
    print(f"control moved -> new PNG, 1 thread, {args.moves} moves per panel; python {sys.version.split()[0]}")
    print(_common.table(rows, ["panel", "control", "panel (median)", "panel (max)", "whole-figure savefig (median)",
                               "savefig ÷ panel", "bare line plot (median)", "panel ÷ bare", "≤ 100 ms"]))


if __name__ == "__main__":
    main()

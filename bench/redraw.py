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
    ]


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
    """For a panel listed without a control: its first checkbox or slider, toggled or nudged."""
    name, control = next(iter(panel.controls.items()))
    if isinstance(control.value, bool):
        return name, [not control.value, control.value]
    return name, [control.min, control.value]


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

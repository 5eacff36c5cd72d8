"""The perceptron explorer (chapter 4): move a line by hand, then let the learning rule move it.

The model is :mod:`dlcore.perceptron` (``perceptron_datasets``,
``perceptron_updates``); the figure is ``plotting.draw_perceptron``.
"""

import html

import ipywidgets
import numpy as np
from matplotlib.ticker import StrMethodFormatter

from .. import plotting
from ..perceptron import Perceptron, perceptron_datasets, perceptron_updates
from .panel import LivePanel


def perceptron_explorer(dataset="blobs", w1=0.0, w2=0.0, b=0.0, *, n_samples=100, seed=0, max_updates=100):
    """Move a perceptron's line by hand, then let the learning rule move it one update at a time.

    Controls: the data set (blobs, circles, xor), the weights ``w1``, ``w2``
    and the bias ``b`` of the starting line, and the number of updates of the
    learning rule applied from that line (a slider, and a button for one more).
    The title shows the accuracy of the line drawn. The book shows two
    animations instead: the rule converging on blobs and failing on circles,
    both from the starting line given here.

    Parameters
    ----------
    dataset : str
        ``"blobs"``, ``"circles"`` or ``"xor"`` (see :func:`~dlcore.perceptron.perceptron_datasets`).
    w1, w2, b : float
        The starting line ``w1 * x1 + w2 * x2 + b = 0``.
    n_samples, seed : int
        Size and seed of the data sets; ``seed`` also sets the order of the examples.
    max_updates : int
        How far the update slider goes.
    """
    data = perceptron_datasets(n_samples, seed)
    if dataset not in data:
        raise ValueError(f"dataset must be one of {list(data)}, got {dataset!r}.")
    cache = {}

    def run(dataset, w1, w2, b):
        key = (dataset, float(w1), float(w2), float(b))
        if key not in cache:
            X, y = data[dataset]
            cache[key] = perceptron_updates(X, y, [w1, w2], b, max_updates=max_updates, seed=seed)
        return cache[key]

    def frame(dataset, w1, w2, b, step):
        """What to draw after ``step`` updates: w, b, previous line, ringed example, title."""
        X, y = data[dataset]
        updates, converged = run(dataset, w1, w2, b)
        previous, highlight = None, None
        if step > len(updates) and converged:
            w, b_now = (updates[-1]["w"], updates[-1]["b"]) if updates else (np.array([w1, w2]), float(b))
            what = f"converged after {len(updates)} updates" if updates else "no mistake: nothing to update"
        elif step == 0:
            w, b_now = np.array([w1, w2], dtype=float), float(b)
            # the published page starts from w = 0, b = 0, which nobody chose and which is no line yet
            what = "start, no line yet (w = 0)" if w1 == 0 and w2 == 0 else "the starting line"
        else:
            event = updates[min(step, len(updates)) - 1]
            w, b_now = event["w"], event["b"]
            previous, highlight = (event["w_before"], event["b_before"]), event["index"]
            what = f"update {min(step, len(updates))} (epoch {event['epoch']})"
        accuracy = _accuracy(X, y, w, b_now)
        title = (f"{dataset}: {what}\n"
                 + plotting.minus(f"accuracy {accuracy:.0%}, w = ({w[0]:.2f}, {w[1]:.2f}), b = {b_now:.2f}"))
        return {"w": w, "b": b_now, "previous": previous, "highlight": highlight, "title": title,
                "X": X, "y": y}

    # The live figure leaves its legend to an HTML key beside it (text is most of the cost of a
    # redraw); the animations, drawn once, carry the legend in every frame.
    with_legend = {"on": False}

    def draw(fig, dataset, w1, w2, b, step):
        ax = fig.add_subplot()
        shown = frame(dataset, w1, w2, b, step)
        redraw = plotting.draw_perceptron(ax, shown["X"], shown["y"], shown["w"], shown["b"],
                                          previous=shown["previous"], highlight=shown["highlight"],
                                          title=shown["title"], title_size="medium",
                                          legend="all" if with_legend["on"] else False)
        # One decimal on every y tick: "−2.0" (blobs) and "−1.5" (xor) are as wide, so the
        # layout fixed after the first draw keeps room for the axis label whatever the data set.
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:.1f}"))

        def update(dataset, w1, w2, b, step):
            shown = frame(dataset, w1, w2, b, step)
            redraw(shown["w"], shown["b"], previous=shown["previous"], highlight=shown["highlight"],
                   title=shown["title"], X=shown["X"], y=shown["y"])

        return update

    def animation(panel, name, n_frames, alt):
        updates, converged = run(name, *(panel.values[k] for k in ("w1", "w2", "b")))
        last = len(updates) + 1 if converged else len(updates)     # +1: the "converged" frame
        steps = sorted({int(round(s)) for s in np.linspace(0, last, min(n_frames, last + 1))})
        fig = plotting.new_figure(panel.figsize[0] + 1.3, panel.figsize[1], dpi=plotting.ANIMATION_DPI)
        with_legend["on"] = True
        try:
            update = panel.draw_on(fig, dataset=name, step=steps[0])
        finally:
            with_legend["on"] = False
        return plotting.animation_html(
            fig, lambda step: update(**{**panel.values, "dataset": name, "step": step}), steps,
            alt=alt(updates, converged), interval=700)

    def static(panel):
        start = f"from the line w = ({panel.values['w1']:g}, {panel.values['w2']:g}), b = {panel.values['b']:g}"
        blobs = animation(panel, "blobs", 11, lambda updates, converged: (
            f"Animation of the perceptron learning rule on two separable clusters, {start}. Each frame "
            "applies one update for a misclassified example, which is ringed; the line turns and shifts "
            + (f"until, after {len(updates)} updates, every point lies on its own side (accuracy 100%)."
               if converged else "but has not separated the classes yet.")))
        X, y = data["circles"]

        def accuracies(updates):
            return [_accuracy(X, y, u["w"], u["b"]) for u in updates] or [np.nan]

        circles = animation(panel, "circles", 10, lambda updates, converged: (
            f"Animation of the perceptron learning rule on two concentric circles, {start}, over its first "
            f"{len(updates)} updates: the line keeps jumping from one side to the other and the accuracy "
            f"stays between {min(accuracies(updates)):.0%} and {max(accuracies(updates)):.0%}, because no "
            "straight line separates an inner circle from the ring around it."))
        return (
            "<div>"
            "<p><strong>Separable data (blobs):</strong> the learning rule converges.</p>" + blobs +
            "<p><strong>Concentric circles:</strong> the learning rule never settles.</p>" + circles +
            "</div>"
        )

    controls = {
        "dataset": ipywidgets.Dropdown(options=list(data), value=dataset, description="data"),
        "w1": ipywidgets.FloatSlider(value=w1, min=-3.0, max=3.0, step=0.1, description="w₁"),
        "w2": ipywidgets.FloatSlider(value=w2, min=-3.0, max=3.0, step=0.1, description="w₂"),
        "b": ipywidgets.FloatSlider(value=b, min=-3.0, max=3.0, step=0.1, description="b"),
        "step": ipywidgets.IntSlider(value=0, min=0, max=max_updates, description="updates"),
    }
    panel = LivePanel(draw, controls, static=static, title="Perceptron explorer", figsize=(4.6, 4.0))
    next_button = ipywidgets.Button(description="one more update ▶", tooltip="Apply the learning rule once more")

    def one_more(_button):
        controls["step"].value = min(controls["step"].value + 1, controls["step"].max)

    next_button.on_click(one_more)
    panel.next_button = next_button
    panel.key = ipywidgets.HTML(_perceptron_key(), layout=ipywidgets.Layout(margin="0 0 0 12px"))
    controls_box, image, error = panel.children
    panel.children = (controls_box, next_button, ipywidgets.HBox([image, panel.key]), error)
    return panel


def _accuracy(X, y, w, b):
    """How often the line ``(w, b)`` answers right on ``(X, y)``, as the library's perceptron measures it."""
    perceptron = Perceptron(2)
    perceptron.w, perceptron.b = np.asarray(w, dtype=float), float(b)
    return perceptron.accuracy(X, y)


def _perceptron_key():
    """The legend of the live perceptron figure, as HTML (drawn once, not at every redraw)."""
    swatch = '<span style="display:inline-block;width:14px;height:10px;background:{};border:1px solid #999"></span>'
    rows = [
        (f'<span style="color:{plotting.CLASS_COLORS[0]}">&#9679;</span>', "class 0"),
        (f'<span style="color:{plotting.CLASS_COLORS[1]}">&#9650;</span>', "class 1"),
        (swatch.format(_hex(plotting.light(plotting.CLASS_COLORS[0]))), "side called 0"),
        (swatch.format(_hex(plotting.light(plotting.CLASS_COLORS[1]))), "side called 1"),
        ('<span style="font-weight:bold">&#8212;</span>', "the line w·x + b = 0"),
        (f'<span style="color:{plotting.GREY}">- -</span>', "line before the update"),
        (f'<span style="color:{plotting.VERMILLION}">&#9711;</span>', "example the rule just used"),
    ]
    return ('<div style="font-size:90%;line-height:1.7;margin-top:30px">'
            + "<br>".join(f"{symbol}&nbsp; {html.escape(text)}" for symbol, text in rows) + "</div>")


def _hex(rgb):
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgb)

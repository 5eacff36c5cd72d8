"""dlcore.widgets.panel's renderer: a live panel draws again only what moved, and shows the same pixels
as a full draw of the figure, for a test panel and for every chapter's panel."""

import io

import ipywidgets
import numpy as np
import pytest
from PIL import Image

from dlcore import Network, plotting, widgets
from dlcore.widgets.panel import _FastRenderer


def line_panel():
    """A panel drawing y = slope * x, with an update function."""
    x = np.linspace(0, 1, 11)

    def draw(fig, slope):
        ax = fig.add_subplot()
        (line,) = ax.plot(x, slope * x)
        ax.set_ylim(-3, 3)
        return lambda slope: line.set_ydata(slope * x)

    slider = ipywidgets.FloatSlider(value=1.0, min=-2.0, max=2.0, step=0.5)
    return widgets.LivePanel(draw, {"slope": slider}, title="Line", figsize=(3, 2), dpi=40)


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _full_draw(panel):
    """The panel's figure drawn whole, as a plain savefig-style render would show it."""
    panel.fig.canvas.draw()
    return _pixels(plotting.canvas_to_png(panel.fig.canvas))


def _chapter_panels():
    net = Network.from_sizes([2, 2, 1], hidden="sigmoid", output="sigmoid", seed=0)
    return {
        # the moves include ones that change an axes' limits (perceptron: the data set) or its
        # colour bar's range (neuron: relu), after which the saved background must be drawn again
        "function_fit": (lambda: widgets.function_fit_explorer(n_samples=10, noise=0.3, degree=2, seed=0),
                         [("degree", 5), ("degree", 1)]),
        "relu_pieces": (lambda: widgets.relu_pieces_explorer(target="wave", n_pieces=4),
                        [("n_pieces", 8), ("target", "staircase"), ("n_pieces", 3)]),
        "perceptron": (widgets.perceptron_explorer,
                       [("w1", 0.5), ("step", 3), ("dataset", "xor"), ("step", 5), ("dataset", "blobs")]),
        "neuron": (lambda: widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5),
                   [("w1", -1.5), ("activation", "relu"), ("b", 1.0), ("b", 1.0), ("activation", "tanh")]),
        "network": (lambda: widgets.network_explorer(net, x1=1.0, x2=0.0), [("x1", -0.5), ("x2", 1.0)]),
    }


@pytest.mark.parametrize("name", list(_chapter_panels()))
def test_redrawing_only_what_changes_gives_the_same_pixels_as_a_full_draw(name):
    make, moves = _chapter_panels()[name]
    panel = make()
    assert panel._renderer is not None, "the chapter panels have update functions, so they redraw in part"
    for control, value in moves:
        panel.controls[control].value = value
        shown = _pixels(panel.image.value)
        assert np.array_equal(shown, _full_draw(panel)), f"{name}: {control}={value!r}"


def test_a_move_that_keeps_the_axes_frames_does_not_draw_them_again(monkeypatch):
    panel = line_panel()
    ax = panel.fig.axes[0]
    drawn = []
    monkeypatch.setattr(ax.xaxis, "draw", lambda renderer: drawn.append("x"))
    before = panel.image.value
    panel.controls["slope"].value = -1.0             # the line moves; limits, ticks and labels stay
    assert drawn == []
    assert panel.image.value != before


def test_a_move_that_changes_the_limits_draws_the_frames_again():
    x = np.linspace(0, 1, 11)

    def draw(fig, top):
        ax = fig.add_subplot()
        (line,) = ax.plot(x, x)
        ax.set_ylim(0, top)

        def update(top):
            ax.set_ylim(0, top)                      # new limits: new ticks and tick labels
        return update

    slider = ipywidgets.FloatSlider(value=1.0, min=1.0, max=10.0, step=1.0)
    panel = widgets.LivePanel(draw, {"top": slider}, figsize=(3, 2), dpi=40)
    panel.controls["top"].value = 7.0
    assert np.array_equal(_pixels(panel.image.value), _full_draw(panel))


@pytest.mark.parametrize("name, control, value", [
    ("perceptron", "step", 3),        # an axes with a fixed aspect ratio, whose limits the draw adjusts
    ("neuron", "w1", -1.5),           # a sigmoid output: the colour bar keeps its range 0 to 1
    ("relu_pieces", "n_pieces", 8),
])
def test_chapter_panels_draw_their_frames_once_while_only_the_data_move(monkeypatch, name, control, value):
    panel = _chapter_panels()[name][0]()
    drawn = []
    for ax in panel.fig.axes:
        monkeypatch.setattr(ax.yaxis, "draw", lambda renderer: drawn.append(ax))
    panel.controls[control].value = value
    assert drawn == []


def test_after_the_frames_change_the_next_move_reuses_them(monkeypatch):
    # relu: the colour range follows the largest weighted sum, rounded up to 1, 2 or 5 times a
    # power of ten; w1 = 1.5 moves it from 5 to 10, and w1 = 1.6 keeps it at 10
    panel = widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="relu")
    colorbar = panel.fig.axes[1]
    panel.controls["w1"].value = 1.5
    assert colorbar.get_ylim() == (0.0, 10.0)
    drawn = []
    for ax in panel.fig.axes:
        monkeypatch.setattr(ax.yaxis, "draw", lambda renderer, ax=ax: drawn.append(ax))
    panel.controls["w1"].value = 1.6
    assert drawn == []
    monkeypatch.undo()
    assert np.array_equal(_pixels(panel.image.value), _full_draw(panel))


@pytest.mark.parametrize("activation, w1, w2, b", [
    ("tanh", 1.0, -0.5, 0.5), ("identity", 3.0, 3.0, 3.0), ("identity", 0.2, -0.1, 0.0),
    ("relu", 1.5, -0.5, 0.5), ("leaky_relu", 0.1, -0.5, 0.0), ("sigmoid", -3.0, 3.0, -3.0),
])
def test_the_neuron_colour_bar_label_stays_in_the_figure_whatever_the_range(activation, w1, w2, b):
    # The panel keeps the layout of its first draw (relu, range 0 to 5: narrow tick labels); the
    # label must neither leave the figure nor cover tick labels when the range changes.
    panel = widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="relu")
    for name, value in (("activation", activation), ("w1", w1), ("w2", w2), ("b", b)):
        panel.controls[name].value = value
    fig = panel.fig
    renderer = fig.canvas.get_renderer()
    bar = fig.axes[1]
    label = bar.yaxis.label.get_window_extent(renderer)
    ticks = [t.get_window_extent(renderer) for t in bar.get_yticklabels() if t.get_visible() and t.get_text()]
    assert label.x0 >= 0 and label.x1 <= fig.bbox.width, f"label at x {label.x0:.0f}..{label.x1:.0f}"
    assert ticks and max(t.x1 for t in ticks) <= label.x0, "the label covers tick labels"


@pytest.mark.parametrize("name", list(_chapter_panels()))
def test_chapter_panels_keep_every_text_inside_the_figure(monkeypatch, name):
    # A live panel keeps the layout of its first draw; a move that widens tick labels or
    # lengthens a title must not push an axis label or the title off the figure.
    from matplotlib.text import Text
    drawn = []
    plain_draw = Text.draw

    def recording_draw(self, renderer):
        plain_draw(self, renderer)
        if self.get_visible() and self.get_text().strip():
            drawn.append((self.get_text(), self.get_window_extent(renderer)))

    make, moves = _chapter_panels()[name]
    panel = make()
    if name == "perceptron":
        moves = moves + [("step", panel.controls["step"].max)]      # the longest title: "converged after ..."
    monkeypatch.setattr(Text, "draw", recording_draw)
    for control, value in [(None, None)] + moves:
        if control is not None:
            panel.controls[control].value = value
        drawn.clear()
        panel.fig.canvas.draw()
        width, height = panel.fig.bbox.width, panel.fig.bbox.height
        outside = [text for text, box in drawn if box.x0 < -0.5 or box.y0 < -0.5 or box.x1 > width + 0.5
                   or box.y1 > height + 0.5]
        assert drawn and not outside, f"{name}, {control}={value!r}: {outside}"


def test_a_new_colour_range_draws_the_colour_bar_again_not_the_plot_beside_it(monkeypatch):
    panel = widgets.neuron_explorer(w1=1.0, w2=-0.5, b=0.5, activation="relu")
    plot, colorbar = panel.fig.axes
    drawn = []

    def recording(ax):
        plain = ax.yaxis.draw
        return lambda renderer: (drawn.append(ax), plain(renderer))

    for ax in (plot, colorbar):
        monkeypatch.setattr(ax.yaxis, "draw", recording(ax))
    panel.controls["w1"].value = 1.5                 # the colour range goes from 0..5 to 0..10
    assert colorbar.get_ylim() == (0.0, 10.0)
    assert drawn == [colorbar]
    shown = _pixels(panel.image.value)
    monkeypatch.undo()
    assert np.array_equal(shown, _full_draw(panel))


def test_frames_that_would_reach_into_another_axes_are_drawn_with_the_whole_background():
    # two axes side by side: the right one's new, much longer tick labels reach into the left
    # one's grey patch (the left axes has no line or spine, which are drawn over the frames)
    def draw(fig, top):
        left, right = fig.subplots(1, 2)
        left.set_facecolor("0.8")
        left.spines[:].set_visible(False)
        (line,) = right.plot([0, 1], [0, 1])

        def update(top):
            line.set_ydata([0, top])
            right.set_ylim(0, top)
            right.yaxis.set_major_formatter("{x:.6f} long label")
        return update

    slider = ipywidgets.FloatSlider(value=1.0, min=1.0, max=10.0, step=1.0)
    panel = widgets.LivePanel(draw, {"top": slider}, figsize=(4, 2), dpi=40)
    panel.controls["top"].value = 7.0
    assert np.array_equal(_pixels(panel.image.value), _full_draw(panel))


@pytest.mark.parametrize("axis_on, frame_on", [(False, True), (True, False)])
def test_frames_drawn_again_respect_an_axes_without_axis_or_frame(axis_on, frame_on):
    # the limits of an axes with its axis (or its frame) off change: what is drawn again must
    # leave out what a full draw leaves out
    def draw(fig, top):
        ax = fig.add_subplot()
        ax.set_facecolor("0.8")
        (line,) = ax.plot([0, 1], [0, 1])
        if not axis_on:
            ax.set_axis_off()
        ax.set_frame_on(frame_on)

        def update(top):
            line.set_ydata([0, top])
            ax.set_ylim(0, top)
        return update

    slider = ipywidgets.FloatSlider(value=1.0, min=1.0, max=10.0, step=1.0)
    panel = widgets.LivePanel(draw, {"top": slider}, figsize=(3, 2), dpi=40)
    panel.controls["top"].value = 7.0
    assert np.array_equal(_pixels(panel.image.value), _full_draw(panel))


def test_the_renderer_draws_a_first_frame_without_being_prepared():
    panel = line_panel()
    renderer = _FastRenderer(panel.fig)      # a new renderer: no key, no background yet
    assert np.array_equal(_pixels(renderer.png()), _full_draw(panel))

"""dlcore.plotting.playground: the playground's figure and the update it redraws with."""

import numpy as np
import pytest

from dlcore import plotting
from dlcore.playground import Playground
from dlcore.plotting.playground import FIGSIZE, plot_playground, update_text, weight_name


def draw(run, **kwargs):
    fig = plotting.new_figure(*FIGSIZE, dpi=40, layout=None)
    return fig, plot_playground(fig, run, resolution=12, **kwargs)


def test_the_figure_has_the_network_the_output_and_the_costs():
    run = Playground("circles", hidden=(3,), features=("x1", "x2", "sin x1"))
    fig, _ = draw(run)
    ax_net, ax_out, ax_cost = fig.axes
    assert [t.get_text() for t in ax_net.get_xticklabels()] == ["inputs (3)", "layer 1 (3)", "output (1)"]
    assert [t.get_text() for t in ax_net.get_yticklabels()] == ["x₁", "x₂", "sin x₁"]
    assert len(ax_net.collections[0].get_segments()) == 3 * 3 + 3 * 1          # one line per weight
    assert len(ax_out.collections) == 4                                         # 2 classes x (train, test)
    assert ax_cost.get_ylabel() == "cost" and "dashed: test cost" in ax_cost.get_xlabel()
    assert ax_out.get_title().startswith("epoch 0")


def test_weights_are_lines_whose_width_and_colour_show_size_and_sign():
    run = Playground("xor", hidden=(2,))
    layer = run.net.layers[0]
    layer.W = np.array([[2.0, -0.5], [0.0, 1.0]])
    fig, update = draw(run)
    lines = fig.axes[0].collections[0]
    widths = lines.get_linewidths()[:4]
    assert widths[0] > widths[3] > widths[1] > widths[2]                         # |2| > |1| > |-0.5| > |0|
    colors = [tuple(c) for c in lines.get_colors()[:2]]
    assert colors[0] == pytest.approx(plotting.light(plotting.ORANGE, 0.0) + (1.0,))   # positive: orange
    assert colors[1] == pytest.approx(plotting.light(plotting.BLUE, 0.0) + (1.0,))     # negative: blue


def test_update_redraws_the_run_after_training_and_moves_the_chosen_weight():
    run = Playground("circles")
    fig, update = draw(run)
    before = plotting.figure_to_png(fig)
    chosen = fig.axes[0].lines[0]
    first = chosen.get_xydata().copy()
    run.run(5)
    update(run, weight=(1, 2, 3))
    assert plotting.figure_to_png(fig) != before
    assert not np.array_equal(chosen.get_xydata(), first)
    assert fig.axes[1].get_title().startswith("epoch 5")
    assert len(fig.axes[2].lines[0].get_xdata()) == 6                          # epochs 0 to 5
    assert "from neuron 3 of layer 2 to neuron 4 of layer 2" not in fig.texts[0].get_text()
    assert "from neuron 3 of layer 1 to neuron 4 of layer 2" in fig.texts[0].get_text()


def test_the_update_of_a_weight_is_written_with_its_numbers():
    run = Playground("circles")
    assert "no step taken yet" in update_text(run, (0, 0, 0))
    run.step(1)
    change = run.last_update(0, 1, 0)
    text = update_text(run, (0, 1, 0))
    assert "w ← w − lr·dw" in text and f"{change['w']:.4g}".replace("-", "−") in text
    assert f"× {change['dw']:.4g}".replace("-", "−") in text or f"× ({change['dw']:.4g})".replace("-", "−") in text
    assert weight_name(run, (0, 1, 0)) == "from x₂ to neuron 1 of layer 1"
    momentum = Playground("circles", momentum=0.9)
    momentum.step(1)
    assert "v ← dw + m·v" in update_text(momentum, (2, 0, 0))


def test_a_diverged_run_says_so_on_the_figure():
    run = Playground("regression", lr=1.0)
    fig, update = draw(run)
    run.run(100)
    update(run)
    status = fig.axes[1].texts[0]
    assert status.get_visible() and "diverged" in status.get_text()
    assert "training diverged" in fig.axes[1].get_title()
    plotting.figure_to_png(fig)                                                  # and it draws


def test_a_run_of_another_shape_is_drawn_anew_and_more_classes_get_more_colours():
    fig, update = draw(Playground("circles"))
    update(Playground("blobs", classes=3, hidden=(5, 5, 5)))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()][-1] == "output (3)"
    assert len(fig.axes[1].collections) == 6                                    # 3 classes x (train, test)
    assert fig.axes[1].images[0].get_array().shape == (12, 12, 4)              # the classes' colours mixed

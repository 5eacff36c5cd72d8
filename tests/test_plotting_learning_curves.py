"""dlcore.plotting.learning_curves: training and validation cost per epoch, the lowest validation cost marked."""

import numpy as np

from dlcore import plotting

TRAIN = [0.9, 0.6, 0.4, 0.3, 0.25]
VAL = [1.0, 0.7, 0.55, 0.6, 0.8]             # lowest at epoch 3


def draw(**options):
    fig = plotting.new_figure(4, 3)
    ax = fig.add_subplot()
    update = plotting.plot_learning_curves(ax, TRAIN, VAL, **options)
    return fig, ax, update


def test_the_curves_start_at_epoch_one_and_differ_in_style():
    _, ax, _ = draw()
    train_line, val_line = ax.lines[0], ax.lines[1]
    np.testing.assert_array_equal(train_line.get_xdata(), [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(val_line.get_ydata(), VAL)
    assert train_line.get_linestyle() != val_line.get_linestyle()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "training set", "validation set", "lowest validation cost"]


def test_the_lowest_validation_cost_is_marked_with_its_epoch():
    _, ax, _ = draw()
    point = next(line for line in ax.lines if line.get_marker() == "o")
    assert point.get_xdata()[0] == 3 and point.get_ydata()[0] == 0.55
    assert any(text.get_text() == "epoch 3: 0.550" for text in ax.texts)


def test_update_grows_the_curves_moves_the_mark_and_widens_the_cost_axis():
    _, ax, update = draw(max_epochs=10)
    assert ax.get_xlim() == (0, 10)
    update(TRAIN + [0.2, 0.1], VAL + [0.5, 2.4])
    assert len(ax.lines[0].get_xdata()) == 7
    point = next(line for line in ax.lines if line.get_marker() == "o")
    assert point.get_xdata()[0] == 6                      # 0.5 at epoch 6 is now the lowest
    assert ax.get_ylim()[1] >= 2.4                        # room for the largest cost
    assert ax.get_xlim() == (0, 10)                       # the epoch axis stays fixed


def test_without_a_validation_cost_nothing_is_marked():
    fig = plotting.new_figure(4, 3)
    ax = fig.add_subplot()
    plotting.plot_learning_curves(ax, TRAIN, [], ylim=(0, 2))
    point = next(line for line in ax.lines if line.get_marker() == "o")
    assert not point.get_visible()
    assert ax.get_ylim() == (0, 2)


def test_the_legend_and_the_mark_take_the_font_size_asked_for():
    _, ax, _ = draw(fontsize=13)
    assert all(text.get_fontsize() == 13 for text in ax.get_legend().get_texts())
    assert next(text for text in ax.texts if text.get_text().startswith("epoch 3")).get_fontsize() == 13


def test_the_cost_axis_leaves_room_above_the_curves_for_the_legend():
    _, ax, _ = draw()
    assert ax.get_ylim() == (0, 1.5)                      # 1.35 × 1.0 rounded up to a multiple of 0.5

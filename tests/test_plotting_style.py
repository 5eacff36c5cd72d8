"""dlcore.plotting.style: the palette, blank figures without pyplot, the book's axes, and redraw_update."""

import re

import pytest

from dlcore import plotting


def test_new_figure_does_not_touch_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = plotting.new_figure(4, 3)
    fig.add_subplot().plot([0, 1], [1, 0])
    plotting.figure_to_png(fig)
    assert plt.get_fignums() == before

def test_palette_has_distinct_hex_colours():
    assert len(set(plotting.PALETTE)) == len(plotting.PALETTE)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", colour) for colour in plotting.PALETTE)
    assert plotting.CLASS_COLORS[0] != plotting.CLASS_COLORS[1]


def test_style_axes_hides_the_top_and_right_frame_and_sets_the_labels():
    ax = plotting.new_figure().add_subplot()
    assert plotting.style_axes(ax, title="t", xlabel="x", ylabel="y") is ax
    assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible()
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("t", "x", "y")


def test_minus_and_light():
    assert plotting.minus("-1.5 to -2") == "\u22121.5 to \u22122"
    assert plotting.light("#000000", 0.75) == (0.75, 0.75, 0.75)     # black with 75 % white
    assert plotting.light(plotting.BLUE, 0.0) == pytest.approx((0.0, 0x72 / 255, 0xB2 / 255))


def _line(ax, slope, *, color="k"):
    arguments = dict(locals())
    ax.plot([0, 1], [0, slope], color=color)
    bar = ax.figure.colorbar(ax.imshow([[0, slope]]), ax=ax)
    return plotting.redraw_update(_line, arguments, remove=[bar])


def test_redraw_update_clears_and_draws_again_with_the_changes():
    fig = plotting.new_figure()
    ax = fig.add_subplot()
    update = _line(ax, 1.0)
    update(slope=3.0)
    assert len(ax.lines) == 1 and ax.lines[0].get_ydata()[1] == 3.0
    assert len(fig.axes) == 2                        # the old colour bar went, a new one came
    update(color="r")                                # the earlier change is kept
    assert ax.lines[0].get_ydata()[1] == 3.0 and ax.lines[0].get_color() == "r"
    assert len(fig.axes) == 2


def test_redraw_update_takes_only_the_drawings_own_arguments():
    update = _line(plotting.new_figure().add_subplot(), 1.0)
    with pytest.raises(TypeError, match=r"_line's own arguments.*\['slop'\]"):
        update(slop=2.0)
    with pytest.raises(TypeError, match=r"\['ax'\]"):
        update(ax=None)

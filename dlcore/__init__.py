"""dlcore: the small numpy engine of the book *Deep Learning Basics*.

Everything a chapter needs to build, train and inspect a neural network, in
a few hundred readable lines:

- :mod:`dlcore.activations`: activation functions with their derivatives
- :mod:`dlcore.losses`: cost functions with their gradients, label helpers
- :mod:`dlcore.neuron`: a single neuron
- :mod:`dlcore.perceptron`: Rosenblatt's perceptron and its learning rule
- :mod:`dlcore.layers`: the fully connected layer, :class:`Dense`
- :mod:`dlcore.network`: :class:`Network`, forward and backpropagation, saving
- :mod:`dlcore.optim`: :class:`SGD` with momentum and weight decay
- :mod:`dlcore.train`: the mini-batch training loop: :class:`Trainer` (step by step, can pause) and :func:`train`
- :mod:`dlcore.gradcheck`: checking gradients against finite differences
- :mod:`dlcore.source`: :func:`~dlcore.source.show_source`, the library's own code shown in a chapter
- :mod:`dlcore.datasets`: toy data, generated planes and cars, digits, countries
- :mod:`dlcore.fitting` and :mod:`dlcore.features`: the small models of the
  early chapters (polynomial and ReLU-piece fits; hand-made features of
  points in the plane and a classifier on them); import them when needed
- the numbers behind the later chapters' figures and panels, imported when
  needed: :mod:`dlcore.landscape` and :mod:`dlcore.initialisation` (a cost
  over its weights, starting weights; chapter 6), :mod:`dlcore.graph` (a
  network as a computation graph, walked forward and backward; chapter 7),
  :mod:`dlcore.descent` (gradient descent on small cost surfaces; chapter 8),
  :mod:`dlcore.playground` (the playground's engine), :mod:`dlcore.overfitting`
  (runs kept epoch by epoch; chapter 9), :mod:`dlcore.metrics` and
  :mod:`dlcore.snapshots` (confusion matrices, mistakes, weights recorded
  during training; chapter 10)

``import dlcore`` loads numpy only. Figures and widgets live in
``dlcore.plotting`` and ``dlcore.widgets``; import them when you need them.
"""

from . import activations, datasets, losses
from .gradcheck import GradcheckReport, gradcheck
from .layers import Dense
from .losses import one_hot, to_labels
from .network import Network
from .neuron import neuron, weighted_sum
from .optim import SGD
from .perceptron import Perceptron
from .source import show_source
from .train import History, Trainer, TrainingDiverged, train

__version__ = "0.1.0"

__all__ = [
    "Dense", "GradcheckReport", "History", "Network", "Perceptron", "SGD", "Trainer", "TrainingDiverged",
    "activations", "datasets", "gradcheck", "losses", "neuron", "one_hot", "show_source", "to_labels", "train", "weighted_sum",
]

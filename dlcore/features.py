"""Hand-made features of points in the plane, and a linear classifier that sees only them.

Chapter 1's point: a simple model depends on the features it is given. Two
rings of points, one inside the other, cannot be told apart by a straight
line in the coordinates ``(x₁, x₂)``; given the distance from the centre,
``r = √(x₁² + x₂²)``, one threshold separates them. :data:`PLANE_FEATURES`
names the features a reader can choose from, :func:`plane_features`
computes them, and :class:`FeatureClassifier` trains one sigmoid neuron (a
``Network`` of one ``Dense`` layer, with the library's ``train``) on the
chosen ones. :func:`fit_linear_classifier` and :func:`fit_small_network`
train the two models chapter 1 compares in one call each, so that the
chapter can use them before chapters 6 to 8 explain how training works.

>>> plane_features(np.array([[3.0, 4.0]]), ["r", "x1_x2"])
array([[ 5., 12.]])
"""

import numpy as np

from .layers import Dense
from .network import Network
from .train import train

#: Hand-made features of a point (x₁, x₂) of the plane, by name: (label, short label, formula).
#:
#: :meta hide-value:
PLANE_FEATURES = {
    "x1": ("x₁", "x₁", lambda x1, x2: x1),
    "x2": ("x₂", "x₂", lambda x1, x2: x2),
    "r": ("r = √(x₁²+x₂²)", "r", lambda x1, x2: np.sqrt(x1 ** 2 + x2 ** 2)),
    "angle": ("angle θ", "θ", lambda x1, x2: np.arctan2(x2, x1)),
    "x1_sq": ("x₁²", "x₁²", lambda x1, x2: x1 ** 2),
    "x2_sq": ("x₂²", "x₂²", lambda x1, x2: x2 ** 2),
    "x1_x2": ("x₁·x₂", "x₁·x₂", lambda x1, x2: x1 * x2),
}

#: Feature sets chapter 1 compares side by side (the feature picker's static grid).
FEATURE_SETS = (("x1", "x2"), ("angle",), ("x1_sq",), ("r",), ("x1_sq", "x2_sq"), ("x1", "x2", "angle", "x1_x2"))


def plane_features(X, names):
    """Compute hand-made features of points in the plane.

    Parameters
    ----------
    X : ndarray, shape (n_samples, 2)
        The points' coordinates x₁ and x₂.
    names : sequence of str
        Keys of :data:`PLANE_FEATURES`: ``"x1"``, ``"x2"``, ``"r"`` (distance
        from the origin), ``"angle"`` (in radians, from -π to π), ``"x1_sq"``,
        ``"x2_sq"``, ``"x1_x2"``.

    Returns
    -------
    F : ndarray, shape (n_samples, len(names))
        One column per feature, in the order of ``names``.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"plane_features expects points of shape (n_samples, 2), got shape {X.shape}.")
    unknown = [name for name in names if name not in PLANE_FEATURES]
    if unknown:
        raise ValueError(f"Unknown feature(s) {unknown}; choose from {list(PLANE_FEATURES)}.")
    columns = [PLANE_FEATURES[name][2](X[:, 0], X[:, 1]) for name in names]   # each (n_samples,)
    return np.column_stack(columns) if columns else np.empty((len(X), 0))


class FeatureClassifier:
    """A linear classifier (logistic regression) that sees chosen features of 2-D points.

    One sigmoid neuron, ``Network([Dense(n_features, 1, "sigmoid")])``,
    trained with ``dlcore.train`` by full-batch gradient descent on the
    features of :func:`plane_features`. Each feature is first standardised
    (mean 0, spread 1 on the training points) so that one learning rate suits
    every choice and the weights can be compared. With no features at all it
    can only learn how common class 1 is, and answers that everywhere.

    Parameters
    ----------
    names : sequence of str
        Keys of :data:`PLANE_FEATURES`.
    epochs, lr : int, float
        Full-batch steps and learning rate; 40 steps at 2.0 come within half a
        percentage point of a fully converged fit on the circles data.

    Attributes
    ----------
    weights : ndarray, shape (n_features,)
        The learned weights of the standardised features.
    """

    def __init__(self, names, *, epochs=40, lr=2.0):
        self.names = list(names)
        plane_features(np.zeros((1, 2)), self.names)      # check the names now
        self.epochs, self.lr = epochs, lr
        self.net = None
        self.weights = np.zeros(len(self.names))
        self._base_rate = 0.5

    def fit(self, X, y):
        """Train on points ``X`` (n_samples, 2) with labels ``y`` (n_samples,) of 0/1; returns self."""
        y = np.asarray(y)
        self._base_rate = float(np.mean(y))
        if not self.names:
            return self
        F = plane_features(X, self.names)                                  # (n_samples, n_features)
        self.mean = F.mean(axis=0)
        self.std = np.where(F.std(axis=0) > 0, F.std(axis=0), 1.0)
        self.net = Network([Dense(len(self.names), 1, "sigmoid", init="zeros")])
        train(self.net, (F - self.mean) / self.std, y, epochs=self.epochs, batch_size=len(F), lr=self.lr)
        self.weights = self.net.layers[0].W[:, 0].copy()
        return self

    def predict_proba(self, X):
        """Probability of class 1 for each point of ``X`` (n_samples, 2), shape (n_samples,)."""
        X = np.asarray(X, dtype=float)
        if self.net is None:
            return np.full(len(X), self._base_rate)
        F = (plane_features(X, self.names) - self.mean) / self.std         # (n_samples, n_features)
        return self.net.forward(F)[:, 0]

    def predict(self, X):
        """Class 0 or 1 for each point of ``X``, shape (n_samples,)."""
        return (self.predict_proba(X) >= 0.5).astype(np.int64)

    def accuracy(self, X, y):
        """Fraction of the points of ``X`` whose class is predicted right."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


def fit_linear_classifier(F, y, *, seed=0):
    """A linear classifier (one sigmoid neuron) trained on the feature columns of ``F``.

    Logistic regression: ``Network([Dense(n_features, 1, "sigmoid")])``,
    trained by 500 full-batch gradient-descent steps with learning rate 0.5
    (chapters 6 to 8 explain these words).

    Parameters
    ----------
    F : ndarray, shape (n_samples, n_features)
    y : ndarray of 0/1, shape (n_samples,)
    seed : int
        Seeds the starting weights.

    Returns
    -------
    Network
        Trained; ``.predict``, ``.predict_proba`` and ``.accuracy`` read new points.
    """
    F = np.asarray(F, dtype=float)
    if F.ndim != 2:
        raise ValueError(f"F must be a table of shape (n_samples, n_features), got F.shape={F.shape}. "
                         "For a single feature f, pass f[:, None].")
    net = Network([Dense(F.shape[1], 1, "sigmoid", seed=seed)])
    train(net, F, y, epochs=500, batch_size=len(F), lr=0.5, seed=seed)
    return net


def fit_small_network(X, y, *, n_hidden=8, seed=0):
    """A network with one hidden layer of ``n_hidden`` ReLU neurons and a sigmoid output, trained on ``X``.

    ``Network.from_sizes([n_features, n_hidden, 1], hidden="relu",
    output="sigmoid")``, trained by 100 passes over the data in batches of
    50 with learning rate 0.3 (chapters 6 to 8 explain these words).

    Parameters
    ----------
    X : ndarray, shape (n_samples, n_features)
    y : ndarray of 0/1, shape (n_samples,)
    n_hidden : int
    seed : int
        Seeds the starting weights and the order of the examples.

    Returns
    -------
    Network
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be a table of shape (n_samples, n_features), got X.shape={X.shape}.")
    net = Network.from_sizes([X.shape[1], n_hidden, 1], hidden="relu", output="sigmoid", seed=seed)
    train(net, X, y, epochs=100, batch_size=50, lr=0.3, seed=seed)
    return net

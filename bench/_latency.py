"""The widget-latency task: train a fresh 2-8-8-1 network, then predict a 200x200 grid.

This is what a decision-boundary widget does when a control moves: a new
network, 200 SGD steps on the circles (200 samples, batch 10, 10 epochs), and
the network's output over a 200x200 grid of points for the boundary. The same
task is written for dlcore, PyTorch and scikit-learn.

Run as a script (``python bench/_latency.py LIB THREADS [wall|cpu]``) it performs the task
once in this fresh process, after the imports and the data (which a widget has
already), and prints the seconds a speed probe took just before it (see
``_common.speed_probe``) and the seconds the task took: the *first call* latency.
"""

import sys
import warnings

import _common  # noqa: F401  (puts the checkout first on sys.path)
import numpy as np

EPOCHS, BATCH, LR, GRID = 10, 10, 0.5, 200
# The rule is "float32 unless stated", and the latency target states no dtype.
# dlcore's default, float64, is measured beside it (warm only) for comparison.
DTYPE = "float32"


def data(dtype=DTYPE):
    import dlcore.datasets
    X, y = dlcore.datasets.circles(200, noise=0.1, seed=0)
    (x0, y0), (x1, y1) = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
    return X.astype(dtype), y, (x0, x1, y0, y1)


def _grid(box, dtype):
    """The 200x200 grid of points, built as dlcore's plotting builds it (for every library alike)."""
    from dlcore.datasets import grid_points
    x0, x1, y0, y1 = box
    return grid_points(np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID), dtype=dtype)


def dlcore_task(X, y, box):
    import dlcore
    net = dlcore.Network.from_sizes([2, 8, 8, 1], hidden="relu", output="sigmoid", seed=0, dtype=X.dtype)
    dlcore.train(net, X, y, epochs=EPOCHS, batch_size=BATCH, lr=LR)
    return net.predict_proba(_grid(box, X.dtype)).reshape(GRID, GRID)


def careful_task(X, y, box):
    """The same with the issue's careful hand-written numpy MLP (bench/_reference.py): shuffled
    mini-batches, and the training cost and accuracy after every epoch as dlcore.train records them."""
    from _reference import CarefulMLP, he_weights
    mlp = CarefulMLP(weights=he_weights([2, 8, 8, 1], seed=0, dtype=X.dtype), output="sigmoid")
    T = y.astype(X.dtype).reshape(-1, 1)
    rng = np.random.default_rng(0)
    n = len(X)
    Xs, Ts = np.empty_like(X), np.empty_like(T)
    eps = X.dtype.type(1e-7)
    for _ in range(EPOCHS):
        order = rng.permutation(n)
        np.take(X, order, axis=0, out=Xs)
        np.take(T, order, axis=0, out=Ts)
        for start in range(0, n, BATCH):
            mlp.step(Xs[start:start + BATCH], Ts[start:start + BATCH], LR)
        A = mlp.forward(X)                               # the epoch's cost and accuracy, as a History has them
        cost = -np.mean(T * np.log(A + eps) + (1 - T) * np.log(1 - A + eps))  # noqa: F841
        accuracy = np.mean((A >= 0.5) == (T >= 0.5))  # noqa: F841
    return mlp.predict(_grid(box, X.dtype)).reshape(GRID, GRID)


def torch_task(X, y, box):
    """The same in PyTorch: shuffled mini-batches, and the training cost and accuracy after every
    epoch as dlcore.train records them in its History."""
    import torch
    from torch import nn
    torch.manual_seed(0)
    dtype = getattr(torch, str(X.dtype))
    model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 1)).to(dtype)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = nn.BCEWithLogitsLoss()
    Xt = torch.from_numpy(X)
    yt = torch.from_numpy(y.astype(X.dtype)).reshape(-1, 1)
    gen = torch.Generator().manual_seed(0)
    n = len(X)
    for _ in range(EPOCHS):
        order = torch.randperm(n, generator=gen)
        Xs, ys = Xt[order], yt[order]
        for start in range(0, n, BATCH):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(Xs[start:start + BATCH]), ys[start:start + BATCH])
            loss.backward()
            opt.step()
        with torch.no_grad():
            out = model(Xt)
            loss_fn(out, yt).item()
            ((out >= 0) == (yt >= 0.5)).to(dtype).mean().item()
    with torch.no_grad():
        return torch.sigmoid(model(torch.from_numpy(_grid(box, X.dtype)))).numpy().reshape(GRID, GRID)


def sklearn_task(X, y, box):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    clf = MLPClassifier(
        hidden_layer_sizes=(8, 8), activation="relu", solver="sgd", alpha=0.0, batch_size=BATCH,
        learning_rate_init=LR, momentum=0.0, nesterovs_momentum=False, max_iter=EPOCHS, shuffle=True,
        tol=0.0, n_iter_no_change=EPOCHS + 1, random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return clf.predict_proba(_grid(box, X.dtype))[:, 1].reshape(GRID, GRID)


TASKS = {"dlcore": dlcore_task, "careful": careful_task, "torch": torch_task, "sklearn": sklearn_task}


def main(lib, threads, clock="wall"):
    if lib == "torch":
        import torch  # noqa: F401  (imported before pinning so that its pool is pinned too)
    elif lib == "sklearn":
        import sklearn.neural_network  # noqa: F401
    elif lib == "careful":
        import _reference  # noqa: F401  (a reader's own code is loaded before the control moves)
    import dlcore  # noqa: F401  (the data come from dlcore.datasets for every library)
    _common.Threads(threads).pin()
    X, y, box = data()
    now = _common.CLOCKS[clock]
    _common.speed_probe()                  # plain Python only: it loads and warms nothing the task uses
    t0 = now()
    _common.speed_probe()                  # how fast the machine runs at this moment
    t1 = now()
    TASKS[lib](X, y, box)
    print(t1 - t0, now() - t1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])

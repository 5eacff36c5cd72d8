"""The hand-written numpy MLPs of bench/_reference.py compute dlcore's step.

The benchmarks compare dlcore's speed with these two yardsticks (the ways of
writing a step that the performance targets were set from); the comparison
means something only while all three do the same arithmetic.
"""

import sys
from pathlib import Path

import numpy as np
import pytest

import dlcore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from _reference import CarefulMLP, TextbookMLP, he_weights  # noqa: E402


@pytest.mark.parametrize("cls", [TextbookMLP, CarefulMLP])
@pytest.mark.parametrize("sizes, output", [([2, 8, 8, 1], "sigmoid"), ([64, 32, 10], "softmax")])
def test_reference_steps_match_dlcore(cls, sizes, output):
    rng = np.random.default_rng(3)
    n_classes = sizes[-1] if output == "softmax" else 2
    batches = [(rng.random((n, sizes[0]), dtype=np.float32), rng.integers(0, n_classes, n)) for n in (10, 7, 10)]
    net = dlcore.Network.from_sizes(sizes, hidden="relu", output=output, seed=1, dtype="float32")
    ref = cls(net)
    opt = dlcore.SGD(lr=0.5)
    for X, y in batches:                       # two batch sizes: the careful one keeps buffers per size
        net.gradients(X, y)
        opt.step(net)
        ref.step(X, net.targets(y, len(X)), 0.5)
    for layer, W, b in zip(net.layers, ref.W, ref.b):
        np.testing.assert_allclose(W, layer.W, rtol=0, atol=1e-6)
        np.testing.assert_allclose(b, layer.b, rtol=0, atol=1e-6)
    X = rng.random((9000, sizes[0]), dtype=np.float32)
    if cls is CarefulMLP:
        np.testing.assert_allclose(ref.predict(X, rows=4096), net.predict_proba(X), rtol=0, atol=1e-6)
    else:
        np.testing.assert_allclose(ref.forward(X), net.predict_proba(X), rtol=0, atol=1e-6)


def test_he_weights_are_fresh_and_scaled():
    W, b = he_weights([2500, 256, 2], seed=0)
    assert [w.shape for w in W] == [(2500, 256), (256, 2)] and all(w.dtype == np.float32 for w in W)
    assert all((v == 0).all() for v in b)
    assert abs(W[0].std() - np.sqrt(2 / 2500)) < 0.05 * np.sqrt(2 / 2500)

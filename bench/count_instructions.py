"""Instructions per training step, counted by valgrind: a measure that a busy machine does not disturb.

Wall-clock times on a shared machine move by a third from one minute to the
next; the number of instructions a step executes does not. Run this script
under callgrind twice, with 0 steps and with N steps, and divide the
difference by N (the set-up, imports included, cancels out)::

    export OPENBLAS_NUM_THREADS=1          # no BLAS worker thread spinning in the count
    for k in 0 500; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
            .venv-bench/bin/python bench/count_instructions.py step $k 2>&1 | grep Collected
    done

Cases: ``step`` (what ``dlcore.train`` does per batch on the 2-8-8-1 widget
network, batch 10), ``public`` (``net.gradients`` + ``SGD.step``, with the
input checks), ``task`` (the whole widget-latency task of ``bench/_latency.py``).
An optional third argument picks the dtype (default float32). valgrind comes
from Debian's ``valgrind`` package; instructions are not time, but for steps
that are mostly fixed costs per numpy call they track it closely.
"""

import sys

import _common  # noqa: F401  (puts the checkout first on sys.path)
import _latency
import numpy as np

import dlcore


def main(case, k, dtype="float32"):
    X, y, box = _latency.data(dtype)
    net = dlcore.Network.from_sizes([2, 8, 8, 1], hidden="relu", output="sigmoid", seed=0, dtype=dtype)
    opt = dlcore.SGD(lr=_latency.LR)
    T = net.targets(y, len(X))
    X_batch, T_batch, y_batch = X[:_latency.BATCH], T[:_latency.BATCH], y[:_latency.BATCH]
    for _ in range(k):
        if case == "step":
            dZ = net._gradients(X_batch, T_batch)      # as in dlcore.train: gradients, guard, update
            np.vdot(dZ, dZ)
            opt.step(net)
        elif case == "public":
            net.gradients(X_batch, y_batch)
            opt.step(net)
        elif case == "task":
            _latency.dlcore_task(X, y, box)
        else:
            raise SystemExit(f"unknown case {case!r}: use step, public or task")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])

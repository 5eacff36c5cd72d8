"""Where does a dlcore training step spend its time?

    python bench/profile_steps.py                # cProfile: Python functions, by own time
    python bench/profile_steps.py --lines        # line_profiler (pip install line_profiler): line by line

Profiles steps the benchmarks time, at 1 thread, in float32: the widget-size
step (2-8-8-1, batch 10), the digits step (64-64-10, batch 32, random data of
that shape) and the image step (2500-256-256-2, batch 100), each as ``net.gradients(X, y)`` followed by ``SGD.step(net)``.
cProfile sees Python functions and numpy's Python-level functions, but not
operators such as ``@`` or ufuncs called directly: ``--lines`` shows those
by the line they are on.
"""

import argparse
import cProfile
import io
import pstats
import sys

import _common
import numpy as np

import dlcore

CASES = {
    "widget-size": ([2, 8, 8, 1], "sigmoid", 10, 0.5, 20000),
    "digits": ([64, 64, 10], "softmax", 32, 0.1, 10000),
    "images": ([2500, 256, 256, 2], "softmax", 100, 0.01, 100),
}


def make(case):
    sizes, output, batch, lr, steps = CASES[case]
    rng = np.random.default_rng(0)
    X = rng.random((batch * 4, sizes[0]), dtype=np.float32)
    y = rng.integers(0, sizes[-1] if output == "softmax" else 2, len(X))
    batches = [(X[i:i + batch], y[i:i + batch]) for i in range(0, len(X), batch)]
    net = dlcore.Network.from_sizes(sizes, hidden="relu", output=output, seed=0, dtype="float32")
    opt = dlcore.SGD(lr=lr)

    def run(k):
        for i in range(k):
            Xb, yb = batches[i % len(batches)]
            net.gradients(Xb, yb)
            opt.step(net)
    run(10)
    return run, steps


def with_cprofile(case, top):
    run, steps = make(case)
    prof = cProfile.Profile()
    prof.runcall(run, steps)
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    total = stats.total_tt
    print(f"\n=== {case}: {steps} steps, {total / steps * 1e6:.1f} µs per step under cProfile "
          f"(profiling overhead included) ===")
    stats.sort_stats("tottime").print_stats(top)
    print("\n".join(out.getvalue().splitlines()[5:]))


def with_lines(case):
    try:
        from line_profiler import LineProfiler
    except ImportError:
        sys.exit("--lines needs line_profiler: pip install line_profiler")
    from dlcore import activations, layers, losses, network, optim, _checks
    run, steps = make(case)
    lp = LineProfiler()
    wanted = [(network.Network, "gradients _gradients _forward _cost check_X targets"),
              (layers.Dense, "_forward backward _backward backward_dZ"),
              (optim.SGD, "step _update"), (_checks, "check_X check_y")]
    for owner, names in wanted:                  # whatever of these exists in the dlcore at hand
        for name in names.split():
            f = getattr(owner, name, None)
            if hasattr(f, "__code__"):
                lp.add_function(f)
    for mod in (activations, losses):
        for name in dir(mod):
            obj = getattr(mod, name)
            if callable(obj) and getattr(obj, "__module__", None) == mod.__name__ and hasattr(obj, "__code__"):
                lp.add_function(obj)
    for cls in (losses.BinaryCrossEntropy, losses.CrossEntropy, losses.Loss, activations.Activation):
        for name, obj in vars(cls).items():
            if hasattr(obj, "__code__"):
                lp.add_function(obj)
    lp.runcall(run, steps)
    print(f"\n=== {case}: {steps} steps, line by line ===")
    lp.print_stats(stripzeros=True, output_unit=1e-6)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--lines", action="store_true", help="line_profiler instead of cProfile")
    p.add_argument("--only", choices=list(CASES), action="append")
    p.add_argument("--top", type=int, default=25, help="rows of the cProfile table")
    args = p.parse_args()
    _common.Threads(1).pin()
    for case in args.only or list(CASES):
        if args.lines:
            with_lines(case)
        else:
            with_cprofile(case, args.top)


if __name__ == "__main__":
    main()

"""Benchmarks of dlcore against PyTorch and scikit-learn, measured in the same process.

    python bench/run.py                      # everything, 1 thread
    python bench/run.py --quick              # a short run (fewer, shorter rounds)
    python bench/run.py --only images        # one benchmark (repeat --only for more)
    python bench/run.py --threads 2          # pin every pool to 2 threads (or --threads 1,2)

Prints time per step (median and min–max over rounds) and ratios. Nothing is
asserted: the targets of the performance issue are printed beside the ratios
as "met" or "not met". See bench/README.md for what each benchmark measures.
"""

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import _common
from _common import Contender, fmt_span, fmt_time, interleave, table

import numpy as np
import threadpoolctl

BLAS_AT_START = _common.numpy_blas_info()   # before torch and scipy load their own libraries

import torch  # noqa: E402
from torch import nn  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

import dlcore  # noqa: E402
import _latency  # noqa: E402
from _reference import CarefulMLP, TextbookMLP  # noqa: E402

BENCH = Path(__file__).resolve().parent
NAMES = ["widget-size", "digits", "images", "gemm-floor", "widget-latency", "import"]


# --- building the same network three times ----------------------------------------------

def dlcore_net(sizes, output, seed=0, dtype="float32"):
    return dlcore.Network.from_sizes(sizes, hidden="relu", output=output, seed=seed, dtype=dtype)


def torch_net(net):
    """nn.Sequential with dlcore's architecture and a copy of its weights.

    The output activation is folded into the loss as PyTorch users write it:
    BCEWithLogitsLoss for a sigmoid output, CrossEntropyLoss for softmax.
    """
    mods = []
    for i, layer in enumerate(net.layers):
        lin = nn.Linear(layer.n_in, layer.n_out, dtype=getattr(torch, str(net.dtype)))
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(layer.W.T.copy()))
            lin.bias.copy_(torch.from_numpy(layer.b.copy()))
        mods.append(lin)
        if i < len(net.layers) - 1:
            mods.append(nn.ReLU())
    loss = nn.BCEWithLogitsLoss() if net.layers[-1].activation.name == "sigmoid" else nn.CrossEntropyLoss()
    return nn.Sequential(*mods), loss


def torch_targets(y, loss_fn, dtype):
    if isinstance(loss_fn, nn.BCEWithLogitsLoss):
        return torch.from_numpy(y.astype(dtype).reshape(-1, 1))
    return torch.from_numpy(y.astype(np.int64))


def sklearn_mlp(hidden, batch, lr):
    return MLPClassifier(
        hidden_layer_sizes=tuple(hidden), activation="relu", solver="sgd", alpha=0.0, batch_size=batch,
        learning_rate="constant", learning_rate_init=lr, momentum=0.0, nesterovs_momentum=False,
        max_iter=1, shuffle=False, tol=0.0, n_iter_no_change=2, random_state=0,
        warm_start=True,   # later fits go on from the current weights: no re-initialisation per block
    )


# --- one training step, four ways ---------------------------------------------------------

def dlcore_public(net, lr, batches):
    """The documented step: ``cost = net.gradients(X, y)`` then ``opt.step(net)``."""
    opt = dlcore.SGD(lr=lr)
    nb = len(batches)

    def run(k):
        for i in range(k):
            X, y = batches[i % nb]
            net.gradients(X, y)
            opt.step(net)
    return run


def dlcore_train_body(net, lr, batches):
    """What a dlcore.Trainer step does per batch (targets made once when the trainer is made)."""
    opt = dlcore.SGD(lr=lr)
    prepared = [(X, net.targets(y, len(X))) for X, y in batches]
    nb = len(prepared)

    def run(k):
        for i in range(k):
            X, T = prepared[i % nb]
            net.forward(X)
            math.isfinite(net.output_cost(T))                # the divergence guard
            net.backward(T)
            opt.step(net)
    return run


def numpy_reference(cls, net, lr, batches):
    """A hand-written numpy step (bench/_reference.py) from ``net``'s weights, targets made once."""
    mlp = cls(net)
    prepared = [(X, net.targets(y, len(X))) for X, y in batches]
    nb = len(prepared)

    def run(k):
        for i in range(k):
            X, T = prepared[i % nb]
            mlp.step(X, T, lr)
    return run


REFERENCES = [("numpy   textbook step (reference)", TextbookMLP), ("numpy   careful step (reference)", CarefulMLP)]


def torch_step(model, loss_fn, lr, batches):
    """forward + loss + backward + step, with zero_grad(set_to_none=True)."""
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    tb = [(torch.from_numpy(X), torch_targets(y, loss_fn, X.dtype)) for X, y in batches]
    nb = len(tb)

    def run(k):
        for i in range(k):
            X, y = tb[i % nb]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(X), y)
            loss.backward()
            opt.step()
    return run, opt


def sklearn_step(clf, batches):
    """``fit(max_iter=1)`` on k batches laid end to end: one epoch of k SGD steps, time / k.

    With ``warm_start=True`` each fit continues from the weights of the last one, so what is left
    of fit's per-call set-up (input validation, label encoding, a new optimiser) is spread over k steps.
    """
    cache = {}
    nb = len(batches)

    def run(k):
        if k not in cache:
            idx = [i % nb for i in range(k)]
            cache.clear()
            cache[k] = (np.concatenate([batches[i][0] for i in idx]), np.concatenate([batches[i][1] for i in idx]))
        X, y = cache[k]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf.fit(X, y)
    return run


# --- checking that it is the same work ---------------------------------------------------

def same_work(sizes, output, lr, batches, clf):
    """One step from identical weights in dlcore and PyTorch: same cost, same new weights?"""
    net = dlcore_net(sizes, output, seed=1)
    model, loss_fn = torch_net(net)
    X, y = batches[0]
    refs = [cls(net) for _, cls in REFERENCES]
    for ref in refs:
        ref.step(X, net.targets(y, len(X)), lr)
    cost = net.gradients(X, y)
    dlcore.SGD(lr=lr).step(net)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(torch.from_numpy(X)), torch_targets(y, loss_fn, X.dtype))
    loss.backward()
    opt.step()
    lins = [m for m in model if isinstance(m, nn.Linear)]
    diff = max(
        max(np.abs(layer.W - lin.weight.detach().numpy().T).max(), np.abs(layer.b - lin.bias.detach().numpy()).max())
        for layer, lin in zip(net.layers, lins)
    )
    scale = max(np.abs(layer.W).max() for layer in net.layers)
    n_torch = sum(p.numel() for p in model.parameters())
    torch_dtypes = {str(p.dtype).replace("torch.", "") for p in model.parameters()}
    sk_sizes = [clf.coefs_[0].shape[0]] + [c.shape[1] for c in clf.coefs_]
    n_sk = sum(c.size for c in clf.coefs_) + sum(c.size for c in clf.intercepts_)
    lines = [
        f"  parameters: dlcore {net.n_params:,} {net.sizes}  |  torch {n_torch:,}  |  sklearn {n_sk:,} {sk_sizes}"
        + ("" if sk_sizes == list(sizes) else f" (sklearn: one {clf.out_activation_} output for 2 classes)"),
        f"  dtype: dlcore {net.dtype}, torch {'/'.join(sorted(torch_dtypes))}, sklearn {clf.coefs_[0].dtype}, "
        f"X {X.dtype} {X.shape}",
        f"  one step from the same weights: cost dlcore {cost:.6f} vs torch {loss.item():.6f}; "
        f"max |difference| of the new weights {diff:.1e} (largest weight {scale:.2f})",
    ]
    ref_diff = max(max(np.abs(layer.W - W).max(), np.abs(layer.b - b).max())
                   for ref in refs for layer, W, b in zip(net.layers, ref.W, ref.b))
    lines.append(f"  the numpy references from the same weights: max |difference| of the new weights from dlcore's "
                 f"{ref_diff:.1e}")
    ok = (net.n_params == n_torch and abs(cost - loss.item()) <= 1e-4 * max(1.0, abs(cost))
          and max(diff, ref_diff) <= 1e-4 * max(1.0, scale))
    if not ok:
        lines.append("  WARNING: dlcore, PyTorch and the references do not compute the same step; the ratios below "
                     "compare different work")
    return lines


@dataclass
class Check:
    """A target of the performance issue, evaluated from the medians and from the minimums."""

    what: str
    who: str
    median: float
    best: float
    target: float
    unit: str            # "x": a ratio that must reach the target; "ms": a time that must stay under it

    def met(self, value):
        return value >= self.target if self.unit == "x" else value <= self.target

    def show(self, value):
        return f"{value:.2f}×" if self.unit == "x" else f"{value:.1f} ms"

    @property
    def target_text(self):
        return f"≥ {self.target:g}×" if self.unit == "x" else f"≤ {self.target:g} ms"


# --- the step benchmarks -----------------------------------------------------------------------

def step_benchmark(title, sizes, output, batch, lr, batches, cfg):
    """Interleaved rounds of dlcore (public step, train() body), PyTorch and scikit-learn."""
    print(f"\n== {title}: {'-'.join(map(str, sizes))}, {output} output, batch {batch}, float32 ==")
    clf = sklearn_mlp(sizes[1:-1], batch, lr)
    sk_run = sklearn_step(clf, batches)
    sk_run(len(batches))                                    # fits once so that coefs_ exist
    for line in same_work(sizes, output, lr, batches, clf):
        print(line)

    net_a, net_b, net_c, net_d = (dlcore_net(sizes, output) for _ in range(4))
    contenders = [Contender("dlcore  net.gradients + SGD.step", dlcore_public(net_a, lr, batches))]
    contenders.append(Contender("dlcore  Trainer step", dlcore_train_body(net_b, lr, batches)))
    contenders += [Contender(label, numpy_reference(cls, net_d, lr, batches)) for label, cls in REFERENCES]
    model, loss_fn = torch_net(net_c)
    trun, _ = torch_step(model, loss_fn, lr, batches)
    contenders.append(Contender("torch   nn.Sequential + optim.SGD", trun, group="torch"))
    contenders.append(Contender("sklearn MLPClassifier sgd, fit/steps", sk_run))
    interleave(contenders, rounds=cfg.rounds, block_seconds=cfg.block, threads=cfg.threads)
    ref = contenders[0]
    rows = []
    for c in contenders:
        vs = ("", "") if c is ref else (f"{c.median / ref.median:.2f}", f"{c.lo / ref.lo:.2f}")
        rows.append([c.label, fmt_time(c.median), fmt_span(c), c.steps, *vs])
    print(table(rows, ["contender", "per step (median)", "min – max", "steps/round", "÷ dlcore (medians)",
                       "÷ dlcore (mins)"]))
    finite = all(np.isfinite(p).all() for n in (net_a, net_b) for p, _ in n.parameters()) and all(
        torch.isfinite(p).all().item() for p in model.parameters())
    if not finite:
        print("  WARNING: some weights became NaN or infinite while timing (learning rate too large?)")
    return {c.label: c for c in contenders}


def _widget_batches(batch, n_batches):
    X, y = dlcore.datasets.circles(batch * n_batches, noise=0.1, seed=0)
    X = X.astype(np.float32)
    return [(X[i:i + batch], y[i:i + batch]) for i in range(0, len(X), batch)]


def bench_widget_size(cfg):
    results, checks = {}, []
    for batch in (10, 100):
        batches = _widget_batches(batch, 20 if batch == 10 else 10)
        res = step_benchmark(f"widget-size, batch {batch}", [2, 8, 8, 1], "sigmoid", batch, 0.5, batches, cfg)
        results[f"widget-size-b{batch}"] = res
        checks += _speed_checks(f"widget-size step, batch {batch}", res, 4.0)
    return results, checks


def bench_digits(cfg):
    from sklearn.datasets import load_digits
    X, y = load_digits(return_X_y=True)
    X = (X / 16.0).astype(np.float32)                  # pixel values 0..16 scaled to [0, 1]
    batch = 32
    batches = [(X[i:i + batch], y[i:i + batch]) for i in range(0, len(X) - batch + 1, batch)]
    res = step_benchmark("digits", [64, 64, 10], "softmax", batch, 0.1, batches, cfg)
    return {"digits": res}, _speed_checks("digits step, batch 32", res, 4.0)


IMAGE_SIZES, IMAGE_BATCH, IMAGE_LR = [2500, 256, 256, 2], 100, 0.01


def _image_batches(n_batches=8):
    rng = np.random.default_rng(0)
    X = rng.random((IMAGE_BATCH * n_batches, IMAGE_SIZES[0]), dtype=np.float32)
    y = rng.integers(0, 2, IMAGE_BATCH * n_batches)
    return [(X[i:i + IMAGE_BATCH], y[i:i + IMAGE_BATCH]) for i in range(0, len(X), IMAGE_BATCH)]


def bench_images(cfg):
    res = step_benchmark("images", IMAGE_SIZES, "softmax", IMAGE_BATCH, IMAGE_LR, _image_batches(), cfg)
    return {"images": res}, _speed_checks("image step, batch 100", res, 1.5)


def gemm_floor(batches):
    """The image network's matrix products alone, numpy float32, into preallocated arrays."""
    n0, n1, n2, n3 = IMAGE_SIZES
    B = IMAGE_BATCH
    rng = np.random.default_rng(0)
    W1, W2, W3 = (rng.normal(0, math.sqrt(2 / a), (a, b)).astype(np.float32) for a, b in ((n0, n1), (n1, n2), (n2, n3)))
    Z1, Z2, Z3 = (np.empty((B, n), np.float32) for n in (n1, n2, n3))
    dZ3 = rng.normal(0, 0.01, (B, n3)).astype(np.float32)
    dZ2, dZ1 = np.empty((B, n2), np.float32), np.empty((B, n1), np.float32)
    dW1, dW2, dW3 = np.empty_like(W1), np.empty_like(W2), np.empty_like(W3)
    Xs = [X for X, _ in batches]
    nb = len(Xs)

    def run(k):
        mm = np.matmul
        for i in range(k):
            X = Xs[i % nb]
            mm(X, W1, out=Z1)                  # forward
            mm(Z1, W2, out=Z2)
            mm(Z2, W3, out=Z3)
            mm(Z2.T, dZ3, out=dW3)             # layer 3: dW and dA
            mm(dZ3, W3.T, out=dZ2)
            mm(Z1.T, dZ2, out=dW2)             # layer 2: dW and dA
            mm(dZ2, W2.T, out=dZ1)
            mm(X.T, dZ1, out=dW1)              # layer 1: dW only (no input gradient)
    return run


def bench_gemm_floor(cfg):
    batches = _image_batches()
    print(f"\n== gemm-floor: the {'-'.join(map(str, IMAGE_SIZES))} step's 8 matrix products alone "
          f"(numpy float32, batch {IMAGE_BATCH}) vs dlcore's image step ==")
    flops = 2 * IMAGE_BATCH * sum(a * b for a, b in zip(IMAGE_SIZES, IMAGE_SIZES[1:])) * 3 \
        - 2 * IMAGE_BATCH * IMAGE_SIZES[0] * IMAGE_SIZES[1]
    contenders = [Contender("dlcore  net.gradients + SGD.step",
                            dlcore_public(dlcore_net(IMAGE_SIZES, "softmax"), IMAGE_LR, batches))]
    contenders.append(Contender("dlcore  Trainer step", dlcore_train_body(dlcore_net(IMAGE_SIZES, "softmax"), IMAGE_LR, batches)))
    contenders.append(Contender("numpy   careful step (reference)",
                                numpy_reference(CarefulMLP, dlcore_net(IMAGE_SIZES, "softmax"), IMAGE_LR, batches)))
    contenders.append(Contender("numpy   GEMM floor (8 matmuls)", gemm_floor(batches)))
    interleave(contenders, rounds=cfg.rounds, block_seconds=cfg.block, threads=cfg.threads)
    floor = contenders[-1]
    rows = []
    for c in contenders:
        rows.append([c.label, fmt_time(c.median), fmt_span(c), f"{flops / c.median / 1e9:.1f}",
                     "" if c is floor else f"{floor.median / c.median:.2f}"])
    print(table(rows, ["contender", "per step (median)", "min – max", "GFLOP/s", "floor ÷ this"]))
    checks = [Check("image step vs GEMM floor: floor ÷ this", _who(c), floor.median / c.median, floor.lo / c.lo, 0.9, "x")
              for c in contenders[:-1]]
    return {"gemm-floor": {c.label: c for c in contenders}}, checks


def _who(contender):
    return contender.label.split("  ", 1)[1].strip()


def _checked(label):
    """dlcore's contenders, and the hand-written references the targets were set from."""
    return label.startswith("dlcore") or label.endswith("(reference)")


def _speed_checks(what, res, factor):
    ref = next(c for label, c in res.items() if label.startswith("torch"))
    return [Check(f"{what}: torch ÷ this", _who(c), ref.median / c.median, ref.lo / c.lo, factor, "x")
            for label, c in res.items() if _checked(label)]


# --- widget latency ---------------------------------------------------------------------------

_PYC = {}


def _bytecode_cache():
    """Where fresh processes keep their .pyc files: in the benchmark venv (kept between runs), else a temporary folder.

    A reader's install has bytecode; with PYTHONDONTWRITEBYTECODE set, or packages installed with
    ``pip --no-compile``, a fresh process would compile every module it imports, and PyTorch's first
    call (which imports torch._dynamo) would take seconds longer. PYTHONPYCACHEPREFIX keeps the
    .pyc files out of the checkout.
    """
    if "dir" not in _PYC:
        if sys.prefix != sys.base_prefix:
            path = Path(sys.prefix) / "dlcore-bench-pycache"
            path.mkdir(exist_ok=True)
            _PYC["dir"] = str(path)
        else:
            _PYC["tmp"] = tempfile.TemporaryDirectory(prefix="dlcore-bench-pyc-")
            _PYC["dir"] = _PYC["tmp"].name
    return _PYC["dir"]


def _child_env():
    """Environment of the fresh processes: this checkout first on the path, bytecode cached."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_common.ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _bytecode_cache()
    return env


def first_call(lib, threads):
    out = subprocess.run([sys.executable, str(BENCH / "_latency.py"), lib, str(threads), _common.clock_name()],
                         capture_output=True, text=True, env=_child_env(), check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{lib} first-call child failed:\n{out.stderr}")
    probe, task = map(float, out.stdout.split()[-2:])
    return probe, task


def bench_widget_latency(cfg):
    print(f"\n== widget-latency: fresh 2-8-8-1 net, {_latency.EPOCHS} epochs x {200 // _latency.BATCH} steps "
          f"(circles, 200 samples, batch {_latency.BATCH}, lr {_latency.LR}), then a {_latency.GRID}x{_latency.GRID} "
          f"grid of predictions; {_latency.DTYPE} ==")
    X, y, box = _latency.data()
    X64 = _latency.data("float64")[0]
    libs = ["dlcore", "careful", "torch", "sklearn"]
    labels = {"dlcore": "dlcore  dlcore.train + predict_proba",
              "careful": "numpy   careful MLP, the same loop (reference)",
              "torch": "torch   loop + optim.SGD + no_grad forward",
              "sklearn": "sklearn MLPClassifier.fit + predict_proba"}
    for lib in libs:                                     # discarded: writes the bytecode, warms the file cache
        first_call(lib, cfg.threads.n)
    first_probes = {lib: [] for lib in libs}             # (probe, task) seconds
    for _ in range(cfg.first_calls):                     # fresh processes, interleaved
        for lib in libs:
            first_probes[lib].append(first_call(lib, cfg.threads.n))
    firsts = {lib: [task for _, task in pairs] for lib, pairs in first_probes.items()}
    contenders = [
        Contender(labels[lib], (lambda task: (lambda k: [task(X, y, box) for _ in range(k)]))(_latency.TASKS[lib]),
                  group="torch" if lib == "torch" else "numpy")
        for lib in libs
    ]
    contenders.append(Contender("dlcore  the same in float64 (for comparison)",
                                lambda k: [_latency.dlcore_task(X64, y, box) for _ in range(k)], group="numpy"))
    interleave(contenders, rounds=cfg.rounds, block_seconds=max(cfg.block, 0.1), threads=cfg.threads)
    rows = []
    ref = contenders[0]
    for lib, c in zip(libs + [None], contenders):
        f = firsts.get(lib, [])
        span = f"{fmt_time(min(f))} – {fmt_time(max(f))}" if len(f) > 1 else ""
        rows.append([c.label, fmt_time(statistics.median(f)) if f else "", span, fmt_time(c.median), fmt_span(c),
                     "" if c is ref else f"{c.median / ref.median:.2f}"])
    print(table(rows, ["contender", f"first call (median of {cfg.first_calls} fresh)", "min – max", "warm (median)",
                       "min – max", "warm ÷ dlcore"]))
    # The machine's own speed swings by a factor of two from one second to the next (bench/README.md,
    # "The machine's speed moves"). Paired with a fixed probe timed just before it, each run of a task
    # says what it would take at the machine's full speed: task ÷ probe, times the fastest probe.
    checked = [lib for lib, c in zip(libs, contenders) if _checked(c.label)]
    timed, fastest = _common.at_full_speed(
        {lib: (lambda task: lambda: task(X, y, box))(_latency.TASKS[lib]) for lib in checked}, cfg.probe_pairs)
    probes = [p for pairs in timed.values() for p, _ in pairs]
    # the fresh processes' probes measured the same machine: the fastest of all is its full speed
    fastest = min([fastest] + [p for pairs in first_probes.values() for p, _ in pairs])
    print(f"  paired with a speed probe ({cfg.probe_pairs} pairs per task; the probe, 100 × sum(range(1000)), "
          f"took {fmt_time(min(probes))} – {fmt_time(max(probes))}, median {fmt_time(statistics.median(probes))}; "
          f"fastest, with the fresh processes' probes: {fmt_time(fastest)}):")
    rows, full = [], {}
    for lib, c in zip(libs, contenders):
        if lib not in checked:
            continue
        ratios = [t / p for p, t in timed[lib]]
        full[lib] = (_common.full_speed_estimate(timed[lib], fastest),
                     _common.full_speed_estimate(first_probes[lib], fastest))
        rows.append([c.label, fmt_time(statistics.median(t for _, t in timed[lib])),
                     f"{statistics.median(ratios):.2f} ({min(ratios):.2f} – {max(ratios):.2f})",
                     fmt_time(full[lib][0]), fmt_time(full[lib][1])])
    print(table(rows, ["contender", "task (median)", "task ÷ probe (median, min – max)",
                       "warm at full speed", "first call at full speed"]))
    checks = []
    for lib, c in zip(libs, contenders):
        if lib in checked:
            who = "train + predict_proba" if lib == "dlcore" else _who(c)
            checks += [Check("widget latency, warm", who, c.median * 1e3, c.lo * 1e3, 10, "ms"),
                       Check("widget latency, warm, at full speed", who, full[lib][0] * 1e3,
                             min(t for _, t in timed[lib]) * 1e3, 10, "ms"),
                       Check("widget latency, first call", who, statistics.median(firsts[lib]) * 1e3,
                             min(firsts[lib]) * 1e3, 20, "ms"),
                       Check("widget latency, first call, at full speed", who, full[lib][1] * 1e3,
                             min(firsts[lib]) * 1e3, 20, "ms")]
    return {"widget-latency": {c.label: c for c in contenders}, "first-call": firsts,
            "probe-pairs": {lib: timed[lib] for lib in checked}}, checks


# --- import time ----------------------------------------------------------------------------------

_IMPORT_CODE = """
import sys, time
clock = time.CLOCK
t0 = clock(); import numpy
t1 = clock(); import dlcore
t2 = clock()
heavy = sorted(m for m in ("matplotlib", "scipy", "pandas", "sklearn", "torch", "ipywidgets", "tqdm", "IPython")
               if m in sys.modules)
print(t1 - t0, t2 - t1, ",".join(heavy))
"""


def _importtime_top(env, n=6):
    """dlcore's slowest modules by self time, from one ``python -X importtime`` run."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import numpy; import dlcore"],
                         capture_output=True, text=True, env=env, cwd=str(BENCH), check=True)
    entries = []
    for ln in out.stderr.splitlines():
        parts = ln[len("import time:"):].split("|") if ln.startswith("import time:") else []
        if len(parts) == 3 and parts[0].strip().isdigit():
            entries.append((int(parts[0]), parts[2].rstrip()))
    tops = [i for i, (_, name) in enumerate(entries) if name == " numpy"]   # numpy's own line closes its tree
    mine = entries[tops[-1] + 1:] if tops else entries
    return sorted(mine, key=lambda e: -e[0])[:n]


def bench_import(cfg):
    print("\n== import: what `import dlcore` adds to `import numpy`, fresh processes, bytecode cached ==")
    code = _IMPORT_CODE.replace("CLOCK", _common.clock.__name__)
    runs = []
    env = _child_env()
    for i in range(cfg.import_runs + 1):                 # the first run writes the bytecode and warms the file cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                             cwd=str(BENCH), check=True)
        t_np, t_dl, heavy = (out.stdout.split() + [""])[:3]
        if i:
            runs.append((float(t_np), float(t_dl), heavy))
    top = _importtime_top(env)
    numpy_t = statistics.median(r[0] for r in runs)
    added = [r[1] for r in runs]
    heavy = runs[-1][2]
    print(f"  import numpy: {fmt_time(numpy_t)} (median of {len(runs)})")
    print(f"  import dlcore after numpy: {fmt_time(statistics.median(added))} (median), "
          f"{fmt_time(min(added))} – {fmt_time(max(added))}")
    print(f"  heavy modules loaded by import dlcore: {heavy or 'none'}")
    print("  slowest modules imported by dlcore (self time, one -X importtime run): "
          + ", ".join(f"{name.strip()} {us / 1e3:.1f} ms" for us, name in top))
    return {"import": {"numpy": numpy_t, "dlcore_added": added}}, [
        Check("import dlcore adds to import numpy", "import dlcore", statistics.median(added) * 1e3, min(added) * 1e3, 50, "ms")]


BENCHES = {
    "widget-size": bench_widget_size,
    "digits": bench_digits,
    "images": bench_images,
    "gemm-floor": bench_gemm_floor,
    "widget-latency": bench_widget_latency,
    "import": bench_import,
}


# --- main --------------------------------------------------------------------------------------

class Config:
    def __init__(self, args, threads):
        self.threads = _common.Threads(threads)
        self.rounds = args.rounds or (3 if args.quick else 7)
        self.block = args.block or (0.05 if args.quick else 0.2)
        self.first_calls = 1 if args.quick else 3
        self.probe_pairs = 9 if args.quick else 41
        self.import_runs = 3 if args.quick else 9


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--label", default="", help="a heading for this run (the Makefile names the BLAS configuration)")
    p.add_argument("--quick", action="store_true", help="3 short rounds instead of 7 (a smoke run, noisier numbers)")
    p.add_argument("--only", action="append", choices=NAMES, metavar="NAME",
                   help=f"run only this benchmark; repeat for several. One of: {', '.join(NAMES)}")
    p.add_argument("--threads", default="1", help="threads for every pool: 1 (default), 2, or a list like 1,2")
    p.add_argument("--rounds", type=int, help="interleaved rounds per benchmark (default 7, --quick 3)")
    p.add_argument("--block", type=float, help="seconds per timed block (default 0.2, --quick 0.05)")
    p.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                   help="wall time (default) or the process's CPU time (steadier on a busy machine, 1 thread only)")
    p.add_argument("--json", metavar="FILE", help="also write the per-round times to FILE")
    args = p.parse_args(argv)
    thread_counts = [int(t) for t in args.threads.split(",")]
    _common.set_clock(args.clock)
    names = args.only or NAMES

    print("dlcore benchmarks: ratios against references run in the same process, interleaved rounds")
    if args.label:
        print(f"configuration: {args.label}")
    for line in _common.environment_lines(BLAS_AT_START, args.threads):
        print(line)
    found = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    blas = found.group(1) if found else "?"
    print(f"dlcore {dlcore.__version__}, torch {torch.__version__} (BLAS {blas}, CPU capability "
          f"{torch.backends.cpu.get_cpu_capability()}), scikit-learn {sklearn.__version__}")
    print(f"timing: {args.clock} clock; per step = block time / steps; median and min – max over rounds; "
          "each contender warmed up first")

    all_checks, dump = [], {}
    for n in thread_counts:
        cfg = Config(args, n)
        cfg.threads.pin()
        print(f"\n######## {n} thread(s): {cfg.rounds} rounds of ~{cfg.block:g} s blocks"
              + (", 0.2 s pause when switching between numpy and torch" if cfg.threads.pause else ""))
        pools = ", ".join(f"{lib['prefix']} {lib['num_threads']}" for lib in threadpoolctl.threadpool_info())
        print(f"threads now: {pools}; torch.get_num_threads() {torch.get_num_threads()}")
        idle = (os.cpu_count() or 1) - os.getloadavg()[0] if hasattr(os, "getloadavg") else n
        if n > 1 and idle < n:
            print(f"WARNING: about {max(idle, 0):.1f} idle CPU(s) for {n} threads: spinning worker threads then wait "
                  "for each other and times can grow tenfold; these numbers say little")
        for name in names:
            if name == "import" and n != thread_counts[0]:
                continue
            results, checks = BENCHES[name](cfg)
            all_checks += [(n, c) for c in checks]
            for key, res in results.items():
                dump[f"{key}@{n}"] = {k: (v.times if isinstance(v, Contender) else v) for k, v in res.items()}

    print("\n== targets (from the performance issue; printed, never asserted) ==")
    print("from medians (typical rounds) and from minimums (the least disturbed rounds; on a busy machine closer "
          "to what an idle one gives)")
    rows = []
    for n, c in all_checks:
        rows.append([f"{n}", c.what, c.who, c.target_text, c.show(c.median), "met" if c.met(c.median) else "NOT met",
                     c.show(c.best), "met" if c.met(c.best) else "NOT met"])
    print(table(rows, ["threads", "what", "measured as", "target", "medians", "", "minimums", ""]))
    print("rows marked (reference) apply a target to the hand-written numpy steps it was set from "
          "(bench/_reference.py): where they miss it too, this machine, at this moment, is slower than "
          "the one the target was set on")
    if args.json:
        Path(args.json).write_text(json.dumps(dump, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared pieces of the benchmarks: thread pinning, interleaved timing, printing.

Nothing here asserts a time. Every number is measured in the same process as
the reference it is compared with, in alternating rounds, so that a slow or
busy machine slows both sides alike and the ratios stay meaningful.
"""

import gc
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent      # the repository: benchmark the checkout's dlcore
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402  (after the path set-up on purpose)
import threadpoolctl  # noqa: E402


# --- the machine and its BLAS ------------------------------------------------------

def numpy_blas_info():
    """threadpoolctl's view of the BLAS numpy uses (call before torch/scipy load theirs)."""
    rows = []
    for lib in threadpoolctl.threadpool_info():
        if lib.get("user_api") == "blas":
            rows.append({k: lib.get(k) for k in ("internal_api", "architecture", "version", "num_threads", "prefix")})
    return rows


def interpreter_probe():
    """Seconds for ``sum(range(1000))``: how fast this Python runs plain Python code (best of 5)."""
    import timeit
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000


def speed_probe():
    """A fixed piece of plain Python work, about 2 ms: 100 times ``sum(range(1000))``.

    Timed right before a task, it says how fast the machine ran at that moment.
    On a shared machine that speed changes by a factor of two or more from one
    second to the next, for plain Python as much as for numpy (see
    bench/README.md), so an absolute time is compared with a target as
    ``task ÷ probe`` from the same moment, times the fastest probe of the run.
    """
    for _ in range(100):
        sum(range(1000))


def at_full_speed(tasks, pairs):
    """Time each task right after a :func:`speed_probe`, ``pairs`` times, in alternation.

    ``tasks`` maps names to callables (one run each). Returns, per name, the
    lists of (probe seconds, task seconds), and the fastest probe of all.
    The garbage collector is paused for each pair.
    """
    timed = {name: [] for name in tasks}
    for _ in range(pairs):
        for name, task in tasks.items():
            gc.collect()
            gc.disable()
            try:
                t0 = clock()
                speed_probe()
                t1 = clock()
                task()
                t2 = clock()
            finally:
                gc.enable()
            timed[name].append((t1 - t0, t2 - t1))
    fastest = min(p for pairs_ in timed.values() for p, _ in pairs_)
    return timed, fastest


def full_speed_estimate(pairs, fastest_probe):
    """The task's time at the machine's full speed: median of task ÷ probe, times the fastest probe."""
    return statistics.median(t / p for p, t in pairs) * fastest_probe


def environment_lines(blas_rows, threads):
    """A few lines saying what was measured with what."""
    lines = [
        f"python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} CPU(s), "
        f"benchmark threads: {threads}",
        f"interpreter probe: sum(range(1000)) takes {interpreter_probe() * 1e6:.1f} µs now (it moves with "
        "the Python build and with how busy the machine is; the Python-level part of every small step "
        "moves with it)",
    ]
    for row in blas_rows:
        lines.append(
            f"numpy BLAS: {row['internal_api']} {row['version']} ({row['prefix']}), kernel "
            f"architecture {row['architecture']}, {row['num_threads']} thread(s) by default"
        )
    if not blas_rows:
        lines.append("numpy BLAS: threadpoolctl found none (reference BLAS?)")
    try:
        load = os.getloadavg()[0]
        busy = load > 0.5 * (os.cpu_count() or 1)
        lines.append(f"load average (1 min): {load:.2f}" + (" -- the machine is busy: expect noise, or try --clock cpu" if busy else ""))
    except OSError:
        pass
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        if os.environ.get(var):
            lines.append(f"{var}={os.environ[var]} is set (left as it is)")
    return lines


class Threads:
    """Pin every thread pool (numpy's BLAS, OpenMP, PyTorch's intra-op pool) to ``n`` threads."""

    def __init__(self, n):
        self.n = n
        self._limits = None

    def pin(self):
        if self._limits is not None:
            self._limits.restore_original_limits()
        self._limits = threadpoolctl.threadpool_limits(limits=self.n)
        if "torch" in sys.modules:
            sys.modules["torch"].set_num_threads(self.n)

    @property
    def pause(self):
        """Seconds to rest between contenders: idle BLAS/OpenMP workers spin for a while after a call."""
        return 0.2 if self.n > 1 else 0.0


# --- timing ---------------------------------------------------------------------------

@dataclass
class Contender:
    """One side of a comparison.

    ``run(k)`` performs ``k`` steps. ``group`` names the runtime ("numpy",
    "torch"): switching group leaves a pause when several threads are in use.
    """

    label: str
    run: callable
    group: str = "numpy"
    note: str = ""
    times: list = field(default_factory=list)   # seconds per step, one per round
    steps: int = 0

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def lo(self):
        return min(self.times)

    @property
    def hi(self):
        return max(self.times)


CLOCKS = {
    "wall": time.perf_counter,
    # CPU time of the whole process: at 1 thread, time spent waiting for a CPU that other
    # programs hold is left out, so a busy machine disturbs the numbers less. At 2 threads it
    # also counts spinning worker threads: use wall time there.
    "cpu": time.process_time,
}
clock = CLOCKS["wall"]


def clock_name():
    return next(k for k, v in CLOCKS.items() if v is clock)


def set_clock(name):
    global clock
    clock = CLOCKS[name]


def _timed(run, k):
    gc.collect()
    gc.disable()
    try:
        t0 = clock()
        run(k)
        return clock() - t0
    finally:
        gc.enable()


def calibrate(run, block_seconds, max_steps=100_000):
    """Number of steps that take about ``block_seconds`` (also warms ``run`` up)."""
    k = 1
    while True:
        dt = _timed(run, k)
        if dt >= block_seconds / 5 or k >= max_steps:
            break
        k *= 4 if dt < block_seconds / 50 else 2
    return max(1, min(max_steps, round(k * block_seconds / max(dt, 1e-9))))


def interleave(contenders, *, rounds, block_seconds, threads):
    """Time the contenders in alternation: round after round, each runs one block of steps.

    Each contender is warmed up and calibrated first (about ``block_seconds``
    per block). Per-step times (block time / steps) go to ``contender.times``.
    """
    for c in contenders:
        threads.pin()
        c.steps = calibrate(c.run, block_seconds)
        time.sleep(threads.pause)
    previous = None
    for _ in range(rounds):
        for c in contenders:
            if previous is not None and previous != c.group:
                time.sleep(threads.pause)
            c.times.append(_timed(c.run, c.steps) / c.steps)
            previous = c.group
    return contenders


def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def fmt_span(c):
    return f"{fmt_time(c.lo)} – {fmt_time(c.hi)}"


def table(rows, headers):
    """Plain text table, columns padded to fit."""
    rows = [[str(x) for x in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)), "  ".join("-" * w for w in widths)]
    out += ["  ".join(x.ljust(w) for x, w in zip(r, widths)) for r in rows]
    return "\n".join(out)

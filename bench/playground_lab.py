"""The playground's frame rate and pause latency in a real JupyterLab, in headless Chromium.

    .venv/bin/python bench/playground_lab.py                 # in the reader's environment
    .venv/bin/python bench/playground_lab.py --seconds 8 --rounds 3 --data circles --hidden 4,4

Starts ``jupyter lab`` on 127.0.0.1 over a temporary folder holding one notebook
with one playground cell, runs it, and for each round presses *play*, watches the
figure for ``--seconds`` and presses *pause*. Inside the page, every new ``src``
of the figure's image is time-stamped when the browser has decoded it. Printed:

- frames per second while playing (new images arriving in the page, counted
  over the playing time with its first second left out, so that start-up does
  not count; each is a distinct frame the kernel drew: the page sees as many
  as the panel's tick counter counts);
- pause latency: from the click on *pause* to the last new image shown
  (decoded): frames already under way still arrive;
- the machine's load average, for context: on a shared machine other
  processes take the cores the kernel and the browser need.

Nothing is asserted: the issue's target (at least 10 frames a second on 2
cores) is printed beside the measurement as "met" or "NOT met".
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_FPS = 10

# Time-stamps each new src of the image (after it has loaded) in window.__frames.
OBSERVE = """img => {
    window.__frames = [];                              // a new round: the observer below stays
    if (window.__observed === img) return;
    window.__observed = img;
    let last = img.getAttribute('src');
    new MutationObserver(() => {
        const src = img.getAttribute('src');
        if (src === last) return;                       // the same image set again: not a new frame
        last = src;
        const t = performance.now();
        img.decode().then(() => window.__frames.push([t, performance.now(), src])).catch(() => {});
    }).observe(img, {attributes: true, attributeFilter: ['src']});
}"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def notebook(cell):
    return {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": cell}],
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
            "nbformat": 4, "nbformat_minor": 5}


def start_lab(folder):
    """A JupyterLab server over ``folder`` (settings kept inside it); returns (process, base url, token)."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        env[name] = str(folder / name.lower())
    news = folder / "jupyterlab_settings_dir" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
               f"--port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={token}",
               f"--ServerApp.root_dir={folder / 'notebooks'}", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    log = open(folder / "jupyter-lab.log", "wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                              cwd=folder, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5) as response:
                if response.status == 200:
                    return server, base, token
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("JupyterLab did not start:\n" + (folder / "jupyter-lab.log").read_text()[-2000:])
        time.sleep(0.5)


def stop_lab(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def measure(page, panel, seconds):
    """One round: play for ``seconds``, pause; returns frames per second and two pause latencies (seconds):
    to the last new image shown, and to its arrival in the page."""
    image = panel.locator("img.widget-image").first
    page.evaluate(OBSERVE, image.element_handle())
    start = page.evaluate("performance.now()")
    panel.locator(".widget-toggle-button", has_text="play").click()
    time.sleep(seconds)
    pause = panel.locator(".widget-toggle-button", has_text="pause")
    # The moment of the click, as the page sees it (Playwright takes a while to find and press it).
    pause.evaluate("b => b.addEventListener('click', () => { window.__clicked = performance.now(); }, {once: true})")
    pause.click()
    time.sleep(2.0)                                           # every frame still under way arrives
    clicked = page.evaluate("window.__clicked")
    frames = page.evaluate("window.__frames")
    arrived = [t for t, _, _ in frames]                       # when each new image reached the page
    shown = [t for _, t, _ in frames]                         # when the browser had decoded it
    window = (clicked - start - 1000) / 1000                 # seconds of playing counted
    fps = sum(start + 1000 <= t <= clicked for t in arrived) / window
    latency = max(0.0, (max(shown) - clicked) / 1000) if shown else float("nan")
    arrival = max(0.0, (max(arrived) - clicked) / 1000) if arrived else float("nan")
    return fps, latency, arrival


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds of playing per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", default="spirals")
    parser.add_argument("--hidden", default="8,8")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    hidden = tuple(int(n) for n in args.hidden.split(",") if n.strip())
    cell = f"from dlcore import widgets\n\npg = widgets.playground(data={args.data!r}, hidden={hidden!r})\npg"
    folder = Path(tempfile.mkdtemp(prefix="playground-bench-"))
    (folder / "notebooks").mkdir()
    (folder / "notebooks" / "bench.ipynb").write_text(json.dumps(notebook(cell)))
    server, base, token = start_lab(folder)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or os.environ.get("CHROMIUM")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{base}/lab/tree/bench.ipynb?reset&token={token}", wait_until="domcontentloaded")
            page.locator("#jp-main-statusbar").get_by_text("Idle").wait_for(timeout=90_000)
            page.locator(".jp-Notebook .jp-Cell").first.click()
            page.keyboard.press("Shift+Enter")
            panel = page.locator(".jp-OutputArea-output .widget-vbox:has(img.widget-image)"
                                 ":has(.widget-toggle-button)").first
            panel.wait_for(timeout=120_000)
            panel.scroll_into_view_if_needed()
            time.sleep(1.0)
            results = [measure(page, panel, args.seconds) for _ in range(args.rounds)]
            browser.close()
    finally:
        stop_lab(server)
        shutil.rmtree(folder, ignore_errors=True)

    fps = [r[0] for r in results]
    latency = [r[1] for r in results]
    print(f"playground in JupyterLab ({args.data}, hidden {hidden}), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}, {args.rounds} rounds of {args.seconds:g} s")
    print(f"  frames per second while playing: median {statistics.median(fps):.1f} "
          f"(rounds: {', '.join(f'{v:.1f}' for v in fps)})  target >= {TARGET_FPS}: "
          f"{'met' if statistics.median(fps) >= TARGET_FPS else 'NOT met'}")
    print(f"  pause latency (click -> last frame shown): median {statistics.median(latency) * 1000:.0f} ms "
          f"(rounds: {', '.join(f'{v * 1000:.0f}' for v in latency)} ms)")
    arrival = [r[2] for r in results]
    print(f"  of which the last frame reached the page after: median {statistics.median(arrival) * 1000:.0f} ms "
          f"(rounds: {', '.join(f'{v * 1000:.0f}' for v in arrival)} ms)")


if __name__ == "__main__":
    main()

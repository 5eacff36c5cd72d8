"""The playground in a real JupyterLab, driven in headless Chromium: play animates the figure, pause stops it.

Writes a notebook with one playground cell into the folder of test_lab's JupyterLab
server (a temporary copy of ``chapters/``), runs it, presses play and watches the
figure's image change, presses pause and watches it stay still. No timing is
asserted beyond "changes within seconds" (bench/playground_lab.py measures the
frame rate and the pause latency). Screenshots go to ``_build/screenshots/lab/``.
"""

import json
import time
from pathlib import Path

import pytest

from test_lab import lab_server  # noqa: F401  (the module-scoped JupyterLab server fixture)
from test_lab import local_page, open_and_run_all

pytestmark = pytest.mark.lab

NOTEBOOK = "playground_lab.ipynb"
CELL = "from dlcore import widgets\n\npg = widgets.playground(data=\"spirals\", hidden=(8, 8))\npg"
PANEL = ".jp-OutputArea-output .widget-vbox:has(img.widget-image):has(.widget-toggle-button)"

# Collects the distinct srcs the image shows during `ms` milliseconds (polling every 20 ms).
WATCH = """([img, ms]) => new Promise(resolve => {
    const seen = new Set([img.getAttribute('src')]);
    const timer = setInterval(() => seen.add(img.getAttribute('src')), 20);
    setTimeout(() => { clearInterval(timer); resolve(seen.size); }, ms);
})"""


def write_notebook(folder):
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": CELL}
    notebook = {"cells": [cell], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                             "name": "python3"}},
                "nbformat": 4, "nbformat_minor": 5}
    (folder / NOTEBOOK).write_text(json.dumps(notebook), encoding="utf-8")


def test_play_animates_the_playground_and_pause_stops_it(browser, lab_server, screenshot_dir):  # noqa: F811
    shots = screenshot_dir / "lab"
    shots.mkdir(exist_ok=True)
    write_notebook(Path(lab_server["log"]).parent / "chapters")
    context, page, external, page_errors = local_page(browser, lab_server["base"])
    try:
        open_and_run_all(page, lab_server, "playground", NOTEBOOK)
        panel = page.locator(PANEL).first
        panel.wait_for(timeout=120_000)
        image = panel.locator("img.widget-image").first
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                               timeout=30_000)
        panel.screenshot(path=str(shots / "playground_before.png"))
        play = panel.locator(".widget-toggle-button", has_text="play")
        epoch_before = panel.locator(".widget-html-content", has_text="epoch").first.inner_text()

        play.click()
        distinct = page.evaluate(WATCH, [image.element_handle(), 2500])
        assert distinct >= 4, f"the figure showed {distinct} images in 2.5 s of playing: it does not animate"
        panel.locator(".widget-toggle-button", has_text="pause").click()
        time.sleep(0.5)                                   # frames already on their way may still arrive
        still = page.evaluate(WATCH, [image.element_handle(), 1500])
        assert still == 1, f"the figure changed {still - 1} times after pause"
        epoch_after = panel.locator(".widget-html-content", has_text="epoch").first.inner_text()
        assert epoch_after != epoch_before
        panel.screenshot(path=str(shots / "playground_after.png"))
        assert panel.locator(".widget-toggle-button", has_text="play").count() == 1
        assert panel.locator("pre", has_text="Error").count() == 0, "the panel shows an error"
        assert page_errors == [], "JavaScript errors in JupyterLab"
        assert external == [], "JupyterLab asked another host for these"
    except Exception:
        page.screenshot(path=str(shots / "playground_failure.png"))
        print(Path(lab_server["log"]).read_text(errors="replace")[-3000:])
        raise
    finally:
        context.close()

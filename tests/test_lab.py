"""A chapter in a real JupyterLab, driven in headless Chromium the way a reader uses it.

Starts ``jupyter lab`` on 127.0.0.1 over a temporary copy of ``chapters/``
(nothing in the repository is touched), opens each chapter, runs all cells from
the Run menu, and for every live panel moves its first slider (or ticks its
first checkbox) with the keyboard and checks that its figure is redrawn. Screenshots go to ``_build/screenshots/lab/``.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

pytestmark = pytest.mark.lab

# Every chapter with a live panel; each is opened, run and driven in turn.
NOTEBOOKS = sorted(path.name for path in (ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))
SERVER_START_SECONDS = 90
RUN_ALL_SECONDS = 150
SETTLE_MS = 3000
# A live panel: a widget box holding a control (a slider or a checkbox) and the figure image.
LIVE_PANEL = (".jp-OutputArea-output .widget-vbox:has(img.widget-image)"
              ":is(:has(.widget-slider), :has(.widget-checkbox))")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    """A JupyterLab server over a copy of the chapters; always shut down afterwards."""
    workdir = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "chapters", workdir / "chapters")
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        env[name] = str(workdir / name.lower())  # keep the reader's own Jupyter settings out of it
    # Do not ask about the Jupyter news feed: its pop-up would cover the notebook.
    notification = workdir / "jupyterlab_settings_dir" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # Every cell drawn, not only those near the view (JupyterLab's default windowing draws cells as
    # they scroll in): the checks below look at every cell. With windowing, this test's scrolling
    # through a chapter it had run met an error inside JupyterLab ("Cannot read properties of
    # undefined (reading 'node')", from jlab_core) that a plain scroll of the same chapter did not.
    tracker = workdir / "jupyterlab_settings_dir" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    log_path = workdir / "jupyter-lab.log"
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={workdir / 'chapters'}",
        # No news feed and no update check: both would ask the internet.
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  env=env, cwd=workdir, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail("JupyterLab did not start:\n" + log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.5)
        yield {"base": base, "token": token, "log": log_path}
    finally:
        # SIGTERM lets the server shut its kernels down; the process group
        # (server and kernels, started in their own session) goes if it lingers.
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


def local_page(browser, base):
    """A new browser context and page that may load only from the JupyterLab server at ``base``.

    Returns ``(context, page, external, page_errors)``: the two lists fill with the requests that
    were refused and with the page's JavaScript errors.
    """
    external, page_errors = [], []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})

    def keep_local(route):
        if urlsplit(route.request.url).netloc == urlsplit(base).netloc or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", keep_local)
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    return context, page, external, page_errors


def open_and_run_all(page, lab_server, workspace, notebook):
    """Open ``notebook`` in a workspace of its own and choose Run → Run All Cells, as a reader would."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # A workspace of its own (reset): only this notebook is open, so nothing from a notebook
    # tested before can match the locators of the test.
    page.goto(f"{lab_server['base']}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={lab_server['token']}",
              wait_until="domcontentloaded")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    # The kernel has started once the status bar names it and says it is idle.
    page.locator("#jp-main-statusbar").get_by_text(re.compile(r"Python 3.*\| Idle")).wait_for(timeout=90_000)
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-item:visible .lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    kernel_dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    try:  # asked only if the kernel was not yet attached: accept the notebook's own
        kernel_dialog.wait_for(timeout=2_000)
        kernel_dialog.get_by_role("button", name="Select").click()
    except PlaywrightTimeout:
        pass


# Scrolls the open notebook from top to bottom, looking at each cell as JupyterLab draws it.
SCAN_NOTEBOOK = """async () => {
    const outer = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
    const raw = [], boxes = new WeakSet(), listings = new WeakSet(), collapsed = new WeakSet(), openCode = [];
    let nBoxes = 0, nListings = 0, nCollapsed = 0;
    outer.scrollTop = 0;
    for (let step = 0; step < 600; step++) {
        await new Promise(resolve => setTimeout(resolve, 80));
        for (const cell of document.querySelectorAll('.jp-MarkdownCell .myst')) {
            if (/:::\\{|```\\{/.test(cell.innerText)) raw.push(cell.innerText.slice(0, 80));
        }
        for (const box of document.querySelectorAll('.jp-MarkdownCell aside.myst-admonition')) {
            if (!boxes.has(box) && box.querySelector('mjx-container, .katex, .MathJax')) { boxes.add(box); nBoxes++; }
        }
        for (const out of document.querySelectorAll('.jp-OutputArea-output')) {
            if (!listings.has(out) && /^dlcore\\/.*\\.py: /.test(out.innerText.trim())) { listings.add(out); nListings++; }
        }
        for (const cell of document.querySelectorAll('.jp-CodeCell')) {
            if (cell.querySelector('.jp-InputPlaceholder') && !collapsed.has(cell)) { collapsed.add(cell); nCollapsed++; }
            const editor = cell.querySelector('.jp-InputArea-editor');
            if (editor && editor.offsetParent !== null && editor.innerText.trimStart().startsWith('# Solution')) {
                openCode.push(editor.innerText.slice(0, 60));
            }
        }
        if (outer.scrollTop + outer.clientHeight >= outer.scrollHeight - 2) break;
        outer.scrollTop += Math.floor(outer.clientHeight * 0.7);
    }
    return {raw, boxesWithMath: nBoxes, listings: nListings, collapsedInputs: nCollapsed, openSolutionCode: openCode};
}"""


def expected_structure(path):
    """What the scan must find, counted from the notebook itself."""
    import json

    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = notebook["cells"]
    states = notebook["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    sources = ["".join(cell["source"]) for cell in cells]
    return {
        "boxes_with_math": sum(1 for s in sources
                               for box in re.findall(r"^```\{admonition\}.*?^```$", s, re.S | re.M) if "$" in box),
        "listings": sum(1 for cell, s in zip(cells, sources) if cell["cell_type"] == "code" and "show_source(" in s),
        "solution_code_cells": sum(1 for cell, s in zip(cells, sources)
                                   if cell["cell_type"] == "code" and s.startswith("# Solution")),
        # every stored live panel (a widget view) with a slider or a checkbox among its children's states
        "live_panels": sum(1 for cell in cells if cell["cell_type"] == "code" for out in cell.get("outputs", [])
                           if "application/vnd.jupyter.widget-view+json" in out.get("data", {})
                           and _has_control(out["data"]["application/vnd.jupyter.widget-view+json"]["model_id"],
                                            states)),
    }


# Installs a timer in the page: the time of the first keydown, and the time the figure's image next
# shows a new picture (its src changed and the new picture decoded).
IN_PAGE_TIMER = """img => {
    const timer = window.__redraw = {pressed: null, shown: null};
    document.addEventListener('keydown', () => { timer.pressed ??= performance.now(); },
                              {capture: true, once: true});
    const observer = new MutationObserver(() => {
        observer.disconnect();
        img.decode().then(() => { timer.shown = performance.now(); },
                          () => { timer.shown = performance.now(); });
    });
    observer.observe(img, {attributes: true, attributeFilter: ['src']});
}"""


def _has_control(model_id, states, seen=None):
    """Whether the stored widget ``model_id`` is, or holds, a slider or a checkbox."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in states:
        return False
    seen.add(model_id)
    model = states[model_id]
    if model["model_name"].endswith(("SliderModel", "CheckboxModel")):
        return True
    children = model.get("state", {}).get("children", [])
    return any(_has_control(child.removeprefix("IPY_MODEL_"), states, seen) for child in children)


def drive_panel(page, panel, shot_prefix):
    """Move the panel's first slider (or tick its first checkbox) with the keyboard; its figure must redraw."""
    panel.scroll_into_view_if_needed()
    image = panel.locator("img.widget-image").first
    slider = panel.locator(".widget-slider")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                           timeout=30_000)
    panel.screenshot(path=f"{shot_prefix}_before.png")
    src_before = image.get_attribute("src")
    # Timed inside the page: from the first key press (keydown) to the new image decoded.
    page.evaluate(IN_PAGE_TIMER, image.element_handle())

    started = time.perf_counter()
    if slider.count():  # move the first slider with the keyboard
        readout = slider.first.locator(".widget-readout")
        value_before = readout.inner_text()
        slider.first.locator(".noUi-handle").first.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        if readout.inner_text() == value_before:  # the slider was at its maximum
            for _ in range(3):
                page.keyboard.press("ArrowLeft")
        assert readout.inner_text() != value_before, "the slider did not move with the arrow keys"
    else:  # a panel of checkboxes: tick or untick the first with the keyboard
        checkbox = panel.locator(".widget-checkbox input[type=checkbox]").first
        checked_before = checkbox.is_checked()
        checkbox.focus()
        page.keyboard.press("Space")
        assert checkbox.is_checked() != checked_before, "the checkbox did not change with the space bar"
    page.wait_for_function(
        "([img, before]) => img.getAttribute('src') !== before && img.complete && img.naturalWidth > 0",
        arg=[image.element_handle(), src_before], timeout=15_000,
    )
    seconds = time.perf_counter() - started
    in_page = page.wait_for_function("() => window.__redraw && window.__redraw.shown && "
                                     "window.__redraw.shown - window.__redraw.pressed", timeout=15_000).json_value()
    print(f"{shot_prefix.name}: key press to redrawn figure in JupyterLab: {in_page:.0f} ms in the page "
          f"({seconds * 1000:.0f} ms as the test drove it)")
    # Let the redraws of all three key presses arrive before the screenshot.
    page.wait_for_function(
        """img => new Promise(resolve => {
            const src = img.getAttribute('src');
            setTimeout(() => resolve(img.getAttribute('src') === src), 700);
        })""",
        arg=image.element_handle(), timeout=15_000,
    )
    panel.screenshot(path=f"{shot_prefix}_after.png")
    assert image.get_attribute("src") != src_before
    assert panel.locator("pre", has_text="Error").count() == 0, "the panel shows a drawing error"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_a_chapter_runs_and_its_widget_redraws_in_jupyterlab(browser, lab_server, screenshot_dir, notebook):
    shots = screenshot_dir / "lab"
    shots.mkdir(exist_ok=True)
    stem = notebook.removesuffix(".ipynb")
    context, page, external, page_errors = local_page(browser, lab_server["base"])
    try:
        open_and_run_all(page, lab_server, stem, notebook)
        page.wait_for_function(
            """() => {
                const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                return prompts.length > 0 && prompts.every(p => !p.textContent.includes('*'))
                    && !prompts.some(p => /\\[\\s*\\]/.test(p.textContent));
            }""",
            timeout=RUN_ALL_SECONDS * 1000,
        )

        panels = page.locator(LIVE_PANEL)
        panels.first.wait_for(timeout=30_000)
        # A reader reads before moving a slider: let the page finish drawing the outputs of a long
        # chapter first (right after Run All, the first move in chapters 9 and 10 waited 2-8 s for
        # the browser, not for the kernel), so that the latencies printed below are the panels'.
        page.wait_for_timeout(SETTLE_MS)
        n_panels = panels.count()
        for index in range(n_panels):
            drive_panel(page, panels.nth(index), shots / f"{stem}_panel{index + 1}")
        page.screenshot(path=str(shots / f"{stem}_notebook.png"))
        assert n_panels >= expected_structure(ROOT / "chapters" / notebook)["live_panels"]

        # The chapter reads as on the site (jupyterlab-myst): every Markdown cell rendered, with
        # no raw directive fence; closer-look boxes with their math; listings from show_source;
        # and each solution collapsed. JupyterLab renders only the cells near the view, so the
        # page is scrolled from top to bottom and each cell looked at when it is drawn.
        seen = page.evaluate(SCAN_NOTEBOOK)
        expected = expected_structure(ROOT / "chapters" / notebook)
        assert seen["raw"] == [], f"Markdown shown raw in JupyterLab: {seen['raw'][:3]}"
        assert seen["boxesWithMath"] >= expected["boxes_with_math"], seen
        assert seen["listings"] >= expected["listings"], seen
        assert seen["collapsedInputs"] >= expected["solution_code_cells"], seen
        assert seen["openSolutionCode"] == [], f"solution code open in JupyterLab: {seen['openSolutionCode'][:2]}"
        for kind, selector in (("closer_look", "aside.myst-admonition:has(.katex, mjx-container, .MathJax)"),
                               ("listing", ".jp-OutputArea-output:has(code):has-text('dlcore/')")):
            element = page.locator(selector).first
            if element.count():
                element.scroll_into_view_if_needed()
                element.screenshot(path=str(shots / f"{stem}_{kind}.png"))
        assert page_errors == [], "JavaScript errors in JupyterLab"
        assert external == [], "JupyterLab asked another host for these"
    except Exception:
        page.screenshot(path=str(shots / f"{stem}_failure.png"))
        print(lab_server["log"].read_text(errors="replace")[-3000:])
        raise
    finally:
        context.close()

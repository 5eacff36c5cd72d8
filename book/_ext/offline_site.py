"""A small Sphinx extension that keeps the published book self-contained.

Jupyter Book 1 pages load MathJax, RequireJS and the Jupyter widgets manager
from CDNs. ``_config.yml`` points them at copies served from the site itself
(``make book`` vendors them into ``book/_vendor/``). This extension

- fails the build (a warning, and the build runs with ``-W``) if any page
  still links a script or stylesheet from another host, so that the site
  keeps working with no network;
- removes scripts that appear twice on a page. Jupyter Book 1.0.4 with
  Sphinx 7.4 adds sphinx-thebe's inline ``const THEBE_JS_URL = ...`` script
  twice, and the second copy is a console error ("Identifier 'THEBE_JS_URL'
  has already been declared");
- gives the controls that the theme and myst-nb put on every page an
  accessible name that contains their visible text (WCAG 2.5.3, "label in
  name"), in the HTML as written, so that screen readers and voice control
  get the fix with no JavaScript (see ``ACCESSIBLE_NAME_FIXES``).
  ``tests/test_site.py`` runs axe-core on every page to check it;
- keeps search and MathJax's speech explorer working when the site is read
  from disk (``file://``), where browsers refuse fetch() and XMLHttpRequest
  (see "Reading the site from disk" below; ``tests/test_archive.py`` checks it).
"""

import json
import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _script_key(script):
    # An inline script's filename is None or "" depending on who added it.
    attributes = getattr(script, "attributes", {}) or {}
    return (str(getattr(script, "filename", script) or ""), tuple(sorted(attributes.items())))


def _is_remote(filename):
    return filename is not None and ("://" in str(filename) or str(filename).startswith("//"))


def clean_page_assets(app, pagename, templatename, context, doctree):
    """Drop duplicate scripts and report any asset that would load from another host."""
    scripts = context.get("script_files")
    if scripts is not None:
        unique, seen = [], set()
        for script in scripts:
            key = _script_key(script)
            if key in seen:
                continue
            seen.add(key)
            unique.append(script)
        context["script_files"] = unique
        for script in unique:
            if _is_remote(getattr(script, "filename", None)):
                logger.warning(
                    "page %s loads a script from another host: %s. Serve it from the site "
                    "(book/_vendor/, see the Makefile's vendor step) and point _config.yml at it.",
                    pagename, script.filename, type="offline_site",
                )
    for sheet in context.get("css_files") or []:
        if _is_remote(getattr(sheet, "filename", None)):
            logger.warning(
                "page %s loads a stylesheet from another host: %s. Serve it from the site instead.",
                pagename, sheet.filename, type="offline_site",
            )


# --- Reading the site from disk (file://) ------------------------------------------
#
# The README tells readers to open _build/html/index.html, and `make book` packs the
# site into an archive to be opened from disk. Chromium refuses fetch() and
# XMLHttpRequest to file: URLs, which breaks two things that work over http:
#
# - the search page fetches each result's page to show a summary under its title
#   (an uncaught "Failed to fetch" per result). The index itself is a script
#   (searchindex.js) and works; from disk, results are listed without summaries.
# - MathJax's accessibility explorer (Accessibility menu) loads its speech rules,
#   sre/mathmaps/<locale>.json, with XMLHttpRequest ("Unexpected end of JSON input").
#   The build writes each of them as a script beside it (<locale>.js) and, on pages
#   read from disk, MathJax's speech engine is given a loader that adds that script.
#
# Both are guarded by `location.protocol === "file:"`: the site served over http is
# unchanged.

_FILE_PROTOCOL_SEARCH_JS = """\
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;  /* summaries need fetch(), refused on file: URLs */
}"""

# Runs after Sphinx's own `window.MathJax = {...}` configuration and before MathJax
# itself (a deferred script). The loader calls checkReady once a11y/sre.js has run,
# which has just set window.SREfeature, and before the speech engine reads it.
_FILE_PROTOCOL_MATHJAX_JS = """\
if (window.location.protocol === "file:") {
  (function () {
    var mathjax = window.MathJax = window.MathJax || {};
    var loader = mathjax.loader = mathjax.loader || {};
    loader["a11y/sre"] = loader["a11y/sre"] || {};
    loader["a11y/sre"].checkReady = function () {
      var feature = window.SREfeature;
      if (feature && feature.json) {
        feature.custom = function (locale) {
          return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = String(feature.json).replace(/\\/$/, "") + "/" + locale + ".js";
            script.onload = function () {
              var rules = (window.bookSreLocales || {})[locale];
              if (rules) { resolve(JSON.stringify(rules)); }
              else { reject(new Error("no speech rules in " + script.src)); }
            };
            script.onerror = function () { reject(new Error("cannot load " + script.src)); };
            document.head.appendChild(script);
          });
        };
      }
      return Promise.resolve();
    };
  })();
}"""

# Between Sphinx's MathJax configuration and MathJax's own (deferred) script, both at 500.
_FILE_PROTOCOL_SCRIPT_PRIORITY = 501


def add_file_protocol_scripts(app, pagename, templatename, context, doctree):
    """Add the file:// fallbacks above: search on every page (the theme loads searchtools.js
    on every page, from its template), MathJax's on the pages that load MathJax."""
    app.builder.add_js_file("", body=_FILE_PROTOCOL_SEARCH_JS, priority=_FILE_PROTOCOL_SCRIPT_PRIORITY)
    mathjax_path = str(app.config.mathjax_path or "")
    filenames = [str(getattr(script, "filename", "") or "") for script in context.get("script_files") or []]
    # Sphinx lists a relative mathjax_path under _static/.
    if mathjax_path and any(name == mathjax_path or name.endswith("/" + mathjax_path) for name in filenames):
        app.builder.add_js_file("", body=_FILE_PROTOCOL_MATHJAX_JS, priority=_FILE_PROTOCOL_SCRIPT_PRIORITY)


def write_speech_rules_as_scripts(app, exception):
    """Beside each sre/mathmaps/<locale>.json, write <locale>.js that registers the same rules.

    JSON is a JavaScript expression, so the file is the JSON text itself, assigned
    to window.bookSreLocales[<locale>]; a <script> tag loads it from disk.
    """
    if exception is not None or app.builder.format != "html":
        return
    mathjax_dir = (Path(app.outdir) / "_static" / (app.config.mathjax_path or "")).parent
    for rules in sorted((mathjax_dir / "sre" / "mathmaps").glob("*.json")):
        script = rules.with_suffix(".js")
        script.write_text(
            "(window.bookSreLocales = window.bookSreLocales || {})[%s] =\n%s;\n"
            % (json.dumps(rules.stem), rules.read_text(encoding="utf-8").strip()),
            encoding="utf-8",
        )


# --- Accessible names: the visible text is part of the name (WCAG 2.5.3) ----------------
#
# (what, why, pattern, replacement), applied to every page the build writes. Each
# pattern matches the markup as the package writes it and no longer matches once
# fixed, so applying the fixes twice changes nothing.
ACCESSIBLE_NAME_FIXES = [
    (
        "myst-nb's 'Show code cell source' toggles",
        "aria-label='Toggle hidden content' replaced the visible text; without it the name is "
        "what the toggle shows ('Show code cell source', 'Hide ...' when open)",
        re.compile(r'<summary aria-label="Toggle hidden content">'),
        "<summary>",
    ),
    (
        "the theme's search fields (pydata-sphinx-theme's search-button-field.html)",
        "aria-label='Search' left out the visible 'Ctrl+K'; the name is now what they show",
        re.compile(r'(<button class="[^"]*\bsearch-button-field\b[^"]*"[^>]*?) aria-label="[^"]*"'),
        r"\1",
    ),
    (
        "the icons of the theme's colour-mode button (theme-switcher.html)",
        "Font Awesome turns the title of the icon on show ('Light', 'Dark', 'System Settings') "
        "into an SVG <title>, text that is missing from the button's name, 'Color mode', and a "
        "second tooltip over the button's own; the icons are decorative",
        re.compile(r'<i class="theme-switch ([^"]*)"( data-mode="[^"]*")\s+title="[^"]*">'),
        r'<i aria-hidden="true" class="theme-switch \1"\2>',
    ),
    (
        "docutils' citation lists (the references page, sphinxcontrib-bibtex)",
        "a role='list' whose entries carry role='doc-biblioentry', deprecated in DPUB-ARIA 1.1 and "
        "not a list item to assistive technology (axe: aria-required-children); they become list items",
        re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry">'),
        r'\1 role="listitem">',
    ),
]


def fix_accessible_names(html):
    """Return ``html`` with every fix of ``ACCESSIBLE_NAME_FIXES`` applied."""
    for _what, _why, pattern, replacement in ACCESSIBLE_NAME_FIXES:
        html = pattern.sub(replacement, html)
    return html


def fix_written_pages(app, exception):
    """Apply ``fix_accessible_names`` to every page the HTML build wrote (not to _static/)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for path in outdir.rglob("*.html"):
        if path.relative_to(outdir).parts[0] in ("_static", "_sources"):
            continue
        html = path.read_text(encoding="utf-8")
        fixed = fix_accessible_names(html)
        if fixed != html:
            path.write_text(fixed, encoding="utf-8")


def setup(app):
    # After myst-nb has added a page's widget scripts (default priority 500).
    app.connect("html-page-context", clean_page_assets, priority=900)
    # After Sphinx has added MathJax (priority 500), before clean_page_assets.
    app.connect("html-page-context", add_file_protocol_scripts, priority=800)
    app.connect("build-finished", write_speech_rules_as_scripts)
    app.connect("build-finished", fix_written_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

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
  has already been declared").
"""

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


def setup(app):
    # After myst-nb has added a page's widget scripts (default priority 500).
    app.connect("html-page-context", clean_page_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

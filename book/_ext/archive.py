"""Pack the built book into one archive that works from disk (run by `make book`).

    python book/_ext/archive.py --site _build/html --notebooks chapters \\
        --config _config.yml --output _build/deep-learning-basics.zip

The archive holds one folder, ``deep-learning-basics/``: the whole built site
(open its ``index.html`` from disk), the chapter notebooks beside their pages
in ``chapters/``, and a ``README.txt``. The site itself is made to work from
``file://`` by the book's Sphinx extension (``offline_site.py``); this script
only packs it.

Entries are sorted, with a fixed time stamp (``SOURCE_DATE_EPOCH`` if set,
else 1980-01-01) and fixed permissions, so that the same site and notebooks
always give the same bytes. The archive is written beside its final name and
renamed into place, so a failed run never leaves half an archive behind.
"""

import argparse
import os
import sys
import time
import zipfile
from pathlib import Path

TOP = "deep-learning-basics"

# Never packed: Sphinx's build bookkeeping and other hidden files.
SKIPPED_NAMES = {".buildinfo"}

README = """\
{title}
{underline}

This folder is the book "{title}", to read with no network and no
installation: a web site that works from disk, and the chapters as Jupyter
notebooks.

Reading
-------

Open index.html (in this folder) in a web browser: double-click it, or drag
it onto a browser window. Every page, formula and animation works from disk;
nothing is fetched from the internet.

- Search works from disk, but lists the matching pages without the short
  excerpt under each title that the published site shows: the site reads
  excerpts with a request that browsers such as Chrome refuse for files on
  disk, so from disk it leaves them out.
- The rocket (launch) and repository buttons open Binder, Colab and the
  repository on the internet; they need a network.

The chapters as notebooks
-------------------------

The notebooks are in chapters/, each beside its web page and named like it
(a page's .html, its notebook's .ipynb). They are stored with their outputs,
so any notebook viewer shows them as they are in the book.

To run them and move their sliders, you need Python (3.11, as the book is
tested with; 3.10 or newer works) with JupyterLab and dlcore, the book's
small library, which pip installs from the book's repository (this needs
git and a network once; numpy, matplotlib, ipywidgets, scikit-learn and a
few more come with it):

    python -m venv venv
    venv/bin/python -m pip install jupyterlab "deep-learning-basics[book] @ git+{repository}"
    venv/bin/jupyter lab chapters/

(on Windows: venv\\Scripts\\python and venv\\Scripts\\jupyter). In JupyterLab,
open a chapter and choose Run > Run All Cells. Or get the whole repository,

    {repository}

and run `make lab` there (see its README.md).

Contents
--------

index.html     start here (it opens the introduction)
book/          the pages that are not chapters: introduction, how to use, glossary, references, API
chapters/      the chapter pages (.html) and notebooks (.ipynb)
_static/       the site's styles, fonts and scripts (MathJax, RequireJS, the widget manager)
_sources/      the source of every page, as the "download" buttons offer it
README.txt     this file
"""


def _config(path):
    """Title and repository address from the book's _config.yml."""
    import yaml  # PyYAML, a Jupyter Book dependency

    config = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    title = str(config.get("title") or "The book")
    repository = str((config.get("repository") or {}).get("url") or "").rstrip("/")
    if not repository:
        sys.exit(f"{path} sets no repository: url:, which README.txt needs for the install command")
    return title, repository


def _timestamp():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return time.gmtime(max(int(epoch), 315532800))[:6]  # zip cannot hold times before 1980
    return (1980, 1, 1, 0, 0, 0)


def archive_entries(site, notebooks, readme_text):
    """(name in the archive, bytes) for every entry, sorted by name."""
    site, notebooks = Path(site), Path(notebooks)
    if not (site / "index.html").is_file():
        sys.exit(f"No built site at {site} (no index.html). Build it first: make book")
    entries = {}
    for path in site.rglob("*"):
        relative = path.relative_to(site)
        if path.is_file() and relative.name not in SKIPPED_NAMES and not any(
            part.startswith(".") for part in relative.parts
        ):
            entries[f"{TOP}/{relative.as_posix()}"] = path
    chapters = sorted(notebooks.glob("*.ipynb"))
    if not chapters:
        sys.exit(f"No notebooks in {notebooks}")
    for notebook in chapters:
        name = f"{TOP}/chapters/{notebook.name}"
        if name in entries:
            sys.exit(f"{name} would be packed twice (the site already has it)")
        entries[name] = notebook
    entries[f"{TOP}/README.txt"] = readme_text.encode("utf-8")
    return sorted(entries.items())


def write_archive(entries, output):
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    stamp = _timestamp()
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, source in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100644 & 0xFFFF) << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, so that the permissions above are read
            data = source if isinstance(source, bytes) else source.read_bytes()
            archive.writestr(info, data, compresslevel=9)
    partial.replace(output)
    return output


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="_build/html", help="the built site (default: %(default)s)")
    parser.add_argument("--notebooks", default="chapters", help="folder of the chapter notebooks")
    parser.add_argument("--config", default="_config.yml", help="the book's _config.yml (title, repository)")
    parser.add_argument("--output", default="_build/deep-learning-basics.zip")
    args = parser.parse_args(argv)

    title, repository = _config(args.config)
    readme = README.format(title=title, underline="=" * len(title), repository=repository)
    entries = archive_entries(args.site, args.notebooks, readme)
    output = write_archive(entries, args.output)
    unpacked = sum(len(source) if isinstance(source, bytes) else source.stat().st_size for _, source in entries)
    print(
        f"Wrote {output}: {output.stat().st_size / 1e6:.1f} MB ({len(entries)} files, "
        f"{unpacked / 1e6:.1f} MB unpacked). Unpack it and open {TOP}/index.html."
    )


if __name__ == "__main__":
    main()

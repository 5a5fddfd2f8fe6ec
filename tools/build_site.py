"""Build the guide as a static site in ``site/`` (``make site``), for rooms without a network.

Every notebook is executed (on a temporary copy of ``notebooks/`` and ``data/``, so nothing in
the repository changes) with the widget state stored, then rendered by nbconvert's ``lab``
template through our own template (``tools/site_template/invite_site``) that loads nothing from
the network: no require.js, no MathJax, no Mermaid, and the widget renderer
(``@jupyter-widgets/html-manager``'s standalone ``embed.js``, with its fonts) copied into
``site/assets/``. Sliders, tick boxes and charts therefore show the state they had when the
notebook ran, in any browser, from a USB stick.

The html-manager comes from its npm package, fetched once with ``npm pack`` into
``build/npm/`` (git-ignored) and reused from there: a second build needs no network.

Usage: ``python tools/build_site.py [--out site] [--only 00-start-here ...]``
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import nbformat
import tomllib
from nbclient import NotebookClient
from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
CHAPTERS = REPO / "workshop" / "chapters.toml"
TEMPLATES = Path(__file__).resolve().parent / "site_template"
NPM_CACHE = REPO / "build" / "npm"
#: The widget renderer matching ipywidgets 8 (html-manager 1.x); pinned so builds repeat.
HTML_MANAGER = "@jupyter-widgets/html-manager"
HTML_MANAGER_VERSION = "1.0.15"
#: Files of the package's dist/ that a page needs: the standalone bundle and its fonts.
#: embed-amd.js (needs require.js) and the source maps are left out.
DIST_SKIP = (".map", "embed-amd.js", "libembed-amd.js")
ASSETS = "assets"
CELL_TIMEOUT_S = 300
EXTRA_NOTEBOOKS = {"inbox-app": ("The inbox app", "L'appli de la boîte de réception")}
FRENCH_EXTRA_NOTEBOOKS = {"boite-de-reception": "L'appli de la boîte de réception"}

SITE_CSS = """\
.it-nav { max-width: 1000px; margin: 0.5em auto 1em; padding: 0.5em 1em;
  border-bottom: 1px solid #ccc; font-family: system-ui, sans-serif; font-size: 0.95rem; }
.jupyter-widgets { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.it-static-note { color: #555; font-size: 0.85rem; margin: 0.3em 0 0; }
.it-index { max-width: 800px; margin: 2em auto; padding: 0 1em;
  font-family: system-ui, sans-serif; line-height: 1.5; }
.it-index table { border-collapse: collapse; }
.it-index td, .it-index th { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd;
  text-align: left; }
"""

LABELS = {
    "en": {
        "index": "Contents",
        "static_note": (
            "A static copy of the guide: the controls show the state they had when the "
            "notebook ran, and moving them changes nothing. To experiment, run the notebook in "
            "JupyterLab (make lab) or on Binder."
        ),
    },
    "fr": {
        "index": "Sommaire",
        "static_note": (
            "Une copie statique du guide : les commandes montrent l'état qu'elles avaient à "
            "l'exécution du notebook, et les bouger ne change rien. Pour expérimenter, ouvrez "
            "le notebook dans JupyterLab (make lab) ou sur Binder."
        ),
    },
}


class SiteError(RuntimeError):
    """The site could not be built; the message says which step and what to do."""


def chapters() -> list[dict]:
    """The chapters in order, from the one source of titles and timings."""
    with CHAPTERS.open("rb") as handle:
        return list(tomllib.load(handle)["chapter"])


def pages(only: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(page name, title, language) for every notebook that exists, in order: the English
    chapters, the extra notebooks, then the French edition (notebooks/fr/, named in French and
    matched to its chapter by number) as ``fr/<name>``."""
    found = [(c["id"], c["title_en"], "en") for c in chapters()
             if (NOTEBOOKS / f"{c['id']}.ipynb").is_file()]
    found += [(name, en, "en") for name, (en, _) in EXTRA_NOTEBOOKS.items()
              if (NOTEBOOKS / f"{name}.ipynb").is_file()]
    by_number = {c["id"][:2]: c["title_fr"] for c in chapters()}
    found += [(f"fr/{p.stem}", by_number.get(p.stem[:2], p.stem), "fr")
              for p in sorted((NOTEBOOKS / "fr").glob("[0-9][0-9]-*.ipynb"))]
    found += [(f"fr/{p.stem}", FRENCH_EXTRA_NOTEBOOKS.get(p.stem, p.stem), "fr")
              for p in sorted((NOTEBOOKS / "fr").glob("[!0-9]*.ipynb"))]
    if only:
        unknown = sorted(set(only) - {name for name, _, _ in found})
        if unknown:
            raise SiteError(f"no such notebook in notebooks/: {', '.join(unknown)}")
        found = [page for page in found if page[0] in only]
    return found


def html_manager_dist() -> Path:
    """The html-manager's dist/ folder, unpacked from its npm tarball (fetched once)."""
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    name = f"jupyter-widgets-html-manager-{HTML_MANAGER_VERSION}"
    tarball = NPM_CACHE / f"{name}.tgz"
    if not tarball.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise SiteError(
                "npm is needed once to fetch the widget renderer "
                f"({HTML_MANAGER}@{HTML_MANAGER_VERSION}); install Node.js (apt-get install "
                f"npm), or copy {tarball.name} into {NPM_CACHE} from another machine"
            )
        print(f"fetching {HTML_MANAGER}@{HTML_MANAGER_VERSION} with npm pack", flush=True)
        subprocess.run(
            [npm, "pack", "--silent", f"{HTML_MANAGER}@{HTML_MANAGER_VERSION}",
             "--pack-destination", str(NPM_CACHE)],
            check=True, cwd=NPM_CACHE, stdout=subprocess.DEVNULL,
        )
    unpacked = NPM_CACHE / name
    if not (unpacked / "package" / "dist" / "embed.js").is_file():
        with tarfile.open(tarball) as archive:
            archive.extractall(unpacked, filter="data")
    return unpacked / "package" / "dist"


def copy_assets(out: Path) -> None:
    """Everything a page loads, under out/assets: the widget renderer, its fonts, our CSS."""
    target = out / ASSETS / "html-manager"
    target.mkdir(parents=True, exist_ok=True)
    dist = html_manager_dist()
    for item in dist.iterdir():
        if item.is_file() and not item.name.endswith(DIST_SKIP):
            shutil.copy2(item, target / item.name)
    licence = dist.parent / "LICENSE.txt"
    if licence.is_file():
        shutil.copy2(licence, target / "LICENSE.txt")
    (out / ASSETS / "site.css").write_text(SITE_CSS, encoding="utf-8")


def execute(path: Path, workdir: Path) -> nbformat.NotebookNode:
    """Run a notebook in ``workdir`` and keep the widgets' state, as nbclient records it."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=CELL_TIMEOUT_S, kernel_name="python3", allow_errors=False,
        store_widget_state=True, resources={"metadata": {"path": str(workdir)}},
    )
    try:
        client.execute()
    except Exception as exc:  # nbclient raises CellExecutionError and timeouts alike
        raise SiteError(f"{path.name} failed to run: {exc}") from exc
    return nb


def render(nb: nbformat.NotebookNode, title: str, lang: str, root: str, prev: dict | None,
           nxt: dict | None) -> str:
    """One page; ``root`` leads from the page's folder back to the site's (``""`` or ``../``)."""
    exporter = HTMLExporter(
        template_name="invite_site",
        extra_template_basedirs=[str(TEMPLATES)],
        embed_images=True,
    )
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb, resources={
        "language_code": lang,
        "site_root": root,
        "site_assets": f"{root}{ASSETS}",
        "site_labels": LABELS[lang],
        "site_prev": prev,
        "site_next": nxt,
    })
    return body


def index_page(built: list[tuple[str, str, str]]) -> str:
    timing = {c["id"][:2]: c for c in chapters()}
    rows = []
    for name, title, lang in built:
        chapter = timing.get(name.removeprefix("fr/")[:2])
        minutes = (f"{chapter['teaching']} + {chapter['exercises']} min" if chapter else "")
        rows.append(
            f'<tr lang="{lang}"><td><a href="{html.escape(name)}.html">{html.escape(name)}</a>'
            f"</td><td>{html.escape(title)}</td><td>{html.escape(minutes)}</td></tr>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Invite Triage — the guide, static copy</title>
<link rel="stylesheet" href="{ASSETS}/site.css"></head>
<body><main class="it-index">
<h1>Should you accept that LinkedIn invitation?</h1>
<p>A static copy of the guide's notebooks, executed when the site was built. Charts and
controls show their state at that moment; nothing here needs a network connection.
To move the sliders yourself, run the notebooks in JupyterLab (<code>make lab</code>).</p>
<p lang="fr">Une copie statique du guide : graphiques et commandes montrent leur état au moment
de la construction du site, sans connexion réseau. Pour manipuler les curseurs, ouvrez les
notebooks dans JupyterLab (<code>make lab</code>).</p>
<table><thead><tr><th>notebook</th><th>chapter / chapitre</th><th>teaching + exercises</th>
</tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
</main></body></html>
"""


def build(out: Path, only: list[str] | None = None) -> list[Path]:
    """Execute and render every notebook into ``out``; return the pages written."""
    todo = pages(only)
    if not todo:
        raise SiteError("no notebook to build: notebooks/ has none of the chapters")
    out.mkdir(parents=True, exist_ok=True)
    copy_assets(out)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="invite-site-") as tmp:
        work = Path(tmp)
        ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "private")
        shutil.copytree(NOTEBOOKS, work / "notebooks", ignore=ignore)
        shutil.copytree(REPO / "data", work / "data", ignore=ignore)
        (work / "data" / "private").mkdir(exist_ok=True)
        # The kernels inherit this: the guide reads the copy, and writes (if ever) there too.
        # Restored afterwards: a caller in the same process (the site test) must not keep
        # pointing at a folder that is about to be deleted.
        saved = {k: os.environ.get(k) for k in ("INVITE_TRIAGE_DATA", "MPLBACKEND")}
        os.environ["INVITE_TRIAGE_DATA"] = str(work / "data")
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        try:
            written += _render_pages(todo, work, out)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    built = [page for page in pages() if (out / f"{page[0]}.html").is_file()]
    (out / "index.html").write_text(index_page(built), encoding="utf-8")
    written.append(out / "index.html")
    return written


def _render_pages(todo: list, work: Path, out: Path) -> list[Path]:
    """Execute each notebook of ``todo`` from the working copy and write its page."""
    written: list[Path] = []
    for name, title, lang in todo:
        start = time.perf_counter()
        source = work / "notebooks" / f"{name}.ipynb"
        nb = execute(source, source.parent)
        page = out / f"{name}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        root = "../" * name.count("/")
        # Previous / next within the same language, so a reader stays in one edition.
        same = [(n, t) for n, t, lg in todo if lg == lang]
        k = same.index((name, title))
        prev = ({"href": f"{root}{same[k - 1][0]}.html", "title": same[k - 1][1]}
                if k else None)
        nxt = ({"href": f"{root}{same[k + 1][0]}.html", "title": same[k + 1][1]}
               if k + 1 < len(same) else None)
        page.write_text(
            render(nb, f"{name.removeprefix('fr/')} · {title}", lang, root, prev, nxt),
            encoding="utf-8",
        )
        written.append(page)
        print(f"  {page.relative_to(out.parent) if out.is_relative_to(REPO) else page}"
              f"  ({time.perf_counter() - start:.1f} s)", flush=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "site",
                        help="folder to write (default: site/)")
    parser.add_argument("--only", nargs="*", help="notebook ids to build (default: all)")
    args = parser.parse_args(argv)
    try:
        written = build(args.out.resolve(), args.only)
    except SiteError as exc:
        print(f"make site: {exc}", file=sys.stderr)
        return 1
    print(f"{len(written)} pages in {args.out}; open {args.out / 'index.html'} in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Thin MkDocs adapter for the toolbox pipeline (all logic lives in the `toolbox` package).

- on_config: load and validate the catalog; bad content aborts the build with Dutch messages.
- on_files: add the rendered pages as generated files, with edit links to their YAML record,
  the open data and robots.txt.
- on_page_markdown: the page's last-modified date (MkDocs writes the sitemap before the pages).
- on_page_context: link preview tags, structured data and breadcrumb.
- on_post_page / on_post_template: fixes to Material's markup that no override reaches.
- on_post_build: build the search index, then publish the site atomically.
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from toolbox import atomic, search_engines, search_index
from toolbox.catalog import source_files
from toolbox.export import export_files
from toolbox.html_fixes import fix_material_markup
from toolbox.page_context import PageContexts, Site
from toolbox.problems import ContentError
from toolbox.render import TEMPLATES, render_site
from toolbox.session import SESSION

log = logging.getLogger("mkdocs.hooks.toolbox")


def on_startup(command: str, dirty: bool) -> None:
    SESSION.command = command


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    config.site_url = search_engines.site_url(config.site_url, os.environ)
    _pin_build_date(root)
    try:
        _, problems = SESSION.load(root)
    except ContentError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"De inhoud bevat {len(exc.problems)} fout(en); de site is niet gebouwd.") from None
    if problems is not None:
        for problem in problems.problems:
            log.error(str(problem))
        log.error("De voorbeeldweergave toont de laatste versie zonder fouten; herstel de fouten hierboven.")
    for line in search_engines.left_out(config.site_url):
        log.info(line)
    if SESSION.command == "build":
        # Build next to the real site and swap at the end: a failed build leaves site/ untouched.
        site_dir = Path(config.site_dir)
        SESSION.site_dir = site_dir
        config.site_dir = str(atomic.staging_dir(site_dir))
    return config


def on_files(files: Files, config: Any) -> Files:
    assert SESSION.catalog is not None
    pages = render_site(SESSION.catalog)
    for uri, page in pages.items():
        file = File.generated(config, uri, content=page.text)
        file.edit_uri = f"{page.source.path}#L{page.source.line}" if page.source else None
        files.append(file)
    # Open data under /data/; the page data.md links to these files, so MkDocs checks those links.
    data = export_files(SESSION.catalog)
    for rel, content in data.items():
        files.append(File.generated(config, f"data/{rel}", content=content))
    files.append(File.generated(config, "robots.txt", content=search_engines.robots_txt(config.site_url)))
    site = Site(config.site_name, config.site_description or "", config.site_url or None)
    SESSION.pages = PageContexts(SESSION.catalog, pages, data, site)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    assert SESSION.pages is not None
    page.update_date = SESSION.pages.modified_date(page.url)  # the page's <lastmod> in sitemap.xml
    return markdown


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    assert SESSION.pages is not None
    nav_titles = {p.file.src_uri: p.title for p in nav.pages}
    meta = page.meta or {}
    extra = SESSION.pages.for_page(page.url, meta.get("title") or page.title, meta.get("description"), nav_titles)
    context["toolbox_head"] = extra.head
    context["toolbox_trail"] = extra.trail
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    return fix_material_markup(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return fix_material_markup(output) if template_name.endswith(".html") else output  # the 404 page


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    root = Path(config.config_file_path).parent
    # Watch the record files (not the repository root, which holds site/ and .venv/) and templates.
    folders = {path.parent for path in source_files(root) if path.parent != root}
    for watched in [*source_files(root), *folders, TEMPLATES]:
        server.watch(str(watched))
    return server


def on_post_build(config: Any) -> None:
    search_index.build(Path(config.site_dir))
    if SESSION.command != "build" or SESSION.site_dir is None:
        return
    if config.strict and _strict_warnings():
        return  # MkDocs aborts right after this hook; keep the previous site.
    atomic.publish(Path(config.site_dir), SESSION.site_dir)


def on_build_error(error: Exception) -> None:
    if SESSION.command == "build" and SESSION.site_dir is not None:
        atomic.discard(atomic.staging_dir(SESSION.site_dir))


def _pin_build_date(root: Path) -> None:
    """Make builds reproducible: MkDocs dates pages and the sitemap (and its gzip header) with
    SOURCE_DATE_EPOCH when set, else with today's date. Unless the caller set it, use the time of
    the latest commit, or, outside git, the newest source file."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        git = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        )
        stamp = git.stdout.strip() if git.returncode == 0 else ""
    except OSError:  # git not installed
        stamp = ""
    if not stamp.isdigit():
        stamp = str(max((int(p.stat().st_mtime) for p in source_files(root)), default=0))
    os.environ["SOURCE_DATE_EPOCH"] = stamp


def _strict_warnings() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)

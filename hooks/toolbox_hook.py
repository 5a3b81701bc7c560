"""Thin MkDocs adapter for the toolbox pipeline (all logic lives in the `toolbox` package).

- on_config: load and validate the catalog; bad content aborts the build with Dutch messages.
  A build then takes the site's build lock (a second build waits) and writes to a staging folder.
- on_files: add the rendered pages as generated files, with edit links to their YAML record,
  the open data, robots.txt and the Atom feed of recent changes.
- on_page_markdown: the page's last-modified date (MkDocs writes the sitemap before the pages),
  and on a record's page `page.meta.tb_updated` (ISO date) for "Laatst gewijzigd" and
  `page.meta.tb_data` (site path of its JSON file).
- on_env: the `tb_date` filter (ISO date -> "3 november 2026") for the record footer (overrides/main.html).
- on_page_context: link preview tags, structured data and breadcrumb; while `mkdocs serve` shows
  the last valid version of broken content, the current problems for a banner on every page.
- on_post_page / on_post_template: fixes to Material's markup that no override reaches.
- on_post_build: build the search index, then publish the site atomically.
- on_build_error / on_shutdown: a file-system error becomes a Dutch one-line message; the staging
  folder is removed and the lock released, whatever happened.
MkDocs' own English messages about pages and links are told in Dutch, at the record's file and line
(`toolbox.mkdocs_messages`).
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import Any

import filelock
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import CountHandler

from toolbox import atomic, contribute, mkdocs_messages, search_engines, search_index
from toolbox.catalog import source_files
from toolbox.export import export_files, record_files
from toolbox.feed import atom as atom_feed
from toolbox.feed import left_out as feed_left_out
from toolbox.history import dutch_date
from toolbox.html_fixes import fix_material_markup
from toolbox.load import os_reason
from toolbox.news import FEED_LIMIT, catalog_times, recent_changes
from toolbox.page_context import PageContexts, Site
from toolbox.problems import ContentError, visible
from toolbox.render import TEMPLATES, render_site
from toolbox.session import SESSION
from toolbox.sitemap import FEED, data_uri

log = logging.getLogger("mkdocs.hooks.toolbox")


def on_startup(command: str, dirty: bool) -> None:
    SESSION.command = command


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    mkdocs_messages.install(root, SESSION.page_sources)
    config.site_url = search_engines.site_url(config.site_url, os.environ)
    _pin_build_date(root)
    try:
        _, problems = SESSION.load(root)
    except ContentError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise Abort(f"De inhoud bevat {len(exc.problems)} fout(en); de site is niet gebouwd.") from None
    SESSION.problems = list(problems.problems) if problems is not None else []
    if problems is not None:
        for problem in problems.problems:
            log.error(str(problem))
        log.error("De voorbeeldweergave toont de laatste versie zonder fouten; herstel de fouten hierboven.")
    for line in [*search_engines.left_out(config.site_url), *feed_left_out(config.site_url)]:
        log.info(line)
    if SESSION.command == "build":
        # Build next to the real site and swap at the end: a failed build leaves site/ untouched.
        site_dir = Path(config.site_dir)
        _take_build_lock(site_dir)
        try:
            staging = atomic.prepare(site_dir)
        except atomic.PublishError as exc:
            raise Abort(f"De site is niet gebouwd: {exc}.") from None
        SESSION.site_dir = site_dir
        config.site_dir = str(staging)
    return config


def _take_build_lock(site_dir: Path) -> None:
    """Builds of one site take turns: a second one waits for the first, then builds itself."""
    lock = atomic.lock(site_dir)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        wait = atomic.wait_seconds()
        log.info(f"Er loopt al een build van deze site; deze build wacht tot die klaar is (hoogstens {wait:.0f} s).")
        try:
            lock.acquire(timeout=wait)
        except filelock.Timeout:
            raise Abort(
                "De site is niet gebouwd: er loopt nog een andere build van deze site. Probeer het later opnieuw."
            ) from None
    except OSError as exc:
        raise Abort(
            f"De site is niet gebouwd: het slot voor builds kan niet worden gemaakt ({os_reason(exc)})."
        ) from None
    SESSION.lock = lock


def on_files(files: Files, config: Any) -> Files:
    assert SESSION.catalog is not None
    in_nav = set(_nav_pages(config.nav))
    SESSION.page_sources.clear()
    repository = contribute.repository(config.repo_url, config.edit_uri_template)
    pages = render_site(SESSION.catalog, repository)
    for uri, page in pages.items():
        if page.source:
            SESSION.page_sources[uri] = (page.source.path, page.source.line)
        # Pages that the navigation does not name (record and list pages) are reached through the
        # overview pages; saying so keeps MkDocs from warning about them.
        inclusion = InclusionLevel.INCLUDED if uri in in_nav or not uri.endswith(".md") else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, uri, content=page.text, inclusion=inclusion)
        file.edit_uri = f"{page.source.path}#L{page.source.edit_line}" if page.source else None
        files.append(file)
    # Open data; the data page links to these files, so MkDocs checks those links.
    data = export_files(SESSION.catalog)
    for rel, content in {**data, **record_files(SESSION.catalog)}.items():
        files.append(File.generated(config, data_uri(rel), content=content))
    files.append(File.generated(config, "robots.txt", content=search_engines.robots_txt(config.site_url)))
    # The Atom feed of recent changes, dated by the content's history like the pages.
    times = catalog_times(SESSION.catalog)
    changes = recent_changes(SESSION.catalog, times, FEED_LIMIT)
    updated = max((c.stamp for c in changes), default=times.newest)  # the feed changes when an entry does
    atom = atom_feed(changes, site_name=config.site_name, site_url=config.site_url or None, updated=updated)
    files.append(File.generated(config, FEED, content=atom))
    site = Site(config.site_name, config.site_description or "", config.site_url or None)
    SESSION.pages = PageContexts(SESSION.catalog, pages, data, site)
    SESSION.improve = contribute.improve_paths(SESSION.catalog)
    return files


def on_env(env: Any, config: Any, files: Files) -> Any:
    env.filters["tb_date"] = dutch_date
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    assert SESSION.pages is not None
    updated = SESSION.pages.updated(page.url)
    if updated:  # shown as "Laatst gewijzigd" on the record's page, with a link to its JSON file
        page.meta["tb_updated"] = updated
        page.meta["tb_data"] = SESSION.pages.data_file(page.url)
    if page.file.src_uri in SESSION.improve:  # the record footer's "Verbeter deze pagina" (design)
        page.meta["tb_improve_url"] = SESSION.improve[page.file.src_uri]
    page.update_date = SESSION.pages.modified_date(page.url)  # the page's <lastmod> in sitemap.xml
    return markdown


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    assert SESSION.pages is not None
    nav_titles = {p.file.src_uri: p.title for p in nav.pages}
    meta = page.meta or {}
    extra = SESSION.pages.for_page(page.url, meta.get("title") or page.title, meta.get("description"), nav_titles)
    # While serving a broken edit: every page names the problems (overrides/partials/problems.html).
    context["toolbox_problems"] = [(f"{p.path}:{p.line}:{p.col}", visible(p.message)) for p in SESSION.problems]
    context["toolbox_source"] = SESSION.page_sources.get(page.file.src_uri)  # record footer's editors' view
    context["toolbox_head"] = extra.head
    context["toolbox_trail"] = extra.trail
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    return fix_material_markup(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return fix_material_markup(output) if template_name.endswith(".html") else output  # the 404 page


def _nav_pages(nav: Any) -> list[str]:
    """The page paths the configured navigation names."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    return []


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    root = Path(config.config_file_path).parent
    # Watch the record files (not the repository root, which holds site/ and .venv/) and templates.
    folders = {path.parent for path in source_files(root) if path.parent != root}
    for watched in [*source_files(root), *folders, TEMPLATES]:
        server.watch(str(watched))
    return server


def on_post_build(config: Any) -> None:
    if SESSION.command == "build" and config.strict and (count := _strict_warnings()):
        # MkDocs would abort right after this hook, in English; keep the previous site.
        raise Abort(
            f"De site is niet gebouwd: {count} waarschuwing(en) in strikte modus (zie hierboven); de vorige site blijft staan."
        )
    search_index.build(Path(config.site_dir), SESSION.catalog)
    if SESSION.command != "build" or SESSION.site_dir is None:
        return
    try:
        atomic.publish(Path(config.site_dir), SESSION.site_dir)
    except atomic.PublishError as exc:
        raise Abort(f"De site is niet gepubliceerd: {exc}.") from None


def on_build_error(error: Exception) -> None:
    _clean_up()
    if isinstance(error, OSError):
        # A full disk, a read-only or immutable folder, a path that is a file: one Dutch line, no traceback.
        where = f" bij {Path(error.filename).name}" if error.filename else ""
        raise Abort(
            f"De site is niet gebouwd: schrijven of lezen mislukt{where} ({os_reason(error)}); de vorige site blijft staan."
        )
    if isinstance(error, search_index.SearchIndexError):
        raise Abort(f"De site is niet gebouwd: {error}")


def on_shutdown() -> None:
    _clean_up()


def _clean_up() -> None:
    """Remove an unpublished staging folder and release the build lock (idempotent)."""
    if SESSION.command == "build" and SESSION.site_dir is not None:
        atomic.discard(atomic.staging_dir(SESSION.site_dir))
    if SESSION.lock is not None:
        SESSION.lock.release(force=True)
        SESSION.lock = None


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


def _strict_warnings() -> int:
    handlers = logging.getLogger("mkdocs").handlers
    return sum(n for h in handlers if isinstance(h, CountHandler) for _, n in h.get_counts())

"""Thin MkDocs adapter for the toolbox pipeline (all logic lives in the `toolbox` package).

- on_config: load and validate the catalog; bad content aborts the build with Dutch messages.
- on_files: add the rendered pages as generated files, with edit links to their YAML record.
- on_post_build: build the search index, then publish the site atomically.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from toolbox import atomic, search_index
from toolbox.catalog import Catalog, load_catalog
from toolbox.problems import ContentError
from toolbox.render import render_site

log = logging.getLogger("mkdocs.hooks.toolbox")

_state: dict[str, Any] = {"command": "build", "catalog": None, "site_dir": None}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    try:
        _state["catalog"] = load_catalog(root)
    except ContentError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        if _state["command"] == "serve" and _state["catalog"] is not None:
            log.error("De site toont de laatste versie zonder fouten; herstel de fouten hierboven.")
        else:
            raise Abort(f"De inhoud bevat {len(exc.problems)} fout(en); de site is niet gebouwd.") from None
    if _state["command"] == "build":
        # Build next to the real site and swap at the end: a failed build leaves site/ untouched.
        site_dir = Path(config.site_dir)
        _state["site_dir"] = site_dir
        config.site_dir = str(atomic.staging_dir(site_dir))
    return config


def on_files(files: Files, config: Any) -> Files:
    catalog: Catalog = _state["catalog"]
    for uri, page in render_site(catalog).items():
        file = File.generated(config, uri, content=page.text)
        file.edit_uri = f"{page.source.path}#L{page.source.line}" if page.source else None
        files.append(file)
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    root = Path(config.config_file_path).parent
    for watched in ("elements", "cases", "content", "interventions.yaml", "toolbox/templates"):
        if (root / watched).exists():
            server.watch(str(root / watched))
    return server


def on_post_build(config: Any) -> None:
    search_index.build(Path(config.site_dir))
    if _state["command"] != "build":
        return
    if config.strict and _strict_warnings():
        return  # MkDocs aborts right after this hook; keep the previous site.
    atomic.publish(Path(config.site_dir), _state["site_dir"])


def on_build_error(error: Exception) -> None:
    if _state["command"] == "build" and _state["site_dir"] is not None:
        atomic.discard(atomic.staging_dir(_state["site_dir"]))


def _strict_warnings() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)

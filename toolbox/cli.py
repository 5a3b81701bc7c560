"""The `toolbox` command: validate, generate and export the content of a repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolbox.catalog import Catalog, load_catalog
from toolbox.problems import ContentError


def _load(root: Path) -> Catalog | None:
    try:
        return load_catalog(root)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    cat = _load(args.root)
    if cat is None:
        return 1
    print(f"In orde: {len(cat.elements)} elementen, {len(cat.interventions)} aanpakken, {len(cat.cases)} casussen.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from toolbox.render import render_site, write_pages

    cat = _load(args.root)
    if cat is None:
        return 1
    pages = render_site(cat)
    write_pages(pages, args.out)
    print(f"{len(pages)} pagina's geschreven naar {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolbox", description="Samen Sterker toolbox: inhoud controleren en omzetten."
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="map van de repository (standaard: de huidige map)"
    )
    # --root may also follow the sub-command (`toolbox validate --root DIR`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", parents=[common], help="controleer alle records").set_defaults(func=cmd_validate)
    gen = sub.add_parser("generate", parents=[common], help="schrijf de gegenereerde Markdown-pagina's naar een map")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(func=cmd_generate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))

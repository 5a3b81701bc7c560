"""The `toolbox` command: validate, generate and export the content of a repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolbox.catalog import Catalog, load_catalog
from toolbox.problems import ContentError, Problem, github_annotation
from toolbox.registry import RecordType
from toolbox.scaffold import add_arguments as scaffold_arguments
from toolbox.scaffold import placeholder_problems


def _load(root: Path, fmt: str = "text") -> Catalog | None:
    try:
        return load_catalog(root)
    except ContentError as exc:
        _report(exc.problems, fmt)
        return None


def _report(problems: list[Problem], fmt: str, level: str = "error") -> None:
    """Problems as `path:line:col: message` on stderr, or as GitHub annotations on stdout."""
    if not problems:
        return
    if fmt == "github":
        for p in sorted(problems):
            print(github_annotation(p, level=level))
        n = len(problems)
        print(f"{n} {'probleem' if n == 1 else 'problemen'} gevonden.", file=sys.stderr)
    elif level == "error":
        print(ContentError(problems).report(), file=sys.stderr)
    else:
        for p in sorted(problems):
            print(f"{p.path}:{p.line}:{p.col}: let op: nog sjabloontekst (TODO:)", file=sys.stderr)


def _count(n: int, rt: RecordType) -> str:
    return f"{n} {rt.label if n == 1 else rt.plural}"


def cmd_validate(args: argparse.Namespace) -> int:
    cat = _load(args.root, args.format)
    if cat is None:
        return 1
    todo = placeholder_problems(cat)
    if todo and not args.concept:  # valid for the preview, but not ready for a pull request
        _report(todo, args.format)
        print("Nog niet klaar? `toolbox validate --concept` staat TODO: toe (de preview ook).", file=sys.stderr)
        return 1
    counts = [_count(len(cat.records[rt.name]), rt) for rt in cat.types if rt.plural and rt.page is not None]
    print(f"In orde: {', '.join(counts)}.")
    _report(todo, args.format, level="warning")
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


def cmd_nse_check(args: argparse.Namespace) -> int:
    from toolbox import nse_check

    cat = _load(args.root)
    if cat is None or cat.nse_rules is None:
        return 2
    try:
        text = sys.stdin.read() if str(args.file) == "-" else args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{args.file}: bestand kan niet worden gelezen ({exc})", file=sys.stderr)
        return 2
    flags = nse_check.check(text, cat.nse_rules)
    print(nse_check.report(str(args.file), text, flags, cat.nse_rules, cat.communication))
    return 1 if flags else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from toolbox.schema import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(args.root)
        for rel in stale:
            print(f"{rel}: verouderd; draai `toolbox schema` en neem het bestand op", file=sys.stderr)
        return 1 if stale else 0
    changed = write_schemas(args.root)
    for rel in changed:
        print(f"bijgewerkt: {rel}")
    print("Schema's en datamodel zijn actueel." if not changed else f"{len(changed)} bestand(en) bijgewerkt.")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from toolbox import scaffold

    ask = None if scaffold.flags_given(args) else input
    return scaffold.run(args.root, args.kind, args, ask, print)


def cmd_export(args: argparse.Namespace) -> int:
    from toolbox.export import write_export

    cat = _load(args.root)
    if cat is None:
        return 1
    written = write_export(cat, args.out)
    print(f"{len(written)} bestanden geschreven naar {args.out}")
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
    val = sub.add_parser("validate", parents=[common], help="controleer alle records")
    val.add_argument(
        "--concept", action="store_true", help="sta tekst die met TODO: begint toe (een record dat je nog schrijft)"
    )
    val.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: pad:regel:kolom: melding; github: meldingen als annotaties in een pull request (GitHub Actions)",
    )
    val.set_defaults(func=cmd_validate)
    gen = sub.add_parser("generate", parents=[common], help="schrijf de gegenereerde Markdown-pagina's naar een map")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(func=cmd_generate)
    nse = sub.add_parser("nse-check", parents=[common], help="controleer een NSE-bericht op sturende communicatie")
    nse.add_argument("file", type=Path, help="tekstbestand met het bericht ('-' leest van standaardinvoer)")
    nse.set_defaults(func=cmd_nse_check)
    schema = sub.add_parser("schema", parents=[common], help="schrijf de JSON Schema-bestanden in schemas/")
    schema.add_argument("--check", action="store_true", help="alleen controleren of schemas/ actueel is")
    schema.set_defaults(func=cmd_schema)
    new = sub.add_parser("new", parents=[common], help="maak een nieuw record met uitleg (aanpak, casus, element)")
    new.set_defaults(func=cmd_new)
    scaffold_arguments(new)
    export = sub.add_parser("export", parents=[common], help="schrijf toolbox.json, interventions.csv en de schema's")
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))

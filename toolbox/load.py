"""Read YAML files safely, keeping the line and column of every value.

PyYAML would silently keep the last of two duplicate keys, construct Python objects
from tags, and expand alias bombs. We let libyaml (CSafeLoader, ~20x faster than the
pure-Python loader) compose the node tree and build plain Python data ourselves, so
that each of those cases becomes a clear problem for the editor instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from toolbox.problems import Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: slower but identical
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_SCALARS = yaml.constructor.SafeConstructor()
_SCALAR_NAMES = {_TAG + "int": "geheel getal", _TAG + "float": "getal", _TAG + "bool": "ja/nee", _TAG + "null": "leeg"}


@dataclass
class YamlFile:
    """The data of one YAML file with the position of every value and key."""

    path: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc`, or of its nearest enclosing value that has one."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        line, col = self.locate(loc, key=key)
        return Problem(self.path, line, col, message)


class _Invalid(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.line = node.start_mark.line + 1
        self.col = node.start_mark.column + 1
        self.message = message


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a file as UTF-8 text (a byte-order mark is allowed)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(rel, 1, 1, f"bestand kan niet worden gelezen ({exc.strerror})")]
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(rel, 1, 1, f"bestand is te groot ({len(raw) // 1024} KB; maximaal {MAX_BYTES // 1024} KB)")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(rel, line, col, "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")]
    return text.replace("\r\n", "\n"), []


def parse_yaml(text: str, rel: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse YAML text into a YamlFile, or return the problems that prevent it."""
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(rel, 1, 1, "bestand is leeg")]
    try:
        # libyaml's composer recurses in C and crashes the process on very deep input, so
        # suspiciously deep text is first measured on the (iterative) event stream.
        if (deep := _too_deep(text)) is not None:
            return None, [Problem(rel, *deep, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, rel)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            Problem(rel, line, col, f"teken U+{exc.character:04X} is niet toegestaan (stuurteken); verwijder het")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1, 1, f"YAML-syntaxfout: {exc}")]
    except RecursionError:
        return None, [Problem(rel, 1, 1, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")]
    if node is None:
        return None, [Problem(rel, 1, 1, "bestand is leeg")]
    doc = YamlFile(rel, None)
    try:
        doc.data = _build(node, (), doc, set(), 0)
    except _Invalid as exc:
        return None, [Problem(rel, exc.line, exc.col, exc.message)]
    return doc, []


def read_yaml(path: Path, rel: str, root: Path | None = None) -> tuple[YamlFile | None, list[Problem]]:
    """Read and parse one record file; `root` is the repository the file must belong to."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return parse_yaml(text, rel)


_BRACKETS = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t]*(?:[-?:][ \t]+)*", re.MULTILINE)
_KEY_ON_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]|$)")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Line and column where nesting exceeds MAX_DEPTH, or None; cheap unless the text may be deep."""
    flow = max(accumulate(1 if c in "[{" else -1 for c in _BRACKETS.sub("", text)), default=0)
    block = max(map(len, _BLOCK_PREFIX.findall(text)), default=0)
    if flow + block <= MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH + 1 and (mark := event.start_mark) is not None:  # the root is level 0 in `_build`
                return mark.line + 1, mark.column + 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
    return None


# libyaml (CSafeLoader) and PyYAML's pure-Python parser word some problems differently.
_SYNTAX = {
    "mapping values are not allowed": "dubbele punt op een onverwachte plek; klopt de inspringing, of staat er tekst met ': ' zonder aanhalingstekens?",
    "could not find expected ':'": "dubbele punt (':') ontbreekt na een veldnaam",
    "found unexpected end of stream": "tekst tussen aanhalingstekens wordt niet afgesloten; het afsluitende aanhalingsteken ontbreekt",
    "did not find expected ',' or ']'": "lijst tussen [ ] wordt niet afgesloten met ']' (of er ontbreekt een komma)",
    "did not find expected ',' or '}'": "groep tussen { } wordt niet afgesloten met '}' (of er ontbreekt een komma)",
    "did not find expected key": "inspringing klopt niet: verwacht een nieuw veld op dit niveau",
    "did not find expected '-' indicator": "inspringing klopt niet: verwacht een lijstitem ('- ')",
    "did not find expected node content": "waarde ontbreekt of begint met een teken dat niet mag; zet de tekst tussen aanhalingstekens",
    "found undefined alias": "YAML-verwijzingen (*) zijn niet toegestaan",
    "found character that cannot start any token": "teken dat hier niet mag staan; zet de tekst tussen aanhalingstekens",
    "found unknown escape character": "onbekende escape met '\\' tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of schrijf '\\\\'",
    "found invalid Unicode character escape code": "ongeldige Unicode-escape tussen dubbele aanhalingstekens",
    "found another document": "bestand mag maar één YAML-document bevatten (verwijder '---')",
    "expected a single document in the stream": "bestand mag maar één YAML-document bevatten (verwijder '---')",
    "duplicate %YAML directive": "dubbele %YAML-regel; verwijder hem",
}
# For these the place where the construct started helps more than where the parser gave up.
_REPORT_AT_START = ("found unexpected end of stream", "did not find expected ',' or")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, rel: str) -> Problem:
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and any(p in problem for p in _REPORT_AT_START):
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    key = _KEY_ON_LINE.match(bad_line)
    where = f" (bij veld '{key.group(1)}')" if key else ""
    if "\t" in problem or "\\t" in problem or "\t" in bad_line[: max(col, 1)]:
        return Problem(rel, line, col, f"tab gevonden{where}; gebruik spaties om in te springen, geen tabs")
    if "maximum nesting depth" in problem or "maximum nesting depth" in context:
        # libyaml 0.2.5 in PyYAML 6.0.4 has its own depth limit, reached while scanning flow collections.
        return Problem(rel, line, col, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if "duplicate anchor" in problem or "duplicate anchor" in context:
        return Problem(rel, line, col, "YAML-ankers (&) zijn niet toegestaan")
    for english, dutch in _SYNTAX.items():
        if english in problem or (not problem and english in context):
            return Problem(rel, line, col, f"YAML-syntaxfout{where}: {dutch}")
    return Problem(rel, line, col, f"YAML-syntaxfout{where}: onbekende fout ({problem or context})")


def _build(node: yaml.Node, loc: Loc, doc: YamlFile, seen: set[int], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _Invalid(node, f"gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)")
    if id(node) in seen:
        raise _Invalid(node, "YAML-ankers en -verwijzingen (&, *) zijn niet toegestaan; schrijf de waarde uit")
    seen.add(id(node))
    doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _TAG + "map":
            raise _Invalid(node, f"YAML-tag '{node.tag}' is niet toegestaan")
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _Invalid(
                    key_node, "samenvoegen met '<<' en YAML-verwijzingen zijn niet toegestaan; schrijf de velden uit"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Invalid(key_node, "een veldnaam moet gewone tekst zijn")
            key = str(key_node.value)
            if key in first_seen:
                raise _Invalid(
                    key_node,
                    f"veld '{key}' staat dubbel (ook op regel {first_seen[key]}); de ene waarde zou de andere overschrijven",
                )
            first_seen[key] = key_node.start_mark.line + 1
            doc.keys[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = _build(value_node, loc + (key,), doc, seen, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            raise _Invalid(node, f"YAML-tag '{node.tag}' is niet toegestaan")
        return [_build(item, loc + (i,), doc, seen, depth + 1) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag not in _SCALAR_TAGS:
        raise _Invalid(node, f"YAML-tag '{node.tag}' is niet toegestaan")
    if node.tag in (_TAG + "str", _TAG + "timestamp"):
        return str(node.value)  # dates stay text; the models parse them
    try:
        return _SCALARS.construct_object(node)
    except Exception:  # PyYAML's scalar constructors fail in many ways: `!!int abc`, `!!int` alone, 5,000 digits
        shown = node.value if len(node.value) <= 30 else node.value[:27] + "..."
        raise _Invalid(
            node, f"waarde '{shown}' kan niet als {_SCALAR_NAMES.get(node.tag, 'waarde')} worden gelezen"
        ) from None

"""All records of a repository, every reference resolved and reverse relations computed.

`load_catalog(root)` is the one way in: it reads the files of every record type in
`toolbox.registry.TYPES`, validates each record against its model and then checks the
references declared on the models' fields (`Ref`), collecting every problem before it raises,
so editors see all of them at once. Nothing here names a record type.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from toolbox import models as m
from toolbox import sitemap
from toolbox.load import Loc, YamlFile, read_yaml
from toolbox.messages import suggest, translate
from toolbox.problems import ContentError, Problem
from toolbox.registry import TYPES, Folder, ListFile, RecordType, Report, raw_refs, refs_in, unique_fields

# Files beside the records that are not records: editors' lock, swap and backup files.
_NOT_RECORDS = re.compile(r"^(\.|#)|(~|\.swp|\.swx|\.bak|\.orig|\.tmp)$")
# An `id:` line, to know which ids a file that cannot be parsed was meant to hold.
_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([a-z0-9-]+)", re.MULTILINE)


@dataclass(frozen=True)
class Origin:
    """Where a record is written, for error messages and edit links."""

    path: str
    line: int
    # The line of the field editors fix most (the type's `edit_field`), where edit links open.
    field_line: int | None = field(default=None, compare=False)

    @property
    def edit_line(self) -> int:
        return self.field_line or self.line


@dataclass
class Catalog:
    root: Path
    types: tuple[RecordType, ...] = TYPES
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # type name -> id -> record
    origins: dict[str, Origin] = field(default_factory=dict)
    # Reverse relations, computed from the references: id -> relation name -> ids.
    backrefs: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rt in self.types:
            self.records.setdefault(rt.name, {})

    def __getattr__(self, name: str) -> Any:
        """`cat.elements` (id -> record) or `cat.roadmap` (the record or None), by collection name."""
        if name.startswith("__"):
            raise AttributeError(name)
        for rt in self.__dict__.get("types", ()):
            if rt.collection == name:
                records = self.records[rt.name]
                return next(iter(records.values()), None) if rt.single else records
        raise AttributeError(name)

    def related(self, id: str, relation: str) -> list[str]:
        """Ids of the records that refer to `id` through `relation` (e.g. an element's 'interventions')."""
        return self.backrefs.get(id, {}).get(relation, [])

    def type_of(self, id: str) -> RecordType | None:
        return next((rt for rt in self.types if id in self.records[rt.name]), None)

    def all_records(self) -> list[tuple[RecordType, Any]]:
        return [(rt, r) for rt in self.types for r in self.records[rt.name].values()]

    def by_provenance(self, ids: list[str]) -> tuple[list[str], list[str]]:
        """Intervention ids split into those from a report and practice examples of institutions."""
        examples = [i for i in ids if self.interventions[i].is_practice_example]
        return [i for i in ids if i not in examples], examples

    def themes_of(self, intervention: m.Intervention) -> list[m.Theme]:
        return sorted({self.elements[e].theme for e in intervention.elements}, key=list(m.THEMES).index)

    def rings_of(self, intervention: m.Intervention) -> list[m.Ring]:
        return sorted({self.elements[e].ring for e in intervention.elements}, key=list(m.RINGS).index)


def source_files(root: Path, types: tuple[RecordType, ...] = TYPES) -> list[Path]:
    """Every file the catalog reads as records (for caching and for `mkdocs serve` to watch)."""
    files: list[Path] = []
    for rt in types:
        if isinstance(rt.store, Folder):
            folder = root / rt.store.path
            if folder.is_dir():
                files.extend(p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml") and _is_record(p))
        elif (root / rt.store.path).exists():
            files.append(root / rt.store.path)
        if isinstance(rt.store, ListFile) and rt.store.more and (root / rt.store.more).is_dir():
            more = sorted((root / rt.store.more).iterdir())
            files.extend(p for p in more if p.suffix in (".yaml", ".yml") and _is_record(p))
    return files


def _is_record(path: Path) -> bool:
    return not _NOT_RECORDS.search(path.name)


@dataclass
class _Written:
    """One record as read: its type, the file and place it was written, and the record."""

    rt: RecordType
    file: YamlFile
    loc: Loc
    record: Any

    @property
    def label(self) -> str:
        return f"{self.rt.label} '{self.record.id}'"

    def problem(self, loc: Loc, message: str) -> Problem:
        return self.file.problem(self.loc + loc, f"{self.label}: {message}")


class _Loader:
    """Reads files and validates records, keeping every problem."""

    def __init__(self, root: Path, types: tuple[RecordType, ...]) -> None:
        self.root = root
        self.types = types
        self.problems: list[Problem] = []
        # Ids of records that failed, and types with a file that could not be read at all: references
        # to them are not reported again, so one mistake does not bury the editor in follow-up errors.
        self.broken: set[str] = set()
        self.broken_types: set[str] = set()
        self.written: list[_Written] = []
        # Records that failed their model, kept raw so their references are still checked.
        self.failed: list[tuple[RecordType, YamlFile, Loc, dict[str, Any], str]] = []

    def read(self, rel: str, rt: RecordType) -> YamlFile | None:
        path = self.root / rel
        if not path.exists() and not path.is_symlink():  # the reader refuses links, folders and pipes itself
            if rt.required:
                self.problems.append(Problem(rel, 1, 1, "bestand ontbreekt"))
            self.broken_types.add(rt.name)
            return None
        if path.suffix == ".yml":
            self.problems.append(
                Problem(rel, 1, 1, "gebruik de extensie .yaml (niet .yml), anders wordt het bestand niet gelezen")
            )
            self.broken_types.add(rt.name)
            return None
        doc, problems = read_yaml(path, rel)
        if doc is None:
            self.problems.extend(problems)
            self.broken_types.add(rt.name)
            self._remember_ids(path)
        return doc

    def _remember_ids(self, path: Path) -> None:
        try:
            text = (
                path.read_text(encoding="utf-8", errors="replace") if path.is_file() and not path.is_symlink() else ""
            )
        except OSError:
            return
        self.broken.update(_ID_LINE.findall(text))

    def validate(self, rt: RecordType, doc: YamlFile, loc: Loc, data: Any) -> None:
        label = f"{rt.label} '{data['id']}'" if isinstance(data, dict) and isinstance(data.get("id"), str) else rt.label
        if not isinstance(data, dict):
            self.problems.append(doc.problem(loc, f"{label}: verwacht een groep velden (veld: waarde)"))
            return
        try:
            record = rt.model.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(translate(exc, doc, rt.model, loc, label))
            if isinstance(data.get("id"), str):
                self.broken.add(data["id"])
            self.failed.append((rt, doc, loc, data, label))
            return
        self.written.append(_Written(rt, doc, loc, record))

    def load_type(self, rt: RecordType) -> None:
        store = rt.store
        if isinstance(store, Folder):
            folder = self.root / store.path
            files = [p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml")] if folder.is_dir() else []
            for path in files:
                if not _is_record(path):
                    continue  # an editor's lock or backup file beside the records
                rel = f"{store.path}/{path.name}"
                if doc := self.read(rel, rt):  # the reader refuses folders, links and pipes in Dutch
                    self.validate(rt, doc, (), doc.data)
            if rt.required and not any(_is_record(p) for p in files):
                self.problems.append(Problem(store.path, 1, 1, f"map met records ({rt.label}) ontbreekt of is leeg"))
                self.broken_types.add(rt.name)
            return
        doc = self.read(store.path, rt)
        if isinstance(store, ListFile):
            if doc is not None:
                self.load_list(rt, store, doc)
            more_dir = self.root / store.more if store.more else None
            for path in sorted(more_dir.iterdir()) if more_dir is not None and more_dir.is_dir() else []:
                readable = path.suffix in (".yaml", ".yml") and _is_record(path)
                if readable and (more := self.read(f"{store.more}/{path.name}", rt)):
                    self.load_list(rt, store, more)
        elif doc is not None:
            self.validate(rt, doc, (), doc.data)

    def load_list(self, rt: RecordType, store: ListFile, doc: YamlFile) -> None:
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get(store.key), list):
            self.problems.append(doc.problem((), f"verwacht een veld '{store.key}' met een lijst"))
            self.broken_types.add(rt.name)
            return
        for k in data:
            if k != store.key:
                self.problems.append(doc.problem((k,), f"onbekend veld '{k}'{suggest(k, [store.key])}", key=True))
        for i, item in enumerate(data[store.key]):
            self.validate(rt, doc, (store.key, i), item)


def load_catalog(root: Path | str, types: tuple[RecordType, ...] = TYPES) -> Catalog:
    """Load and check every record under `root`; raise ContentError listing all problems."""
    root = Path(root)
    loader = _Loader(root, types)
    for rt in types:
        loader.load_type(rt)
    cat = Catalog(root=root, types=types)
    written = _register(cat, loader)
    _check(cat, written, loader)
    if loader.problems:
        raise ContentError(loader.problems)
    _link(cat)
    return cat


def _register(cat: Catalog, loader: _Loader) -> dict[str, _Written]:
    """Put every valid record in the catalog; ids are unique across all types and not reserved."""
    by_id: dict[str, _Written] = {}
    for w in loader.written:
        ident = w.record.id
        page = w.rt.page
        if page is not None and page.folder is not None and sitemap.is_reserved(ident, cat.types):
            loader.problems.append(
                w.file.problem(
                    w.loc + ("id",),
                    f"{w.rt.label}: id '{ident}' is gereserveerd voor een overzichtspagina; kies een andere id",
                )
            )
            continue
        if ident in by_id:
            # Blame the file edited last: that is where the clash was made (on a tie, the later one).
            first, second = sorted((by_id[ident], w), key=lambda x: _mtime(cat.root / x.file.path))
            if first is w:
                del cat.records[second.rt.name][ident]
            line = first.file.locate(first.loc)[0]
            loader.problems.append(
                second.file.problem(
                    second.loc + ("id",),
                    f"{second.rt.label}: id '{ident}' is al in gebruik (in {first.file.path}:{line})",
                )
            )
            by_id[ident] = first
            cat.records[first.rt.name][ident] = first.record
            cat.origins[ident] = _origin(first)
            continue
        by_id[ident] = w
        cat.records[w.rt.name][ident] = w.record
        cat.origins[ident] = _origin(w)
    for rt in cat.types:
        if rt.sort is not None:
            cat.records[rt.name] = dict(sorted(cat.records[rt.name].items(), key=lambda kv: rt.sort(kv[1])))  # type: ignore[misc]
    return by_id


def _origin(w: _Written) -> Origin:
    field = w.rt.edit_field
    key = w.file.keys.get(w.loc + (field,)) if field else None
    return Origin(w.file.path, w.file.locate(w.loc)[0], key[0] if key else None)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _check(cat: Catalog, by_id: dict[str, _Written], loader: _Loader) -> None:
    """References, unique values, nested ids and each type's own rules."""
    problems = loader.problems
    unknown: dict[tuple[str, str], list[Problem]] = defaultdict(list)  # (target type, id) -> places
    for rt in cat.types:
        seen: dict[str, dict[Any, str]] = defaultdict(dict)
        uniques = unique_fields(rt.model)
        for ident, record in cat.records[rt.name].items():
            w = by_id[ident]
            for loc, ref, value in refs_in(record):
                if value == ident and ref.target == rt.name and ref.self_message:
                    problems.append(w.problem(loc, f"{_field(loc)}: {ref.self_message}"))
                    continue
                if (message := _unknown_ref(cat, loader, ref, value, loc)) is not None:
                    unknown[ref.target, value].append(w.problem(loc, message))
            for name, unique in uniques:
                value = getattr(record, name)
                for i, v in enumerate(value if isinstance(value, list) else [value]):
                    if v in seen[name]:
                        loc = (name, i) if isinstance(value, list) else (name,)
                        problems.append(
                            w.problem(loc, f"{name}: " + unique.message.format(value=v, other=seen[name][v]))
                        )
                    seen[name].setdefault(v, ident)
            _check_nested_ids(record, w, problems)
            for check in rt.checks:
                check(cat, record, _reporter(w, problems))
    for rt, doc, base, data, label in loader.failed:
        for loc, ref, value in raw_refs(rt.model, data):
            if value == data.get("id") and ref.target == rt.name:
                continue
            if (message := _unknown_ref(cat, loader, ref, value, loc)) is not None:
                unknown[ref.target, value].append(doc.problem(base + loc, f"{label}: {message}"))
    for places in unknown.values():
        problems.extend(_one_for_many(places))


def _unknown_ref(cat: Catalog, loader: _Loader, ref: m.Ref, value: Any, loc: Loc) -> str | None:
    """The Dutch message for a reference to an id that no record has, or None when it resolves
    (or names a record that failed itself: that record's own errors are reported)."""
    target = cat.records.get(ref.target, {})
    if value in target or value in loader.broken or ref.target in loader.broken_types:
        return None
    what = next((t.unknown for t in cat.types if t.name == ref.target), f"onbekend {ref.target}")
    return f"{_field(loc)}: {what} '{value}'{suggest(value, list(target))}"


# An id that many records name but none has was most likely renamed where it is defined: one
# message for all of its places instead of one per place (a renamed source document is cited ~100 times).
_MANY = 4


def _one_for_many(places: list[Problem]) -> list[Problem]:
    if len(places) < _MANY:
        return places
    first = min(places)
    files = len({p.path for p in places})
    return [
        Problem(
            first.path,
            first.line,
            first.col,
            f"{first.message}; dezelfde id staat op nog {len(places) - 1} plekken in {files} bestand(en): "
            "is hij hernoemd of verwijderd waar hij gedefinieerd wordt?",
        )
    ]


def _reporter(w: _Written, problems: list[Problem]) -> Report:
    def report(loc: Loc, message: str) -> None:
        problems.append(w.file.problem(w.loc + loc, message))

    return report


def _check_nested_ids(record: Any, w: _Written, problems: list[Problem]) -> None:
    """Records nested in a record (roadmap items, NSE rules) are addressed by id: no two alike."""
    seen: dict[str, int] = {}

    def walk(value: Any, loc: Loc) -> None:
        if isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, loc + (i,))
        elif isinstance(value, m.Record):
            nested_id = getattr(value, "id", None)
            if loc and isinstance(nested_id, str):
                line = w.file.locate(w.loc + loc + ("id",))[0]
                if nested_id in seen:
                    problems.append(
                        w.problem(loc + ("id",), f"id '{nested_id}' staat dubbel (ook op regel {seen[nested_id]})")
                    )
                seen.setdefault(nested_id, line)
            for name in type(value).model_fields:
                walk(getattr(value, name), loc + (name,))

    walk(record, ())


def _field(loc: Loc) -> str:
    """The name of the field a reference sits in, as editors see it in the YAML."""
    return next((str(p) for p in reversed(loc) if isinstance(p, str)), "")


def _link(cat: Catalog) -> None:
    """Compute every reverse relation from the forward references, in the order records are listed."""
    back: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    symmetric: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for rt in cat.types:
        for ident, record in cat.records[rt.name].items():
            for loc, ref, value in refs_in(record):
                if ref.symmetric:
                    name = next(str(p) for p in reversed(loc) if isinstance(p, str))
                    symmetric[ident][name].add(value)
                    symmetric[value][name].add(ident)
                elif ref.reverse and ident not in back[value][ref.reverse]:
                    back[value][ref.reverse].append(ident)
    order = {ident: i for rt in cat.types for i, ident in enumerate(cat.records[rt.name])}
    for ident, relations in symmetric.items():
        for name, ids in relations.items():
            back[ident][name] = sorted(ids, key=order.__getitem__)
    cat.backrefs = {ident: dict(back[ident]) for ident in order if ident in back}

"""The contribution form (/bijdragen/): which records it proposes or corrects, and where to send them.

The form is generated in the browser from the same JSON Schema that validates the YAML
(`toolbox.schema`), with the ids a reference may name filled in as choices, so what it produces
passes `toolbox validate`. It opens the repository host's web editor when `mkdocs.yml` names the
repository (`repo_url`, or an `edit_uri_template` on GitHub); otherwise the page offers the YAML to
copy and the guide's issue route. Nothing is sent anywhere by the site itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from toolbox.catalog import Catalog
from toolbox.registry import BY_NAME, Folder, ListFile, RecordType, ref_fields
from toolbox.schema import DIALECT, _drop_generated_titles
from toolbox.sitemap import Links, P, page_url, record_uri

# The record types the form handles, with the word used in its address (`?nieuw=aanpak`,
# `?wijzig=casus/<id>`); `new`: whether the form proposes new records of the type.
FORM_TYPES: tuple[tuple[str, str, bool], ...] = (
    ("intervention", "aanpak", True),
    ("case", "casus", False),
    ("element", "element", False),
)
# The fields of `Text`, `Markdown` and `Article` (models.py) carry this pattern: several lines.
_MULTILINE = r"\S"
_GITHUB = re.compile(r"^https://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?$")
_GITHUB_EDIT = re.compile(r"^(https://github\.com/[^/\s]+/[^/\s]+)/(?:edit|blob)/([^/\s]+)/\{path\}$")


@dataclass(frozen=True)
class Repository:
    """A repository on GitHub and its branch: where the web editor opens."""

    web: str  # https://github.com/owner/name
    branch: str

    @property
    def new_file(self) -> str:
        """Add `?filename=<path>&value=<text>` (GitHub's documented prefill for a new file)."""
        return f"{self.web}/new/{self.branch}"

    @property
    def edit_file(self) -> str:
        """Add the file's path."""
        return f"{self.web}/edit/{self.branch}/"

    @property
    def issues(self) -> str:
        return f"{self.web}/issues/new"


def repository(repo_url: object, edit_uri_template: object) -> Repository | None:
    """The repository `mkdocs.yml` configures, or None (then the form offers copy and the issue route).

    MkDocs gives `edit_uri_template` as a `string.Template`; its `.template` is the text."""
    template = getattr(edit_uri_template, "template", edit_uri_template)
    edit = _GITHUB_EDIT.match(str(template or ""))
    if edit:
        return Repository(edit.group(1), edit.group(2))
    repo = _GITHUB.match(str(repo_url or ""))
    if repo:
        return Repository(f"https://github.com/{repo.group(1)}/{repo.group(2)}", "main")
    return None


def record_schema(cat: Catalog, rt: RecordType) -> dict[str, Any]:
    """The JSON Schema of one record, with the ids each reference may name as its `enum` (and their
    titles as `x-labels`), and `x-multiline` on fields that hold more than a line."""
    schema = _drop_generated_titles(rt.model.model_json_schema(mode="validation"))
    schema.pop("title", None)
    schema["$schema"] = DIALECT
    defs = schema.get("$defs", {})
    for rf in ref_fields(rt.model):
        owner = schema if rf.model is rt.model else defs.get(rf.model.__name__)
        prop = (owner or {}).get("properties", {}).get(rf.name)
        if prop is None:
            continue
        records = cat.records.get(rf.ref.target, {})
        labels = {ident: str(getattr(r, "title", ident)) for ident, r in records.items()}
        target = prop.get("items", prop)
        for branch in target.get("anyOf", [target]):
            if branch.get("type") == "string":
                branch["enum"] = list(labels)
                branch["x-labels"] = labels
    for node in [schema, *defs.values()]:
        node["x-order"] = list(node.get("properties", {}))  # the data file's JSON sorts its keys
        for prop in node.get("properties", {}).values():
            for branch in [prop, *prop.get("anyOf", [])]:
                if branch.get("pattern") == _MULTILINE:
                    branch["x-multiline"] = True
    return schema


def file_for_new(rt: RecordType) -> str | None:
    """Where a new record proposed by the form goes: `{id}` is replaced by its id."""
    if isinstance(rt.store, ListFile) and rt.store.more:
        return f"{rt.store.more}/{{id}}.yaml"
    if isinstance(rt.store, Folder):
        return f"{rt.store.path}/{{id}}.yaml"
    return None


def form_types() -> list[tuple[RecordType, str, bool]]:
    return [(BY_NAME[name], word, new) for name, word, new in FORM_TYPES]


def _corrections(cat: Catalog) -> dict[str, str]:
    """{record page: the form's query that corrects its record}."""
    return {
        record_uri(rt.name, ident): f"?wijzig={word}/{ident}"
        for rt, word, _ in form_types()
        for ident in cat.records[rt.name]
    }


def improve_urls(cat: Catalog) -> dict[str, str]:
    """{record page: site path of the form that corrects its record} ("Verbeter deze pagina").

    A site path, as page.meta.tb_data: the record footer (overrides/main.html) makes it relative."""
    return {uri: f"{page_url(P.contribute)}{query}" for uri, query in _corrections(cat).items()}


def new_url(from_page: str, word: str = "aanpak") -> str:
    """Relative URL of the form for a new record ("Nieuwe aanpak voorstellen")."""
    return f"{Links(from_page).href(P.contribute)}?nieuw={word}"

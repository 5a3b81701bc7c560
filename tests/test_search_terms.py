"""The search synonyms (content/zoekwoorden.yaml): validated like every record, with Dutch
`path:line:col` errors, and each synonym must point at words that occur in the content."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_toolbox
from tests.test_validate import edit, problems
from toolbox import search_index
from toolbox.catalog import load_catalog

FILE = "content/zoekwoorden.yaml"


def test_the_synonyms_load_and_point_at_content_words(repo: Path) -> None:
    cat = load_catalog(repo)
    terms = {t.term: t.words for t in cat.search_terms.terms}
    assert terms["SLB"] == ["studieloopbaanbegeleiding", "studieloopbaanbegeleider"]


def test_a_synonym_for_a_word_the_content_lacks_is_an_error_at_its_place(repo: Path) -> None:
    path = repo / FILE
    line = edit(path, "words: [wandeling]", "words: [wandelingk]")
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    col = text.index("wandelingk") + 1
    found = problems(repo)
    assert (
        f"{FILE}:{line}:{col}: zoekwoord 'wandelen': 'wandelingk' komt nergens in de "
        "inhoud voor; een zoekwoord moet naar woorden van de site wijzen (bedoelde je 'wandeling'?)"
    ) in found, found
    result = run_toolbox(repo, "validate")
    assert result.returncode == 1
    assert f"{FILE}:{line}:{col}:" in result.stdout + result.stderr


def test_a_term_twice_is_an_error(repo: Path) -> None:
    edit(repo / FILE, "  - term: wandelen\n", "  - term: SLB\n")
    found = problems(repo)
    assert any(p.startswith(f"{FILE}:") and "zoekwoord 'slb' staat dubbel in de lijst" in p for p in found), found
    assert run_toolbox(repo, "validate").returncode == 1


def test_an_empty_list_of_words_is_an_error(repo: Path) -> None:
    line = edit(repo / FILE, "words: [studentpsycholoog]", "words: []")
    assert f"{FILE}:{line}:12: zoekwoorden 'zoekwoorden': words mag niet leeg zijn" in problems(repo)


def test_the_word_list_for_the_browser_holds_the_synonyms(tmp_path: Path, repo: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        '<html><body><nav>menu</nav><article data-pagefind-body><h1>Studentencafé<a class="headerlink">¶</a></h1>'
        "<p>Een plek op de campus.</p><div data-pagefind-ignore>toolbox validate</div></article></body></html>",
        encoding="utf-8",
    )
    search_index.write_words(site, load_catalog(repo).search_terms)
    data = json.loads((site / "search" / "woorden.json").read_text(encoding="utf-8"))
    assert set(data["words"]) == {"studentencafe", "een", "plek", "campus"}  # the indexed text only
    assert data["synonyms"]["slb"] == ["studieloopbaanbegeleiding", "studieloopbaanbegeleider"]

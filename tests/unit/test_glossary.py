"""The glossary's small print (model/glossary.py): its definitions are the editors' and the
page says so, a definition that cites a law or a date names its source, and a term's Nordic
equivalents are the editors' translations, marked with their language and given to the search."""

from __future__ import annotations

import markdown
import pytest

from tests.support import ROOT
from us_nordic_kb.model import glossary
from us_nordic_kb.model.data_files import DataFileError
from us_nordic_kb.render import glossary_page

TERM = """- id: a-term
  term: A term
  definition: >-
    {definition}
"""


def load(tmp_path, definition: str, extra: str = "") -> list[glossary.Term]:
    path = tmp_path / "glossary.yml"
    path.write_text(TERM.format(definition=definition) + extra, encoding="utf-8")
    return glossary.load(path, tmp_path, "docs/glossary.yml")


@pytest.mark.parametrize(
    ("definition", "cited"),
    [
        ("Defined in 18 U.S.C. § 2331.", "U.S.C."),
        ("Set out in section 5 of the Administration of Justice Act.", "Justice Act"),
        ("A rule for meetings, first used in 1927.", "1927"),
        ("What the statute calls a public threat.", "statute"),
        ("Sharing that legislation allows.", "legislation"),
    ],
)
def test_a_definition_that_cites_a_law_or_a_date_without_a_source_is_refused_with_its_line(tmp_path, definition, cited):
    with pytest.raises(DataFileError) as raised:
        load(tmp_path, definition)
    assert [str(p) for p in raised.value.problems] == [
        f"docs/glossary.yml:3: term 'a-term', field 'definition': cites a law or a date (“{cited}”) but names no source — "
        "add 'source:' saying where it comes from (the law itself, an official page), or leave the citation out"
    ]


def test_with_a_source_it_loads_and_the_page_shows_the_source(tmp_path):
    terms = load(tmp_path, "A term of US federal law (18 U.S.C. § 2331).", "  source: the United States Code\n")
    assert terms[0].source == "the United States Code"
    html = markdown.markdown(glossary_page.glossary_markdown(terms, []), extensions=["attr_list", "us_nordic_kb.render.sanitise"])
    assert "(18 U.S.C. § 2331). Source: the United States Code." in html


def test_a_definition_is_text_not_markup(tmp_path):
    terms = load(tmp_path, "A term <img src=x onerror=alert(1)> with *stars*.")
    html = markdown.markdown(glossary_page.glossary_markdown(terms, []), extensions=["attr_list", "us_nordic_kb.render.sanitise"])
    assert "&lt;img src=x onerror=alert(1)&gt; with *stars*." in html and "<img" not in html


def test_an_empty_source_is_refused(tmp_path):
    with pytest.raises(DataFileError, match=r"glossary.yml:5: term 'a-term', field 'source': empty or not text"):
        load(tmp_path, "Plain words.", "  source: ' '\n")


def test_words_that_cite_nothing_need_no_source(tmp_path):
    assert load(tmp_path, "Police and other law enforcement staff act first, many times a day.")[0].source is None


def test_the_glossary_page_says_its_definitions_are_the_editors():
    terms = glossary.load(ROOT / "docs/glossary.yml", ROOT / "docs", "docs/glossary.yml")
    page = glossary_page.glossary_markdown(terms, glossary.abbreviations(ROOT / "docs"))
    assert page.startswith("## Terms\n\n" + glossary_page.EDITORS_NOTE + "\n")
    assert "the editors' own" in glossary_page.EDITORS_NOTE and "not taken from the workshop report" in glossary_page.EDITORS_NOTE
    assert "{{ glossary_terms() }}" in (ROOT / "docs/glossary.md").read_text(encoding="utf-8")


def test_every_definition_of_the_real_glossary_that_cites_a_law_or_a_date_names_its_source():
    terms = glossary.load(ROOT / "docs/glossary.yml", ROOT / "docs", "docs/glossary.yml")
    cited = [t for t in terms if glossary.NEEDS_SOURCE.search(t.definition)]
    assert cited, "the check has nothing to hold: no definition cites a law or a date any more"
    assert all(t.source for t in cited), [t.id for t in cited if not t.source]


def test_make_check_reports_a_definition_without_its_source_with_file_and_line(tmp_path):
    from tests.support import fixture_docs, problem_lines, run_check

    docs = fixture_docs(tmp_path)
    path = docs / "glossary.yml"
    path.write_text(path.read_text().replace("no speaker is named.", "no speaker is named, set in 1927."))
    assert problem_lines(run_check(docs)) == [
        "docs/glossary.yml:10: term 'chatham-house-rule', field 'definition': cites a law or a date (“1927”) but names no "
        "source — add 'source:' saying where it comes from (the law itself, an official page), or leave the citation out"
    ]


EQUIVALENTS = """  equivalents:
    sv: [radikalisering]
    fi: [radikalisoituminen]
"""


def test_equivalents_are_shown_marked_with_their_language_in_a_fixed_order(tmp_path):
    terms = load(tmp_path, "Plain words.", EQUIVALENTS)
    assert terms[0].equivalents == (("fi", ("radikalisoituminen",)), ("sv", ("radikalisering",)))
    html = markdown.markdown(glossary_page.glossary_markdown(terms, []), extensions=["attr_list"])
    assert (
        '<p>In Finnish: <span lang="fi">radikalisoituminen</span>; in Swedish: <span lang="sv">radikalisering</span>.</p>' in html
    )


def test_an_equivalent_is_text_not_markup(tmp_path):
    terms = load(tmp_path, "Plain words.", "  equivalents:\n    da: ['<b>fed</b> *x*']\n")
    html = markdown.markdown(glossary_page.glossary_markdown(terms, []), extensions=["attr_list", "us_nordic_kb.render.sanitise"])
    assert '<span lang="da">&lt;b&gt;fed&lt;/b&gt; *x*</span>' in html and "<b>" not in html


@pytest.mark.parametrize(
    ("equivalents", "problem"),
    [
        (
            "  equivalents:\n    no: [radikalisering]\n",
            "docs/glossary.yml:6: term 'a-term', field 'equivalents': unknown language 'no' (Norwegian Bokmål is nb) — "
            "expected a list of words",
        ),
        (
            "  equivalents:\n    sv: radikalisering\n",
            "docs/glossary.yml:6: term 'a-term', field 'equivalents', sv: got 'radikalisering' — expected a list of words",
        ),
        ("  equivalents: []\n", "docs/glossary.yml:5: term 'a-term', field 'equivalents': expected a list of words"),
    ],
)
def test_a_malformed_equivalent_is_refused_with_its_line(tmp_path, equivalents, problem):
    with pytest.raises(DataFileError) as raised:
        load(tmp_path, "Plain words.", equivalents)
    assert [str(p) for p in raised.value.problems][0].startswith(problem), raised.value.problems


def test_a_word_stands_for_one_term_only(tmp_path):
    other = "- id: b-term\n  term: B term\n  definition: Other words.\n  equivalents:\n    da: [Radikalisering]\n"
    with pytest.raises(DataFileError) as raised:
        load(tmp_path, "Plain words.", EQUIVALENTS + other)
    assert [str(p) for p in raised.value.problems] == [
        "docs/glossary.yml:12: term 'b-term', field 'equivalents', da: 'Radikalisering' is already an equivalent of "
        "term 'a-term' — a word may stand for one term only"
    ]


def test_the_search_takes_each_equivalent_for_its_english_term(tmp_path):
    terms = load(tmp_path, "Plain words.", EQUIVALENTS)
    assert glossary.search_equivalents(terms) == {"radikalisoituminen": "A term", "radikalisering": "A term"}


def test_the_glossary_page_says_the_equivalents_are_the_editors_translations():
    terms = glossary.load(ROOT / "docs/glossary.yml", ROOT / "docs", "docs/glossary.yml")
    page = glossary_page.glossary_markdown(terms, glossary.abbreviations(ROOT / "docs"))
    assert glossary_page.EQUIVALENTS_NOTE in page and "the editors' translations" in glossary_page.EQUIVALENTS_NOTE
    languages = {lang for term in terms for lang, _ in term.equivalents}
    assert languages == set(glossary.EQUIVALENT_LANGUAGES), languages

"""The copy and close-paraphrase check against the report's fingerprint (check/paraphrase.py)."""

from __future__ import annotations

import json

from us_nordic_kb.check import paraphrase

REPORT = (
    "Participants emphasised the importance of communication and transparency among different stakeholders "
    "as an essential foundation for robust and effective prevention planning. Mayors spoke at length."
)


def docs_with(tmp_path, text: str):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text(text)
    (tmp_path / "fingerprint.json").write_text(json.dumps(paraphrase.fingerprint(REPORT)))
    return docs, tmp_path / "fingerprint.json"


def test_the_fingerprint_holds_no_word_of_the_report():
    data = json.dumps(paraphrase.fingerprint(REPORT))
    assert "communication" not in data and "transparency" not in data
    assert len(paraphrase.fingerprint(REPORT)["stream"]) == len(paraphrase.words(REPORT))


def test_a_copied_run_of_twelve_words_is_found(tmp_path):
    docs, fingerprint = docs_with(
        tmp_path,
        "# Page\n\nAs they said, communication and transparency among different stakeholders as an essential foundation for "
        "robust planning.\n",
    )
    found = paraphrase.problems(docs, fingerprint, allowlist=[])
    assert any(":3: 12 words in a row as in the report" in f for f in found), found


def test_a_sentence_re_worded_with_a_word_or_two_swapped_is_found(tmp_path):
    docs, fingerprint = docs_with(
        tmp_path,
        "# Page\n\nParticipants emphasised the importance of communication and openness among different stakeholders as a basis "
        "for effective prevention planning.\n",
    )
    found = paraphrase.problems(docs, fingerprint, allowlist=[])
    assert len(found) == 1 and ":3: " in found[0] and "follow one sentence of the report" in found[0], found


def test_a_synthesis_in_own_words_passes(tmp_path):
    docs, fingerprint = docs_with(
        tmp_path, "# Page\n\nPrevention plans hold up when agencies talk openly. That was the first point people made.\n"
    )
    assert paraphrase.problems(docs, fingerprint, allowlist=[]) == []


def test_the_allowlist_excuses_a_sentence_and_a_stale_entry_is_reported(tmp_path):
    text = (
        "Participants emphasised the importance of communication and openness among different stakeholders "
        "as a basis for effective prevention planning."
    )
    docs, fingerprint = docs_with(tmp_path, f"# Page\n\n{text}\n")
    sentence = " ".join(paraphrase.words(text))
    entry = {"file": str(docs / "page.md"), "sentence": sentence, "reason": "a test"}
    assert paraphrase.problems(docs, fingerprint, allowlist=[entry]) == []
    stale = {"file": str(docs / "page.md"), "sentence": "words no page has", "reason": "a test"}
    found = paraphrase.problems(docs, fingerprint, allowlist=[entry, stale])
    assert len(found) == 1 and "matches nothing any more — remove it" in found[0]


def test_every_allowlist_entry_gives_a_reason():
    for entry in paraphrase.load_allowlist():
        assert set(entry) == {"file", "sentence", "reason"} and entry["reason"].strip(), entry


def test_the_stored_fingerprint_is_of_the_whole_report():
    data = json.loads(paraphrase.FINGERPRINT.read_text())
    assert len(data["stream"]) > 3500 and len(data["sentences"]) > 100

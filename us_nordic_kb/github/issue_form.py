"""Read a submitted GitHub issue form: the Markdown GitHub writes for it, field by field.

GitHub writes each field as a `### <label>` heading followed by the answer (`_No response_` when
left empty) and checkboxes as `- [X] <option>` or `- [ ] <option>`. The body is untrusted: the
submitter may edit it freely, so every answer is checked against the form's own definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

NO_RESPONSE = {"_No response_", "None", ""}
_CHECKBOX = re.compile(r"^\s*[-*] \[([ xX])\] (.*?)\s*$")


@dataclass(frozen=True)
class Field:
    """One question of the form, as its YAML definition gives it."""

    id: str
    label: str
    type: str  # input, textarea, dropdown or checkboxes
    options: tuple[str, ...] = ()
    required: bool = False


def fields(form: Path) -> list[Field]:
    """The questions of the issue form at `form` (markdown blocks left out), in order."""
    definition = yaml.safe_load(form.read_text(encoding="utf-8"))
    found = []
    for block in definition["body"]:
        if block["type"] == "markdown":
            continue
        options = block["attributes"].get("options", [])
        labels = tuple(o["label"] if isinstance(o, dict) else str(o) for o in options)
        required = bool(block.get("validations", {}).get("required", False))
        found.append(Field(block["id"], block["attributes"]["label"], block["type"], labels, required))
    return found


def read(body: str, questions: list[Field]) -> tuple[dict[str, str | list[str]], dict[str, str]]:
    """The answers of a submitted form, by field id (text, or the ticked options of checkboxes),
    and what is wrong with the body, by field id ('' when it concerns the whole form)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    by_label = {f"### {q.label}": q for q in questions}
    starts: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if (question := by_label.get(line.rstrip())) is not None:
            starts.setdefault(question.id, []).append(number)
    problems: dict[str, str] = {}
    if not starts:
        return {}, {"": "this issue is not a filled-in “Suggest a resource” form — open a new issue with that form"}
    heading_lines = sorted(n for found in starts.values() for n in found)
    answers: dict[str, str | list[str]] = {}
    for question in questions:
        found = starts.get(question.id, [])
        if len(found) > 1:
            problems[question.id] = f"the heading “### {question.label}” appears {len(found)} times — keep only the form's own"
        if not found:
            answers[question.id] = [] if question.type == "checkboxes" else ""
            continue
        end = next((n for n in heading_lines if n > found[0]), len(lines))
        text = "\n".join(lines[found[0] + 1 : end]).strip()
        if question.type == "checkboxes":
            answers[question.id], problem = _ticked(text, question)
        else:
            answer = "" if text in NO_RESPONSE else text
            answers[question.id] = answer
            problem = _not_an_option(answer, question) if question.type == "dropdown" else ""
        if problem:
            problems.setdefault(question.id, problem)
    return answers, problems


def _ticked(text: str, question: Field) -> tuple[list[str], str]:
    """The options ticked in a checkbox answer, and a problem if a line is not one of them."""
    ticked: list[str] = []
    for line in text.split("\n"):
        if not line.strip() or line.strip() in NO_RESPONSE:
            continue
        match = _CHECKBOX.match(line)
        if match is None or match.group(2) not in question.options:
            return ticked, "holds a line that is not one of the form's boxes — tick boxes only, without changing their text"
        if match.group(1) in "xX":
            ticked.append(match.group(2))
    return ticked, ""


def _not_an_option(answer: str, question: Field) -> str:
    if answer and answer not in question.options:
        return f"is not one of the form's choices — choose one of: {', '.join(question.options)}"
    return ""

"""`make check`: every check of the project's sources that needs no build.

- the registry and the glossary (structure, ids, relations, addresses);
- every page's front matter and structure, and each topic page's `sources`;
- every page as readers see it: readability (printed per page), specialist terms linked to the
  glossary where first used, and no present tense about what has ended since;
- no passage that copies the workshop report or closely re-words one of its sentences.

Each problem is `file:line: what is wrong — how to fix it` (the command: check/__main__.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from us_nordic_kb.check import html_policy, page_links, paraphrase, prose, readability, rendered, source_lines
from us_nordic_kb.model import glossary, history, labels, pages, published_files
from us_nordic_kb.model.data_files import DataFileError, decode
from us_nordic_kb.model.project import Project
from us_nordic_kb.model.registry import REGISTRY_PATH, Registry, cache_folder, load
from us_nordic_kb.model.sources import Sources, load_sources
from us_nordic_kb.render import macro_calls


def check_sources(project: Project, docs: Path, registry_file: Path) -> tuple[Sources | None, list[str]]:
    """The loaded registry and glossary (None if either is invalid) and their problems."""
    try:
        if registry_file != docs / REGISTRY_PATH:  # a registry from elsewhere: check it alone
            load(registry_file, docs_dir=docs, name=project.display(registry_file), schema=project.schema_file)
            return None, []
        return load_sources(docs, cache_folder(), project.schema_file), []
    except DataFileError as error:
        return None, [str(p) for p in error.problems]


def check_page(
    project: Project, path: Path, name: str, topic_page_of: Registry | None = None, roles: tuple[str, ...] = ()
) -> list[str]:
    """Problems of one page's front matter and structure; `topic_page_of` is the registry when
    the page is a theme or next-step page, and `roles` the role ids its sections may be tagged with."""
    text = path.read_text(encoding="utf-8")
    try:
        source = pages.split(text)
    except yaml.MarkedYAMLError as error:
        error_line = error.problem_mark.line + 2 if error.problem_mark else 1
        return [f"{name}:{error_line}: front matter is not valid YAML ({error.problem}) — fix the syntax; indent with spaces"]
    if not source.has_front_matter:
        return [f"{name}:1: no front matter — start the page with '---', a 'description:' line and '---'"]
    meta, lines, body_line = source.meta, source.key_lines, source.body_line
    problems = pages.front_matter_problems(source, name, project.root)
    render = meta.get("render_macros", False)
    body = source.body.split("\n")
    macro_lines = [n for n, line in enumerate(body, start=body_line) if "{{" in line or "{%" in line]
    if macro_lines and render is not True:
        problems.append(
            f"{name}:{macro_lines[0]}: the page uses a macro but macros are off — add 'render_macros: true' to the front matter"
        )
    if render is True:
        for n, line in enumerate(body, start=body_line):
            if "{#" in line:
                problems.append(
                    f"{name}:{n}: '{{#' opens a Jinja comment on a page with macros — move the heading id to a page "
                    "without macros or write it with attr_list spacing '{ #id }'"
                )
    headings = [(n, line) for n, line in enumerate(body, start=body_line) if line.startswith("# ")]
    for n, line in headings:
        if re.search(r"[<>]|&[#\w]+;", line):
            problems.append(f"{name}:{n}: a page title holds markup or an HTML entity — write it as plain text")
        elif "{{" in line or "{%" in line:
            problems.append(f"{name}:{n}: a page title holds a macro — write it as plain text")
    if len(headings) != 1:
        where = headings[1][0] if len(headings) > 1 else body_line
        problems.append(f"{name}:{where}: the page has {len(headings)} top-level headings — give it exactly one '# Title'")
    elif headings[0][0] != body_line:
        problems.append(
            f"{name}:{headings[0][0]}: the page's '# ' heading is not its first line after the front matter — "
            "move it up: MkDocs takes a page's title from there, and so does every list of pages"
        )
    if topic_page_of is not None:
        problems += _topic_page_problems(name, text, body, body_line, meta, lines, topic_page_of)
        problems += _role_problems(name, text, body, meta, lines, roles)
    return problems


def _topic_page_problems(
    name: str, text: str, body: list[str], body_line: int, meta: dict, lines: dict, registry: Registry
) -> list[str]:
    """A theme or next-step page needs its lead (the notice follows it), its related block, and
    `sources` that name its own sections and known parts of the report."""
    problems = []
    if not any(line.strip() == "{ .lead }" for line in body):
        problems.append(
            f"{name}:{body_line}: theme or next-step page without a lead — end its first paragraph with a line '{{ .lead }}'"
        )
    if not any("{{ related() }}" in line for line in body):
        problems.append(
            f"{name}:{len(text.splitlines())}: theme or next-step page without its related block — end it with "
            f"'{{{{ related() }}}}'"
        )
    sources = meta.get("sources") or {}
    if not isinstance(sources, dict):
        return problems + [f"{name}:{lines['sources']}: sources must map section ids to lists of parts of the report"]
    sections = {section for _, section in pages.section_ids("\n".join(body))}
    known = labels.known_sources(registry)
    for key, parts in sources.items():
        line = pages.line_of(text, f"{key}:", lines.get("sources", 0)) or lines.get("sources", 1)
        if key not in sections:
            problems.append(
                f"{name}:{line}: sources names section '{key}', which the page does not have — use one of: "
                f"{', '.join(sorted(sections))}"
            )
        for part in parts if isinstance(parts, list) else [parts]:
            if part not in known:
                problems.append(
                    f"{name}:{line}: sources for '{key}': unknown part '{part}' — expected one of: {', '.join(known)}"
                )
    return problems


def _role_problems(name: str, text: str, body: list[str], meta: dict, lines: dict, roles: tuple[str, ...]) -> list[str]:
    """`roles` must map section ids of the page to role ids, each with one line on why."""
    tags = meta.get("roles") or {}
    if not isinstance(tags, dict):
        return [f"{name}:{lines['roles']}: roles must map section ids to role ids and a line each"]
    problems = []
    sections = {section for _, section in pages.section_ids("\n".join(body))}
    for section, per_role in tags.items():
        at = pages.line_of(text, f"{section}:", lines.get("roles", 0)) or lines.get("roles", 1)
        if section not in sections:
            problems.append(
                f"{name}:{at}: roles names section '{section}', which the page does not have — use one of: "
                f"{', '.join(sorted(sections))}"
            )
        for role, why in (per_role or {}).items() if isinstance(per_role, dict) else []:
            role_at = pages.line_of(text, f"{role}:", at) or at
            if role not in roles:
                problems.append(
                    f"{name}:{role_at}: unknown role '{role}' — expected one of: {', '.join(roles)} (see docs/roles.yml)"
                )
            elif not isinstance(why, str) or not why.strip():
                problems.append(f"{name}:{role_at}: role '{role}' needs one line on why the section matters to that role")
            elif readability.word_count(why) > readability.MAX_WORDS:
                problems.append(
                    f"{name}:{role_at}: the line for role '{role}' has {readability.word_count(why)} words — keep it to "
                    f"{readability.MAX_WORDS}"
                )
    return problems


def check_rendered(project: Project, docs: Path, sources: Sources) -> tuple[list[str], list[tuple[str, readability.Figures]]]:
    """Problems found on the pages as readers see them, and each page's readability."""
    renderer = rendered.Renderer(sources, project)
    display = project.display
    problems, figures = [], []
    data_files = [docs / REGISTRY_PATH, docs / "glossary.yml"]
    all_pages = _pages(docs)
    # Where a page's text can come from besides the page: data files, snippets, other pages (a
    # reading path shows lines from the topic pages' front matter).
    origins = [*data_files, *sorted(set(docs.glob("*.yml")) - set(data_files)), *_snippets(project, docs), *all_pages]
    locator = source_lines.Locator(display)
    shown: dict[str, page_links.Links] = {}
    ended = prose.ended_entries(sources.registry)  # once: a page's check must not go through every entry
    for path in all_pages:
        relative = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        meta, body, body_line = rendered.split_front_matter(text)
        try:
            policy = html_policy.problems(display(path), body, body_line, meta.get("render_macros") is True, renderer.raw_html)
        except Exception as error:  # noqa: BLE001 - a page Markdown cannot convert (a missing snippet...) is reported, not raised
            problems.append(f"{display(path)}:{body_line}: the page cannot be converted ({error}) — fix it")
            continue
        if policy:
            problems += policy
            continue
        if meta.get("render_macros") is True:
            roles = {r.id for r in sources.roles}
            calls = macro_calls.problems(body, body_line, relative, renderer.macros, sources.registry, roles)
            if calls:
                problems += [c.replace(f"docs/{relative}:", f"{display(path)}:", 1) for c in calls]
                continue
        try:
            page = renderer.render(relative, text)
        except Exception as error:  # noqa: BLE001 - any failure of a page's macros is reported, not raised
            problems.append(f"{display(path)}:{body_line}: the page cannot be rendered ({error}) — fix its macro calls")
            continue
        tree = rendered.parse(page.html)  # one parse for the readability, glossary, tense and link checks
        shown[relative] = page_links.links_of(tree)
        blocks = rendered.prose_blocks(tree)
        measured = readability.measure(blocks)
        figures.append((display(path), measured))
        if measured.ease < readability.MIN_EASE:
            problems.append(
                f"{display(path)}:{page.body_line}: reading ease {measured.ease:.0f} is below {readability.MIN_EASE:.0f} — use "
                "shorter sentences and plainer words"
            )
        for sentence in measured.long_sentences:
            where = locator.where(sentence, [path, *origins])
            problems.append(
                f"{where}: sentence of {readability.word_count(sentence)} words (at most {readability.MAX_WORDS}): "
                f'"{sentence[:90]}…" — split it'
            )
        if not str(page.meta.get("edit_source", "")).endswith(".yml"):  # not a page built from a data file
            problems += [f"{locator.where(at, [path])}: {m}" for at, m in prose.unlinked_terms(tree, sources)]
        problems += [f"{locator.where(at, [path, *origins])}: {m}" for at, m in prose.present_tense(page.html, tree, ended)]
    if not problems:  # every page rendered: their links can be followed
        # the navigation of mkdocs.yml is that of its own docs folder (not of a folder given with --docs)
        nav = list(project.nav) if docs.resolve() == project.docs_dir else list(shown)
        read: dict[Path, list[str]] = {}
        problems += page_links.problems(
            docs, shown, nav, lambda page, needle: _line_of(project, docs / page, needle, data_files, read), {history.FEED}
        )
    problems += [
        f"docs/{REGISTRY_PATH}: entry '{e.id}': its description speaks in the present tense but it {prose.how_ended(e)} — "
        "put it in the past tense"
        for e in sources.registry.entries.values()
        if prose.how_ended(e) and prose.PRESENT_TENSE.search(e.description)
    ]
    return problems, figures


def _line_of(project: Project, path: Path, needle: str, data_files: list[Path], read: dict[Path, list[str]]) -> str:
    """file:line of the first line holding `needle` in the page, else in a data file, else the
    page's first line; `read` keeps each file's lines for the rest of the run."""
    for file in [path, *data_files]:
        if file not in read:
            read[file] = file.read_text(encoding="utf-8").splitlines()
        number = next((n for n, line in enumerate(read[file], start=1) if needle in line), None)
        if number:
            return f"{project.display(file)}:{number}"
    return f"{project.display(path)}:1"


def _snippets(project: Project, docs: Path) -> list[Path]:
    """The files pages may include as snippets (mkdocs.yml, pymdownx.snippets)."""
    return sorted((docs / "includes").glob("*.md")) + [project.root / "CONTRIBUTING.md"]


def _pages(docs: Path) -> list[Path]:
    return [p for p in sorted(docs.rglob("*.md")) if not p.relative_to(docs).as_posix().startswith("includes/")]


def check_citation(project: Project) -> list[str]:
    """CITATION.cff and the citation fields of mkdocs.yml, which the page templates cite from,
    must agree."""
    cff = yaml.safe_load((project.root / "CITATION.cff").read_text(encoding="utf-8"))
    lines = project.config_file.read_text(encoding="utf-8").splitlines()
    expected = {"author": cff["authors"][0]["name"], "licence": cff["license"], "site_name": cff["title"], "site_url": cff["url"]}
    found = {**project.extra.citation, "site_name": project.site_name, "site_url": project.site_url}
    problems = []
    for key, value in expected.items():
        if found.get(key) != value:
            line = next((n for n, text_line in enumerate(lines, start=1) if text_line.strip().startswith(f"{key}:")), 1)
            problems.append(
                f"{project.config_file.name}:{line}: {key} is {found.get(key)!r} but CITATION.cff says {value!r} — "
                "make them the same"
            )
    return problems


def not_utf8(project: Project, docs: Path) -> list[str]:
    """`file:line: … — save the file as UTF-8` for each file that `make check` reads and that is not
    UTF-8 (the pages, data files and schema under `docs`, the snippets, CITATION.cff and the report
    comparison's files; mkdocs.yml is read first of all, by model/project.py)."""
    root = project.root
    files = {p for p in docs.rglob("*") if p.suffix in {".md", ".yml", ".json"} and p.is_file() and not p.is_symlink()}
    files |= {*_snippets(project, docs), root / "CITATION.cff", paraphrase.ALLOWLIST, paraphrase.FINGERPRINT}
    problems = []
    for file in sorted(files):
        try:
            decode(file.read_bytes(), project.display(file))
        except DataFileError as error:
            problems += [str(p) for p in error.problems]
        except OSError:
            continue  # a file that cannot be read at all is reported where it is needed
    return problems


def check(project: Project, docs: Path | None = None, registry_file: Path | None = None) -> Outcome:
    """Every problem of the data files and of the pages under `docs` (default: the project's),
    with a registry from elsewhere if `registry_file` is given, and each page's figures."""
    docs = docs or project.docs_dir
    if unreadable := not_utf8(project, docs):
        return Outcome(unreadable, [])  # nothing else can read these files
    sources, problems = check_sources(project, docs, registry_file or docs / REGISTRY_PATH)
    registry = sources.registry if sources else None
    roles = tuple(r.id for r in sources.roles) if sources else ()
    topic_pages = {t.page for t in registry.topics.values()} if registry else set()
    problems += snippet_links(project) + published_files.problems(docs, project.root)
    problems += glossary.abbreviation_problems(docs)
    for page in _pages(docs):
        relative = page.relative_to(docs).as_posix()
        if not pages.PAGE_PATH.fullmatch(relative):
            problems.append(
                f"{project.display(page)}:1: page file names use a-z, 0-9 and hyphens only — rename it, e.g. my-page.md"
            )
            continue
        problems += check_page(project, page, project.display(page), registry if relative in topic_pages else None, roles)
    figures: list[tuple[str, readability.Figures]] = []
    if sources and not problems:
        rendered_problems, figures = check_rendered(project, docs, sources)
        problems += rendered_problems
    if docs.resolve() == project.docs_dir:
        problems += paraphrase.problems(docs, display=project.display) + check_citation(project)
    return Outcome(problems, figures)


@dataclass(frozen=True)
class Outcome:
    """What `make check` found: each problem as `file:line: …`, and each page's readability."""

    problems: list[str]
    figures: list[tuple[str, readability.Figures]]


def snippet_links(project: Project) -> list[str]:
    """Snippet base paths (mkdocs.yml) that are symbolic links: a snippet could read anything through one."""
    bases: list[str] = next(
        (
            item["pymdownx.snippets"].get("base_path", [])
            for item in project.settings.get("markdown_extensions", [])
            if isinstance(item, dict) and "pymdownx.snippets" in item
        ),
        [],
    )
    return [
        f"{project.config_file.name}:1: the snippet base path {base} is a symbolic link — make it a regular file or folder"
        for base in bases
        if (project.root / base).is_symlink()
    ]

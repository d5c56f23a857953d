"""Fast checks before a pull request, without a build.

- the registry and the glossary (structure, ids, relations, addresses);
- every page's front matter and structure, and each topic page's `sources`;
- every page as readers see it: readability (printed per page), specialist terms linked to the
  glossary where first used, and no present tense about what has ended since;
- no passage that copies the workshop report or closely re-words one of its sentences.

Prints each problem as `file:line: what is wrong — how to fix it` and exits 1 if there is any.
Usage: python -m scripts.check [--docs docs] [--registry docs/resources/registry.yml] [--quiet]
"""

from __future__ import annotations

import argparse
import copy
import re
from pathlib import Path

import yaml
from bs4 import NavigableString, Tag

from macros import glossary, history, macro_calls, pages, published_files, site, topic_page
from macros.data_files import RegistryError, decode
from macros.page_macros import Sources, load_sources
from macros.registry import REGISTRY_PATH, Entry, Registry, cache_folder, load
from scripts import html_policy, page_links, page_text, paraphrase, readability, source_lines

# A page's file name becomes its address, its PDF's name and its citation key: plain characters only.
PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\.md")
# Status events after which an entry must be written about in the past tense.
ENDED = {"succeeded", "ended", "period-ended", "dissolved", "left-office"}
# The anchor of each link in a page's HTML (an entry's id, when the link leads to the resource index).
_LINKED_ANCHOR = re.compile(r'#([^"#\s]+)"')
PRESENT_TENSE = re.compile(r"\b(is|are|remains?|continues?|runs|leads|serves|coordinates|connects|still has)\b", re.I)


def check_sources(docs: Path, registry_file: Path) -> tuple[Sources | None, list[str]]:
    """The loaded registry and glossary (None if either is invalid) and their problems."""
    try:
        if registry_file != docs / REGISTRY_PATH:  # a registry from elsewhere: check it alone
            load(registry_file, docs_dir=docs, name=display(registry_file), schema=project().schema_file)
            return None, []
        return load_sources(docs, cache_folder(), project().schema_file), []
    except RegistryError as error:
        return None, [str(p) for p in error.problems]


def check_page(path: Path, name: str, topic_page_of: Registry | None = None, roles: tuple[str, ...] = ()) -> list[str]:
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
    problems = pages.front_matter_problems(source, name, project().root)
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
    sections = {section for _, section in topic_page.section_ids("\n".join(body))}
    known = topic_page.known_sources(registry)
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
    sections = {section for _, section in topic_page.section_ids("\n".join(body))}
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


def check_rendered(docs: Path, sources: Sources) -> tuple[list[str], list[tuple[str, readability.Figures]]]:
    """Problems found on the pages as readers see them, and each page's readability."""
    renderer = page_text.Renderer(sources, project().settings, project().root)
    problems, figures = [], []
    data_files = [docs / REGISTRY_PATH, docs / "glossary.yml"]
    all_pages = _pages(docs)
    # Where a page's text can come from besides the page: data files, snippets, other pages (a
    # reading path shows lines from the topic pages' front matter).
    origins = [*data_files, *sorted(set(docs.glob("*.yml")) - set(data_files)), *_snippets(docs), *all_pages]
    locator = source_lines.Locator(display)
    rendered: dict[str, page_links.Links] = {}
    ended = ended_entries(sources.registry)  # once: a page's check must not go through every entry
    for path in all_pages:
        relative = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        meta, body, body_line = page_text.split_front_matter(text)
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
        tree = page_text.parse(page.html)  # one parse for the readability, glossary, tense and link checks
        rendered[relative] = page_links.links_of(tree)
        blocks = page_text.prose_blocks(tree)
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
            problems += [f"{locator.where(at, [path])}: {m}" for at, m in unlinked_terms(tree, sources)]
        problems += [f"{locator.where(at, [path, *origins])}: {m}" for at, m in present_tense(page.html, tree, ended)]
    if not problems:  # every page rendered: their links can be followed
        # the navigation of mkdocs.yml is that of its own docs folder (not of a folder given with --docs)
        nav = pages.nav_pages(renderer.config.get("nav") or []) if docs.resolve() == project().docs_dir else list(rendered)
        read: dict[Path, list[str]] = {}
        problems += page_links.problems(
            docs, rendered, nav, lambda page, needle: _line_of(docs / page, needle, data_files, read), {history.FEED}
        )
    problems += [
        f"docs/{REGISTRY_PATH}: entry '{e.id}': its description speaks in the present tense but it {_ended(e)} — put it in the "
        "past tense"
        for e in sources.registry.entries.values()
        if _ended(e) and PRESENT_TENSE.search(e.description)
    ]
    return problems, figures


def unlinked_terms(html: str | page_text.BeautifulSoup, sources: Sources) -> list[tuple[str, str]]:
    """Specialist terms whose first use in the page's own text is not a link to the glossary,
    each as (the text where it is used, what is wrong). Generated lists (cards, the related
    block) hold registry text and are not the page's own; nor do code, headings and labels."""
    found: list[tuple[str, str]] = []
    specialist = [(term, term.pattern) for term in sources.terms if term.specialist]
    if not specialist:
        return found
    soup = page_text.parse(html)
    related = soup.find(id="related")
    generated = {id(e) for e in ([related, *related.find_next_siblings()] if related else [])}
    anywhere = re.compile("|".join(pattern.pattern for _, pattern in specialist), re.I)
    strings = []  # one pass, the page left as it is: the page's own strings that hold any term
    left_out = {id(soup): False}
    for node in soup.descendants:
        out = left_out[id(node.parent)]
        if isinstance(node, Tag):
            classes = set(node.get("class") or ())
            left_out[id(node)] = (
                out
                or id(node) in generated
                or {"grid", "cards"} <= classes
                or node.name in page_text.NOT_PROSE_TAGS
                or not {"headerlink", "provenance"}.isdisjoint(classes)
            )
        elif not out and isinstance(node, NavigableString) and anywhere.search(node):
            strings.append(node)
    for term, pattern in specialist:
        for string in (s for s in strings if pattern.search(s)):
            link = string.find_parent("a")
            if link is not None and f"glossary.md#{term.id}" not in str(link.get("href", "")):
                continue  # inside a name or another link: not a use of the term
            if link is None:
                match = pattern.search(string)
                used = match.group(0) if match else string  # `string` was found with this pattern: match is set
                found.append(
                    (
                        str(string),
                        f"“{used}” is first used here without a link to the glossary — "
                        f"write [{used}](…/glossary.md#{term.id}) the first time",
                    )
                )
            break
    return found


def present_tense(html: str, tree: page_text.BeautifulSoup, ended: dict[str, Entry]) -> list[tuple[str, str]]:
    """Sentences that name an entry which has since ended (`ended`: `ended_entries`), in the
    present tense, each as (the sentence, what is wrong); `tree` is the page's `html` parsed. Each
    link is read in its block with the names before it as plain names, itself as a marker and the
    rest as they are; the page itself is left as it is."""
    if ended.keys().isdisjoint(_LINKED_ANCHOR.findall(html)):
        return []  # the page links no entry that has ended
    links = tree.find_all("a", href=page_text.INDEX_LINK)
    order = {id(link): k for k, link in enumerate(links)}
    found = []
    for k, link in enumerate(links):
        entry = ended.get(_anchor(link))
        block = link.find_parent(page_text.BLOCKS) if entry else None
        if entry is None or block is None:
            continue
        marker = f"⟦{entry.id}⟧"
        for sentence in readability.split_sentences(_block_text(block, order, k, marker, ended)):
            if marker in sentence and PRESENT_TENSE.search(sentence.replace(marker, "")):
                shown = sentence.replace(marker, entry.name)
                found.append(
                    (
                        sentence.replace(marker, " "),
                        f"“{shown[:90]}…” speaks of {entry.name} in the present tense, but it {_ended(entry)} — use the "
                        "past tense",
                    )
                )
    return found


def ended_entries(registry: Registry) -> dict[str, Entry]:
    """The entries that have ended since the workshop, by id."""
    return {e.id: e for e in registry.entries.values() if _ended(e)}


def _anchor(link: Tag) -> str:
    return str(link["href"]).partition("#")[2]


def _block_text(block: Tag, order: dict[int, int], k: int, marker: str, ended: dict) -> str:
    """The text of `block` with the index links before link `k` as names (an ended entry's own
    name, else 'Name': its words are no verbs of the sentence), link `k` as `marker`."""
    clone = copy.copy(block)
    for original, copied in zip(
        block.find_all("a", href=page_text.INDEX_LINK), clone.find_all("a", href=page_text.INDEX_LINK), strict=True
    ):
        j = order[id(original)]
        if j < k:
            copied.replace_with(ended[_anchor(original)].name if _anchor(original) in ended else "Name")
        elif j == k:
            copied.replace_with(marker)
    return clone.get_text(" ", strip=True)


def _ended(entry) -> str:
    """How an entry ended ('ended in 2023'), or '' if it has not."""
    last = next((s for s in reversed(entry.status) if s.event in ENDED), None)
    return f"{last.event.replace('-', ' ')} ({last.date})" if last else ""


def _line_of(path: Path, needle: str, data_files: list[Path], read: dict[Path, list[str]]) -> str:
    """file:line of the first line holding `needle` in the page, else in a data file, else the
    page's first line; `read` keeps each file's lines for the rest of the run."""
    for file in [path, *data_files]:
        if file not in read:
            read[file] = file.read_text(encoding="utf-8").splitlines()
        number = next((n for n, line in enumerate(read[file], start=1) if needle in line), None)
        if number:
            return f"{display(file)}:{number}"
    return f"{display(path)}:1"


def _snippets(docs: Path) -> list[Path]:
    """The files pages may include as snippets (mkdocs.yml, pymdownx.snippets)."""
    return sorted((docs / "includes").glob("*.md")) + [project().root / "CONTRIBUTING.md"]


def _pages(docs: Path) -> list[Path]:
    return [p for p in sorted(docs.rglob("*.md")) if not p.relative_to(docs).as_posix().startswith("includes/")]


def check_citation(root: Path) -> list[str]:
    """CITATION.cff and the citation fields of mkdocs.yml, which the page templates cite from,
    must agree."""
    cff = yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))
    config = page_text.site_config(root)
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    expected = {"author": cff["authors"][0]["name"], "licence": cff["license"], "site_name": cff["title"], "site_url": cff["url"]}
    found = {**config["extra"]["citation"], "site_name": config["site_name"], "site_url": config["site_url"]}
    problems = []
    for key, value in expected.items():
        if found.get(key) != value:
            line = next((n for n, text_line in enumerate(lines, start=1) if text_line.strip().startswith(f"{key}:")), 1)
            problems.append(
                f"mkdocs.yml:{line}: {key} is {found.get(key)!r} but CITATION.cff says {value!r} — make them the same"
            )
    return problems


def not_utf8(docs: Path) -> list[str]:
    """`file:line: … — save the file as UTF-8` for each file that `make check` reads and that is not
    UTF-8 (the pages, data files and schema under `docs`, the snippets, CITATION.cff and the report
    comparison's files; mkdocs.yml is read first of all, by macros/site.py)."""
    root = project().root
    files = {p for p in docs.rglob("*") if p.suffix in {".md", ".yml", ".json"} and p.is_file() and not p.is_symlink()}
    files |= {*_snippets(docs), root / "CITATION.cff", root / paraphrase.ALLOWLIST, root / paraphrase.FINGERPRINT}
    problems = []
    for file in sorted(files):
        try:
            decode(file.read_bytes(), display(file))
        except RegistryError as error:
            problems += [str(p) for p in error.problems]
        except OSError:
            continue  # a file that cannot be read at all is reported where it is needed
    return problems


def check(docs: Path, registry_file: Path) -> tuple[list[str], list[tuple[str, readability.Figures]]]:
    """Every problem of the data files and of the pages under `docs`, and each page's figures."""
    if unreadable := not_utf8(docs):
        return unreadable, []  # nothing else can read these files
    sources, problems = check_sources(docs, registry_file)
    registry = sources.registry if sources else None
    roles = tuple(r.id for r in sources.roles) if sources else ()
    topic_pages = {t.page for t in registry.topics.values()} if registry else set()
    problems += snippet_links(project().root) + published_files.problems(docs, project().root)
    problems += glossary.abbreviation_problems(docs)
    for page in _pages(docs):
        relative = page.relative_to(docs).as_posix()
        if not PAGE_NAME.fullmatch(relative):
            problems.append(f"{display(page)}:1: page file names use a-z, 0-9 and hyphens only — rename it, e.g. my-page.md")
            continue
        problems += check_page(page, display(page), registry if relative in topic_pages else None, roles)
    figures: list[tuple[str, readability.Figures]] = []
    if sources and not problems:
        rendered_problems, figures = check_rendered(docs, sources)
        problems += rendered_problems
    if docs.resolve() == project().docs_dir:
        problems += paraphrase.problems(docs) + check_citation(project().root)
    return problems, figures


def snippet_links(root: Path) -> list[str]:
    """Snippet base paths (mkdocs.yml) that are symbolic links: a snippet could read anything through one."""
    config = page_text.site_config(root)
    bases: list[str] = next(
        (
            item["pymdownx.snippets"].get("base_path", [])
            for item in config.get("markdown_extensions", [])
            if isinstance(item, dict) and "pymdownx.snippets" in item
        ),
        [],
    )
    return [
        f"mkdocs.yml:1: the snippet base path {base} is a symbolic link — make it a regular file or folder"
        for base in bases
        if (root / base).is_symlink()
    ]


def project() -> site.Site:
    """The project the check runs in: the folder of mkdocs.yml where the command starts (macros/site.py)."""
    return site.load()


def display(path: Path) -> str:
    """A path as a contributor would type it: relative to the repository when inside it."""
    return project().display(path)


def figures_table(figures: list[tuple[str, readability.Figures]]) -> str:
    """The readability of each page, one line each."""
    rows = [f"{'page':48} {'ease':>5} {'words':>6} {'longest sentence':>17}"]
    rows += [f"{name:48} {f.ease:5.1f} {f.words:6d} {f.longest:17d}" for name, f in figures]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Run the checks; print the readability table and each problem; 1 if there are problems."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=None)
    parser.add_argument("--registry", type=Path, default=None)
    parser.add_argument("--quiet", action="store_true", help="do not print the readability of each page")
    args = parser.parse_args(argv)
    try:
        docs = args.docs or project().docs_dir
        problems, figures = check(docs, args.registry or docs / REGISTRY_PATH)
    except site.SiteConfigError as error:
        print(f"{error}\nmake check: 1 problem(s)")
        return 1
    if figures and not args.quiet:
        print(
            f"Readability (target: ease {readability.MIN_EASE:.0f} or more, sentences of {readability.MAX_WORDS} words at most):"
        )
        print(figures_table(figures) + "\n")
    for problem in problems:
        print(problem)
    print(f"make check: {len(problems)} problem(s)" if problems else "make check: registry, glossary and pages are fine")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

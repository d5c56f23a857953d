"""The project factory, for the benchmark and the tests alike: copies of a project to build,
break or measure: as it is, with other content (the tests' fixture site), with its macros'
output already in its pages (the plain-Material baseline), or scaled to ten or a hundred times
its content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from us_nordic_kb.check import rendered
from us_nordic_kb.model import pages, project
from us_nordic_kb.model.registry import REGISTRY_PATH, SCHEMA_NAME
from us_nordic_kb.model.sources import load_sources
from us_nordic_kb.render import sanitise

PROSE_PAGES = ["about.md", "glossary.md", "contributing.md", "accessibility.md", "downloads.md"]

# What a copy of the project needs to build, check and make its downloads, under every engine.
PARTS = [
    "CONTRIBUTING.md",
    "CITATION.cff",
    "docs",
    "us_nordic_kb",
    "overrides",
    "pdf",
    "mkdocs.yml",
    "mkdocs.offline.yml",
    "zensical.yml",
    "reviewed-files.yml",
    ".github/ISSUE_TEMPLATE",
]


def copy_project(source: Path, dest: Path) -> Path:
    """What a build of the project in `source` needs, copied into `dest` (without git history)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif (source / part).exists():
            shutil.copy2(source / part, dest / part)
    return dest


def with_content(source: Path, dest: Path, docs: Path, nav: str) -> Path:
    """A copy of the project in `source` with another docs folder (`docs`, the registry's JSON
    Schema put beside its registry) and the navigation `nav` (YAML text starting 'nav:'): the
    tests' small fixture site, which builds in about a second."""
    copy_project(source, dest)
    shutil.rmtree(dest / "docs")
    shutil.copytree(docs, dest / "docs")
    shutil.copy2(source / "docs" / REGISTRY_PATH.rsplit("/", 1)[0] / SCHEMA_NAME, dest / "docs" / REGISTRY_PATH.rsplit("/", 1)[0])
    config = (dest / project.CONFIG).read_text(encoding="utf-8")
    (dest / project.CONFIG).write_text(config[: config.index("\nnav:")] + "\n" + nav, encoding="utf-8")
    return dest


def plain_project(source: Path, dest: Path) -> Path:
    """A copy of `source` whose pages carry the macros' output, built by Material alone: no
    mkdocs-macros, no hooks, no sanitiser; Material's own plugin (search) keeps its settings."""
    # The git history comes along: the Changes page is built from it.
    shutil.copytree(
        source, dest, ignore=shutil.ignore_patterns(".venv", "node_modules", "site*", ".build", ".cache", "__pycache__")
    )
    copied = project.load(dest / project.CONFIG)
    renderer = rendered.Renderer(load_sources(copied.docs_dir), copied)
    for page in (dest / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        meta, body, body_line = rendered.split_front_matter(text)
        front = "".join(text.splitlines(keepends=True)[: body_line - 1])
        expanded = sanitise.release(renderer.expand(page.relative_to(dest / "docs").as_posix(), body, meta))
        # The page now holds the macros' output (headings such as `{#related}` read as Jinja
        # comments), so it must not be rendered again where mkdocs-macros is loaded.
        page.write_text(front.replace("render_macros: true", "render_macros: false", 1) + expanded, encoding="utf-8")
    mkdocs_yml = (dest / project.CONFIG).read_text(encoding="utf-8")
    mkdocs_yml = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", mkdocs_yml)
    mkdocs_yml = mkdocs_yml.replace(f"\n  - {sanitise.__name__}\n", "\n")  # ours: its cost counts as our share
    mkdocs_yml = re.sub(r"\n  macros:\n(    .*\n)+", "\n", mkdocs_yml)  # Material's search keeps its settings
    (dest / project.CONFIG).write_text(mkdocs_yml.replace("strict: true", "strict: false"), encoding="utf-8")
    return dest


MACROS_ONLY = "mkdocs.macros.yml"  # the plain project's configuration with mkdocs-macros and an empty module


def empty_macros_project(dest: Path) -> Path:
    """The plain project plus mkdocs-macros with an empty module (its configuration MACROS_ONLY): the plugin's own cost."""
    (dest / "empty_macros").mkdir()
    (dest / "empty_macros/__init__.py").write_text("def define_env(env):\n    pass\n")
    text = (dest / project.CONFIG).read_text(encoding="utf-8")
    (dest / MACROS_ONLY).write_text(
        text.replace("plugins:\n", "plugins:\n  macros:\n    module_name: empty_macros\n    render_by_default: false\n", 1),
        encoding="utf-8",
    )
    return dest


class _NoAliases(yaml.SafeDumper):
    """Writes a value shared by several entries out in full each time, as a contributor would."""

    def ignore_aliases(self, data) -> bool:
        return True


def scaled_project(source: Path, dest: Path, factor: int) -> tuple[Path, int, int]:
    """A copy with `factor` sets of the themes and next steps and `factor` times the registry.

    Set 1 is the real content; each further set copies every topic page, the pages of prose
    (about, glossary, contributing, accessibility, downloads) and every entry under new ids,
    with the same relations inside the set. The home page, the overviews and the resource index
    stay single pages that list everything. Sets are grouped ten to a collection in the nav, as
    a growing site would group cities or languages. Returns the project, its page count and its
    entry count.
    """
    copy_project(source, dest)
    docs = dest / "docs"
    registry = yaml.safe_load((docs / REGISTRY_PATH).read_text(encoding="utf-8"))
    topics, entries = list(registry["topics"]), list(registry["entries"])
    suffix_ids = {t["id"] for t in topics} | {e["id"] for e in entries}
    collections: dict[int, list] = {}
    for n in range(2, factor + 1):
        rename = {i: f"{i}-{n}" for i in suffix_ids}
        set_pages = []
        for topic in registry["topics"]:
            page = f"sets/{n}/{topic['page']}"
            text = (docs / topic["page"]).read_text(encoding="utf-8")
            text = _rename_refs(text, rename)
            text = text.replace("](../", "](../../../")
            title_line = pages.body_line(text) - 1  # the page's '# ' heading, its title (make check holds it there)
            lines = text.split("\n")
            text = "\n".join([*lines[:title_line], f"{lines[title_line]} (set {n})", *lines[title_line + 1 :]])
            (docs / page).parent.mkdir(parents=True, exist_ok=True)
            (docs / page).write_text(text, encoding="utf-8")
            topics.append(
                {
                    **topic,
                    "id": rename[topic["id"]],
                    "page": page,
                    "related": [rename[r] for r in topic.get("related", [])],
                }
            )
            set_pages.append(page)
        for prose in PROSE_PAGES:
            text = (docs / prose).read_text(encoding="utf-8")
            text = _rename_refs(text, rename)
            text = re.sub(r"\]\((?!https?:|#|mailto:)", "](../../", text)
            (docs / f"sets/{n}/{prose}").write_text(text, encoding="utf-8")
            set_pages.append(f"sets/{n}/{prose}")
        for entry in registry["entries"]:
            entries.append(
                {
                    **entry,
                    "id": rename[entry["id"]],
                    "name": f"{entry['name']} (set {n})",
                    "named_in": [rename.get(t, t) for t in entry["named_in"]],
                    "editors_links": [rename[t] for t in entry.get("editors_links", [])],
                }
            )
        collections.setdefault((n - 2) // 10 + 1, []).append({f"Set {n}": set_pages})
    scaled = {"workshop": registry["workshop"], "topics": topics, "entries": entries}
    registry = yaml.dump(scaled, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)  # the registry refuses aliases
    (docs / REGISTRY_PATH).write_text(registry, encoding="utf-8")
    config = yaml.safe_load((dest / project.CONFIG).read_text(encoding="utf-8"))
    nav = config["nav"]
    if collections:
        nav.insert(4, {"More sets": [{f"Collection {c}": sets} for c, sets in collections.items()]})
    text = (dest / project.CONFIG).read_text(encoding="utf-8")
    text = text[: text.index("\nnav:")] + "\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    (dest / project.CONFIG).write_text(text, encoding="utf-8")
    return dest, len(pages.nav_pages(nav)), len(entries)


def _rename_refs(text: str, rename: dict[str, str]) -> str:
    """Point every `ref("id"` of a page at the renamed id of its set."""
    return re.sub(r'ref\("([a-z0-9-]+)"', lambda m: f'ref("{rename.get(m.group(1), m.group(1))}"', text)

"""The macros adapter for both engines: load the registry, register the pages' macros (see
page_macros.py), and, under MkDocs, check each page's macro calls before it is rendered (see
macro_calls.py) and frame every theme and next-step page (see topic_page.py).

mkdocs-macros calls define_env once per build; Zensical's macros layer calls it for every page
it renders, with that page in `env.page`, and has no page hooks: there, zensical.py (a Markdown
extension) does what on_pre_page_macros and on_post_page_macros do here, with the same functions.
All logic lives in plain, tested modules; this one only connects them to the engines.
"""

from pathlib import Path

from . import exports, macro_calls, pages, sandbox, site, topic_page
from .data_files import RegistryError
from .page_macros import PageMacros, Sources, load_sources
from .registry import cache_folder


class BuildError(Exception):
    """A problem in the site's sources that stops the build; the message says where and what."""


def current_page(env) -> str:
    """The path under docs/ of the page being rendered, under either engine."""
    page = env.page
    return page.file.src_uri if hasattr(page, "file") else page.path  # MkDocs page, or Zensical page


def stop(message: str) -> Exception:
    """The error that stops the build with `message`: MkDocs prints a PluginError without a
    traceback; under Zensical (no MkDocs installed) a BuildError."""
    try:
        from mkdocs.exceptions import PluginError  # here, so that the rest of the package needs no MkDocs
    except ImportError:
        return BuildError(message)
    return PluginError(message)


def sources_of(docs_dir: Path) -> Sources:
    """The registry and the other data files, or the error that stops the build naming every problem."""
    try:
        return load_sources(docs_dir, cache_folder())
    except RegistryError as error:
        raise stop(f"The resource registry or the glossary is invalid:\n{error}") from None


def define_env(env):
    """Check our settings, register the registry's data and the pages' macros."""
    try:
        site.Extra.of(dict(env.conf["extra"]), site.CONFIG)
    except site.SiteConfigError as error:
        raise stop(str(error)) from None
    sources = sources_of(Path(env.conf["docs_dir"]))
    env.variables["kb_registry"] = sources.registry
    env.variables["kb_roles"] = {r.id for r in sources.roles}
    env.variables["kb_page_macros"] = PageMacros(sources, env.conf, lambda: current_page(env))
    env.variables["kb_macros"] = env.variables["kb_page_macros"].by_name()
    for name, macro in env.variables["kb_macros"].items():
        env.macro(macro, name)


def on_pre_page_macros(env):
    """MkDocs: before mkdocs-macros renders a page, its macro calls are checked (each problem
    with the line of the page file, and no traceback) and rendered in our sandbox (sandbox.py);
    the page is then marked `render_macros: false`, which mkdocs-macros reads next and obeys
    before anything else, so that it does not compile the rendered page a second time."""
    if env.page.meta.get("render_macros") is not True:
        return
    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    env.markdown = checked_and_rendered(
        env.markdown,
        pages.body_line(source),
        env.page.file.src_uri,
        env.variables["kb_macros"],
        env.variables["kb_registry"],
        env.variables["kb_roles"],
        env.conf,
    )
    env.page.meta["render_macros"] = False


def checked_and_rendered(body: str, first_line: int, page: str, macros: dict, registry, roles: set[str], conf) -> str:
    """The page's Markdown with its macros expanded in the sandbox, or the error that stops the
    build naming the page file and line (both engines call this)."""
    found = macro_calls.problems(body, first_line, page, macros, registry, roles)
    if found:
        raise stop("\n".join(found))
    try:
        return sandbox.render(body, macros, conf)
    except sandbox.TemplateLeft as error:
        raise stop(f"docs/{page}: {error}") from None


def on_post_page_macros(env):
    """MkDocs: after a page's macros are expanded, the context notice and section sources of topic
    pages; and, for every page's template, the report it is based on and what its macros need."""
    env.page.meta["based_on"] = exports.based_on(env.variables["kb_registry"].workshop)
    env.page.meta.update(env.variables["kb_page_macros"].page_data(env.page.file.src_uri))
    env.markdown = topic_page.annotate(
        env.markdown, env.variables["kb_registry"], env.page.file.src_uri, env.page.meta.get("sources")
    )

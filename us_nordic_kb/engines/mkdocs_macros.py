"""The mkdocs-macros adapter: mkdocs.yml's `module_name` points here. It registers the pages'
macros (render/page_macros.py) once per build, and does for each page, through mkdocs-macros'
page hooks, what engines/page_work.py says (Zensical does the same through zensical.py).

Zensical's macros layer calls define_env too, for every page it renders; there the macros are
already rendered by zensical.py, so what define_env registers goes unused.
"""

from __future__ import annotations

from pathlib import Path

from us_nordic_kb.engines import page_work
from us_nordic_kb.model import pages, project
from us_nordic_kb.render.page_macros import PageMacros


def define_env(env):
    """The project as the engine loaded it, its data files, and the pages' macros, registered."""
    config_file = Path(env.conf.get("config_file_path") or Path(env.conf["docs_dir"]).parent / project.CONFIG)
    try:
        loaded = project.of_engine(config_file, env.conf)
    except project.ConfigError as error:
        raise page_work.stop(str(error)) from None
    sources = page_work.sources_of(loaded)
    macros = PageMacros(sources, loaded, lambda: env.page.file.src_uri)
    env.variables["kb"] = {"project": loaded, "sources": sources, "macros": macros, "changed": page_work.dates(loaded)}
    for name, macro in macros.by_name().items():
        env.macro(macro, name)


def on_pre_page_macros(env):
    """Before mkdocs-macros renders a page: its front matter checked, its macros checked and
    rendered in our sandbox; the page is then marked `render_macros: false`, which mkdocs-macros
    reads next and obeys before anything else, so that it does not compile the page again."""
    kb, page = env.variables["kb"], env.page.file.src_uri
    page_work.check_front_matter(page, kb["project"])
    if env.page.meta.get("render_macros") is not True:
        return
    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    env.markdown = page_work.rendered(env.markdown, pages.body_line(source), page, kb["macros"], kb["sources"], kb["project"])
    env.page.meta["render_macros"] = False


def on_post_page_macros(env):
    """After a page's macros are expanded: a topic page framed, and every page's metadata."""
    kb, page = env.variables["kb"], env.page.file.src_uri
    env.markdown = page_work.framed(env.markdown, page, env.page.meta, kb["sources"])
    env.page.meta.update(page_work.page_meta(page, env.page.meta, kb["macros"], kb["sources"], kb["project"], kb["changed"]))

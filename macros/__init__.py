"""The mkdocs-macros adapter: load the registry once per build, register the pages' macros
(see page_macros.py), check each page's macro calls before it is rendered (see
macro_calls.py) and frame every theme and next-step page (see topic_page.py).

All logic lives in plain, tested modules; this one only connects them to the plugin.
"""

from pathlib import Path

from . import macro_calls, topic_page
from .page_macros import load_sources, page_macros
from .registry import RegistryError


def define_env(env):
    """Called by mkdocs-macros once per build (and on every live-reload rebuild)."""
    from mkdocs.exceptions import PluginError  # here, so that the rest of the package needs no MkDocs

    try:
        sources = load_sources(Path(env.conf["docs_dir"]))
    except RegistryError as error:
        raise PluginError(f"The resource registry or the glossary is invalid:\n{error}") from None
    env.variables["kb_registry"] = sources.registry
    env.variables["kb_roles"] = {r.id for r in sources.roles}
    env.variables["kb_macros"] = page_macros(sources, env.conf, lambda: env.page.file.src_uri)
    for name, macro in env.variables["kb_macros"].items():
        env.macro(macro, name)


def on_pre_page_macros(env):
    """Before a page is rendered: its macro calls, each problem with the line of the page file,
    and no traceback (a rendering error would print one)."""
    if env.page.meta.get("render_macros") is not True:
        return
    from mkdocs.exceptions import PluginError

    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8")
    found = macro_calls.problems(
        env.markdown,
        macro_calls.body_start(source),
        env.page.file.src_uri,
        env.variables["kb_macros"],
        env.variables["kb_registry"],
        env.variables["kb_roles"],
    )
    if found:
        raise PluginError("\n".join(found))


def on_post_page_macros(env):
    """After a page's macros are expanded: the context notice and section sources of topic pages."""
    env.markdown = topic_page.annotate(
        env.markdown, env.variables["kb_registry"], env.page.file.src_uri, env.page.meta.get("sources")
    )

"""The mkdocs-macros adapter: load the registry once per build, register the pages' macros
(see page_macros.py) and frame every theme and next-step page (see topic_page.py).

All logic lives in plain, tested modules; this one only connects them to the plugin.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import topic_page
from .page_macros import load_sources, page_macros
from .registry import RegistryError


def define_env(env):
    """Called by mkdocs-macros once per build (and on every live-reload rebuild)."""
    try:
        sources = load_sources(Path(env.conf["docs_dir"]))
    except RegistryError as error:
        raise PluginError(f"The resource registry or the glossary is invalid:\n{error}") from None
    env.variables["kb_registry"] = sources.registry
    for name, macro in page_macros(sources, env.conf, lambda: env.page.file.src_uri).items():
        env.macro(macro, name)


def on_post_page_macros(env):
    """After a page's macros are expanded: the context notice and section sources of topic pages."""
    env.markdown = topic_page.annotate(env.markdown, env.variables["kb_registry"], env.page.file.src_uri, env.page.meta.get("sources"))

"""The mkdocs-macros adapter: load the registry once per build and expose the pages' macros
(resource_index, related, topic_cards, ref, downloads).

All logic lives in `registry` (load, validate, index) and `render` (Markdown fragments);
this module only connects them to the plugin.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import render
from .downloads import downloads_table
from .registry import REGISTRY_PATH, RegistryError, load


def define_env(env):
    """Called by mkdocs-macros once per build (and on every live-reload rebuild)."""
    docs_dir = Path(env.conf["docs_dir"])
    try:
        registry = load(docs_dir / REGISTRY_PATH, docs_dir=docs_dir, name=f"docs/{REGISTRY_PATH}")
    except RegistryError as error:
        raise PluginError(f"The resource registry is invalid:\n{error}") from None

    def page_path() -> str:
        return env.page.file.src_uri

    @env.macro
    def resource_index() -> str:
        """Every registry entry, grouped by kind."""
        return render.resource_index(registry, page_path())

    @env.macro
    def related() -> str:
        """The related block of the current theme or next-step page."""
        topic = registry.topic_for_page(page_path())
        if topic is None:
            raise ValueError(f"docs/{page_path()}: related() is only for theme and next-step pages listed under 'topics' in docs/{REGISTRY_PATH}")
        return render.related_block(registry, topic, page_path())

    @env.macro
    def topic_cards(kind: str) -> str:
        """Cards linking every theme ('theme') or next step ('next-step')."""
        if kind not in render.TOPIC_LABELS:
            raise ValueError(f"docs/{page_path()}: topic_cards('{kind}'): expected 'theme' or 'next-step'")
        return render.topic_cards(registry, kind, page_path())

    @env.macro
    def ref(item_id: str, text: str | None = None) -> str:
        """A link to a registry entry (on the resource index) or a topic page, by id."""
        try:
            return render.reference(registry, item_id, page_path(), text)
        except KeyError:
            raise ValueError(
                f"docs/{page_path()}: ref('{item_id}') names no entry or topic of docs/{REGISTRY_PATH} — "
                "use an existing id (see the resource index) or add the entry first"
            ) from None

    @env.macro
    def downloads() -> str:
        """The PDF and offline bundle with size and date (links to the published site offline)."""
        extra = env.conf["extra"]
        directory = None if extra.get("offline_copy") else extra.get("downloads_dir") or None
        return downloads_table(directory, env.conf["site_url"] + "downloads/")

"""The site model: what the code needs to know about the project, read once per entry point from
its configuration (mkdocs.yml, or a profile that INHERITs it), never from an environment variable
or from where the code lies. The project is the folder of the configuration file, as for MkDocs.

The settings of ours under `extra:` are typed here: a misspelt or unknown key stops the build
and `make check` with the file and what is expected.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from .data_files import RegistryError, decode
from .pages import nav_pages
from .registry import REGISTRY_PATH, SCHEMA_NAME

CONFIG = "mkdocs.yml"  # the project's configuration, in the folder commands run from


class SiteConfigError(Exception):
    """The configuration names a setting of ours wrongly; the message says where and what."""


@dataclass(frozen=True)
class Extra:
    """Our settings under `extra:` in mkdocs.yml (and the profiles that inherit it)."""

    citation: dict  # mirrors CITATION.cff: author, licence, licence_url, publisher (make check compares)
    built_with: dict  # the engine named in the footer: name, url
    downloads_dir: str = ""  # the folder whose files the downloads page lists (set by the build)
    offline_copy: bool = False  # the offline bundle's profile
    polyfills: list = field(default_factory=list)  # scripts Material's offline plugin loads (our copies)

    @classmethod
    def of(cls, extra: dict, where: str) -> Extra:
        known = {f.name: f for f in fields(cls)}
        for key, value in extra.items():
            if key not in known:
                raise SiteConfigError(f"{where}: extra.{key} is not a setting of this site — expected one of: {', '.join(known)}")
            expected = {"dict": dict, "str": str, "bool": bool, "list": list}[str(known[key].type)]
            if not isinstance(value, expected):
                raise SiteConfigError(f"{where}: extra.{key} is {value!r} — expected a {expected.__name__}")
        try:
            return cls(**extra)
        except TypeError as error:
            raise SiteConfigError(f"{where}: extra is missing a setting ({error})") from None


@dataclass(frozen=True)
class Site:
    """The project: its folders and files, its address rule, its pages and our settings."""

    config_file: Path
    root: Path
    docs_dir: Path
    site_name: str
    site_url: str
    directory_urls: bool
    nav: tuple[str, ...]
    extra: Extra
    settings: dict  # the whole configuration, as data

    @property
    def registry_file(self) -> Path:
        return self.docs_dir / REGISTRY_PATH

    @property
    def schema_file(self) -> Path:
        return self.registry_file.with_name(SCHEMA_NAME)

    def display(self, path: Path) -> str:
        """A path as a contributor would type it: relative to the project when inside it."""
        path = path.resolve()
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)


def settings_of(config_file: Path) -> dict:
    """The configuration as data, with the file it INHERITs merged under it (as MkDocs merges)."""
    try:
        text = decode(config_file.read_bytes(), config_file.name)
    except RegistryError as error:
        raise SiteConfigError(str(error)) from None
    data = yaml.safe_load(text) or {}
    parent = data.pop("INHERIT", None)
    return _merged(settings_of(config_file.parent / parent), data) if parent else data


def _merged(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


@functools.cache
def load(config_file: Path = Path(CONFIG)) -> Site:
    """The site model of the project whose configuration is `config_file` (read once per process)."""
    config_file = config_file.resolve()
    settings = settings_of(config_file)
    root = config_file.parent
    return Site(
        config_file=config_file,
        root=root,
        docs_dir=(root / settings.get("docs_dir", "docs")).resolve(),
        site_name=settings.get("site_name", ""),
        site_url=settings.get("site_url", ""),
        directory_urls=settings.get("use_directory_urls", True),
        nav=tuple(nav_pages(settings.get("nav") or [])),
        extra=Extra.of(settings.get("extra") or {}, config_file.name),
        settings=settings,
    )

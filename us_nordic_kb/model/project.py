"""The project model: what the code needs to know about the project, read once per command from its
configuration (mkdocs.yml, or a profile that INHERITs it) and passed down, never found again from
the working directory, an environment variable or where the code lies. The project is the folder
of the configuration file, as for MkDocs.

A command loads it from the file it is given (`project.load`); inside an engine's build, the
adapters make it from the configuration the engine loaded (`project.of_engine`), which the build may
have given settings of its own (the folder of the downloads). The settings of ours under `extra:`
are typed here, once: a misspelt or unknown key stops the build and `make check` with the file
and what is expected, and no other module reads `extra` from a configuration.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

from us_nordic_kb.model.data_files import DataFileError, decode
from us_nordic_kb.model.pages import nav_pages
from us_nordic_kb.model.registry import REGISTRY_PATH, SCHEMA_NAME

CONFIG = "mkdocs.yml"  # the project's configuration, in the folder commands run from
OFFLINE_CONFIG = "mkdocs.offline.yml"  # the offline copy's profile, beside it: it INHERITs the configuration


class ConfigError(Exception):
    """The configuration names a setting of ours wrongly; the message says where and what."""


SHORT_NAME_MAX = 30  # openZIM's limit on an archive's title, the strictest place the short name goes


@dataclass(frozen=True)
class Extra:
    """Our settings under `extra:` in mkdocs.yml (and the profiles that inherit it)."""

    citation: dict  # mirrors CITATION.cff: author, licence, licence_url, publisher (make check compares)
    built_with: dict  # the engine named in the footer: name, url
    short_name: str  # the site's name where little room is left (a home screen, the Kiwix archive's title)
    downloads_dir: str = ""  # the folder whose files the downloads page lists (set by the build)
    offline_copy: bool = False  # the offline bundle's profile
    polyfills: list = field(default_factory=list)  # scripts Material's offline plugin loads (our copies)

    @classmethod
    def of(cls, extra: dict, where: str) -> Extra:
        known = {f.name: f for f in fields(cls)}
        for key, value in extra.items():
            if key not in known:
                raise ConfigError(f"{where}: extra.{key} is not a setting of this site — expected one of: {', '.join(known)}")
            expected = {"dict": dict, "str": str, "bool": bool, "list": list}[str(known[key].type)]
            if not isinstance(value, expected):
                raise ConfigError(f"{where}: extra.{key} is {value!r} — expected a {expected.__name__}")
        if not 0 < len(extra.get("short_name", "x")) <= SHORT_NAME_MAX:
            raise ConfigError(f"{where}: extra.short_name is {extra['short_name']!r} — expected 1 to {SHORT_NAME_MAX} characters")
        try:
            return cls(**extra)
        except TypeError as error:
            raise ConfigError(f"{where}: extra is missing a setting ({error})") from None


@dataclass(frozen=True)
class Project:
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
    def downloads(self) -> Path | None:
        """The folder of this build's downloads, which the downloads page lists (None: the page
        points to the published ones)."""
        return None if self.extra.offline_copy or not self.extra.downloads_dir else Path(self.extra.downloads_dir)

    @property
    def offline_config_file(self) -> Path:
        return self.config_file.with_name(OFFLINE_CONFIG)

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
    except DataFileError as error:
        raise ConfigError(str(error)) from None
    data = yaml.safe_load(text) or {}
    parent = data.pop("INHERIT", None)
    return _merged(settings_of(config_file.parent / parent), data) if parent else data


def _merged(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def load(config_file: Path) -> Project:
    """The site model of the project whose configuration file is `config_file`."""
    config_file = config_file.resolve()
    return of_engine(config_file, settings_of(config_file))


def of_engine(config_file: Path, settings: Mapping) -> Project:
    """The site model from a configuration as an engine loaded it (MkDocs's, Zensical's dict)."""
    config_file = config_file.resolve()
    root = config_file.parent
    return Project(
        config_file=config_file,
        root=root,
        docs_dir=(root / settings.get("docs_dir", "docs")).resolve(),
        site_name=settings.get("site_name", ""),
        site_url=settings.get("site_url", ""),
        directory_urls=settings.get("use_directory_urls", True),
        nav=tuple(nav_pages(settings.get("nav") or [])),
        extra=Extra.of(dict(settings.get("extra") or {}), config_file.name),
        settings=dict(settings),
    )

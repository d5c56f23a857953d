"""The benchmark compares like with like: its plain-Material and plugin-only projects build the
same articles as the real site, and its scaled content builds strictly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.support import ROOT
from us_nordic_kb.bench.measure import build_site
from us_nordic_kb.bench.projects import MACROS_ONLY, empty_macros_project, plain_project, scaled_project
from us_nordic_kb.model.project import CONFIG

# What only our hooks add: the git date (shown, and in the citations), edit links that point at a
# page's real source, and the address of a page's own PDF (page data from engines/mkdocs_hooks.py).
HOOKS_OUTPUT = re.compile(
    r'\s*<aside class="md-source-file page-dates">.*?</aside>|<details class="cite">.*?</details>'
    r'|<a href="[^"]*" title="(Edit this page|View source of this page)"|<p class="page-pdf">.*?</p>',
    re.S,
)


BLANK_LINES = re.compile(r"\n\s*\n")


def articles(site: Path) -> dict[str, str]:
    """Each page's article, without what only our hooks add and without blank lines (a template
    leaves one where a hook's output is missing), written out again by one parser: our sanitiser
    writes `<br>` where Python-Markdown writes `<br />`, characters where it writes references."""
    found = {}
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        article = BLANK_LINES.sub("\n", HOOKS_OUTPUT.sub("", html[html.index("<article") : html.index("</article>")]))
        found[page.relative_to(site).as_posix()] = BeautifulSoup(article, "html.parser").decode()
    return found


@pytest.fixture(scope="module")
def our_articles(tmp_path_factory) -> dict[str, str]:
    return articles(build_site(ROOT, tmp_path_factory.mktemp("ours") / "site"))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """The benchmark's baseline project: the real pages with the macros' output in them."""
    return empty_macros_project(plain_project(ROOT, tmp_path_factory.mktemp("baseline") / "plain"))


@pytest.mark.parametrize("config", [CONFIG, MACROS_ONLY], ids=["plain-material", "macros-plugin-alone"])
def test_baselines_build_the_same_articles_as_the_real_site(tmp_path, baseline, our_articles, config):
    plain = articles(build_site(baseline, tmp_path / "site", config))
    assert plain.keys() == our_articles.keys()
    differing = [page for page in plain if plain[page] != our_articles[page]]
    assert not differing, f"the baseline renders these pages differently: {differing}"


def test_scaled_content_builds_strictly_with_every_set_linked(tmp_path):
    project, pages, entries = scaled_project(ROOT, tmp_path / "x2", 2)
    registry = yaml.safe_load((ROOT / "docs/resources/registry.yml").read_text(encoding="utf-8"))
    assert entries == 2 * len(registry["entries"])
    site = build_site(project, tmp_path / "site")  # strict: every ref and link of set 2 resolves
    built = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert len(built) == pages  # every page of the nav, and no other
    copy = (site / "sets/2/themes/digital-literacy/index.html").read_text(encoding="utf-8")
    assert "(set 2)" in copy  # its related entries are set 2's, not set 1's

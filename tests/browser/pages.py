"""The pages the browser tests visit: every page of the nav, by its URL path."""

import site_config
from support import ROOT

CONFIG = site_config.load(ROOT / "mkdocs.yml")
PAGES = [site_config.html_path(p, True).removesuffix("index.html") for p in site_config.nav_pages(CONFIG.nav)]

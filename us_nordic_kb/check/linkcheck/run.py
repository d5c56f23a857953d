"""Run LinkChecker as the user who calls it: `python -m us_nordic_kb.check.linkcheck.run [options] URL...`

Started as root, LinkChecker switches to the user 'nobody' before it loads its plugins. In a
private checkout (a 0700 temporary folder, as containers and CI runners make them), 'nobody'
cannot read the virtual environment, so the anchor plugin silently does not load and broken
anchors pass. We check only our own site on 127.0.0.1, or public addresses once a week, so the
switch buys nothing here; the internal check (__main__.py) also proves on every run that anchors are checked.
"""

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None  # see the module's docstring
command.linkchecker()

/* Abbreviations are reached with the Tab key, so that the theme's own tooltip (the feature
 * content.tooltips in mkdocs.yml) explains them on focus, as it does when they are pointed at
 * or tapped. Not those inside a link or a button: the key reaches those already. */
"use strict";
for (const abbr of document.querySelectorAll(".md-typeset abbr[title]")) {
  if (!abbr.closest("a, button, summary, label")) abbr.tabIndex = 0;
}

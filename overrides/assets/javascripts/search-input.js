/* Material reads the search box when a key is released (keyup), so a query replaced without a
 * key (pasted from the mouse's menu, dropped, or filled in by the browser) left the results of
 * the one before. Every change of the box's text is passed on to it as a key released. */
"use strict";
addEventListener("input", (event) => {
  const box = event.target;
  if (box instanceof HTMLInputElement && box.matches(".md-search__input")) box.dispatchEvent(new KeyboardEvent("keyup"));
});

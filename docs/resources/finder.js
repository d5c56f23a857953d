/* The resource finder of the resource index: narrow the entries by kind, country or region,
 * theme, next step and "recommended". Filters combine (any of the ticked values within a
 * group, every group at once), each option shows how many entries it would leave, and the
 * choice is kept in the page's address so that a filtered view can be shared and reloaded.
 * Without JavaScript the form stays hidden and the page lists every entry. No library. */
(function () {
  "use strict";

  var form = document.querySelector("form.finder");
  if (!form) return;
  var entries = [].slice.call(document.querySelectorAll("[data-entry]"));
  var groups = [].slice.call(document.querySelectorAll("[data-group]"));
  var boxes = [].slice.call(form.querySelectorAll("input[type=checkbox]"));
  var facets = boxes.map(function (box) { return box.name; })
    .filter(function (name, i, all) { return all.indexOf(name) === i; });
  var status = form.querySelector(".finder-status");

  function valuesOf(entry, facet) {
    return (entry.getAttribute("data-" + facet) || "").split(" ");
  }

  function chosen() {
    var picked = {};
    boxes.forEach(function (box) {
      if (box.checked) (picked[box.name] = picked[box.name] || []).push(box.value);
    });
    return picked;
  }

  function matches(entry, picked, except) {
    return facets.every(function (facet) {
      if (facet === except || !picked[facet]) return true;
      var values = valuesOf(entry, facet);
      return picked[facet].some(function (value) { return values.indexOf(value) >= 0; });
    });
  }

  function apply() {
    var picked = chosen();
    var shown = 0;
    entries.forEach(function (entry) {
      entry.hidden = !matches(entry, picked);
      if (!entry.hidden) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-entry]:not([hidden])");
    });
    boxes.forEach(function (box) {
      var count = entries.filter(function (entry) {
        return matches(entry, picked, box.name) && valuesOf(entry, box.name).indexOf(box.value) >= 0;
      }).length;
      box.parentNode.querySelector(".finder-count").textContent = "(" + count + ")";
    });
    var any = Object.keys(picked).length > 0;
    status.textContent = !any ? "Showing all " + entries.length + " entries."
      : shown === 0 ? "No entry matches these filters. Clear one to see more."
      : "Showing " + shown + " of " + entries.length + " entries.";
    return picked;
  }

  function remember(picked) {
    var query = Object.keys(picked).map(function (facet) {
      return picked[facet].map(function (value) {
        return encodeURIComponent(facet) + "=" + encodeURIComponent(value);
      }).join("&");
    }).join("&");
    var address = location.pathname + (query ? "?" + query : "") + location.hash;
    try {
      history.replaceState(null, "", address);
    } catch (error) {
      /* Some browsers refuse to change a file:// address; the filters still work. */
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
    });
  }

  form.addEventListener("change", function () { remember(apply()); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".finder-clear").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    remember(apply());
  });
  restore();
  apply();
  form.hidden = false;
})();

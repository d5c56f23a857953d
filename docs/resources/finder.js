/* The resource finder of the resource index: narrow the entries by kind, country or region,
 * theme, next step and "recommended". Filters combine (any of the ticked values within a
 * group, every group at once), each option shows how many entries it would leave (an option
 * that would leave none cannot be ticked, unless it is ticked already or has the focus), and the
 * choice is kept in the page's address so that a filtered view can be shared and reloaded. The
 * page's table of contents lists only the entries shown, and never marks a hidden one as the
 * current one. Without JavaScript the form stays hidden and the page lists every entry. No library. */
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
  // The table of contents (the theme draws it twice: beside the page, and in the menu on a phone),
  // each as its links with the item each stands in and the heading it leads to.
  var tocs = [].slice.call(document.querySelectorAll("[data-md-component=toc]")).map(function (toc) {
    return [].slice.call(toc.querySelectorAll("a.md-nav__link[href^='#']"))
      .map(function (link) {
        return { link: link, item: link.parentNode, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) };
      })
      .filter(function (entry) { return entry.target; });
  });

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
      box.disabled = count === 0 && !box.checked && box !== document.activeElement;
    });
    tocs.forEach(function (contents) {
      contents.forEach(function (entry) {
        entry.item.hidden = Boolean(entry.target.closest("[hidden]"));
      });
    });
    markCurrent();
    var any = Object.keys(picked).length > 0;
    status.textContent = !any ? "Showing all " + entries.length + " entries."
      : shown === 0 ? "No entry matches these filters. Clear one to see more."
      : "Showing " + shown + " of " + entries.length + " entries.";
    return picked;
  }

  /* The theme marks the current section in the table of contents by where each heading is; a
   * hidden entry's heading has no place, and was marked. The mark goes to the last section the
   * theme counts as passed among those shown. */
  function markCurrent() {
    tocs.forEach(function (contents) {
      var passed = contents.filter(function (entry) {
        return !entry.item.hidden && entry.link.classList.contains("md-nav__link--passed");
      });
      var current = passed.length ? passed[passed.length - 1].link : null;
      contents.forEach(function (entry) {
        if (entry.link.classList.contains("md-nav__link--active") !== (entry.link === current)) {
          entry.link.classList.toggle("md-nav__link--active", entry.link === current);
        }
      });
    });
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
  // An option left with the focus after it was unticked is disabled once the focus moves on.
  form.addEventListener("focusout", function () { setTimeout(apply); });
  // Each time the theme moves its mark (as the page scrolls), the mark is set right again.
  var marks = new MutationObserver(markCurrent);
  document.querySelectorAll("[data-md-component=toc]").forEach(function (toc) {
    marks.observe(toc, { attributes: true, attributeFilter: ["class"], subtree: true });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.querySelector(".finder-clear").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    remember(apply());
  });
  restore();
  apply();
  form.hidden = false;
})();

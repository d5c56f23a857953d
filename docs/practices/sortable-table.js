/* Sortable tables: each column heading of a table inside .sortable becomes a button that sorts
 * the rows by that column, and says so to screen readers with aria-sort. Without JavaScript
 * the table stays in its published order. No library. */
(function () {
  "use strict";

  function text(row, column) {
    return row.cells[column].textContent.trim();
  }

  function sortBy(table, column, heading) {
    var ascending = heading.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = [].slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = text(a, column).localeCompare(text(b, column), undefined, { numeric: true, sensitivity: "base" });
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    [].forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  [].forEach.call(document.querySelectorAll(".sortable table"), function (table) {
    [].forEach.call(table.tHead.rows[0].cells, function (heading, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = heading.textContent;
      button.title = "Sort by " + heading.textContent.toLowerCase();
      heading.textContent = "";
      heading.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, heading); });
    });
  });
})();

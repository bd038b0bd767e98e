// Tables that sort (click a heading) and filter (type in the box above them). Inlined
// into the report and the audit pages, so nothing is fetched.
(function () {
  function key(cell) {
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/[,%\u2009]/g, ""));
    return isNaN(number) || !/^[-\d.,%\s<>]+$/.test(text) ? [1, text.toLowerCase()] : [0, number];
  }
  function compare(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (table.hasAttribute("data-sortable")) return; // the script ran already
    table.setAttribute("data-sortable", "");
    var body = table.tBodies[0], head = table.tHead.rows[table.tHead.rows.length - 1];
    var filter = document.createElement("input");
    filter.type = "search";
    filter.className = "filter";
    // the page's words, in its language (the body's data-filter, data-filter-label)
    filter.placeholder = document.body.dataset.filter || "";
    filter.setAttribute("aria-label", document.body.dataset.filterLabel || "");
    table.parentNode.insertBefore(filter, table);
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = words !== "" && row.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
    Array.prototype.forEach.call(head.cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.cells, function (c) { c.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) { return compare(key(a.cells[column]), key(b.cells[column])) * (up ? 1 : -1); });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();

/* Dossier's search, written only into sites with `search: true` (or `dossier build --search`).
   Progressive enhancement over Pagefind's JS API: without this script the header's box is a link
   to the A–Z index, and the search page says where to look instead. Pagefind cannot load from
   file:// (a file share), so there the links stay as they are. */
(function () {
  "use strict";
  if (location.protocol === "file:") return;

  var FILTERS = [
    { key: "kind", legend: "Kind" },
    { key: "year", legend: "Financial year", newestFirst: true },
    { key: "status", legend: "Status" }
  ];
  var PAGE_SIZE = 10;

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* The header's link becomes a search form that opens the search page. */
  function upgradeBox(box) {
    var form = element("form", { "class": "search-box-form", role: "search", action: box.getAttribute("data-search-url"), method: "get" });
    form.appendChild(element("label", { "class": "search-box-label", "for": "site-search" }, "Search"));
    form.appendChild(element("input", { "class": "search-box-input", type: "search", id: "site-search", name: "q", autocomplete: "off" }));
    form.appendChild(element("button", { "class": "search-box-button", type: "submit" }, "Search"));
    box.replaceChildren(form);
  }

  function debounce(work, delay) {
    var timer;
    return function () { clearTimeout(timer); timer = setTimeout(work, delay); };
  }

  async function startPage(page) {
    var status = page.querySelector("[data-search-status]");
    var form = page.querySelector("[data-search-form]");
    var input = form.querySelector("input[name=q]");
    var filterBox = form.querySelector("[data-search-filters]");
    var list = page.querySelector("[data-search-results]");
    var moreWrap = page.querySelector("[data-search-more-wrap]");
    var more = page.querySelector("[data-search-more]");
    var index = page.getAttribute("data-index");
    var pagefind;
    try {
      pagefind = await import(page.getAttribute("data-bundle") + "pagefind.js");
      await pagefind.options({ baseUrl: page.getAttribute("data-base"), excerptLength: 24 });
      await pagefind.init();
    } catch (error) {
      status.textContent = "Search could not load here. The A–Z index, linked above, lists every report.";
      return;
    }
    page.querySelector("[data-search-fallback]").hidden = true;
    form.hidden = false;
    var panel = form.querySelector("[data-search-filter-panel]");

    var params = new URLSearchParams(location.search);
    var available = await pagefind.filters();
    FILTERS.forEach(function (filter) {
      var values = Object.keys(available[filter.key] || {}).sort();
      if (filter.newestFirst) values.reverse();
      if (!values.length) return;
      var chosen = params.getAll(filter.key);
      var fieldset = element("fieldset", { "class": "search-filter" });
      fieldset.appendChild(element("legend", {}, filter.legend));
      var options = element("ul", { "class": "search-filter-options" });
      values.forEach(function (value, number) {
        var id = "filter-" + filter.key + "-" + number;
        var item = element("li");
        var box = element("input", { type: "checkbox", id: id, name: filter.key, value: value });
        box.checked = chosen.indexOf(value) >= 0;
        item.appendChild(box);
        item.appendChild(element("label", { "for": id }, value + " (" + available[filter.key][value] + ")"));
        options.appendChild(item);
      });
      fieldset.appendChild(options);
      filterBox.appendChild(fieldset);
    });
    input.value = params.get("q") || "";
    // Open where there is room, or when the address asks for filters; folded on a phone.
    if (window.matchMedia("(min-width: 40.0625em)").matches || FILTERS.some(function (f) { return params.has(f.key); })) panel.open = true;
    if (!filterBox.children.length) panel.hidden = true;

    var latest = 0;
    var pending = [];
    var shown = 0;

    function chosenFilters() {
      var chosen = {};
      FILTERS.forEach(function (filter) {
        var values = Array.prototype.map.call(filterBox.querySelectorAll("input[name=" + filter.key + "]:checked"), function (box) { return box.value; });
        if (values.length) chosen[filter.key] = values;
      });
      return chosen;
    }

    function remember(query, chosen) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      Object.keys(chosen).forEach(function (key) { chosen[key].forEach(function (value) { next.append(key, value); }); });
      var search = next.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }

    function describe(count, query, chosen) {
      var words = count === 1 ? "1 result" : count + " results";
      if (query) words += " for “" + query + "”";
      var parts = Object.keys(chosen).map(function (key) { return chosen[key].join(" or "); });
      if (parts.length) words += (query ? ", " : " ") + "filtered by " + parts.join("; ");
      return words;
    }

    async function showNext(focusFirst) {
      var batch = pending.slice(shown, shown + PAGE_SIZE);
      var token = latest;
      var data = await Promise.all(batch.map(function (result) { return result.data(); }));
      if (token !== latest) return;
      var first = null;
      data.forEach(function (result) {
        var item = element("li", { "class": "search-result" });
        var heading = element("h2", { "class": "search-result-title" });
        var link = element("a", { href: result.url }, (result.meta && result.meta.title) || result.url);
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = [result.meta && result.meta.kind, result.meta && result.meta.date].filter(Boolean).join(", ");
        if (meta) item.appendChild(element("p", { "class": "meta" }, meta));
        var excerpt = element("p", { "class": "search-result-excerpt" });
        excerpt.innerHTML = result.excerpt; // Pagefind's excerpt: the page's text, escaped, with <mark>
        item.appendChild(excerpt);
        list.appendChild(item);
        if (!first) first = link;
      });
      shown += batch.length;
      moreWrap.hidden = shown >= pending.length;
      if (focusFirst && first) first.focus();
    }

    async function run() {
      var query = input.value.trim();
      var chosen = chosenFilters();
      var token = ++latest;
      remember(query, chosen);
      if (!query && !Object.keys(chosen).length) {
        list.replaceChildren();
        moreWrap.hidden = true;
        status.textContent = "";
        return;
      }
      var search = await pagefind.search(query || null, { filters: Object.keys(chosen).reduce(function (all, key) {
        all[key] = { any: chosen[key] };
        return all;
      }, {}) });
      if (token !== latest) return;
      pending = search.results;
      shown = 0;
      list.replaceChildren();
      if (!pending.length) {
        moreWrap.hidden = true;
        status.replaceChildren(document.createTextNode("No results" + (query ? " for “" + query + "”" : "") +
          (Object.keys(chosen).length ? " with these filters" : "") + ". Check the spelling, try fewer words or filters, or browse the "),
          element("a", { href: index }, "A–Z index"), document.createTextNode("."));
        return;
      }
      status.textContent = describe(pending.length, query, chosen);
      await showNext(false);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", debounce(run, 300));
    filterBox.addEventListener("change", run);
    more.addEventListener("click", function () { showNext(true); });
    if (input.value || Object.keys(chosenFilters()).length) run();
  }

  var page = document.querySelector("[data-search-page]");
  var box = document.querySelector("[data-search-box]");
  if (box && !page) upgradeBox(box);
  if (page) startPage(page);
})();

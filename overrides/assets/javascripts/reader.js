/* Reader controls of document pages: the language view, copy link and copy citation,
   and a language switcher that keeps the clause anchor. Without JavaScript the page
   shows both languages and no controls. Also the timeline filter. Plain DOM: it relies on
   nothing of the theme's scripts (material-search.js alone touches the theme's search). */
(function () {
  "use strict";

  var VIEWS = ["both", "zh", "en"];
  var STORAGE_KEY = "aigov-view";
  var root = document.documentElement;
  var status = document.getElementById("reader-status");

  function announce(message) {
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
  }

  function storedView() {
    try { return window.localStorage.getItem(STORAGE_KEY); } catch (error) { return null; }
  }

  function storeView(view) {
    try { window.localStorage.setItem(STORAGE_KEY, view); } catch (error) { /* private mode */ }
  }

  function applyView(view, switcher) {
    root.dataset.view = view;
    if (!switcher) return;
    switcher.querySelectorAll("[data-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === view));
    });
  }

  function linkForView(view) {
    var url = new URL(window.location.href);
    if (view === "both") url.searchParams.delete("view");
    else url.searchParams.set("view", view);
    return url;
  }

  var switcher = document.querySelector(".view-switch");
  var requested = new URLSearchParams(window.location.search).get("view");
  var initial = VIEWS.indexOf(requested) >= 0 ? requested : storedView();
  if (VIEWS.indexOf(initial) < 0) initial = "both";
  if (initial === requested) storeView(initial);
  applyView(initial, switcher);

  if (switcher) {
    switcher.hidden = false;
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest("[data-view]");
      if (!button) return;
      var view = button.dataset.view;
      applyView(view, switcher);
      storeView(view);
      window.history.replaceState(null, "", linkForView(view));
      announce(switcher.dataset.announce.replace("{view}", button.textContent));
    });
  }

  /* The canonical address is the page's public one, in the offline copy too; a copy built
     without one (no site_url) links to itself, and says so when read from disk. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var offlineWithoutAddress = !canonical && window.location.protocol === "file:";

  function clauseUrl(id) {
    var base = canonical ? canonical.href : window.location.href;
    return base.split("#")[0].split("?")[0] + "#" + id;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.querySelectorAll(".clause-actions").forEach(function (actions) {
    actions.hidden = false;
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".clause-action[data-copy]");
    if (!button) return;
    var clause = button.closest(".clause");
    var id = clause.querySelector(".clause-label").id;
    var url = clauseUrl(id);
    var text = button.dataset.copy === "citation"
      ? status.dataset.citationWithUrl.replace("{citation}", clause.dataset.citation).replace("{url}", url)
      : url;
    copyText(text).then(
      function () {
        announce(offlineWithoutAddress ? status.dataset.copied + " " + status.dataset.noPublicAddress : status.dataset.copied);
      },
      function () { announce(status.dataset.copyFailed); }
    );
  });

  /* The theme's search dialog has no accessible name; give it the search field's label. */
  var searchDialog = document.querySelector('.md-search[role="dialog"]');
  var searchField = document.querySelector(".md-search__input");
  if (searchDialog && searchField) {
    searchDialog.setAttribute("aria-label", searchField.getAttribute("aria-label"));
  }

  /* Reading room: a printed document page ends with its address and the day it was printed. */
  var colophon = document.querySelector(".print-colophon");
  if (colophon) {
    var today = new Intl.DateTimeFormat(colophon.dataset.dateLocale, { dateStyle: "long" }).format(new Date());
    colophon.textContent = colophon.dataset.colophon.replace("{url}", clauseUrl("").replace(/#$/, "")).replace("{date}", today);
  }

  /* Timeline: show the events of one kind, or all of them. */
  var filter = document.querySelector(".timeline-filter");
  if (filter) {
    var timelineStatus = document.getElementById("timeline-status");
    filter.hidden = false;
    filter.addEventListener("click", function (event) {
      var button = event.target.closest("[data-kind]");
      if (!button) return;
      var kind = button.dataset.kind;
      var shown = 0;
      document.querySelectorAll(".timeline-event").forEach(function (item) {
        item.hidden = kind !== "all" && item.dataset.kind !== kind;
        if (!item.hidden) shown += 1;
      });
      /* A year none of whose events is shown loses its heading too. */
      document.querySelectorAll("ol.timeline").forEach(function (year) {
        var empty = !year.querySelector(".timeline-event:not([hidden])");
        year.hidden = empty;
        if (year.previousElementSibling) year.previousElementSibling.hidden = empty;
      });
      filter.querySelectorAll("[data-kind]").forEach(function (option) {
        option.setAttribute("aria-pressed", String(option === button));
      });
      timelineStatus.textContent = filter.dataset.shown.replace("{count}", shown);
    });
  }

  /* The language switcher links to the same page in the other language; follow it with the
     clause anchor. Capture phase: the theme's own handler would drop the anchor. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".md-select__link[hreflang]");
    if (!link || !window.location.hash || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    event.stopPropagation();
    window.location.href = link.href.split("#")[0] + window.location.hash;
  }, true);
})();

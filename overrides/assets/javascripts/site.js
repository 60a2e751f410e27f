/* Reader controls of document pages: the language view, copy link and copy citation,
   and a language switcher that keeps the clause anchor. Without JavaScript the page
   shows both languages and no controls. Also the timeline filter, and the loading of the
   search index in the page's language when search opens (this file runs before the theme's). */
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

  function clauseUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical && window.location.protocol !== "file:" ? canonical.href : window.location.href;
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
    var button = event.target.closest(".clause-action");
    if (!button) return;
    var clause = button.closest(".clause");
    var id = clause.querySelector(".clause-label").id;
    var url = clauseUrl(id);
    var text = button.dataset.copy === "citation"
      ? status.dataset.citationWithUrl.replace("{citation}", clause.dataset.citation).replace("{url}", url)
      : url;
    copyText(text).then(
      function () { announce(status.dataset.copied); },
      function () { announce(status.dataset.copyFailed); }
    );
  });

  /* The theme's search dialog has no accessible name; give it the search field's label. */
  var searchDialog = document.querySelector('.md-search[role="dialog"]');
  var searchField = document.querySelector(".md-search__input");
  if (searchDialog && searchField) {
    searchDialog.setAttribute("aria-label", searchField.getAttribute("aria-label"));
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

  /* Search. The theme requests its index, search/search_index.json with both languages, as
     soon as a page loads. Ask for this page's language only (search_index.<lang>.json, written
     by scripts/site_hooks.py) and only when the reader opens search: a first visit then loads
     no index at all. A page opened from a search result (`?h=`) loads it at once: the theme
     highlights the query with the index's word separator (the browser has it cached by then).
     This file runs before the theme's bundle so that the request is caught.
     The offline copy (file://) loads its index as a script when search opens, in both languages. */
  var INDEX_FILE = /(^|\/)search\/search_index\.json$/;
  var indexRequests = new WeakSet();
  var searchOpened = new Promise(function (resolve) {
    var toggle = document.getElementById("__search");
    var searchField = document.querySelector(".md-search__input");
    if ((toggle && toggle.checked) || document.activeElement === searchField) resolve();
    if (new URLSearchParams(window.location.search).has("h")) resolve();
    document.addEventListener("focusin", function (event) {
      if (event.target === searchField) resolve();
    });
    document.addEventListener("change", function (event) {
      if (event.target === toggle && toggle.checked) resolve();
    });
  });
  var openRequest = XMLHttpRequest.prototype.open;
  var sendRequest = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var address = new URL(String(url), window.location.href);
    if (INDEX_FILE.test(address.pathname)) {
      address.pathname = address.pathname.replace(/\.json$/, "." + root.lang + ".json");
      args[1] = address.href;
      indexRequests.add(this);
    }
    return openRequest.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!indexRequests.has(request)) return sendRequest.apply(request, args);
    searchOpened.then(function () { sendRequest.apply(request, args); });
  };

  /* In the messages the theme posts to its search worker: keep this page's language (the
     offline copy's index holds both, each entry with the other language's words unseen), so
     that a clause is found once, in either language. The worker cuts a Chinese query into
     the index's words but never lets a word end on the query's last character: end each
     Chinese run with a character no word contains (a single character is left as it is). */
  var SEARCH_SETUP = 0;
  var SEARCH_QUERY = 2;
  var QUERY_END = "\u303b";
  var postToWorker = window.Worker && window.Worker.prototype.postMessage;
  if (postToWorker) {
    window.Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === SEARCH_SETUP && message.data && message.data.docs) {
        var docs = message.data.docs.filter(function (doc) { return !doc.lang || doc.lang === root.lang; });
        args[0] = { type: SEARCH_SETUP, data: Object.assign({}, message.data, { docs: docs }) };
      } else if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
        args[0] = { type: SEARCH_QUERY, data: message.data.replace(/\p{sc=Han}{2,}/gu, "$&" + QUERY_END) };
      }
      return postToWorker.apply(this, args);
    };
  }
})();

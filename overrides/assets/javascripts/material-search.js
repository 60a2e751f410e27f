/* The one file that touches Material for MkDocs' search internals (checked against the installed
   theme by tests/test_upstream_contract.py). It relies on exactly this, as in Material 9.8.1:

   1. It runs before the theme's bundle (overrides/main.html, block `scripts`).
   2. The theme's config, <script id="__config" type="application/json">, names a search worker
      (`search`): the search plugin is on.
   3. The search dialog opens through the checkbox #__search or the field .md-search__input.
   4. The bundle requests its index with XMLHttpRequest, at <base>/search/search_index.json.
   5. The bundle talks to its worker with Worker.prototype.postMessage and messages
      { type, data }, where type 0 is the setup (data.docs: the index's entries) and type 2 a
      query (data: the query string).

   When 2, 3 or the browser's XMLHttpRequest / Worker do not hold, it does nothing but say so with
   console.warn: the theme then searches as it would without this file. A setup or query message
   of another shape is passed on unchanged. */
(function () {
  "use strict";

  var root = document.documentElement;

  function themeConfig() {
    var element = document.getElementById("__config");
    try { return element ? JSON.parse(element.textContent) : null; } catch (error) { return null; }
  }

  var config = themeConfig();
  var toggle = document.getElementById("__search");
  var searchField = document.querySelector(".md-search__input");
  var missing = [];
  if (!config || !config.search) missing.push("#__config with a search worker");
  if (!toggle) missing.push("#__search");
  if (!searchField) missing.push(".md-search__input");
  if (!window.XMLHttpRequest || !window.Worker) missing.push("XMLHttpRequest and Worker");
  if (missing.length) {
    console.warn("material-search.js: the theme's search is not as expected (no " +
      missing.join(", ") + "); leaving it unchanged.");
    return;
  }

  /* The theme requests its index, search/search_index.json with both languages, as soon as a
     page loads. Ask for this page's language only (search_index.<lang>.json, written by
     scripts/site_hooks.py) and only when the reader opens search: a first visit then loads
     no index at all. A page opened from a search result (`?h=`) loads it at once: the theme
     highlights the query with the index's word separator (the browser has it cached by then).
     The offline copy (file://) loads its index as a script when search opens, in both languages. */
  var INDEX_FILE = /(^|\/)search\/search_index\.json$/;
  var indexRequests = new WeakSet();
  var searchOpened = new Promise(function (resolve) {
    if (toggle.checked || document.activeElement === searchField) resolve();
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
  var postToWorker = window.Worker.prototype.postMessage;
  window.Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SEARCH_SETUP && message.data && Array.isArray(message.data.docs)) {
      var docs = message.data.docs.filter(function (doc) { return !doc.lang || doc.lang === root.lang; });
      args[0] = { type: SEARCH_SETUP, data: Object.assign({}, message.data, { docs: docs }) };
    } else if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      args[0] = { type: SEARCH_QUERY, data: message.data.replace(/\p{sc=Han}{2,}/gu, "$&" + QUERY_END) };
    }
    return postToWorker.apply(this, args);
  };
})();

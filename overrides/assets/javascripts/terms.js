/* Glossary terms aligned across the columns (issue 18). Plain DOM.

   Document pages: the "Terms" switch (off by default, remembered) sets data-terms="on" on
   <html>, which underlines the terms (site.css), and loads what the terms do when they are on
   (term-cards.js, and the page's term cards with the page data: reader.js's window.aigov),
   which a first visit does not need.

   Glossary page: the filter box (either language, pinyin with or without tones). */
(function () {
  "use strict";

  var root = document.documentElement;
  var STORAGE_KEY = "aigov-terms";
  var TERM_CARDS_SCRIPT = "term-cards.js"; // beside this file
  var ownAddress = document.currentScript && document.currentScript.src;

  function stored() {
    try { return window.localStorage.getItem(STORAGE_KEY) === "on"; } catch (error) { return false; }
  }

  function store(on) {
    try { window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off"); } catch (error) { /* private mode */ }
  }

  /* ---- The switch ---------------------------------------------------------------------------- */

  function apply(toggle, on) {
    toggle.setAttribute("aria-pressed", String(on));
    if (on) {
      root.dataset.terms = "on";
      /* The code and the cards load side by side; term-cards.js waits for both. */
      Promise.all([window.aigov.loadScript(new URL(TERM_CARDS_SCRIPT, ownAddress).href), window.aigov.pageData()])
        .catch(function () { window.aigov.announce("loadFailed"); });
    } else {
      delete root.dataset.terms;
    }
  }

  var switchBox = document.querySelector(".terms-switch");
  if (switchBox && window.aigov && ownAddress) {
    var toggle = switchBox.querySelector(".terms-switch__toggle");
    switchBox.hidden = false;
    apply(toggle, stored());
    toggle.addEventListener("click", function () {
      var on = root.dataset.terms !== "on";
      store(on);
      apply(toggle, on);
    });
  }

  /* ---- Glossary page: the filter ------------------------------------------------------------- */

  var TONES = /[\u0300\u0301\u0304\u030c]/;

  /* The query as the entries' data-filter writes its words: lower case, no spaces, NFC;
     "v" for ü, as pinyin keyboards type it. */
  function normalized(query) {
    return query.normalize("NFC").toLowerCase().replace(/\s+/g, "").replace(/v/g, "ü");
  }

  var filterBox = document.querySelector(".glossary-filter");
  if (filterBox) {
    var input = filterBox.querySelector("input");
    var count = filterBox.querySelector(".glossary-filter__count");
    var entries = document.querySelectorAll(".glossary-entry");
    filterBox.hidden = false;
    var run = function () {
      var raw = input.value.trim();
      var query = normalized(raw);
      var plainQuery = query.replace(/ü/g, "v");
      var shown = 0;
      entries.forEach(function (entry) {
        var words = entry.dataset.filter;
        /* A toned query matches its tones; "v" may also be a plain v (e.g. "development"). */
        var match = !query || words.indexOf(query) >= 0 ||
          (!TONES.test(raw.normalize("NFD")) && words.indexOf(plainQuery) >= 0);
        entry.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll(".glossary-group").forEach(function (group) {
        group.hidden = !group.querySelector(".glossary-entry:not([hidden])");
      });
      count.textContent = query ? input.dataset.count.replace("{count}", shown).replace("{total}", entries.length) : "";
    };
    input.addEventListener("input", run);
    input.addEventListener("compositionend", run);
    if (input.value) run();
  }
})();

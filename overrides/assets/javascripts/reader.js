/* Reader controls of document pages: the reader bar (language view, column order, on/off
   switches such as the editorial notes), copy link, citation and quote with a visible
   confirmation, an address that follows the clause being read, and a language switcher that
   keeps the clause anchor. Without JavaScript the page shows both languages and no controls.
   Also the timeline filter. Plain DOM: it relies on nothing of the theme's scripts
   (material-search.js alone touches the theme's search). No work per scroll event: the
   clause being read comes from an IntersectionObserver. */
(function () {
  "use strict";

  var LANGUAGES = ["zh", "en"];
  var STATUS_SHOWN_MS = 4000;
  var root = document.documentElement;
  var pageLanguage = root.lang === "zh" || root.lang.indexOf("zh-") === 0 ? "zh" : "en";
  var status = document.getElementById("reader-status");
  var statusTimer = 0;

  /* A visible toast and a polite announcement; it clears itself. */
  function announce(message) {
    if (!status) return;
    status.textContent = "";
    window.clearTimeout(statusTimer);
    window.setTimeout(function () { status.textContent = message; }, 50);
    statusTimer = window.setTimeout(function () { status.textContent = ""; }, STATUS_SHOWN_MS);
  }

  /* Storage may be blocked (private mode, a sandbox, a file:// page): then nothing persists. */
  function store(name, value) {
    try { window.localStorage.setItem("aigov-" + name, value); } catch (error) { /* not kept */ }
  }

  /* The address shows the settings that differ from their defaults. */
  function reflectInAddress(name, value, fallback) {
    var url = new URL(window.location.href);
    if (value === fallback) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
    window.history.replaceState(window.history.state, "", url);
  }

  function press(buttons, isPressed) {
    buttons.forEach(function (button) { button.setAttribute("aria-pressed", String(isPressed(button))); });
  }

  /* What a first visit does not need, loaded as a script (a page opened from file:// may load a
     script, not fetch a file) once, the first time it is asked for: cite.js (below),
     term-cards.js (terms.js) and the page data (scripts/aigov/pagedata.py: the term cards, the
     cite dialog's body and its entries). A failed load may be asked for again. */
  var loading = {};
  function loadScript(src) {
    var url = new URL(src, document.baseURI).href;
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = function () {
          delete loading[url];
          script.remove();
          reject(new Error("not loaded: " + url));
        };
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }
  var ownAddress = document.currentScript && document.currentScript.src;
  var pageData = document.querySelector(".page-data");
  window.aigov = {
    /* One of the reader status's messages (its data-* strings), by name. */
    announce: function (name) { if (status) announce(status.dataset[name]); },
    loadScript: loadScript,
    pageData: function () {
      if (!pageData) return Promise.reject(new Error("this page has no page data"));
      return loadScript(pageData.dataset.src).then(function () { return window.aigovPageData; });
    }
  };

  var bar = document.querySelector(".reader-bar");

  /* Which languages show. */
  var switcher = document.querySelector(".view-switch");
  function applyView(view) {
    root.dataset.view = view;
    if (switcher) press(switcher.querySelectorAll("[data-view]"), function (b) { return b.dataset.view === view; });
  }
  /* Each setting as partials/page-start.html set it before the first paint: from the address,
     else from storage, else its default. */
  applyView(root.dataset.view);

  /* Which language comes first: the page's own unless swapped. */
  var swap = document.querySelector("[data-reader-swap]");
  function applyFirst(first) {
    root.dataset.first = first;
    if (swap) swap.setAttribute("aria-pressed", String(first !== pageLanguage));
  }
  applyFirst(root.dataset.first);

  /* On/off switches: data-<name>="on|off" on <html>, which the CSS reads. A switch the reader
     has not set is on for the screen and leaves no attribute, so that print keeps its own
     default (no editorial notes on paper unless the reader asked for them). */
  var toggles = document.querySelectorAll("[data-reader-toggle]");
  function applyToggle(button, value) {
    if (value) root.dataset[button.dataset.readerToggle] = value;
    button.setAttribute("aria-pressed", String(value !== "off"));
  }
  toggles.forEach(function (button) {
    applyToggle(button, root.dataset[button.dataset.readerToggle] || null);
  });

  if (bar) {
    bar.hidden = false;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.view) {
        applyView(button.dataset.view);
        store("view", button.dataset.view);
        reflectInAddress("view", button.dataset.view, "both");
        announce(switcher.dataset.announce.replace("{view}", button.textContent));
      } else if (button.hasAttribute("data-reader-swap")) {
        var first = root.dataset.first === "zh" ? "en" : "zh";
        applyFirst(first);
        store("first", first);
        reflectInAddress("first", first, pageLanguage);
        announce(button.dataset.announce.replace("{language}", JSON.parse(button.dataset.languages)[first]));
      } else if (button.dataset.readerToggle) {
        var name = button.dataset.readerToggle;
        var value = root.dataset[name] === "off" ? "on" : "off";
        applyToggle(button, value);
        store(name, value);
        reflectInAddress(name, value, "on");
        announce(status.dataset[value === "on" ? "announceOn" : "announceOff"].replace("{toggle}", button.textContent));
      }
    });
  }

  /* The canonical address is the page's public one, in the offline copy too; a copy built
     without one (no site_url) links to itself, and says so when read from disk. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var offlineWithoutAddress = !canonical && window.location.protocol === "file:";

  /* Copying. */
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

  /* The clause's text in the languages shown, in the order shown. */
  function shownText(clause) {
    var view = root.dataset.view;
    var order = root.dataset.first === "zh" ? LANGUAGES : LANGUAGES.slice().reverse();
    return order
      .filter(function (lang) { return view === "both" || view === lang; })
      .map(function (lang) {
        var column = clause.querySelector('.parallel-col[lang|="' + lang + '"]');
        return column ? column.textContent.trim().replace(/\s*\n\s*/g, "\n") : "";
      })
      .filter(Boolean)
      .join("\n\n");
  }

  document.querySelectorAll(".clause-actions, .document-cite").forEach(function (actions) {
    actions.hidden = false;
  });

  /* Cite: the dialog's code (cite.js, beside this file) and its entries (the page data) load on
     the first Cite; cite.js then opens the dialog. */
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-cite]");
    if (!opener || !ownAddress) return;
    Promise.all([loadScript(new URL("cite.js", ownAddress).href), window.aigov.pageData()]).then(
      function (loaded) { window.aigov.cite(opener.dataset.cite, loaded[1]); },
      function () { announce(status.dataset.loadFailed); }
    );
  });

  var COPIED = { link: "copiedLink", citation: "copiedCitation", quote: "copiedQuote" };
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".clause-action[data-copy]");
    if (!button) return;
    var clause = button.closest(".clause");
    var url = clauseUrl(clause.querySelector(".clause-label").id);
    var citation = status.dataset.citationWithUrl.replace("{citation}", clause.dataset.citation).replace("{url}", url);
    var kind = button.dataset.copy;
    var text = kind === "link" ? url
      : kind === "citation" ? citation
      : status.dataset.quote.replace("{text}", shownText(clause)).replace("{citation}", citation);
    copyText(text).then(
      function () {
        var message = status.dataset[COPIED[kind]];
        announce(offlineWithoutAddress ? message + " " + status.dataset.noPublicAddress : message);
      },
      function () { announce(status.dataset.copyFailed); }
    );
  });

  /* The address follows the clause (or part) being read: the entry the theme's contents list
     marks, found as it does (its components/toc): the last heading it lists whose offset in
     the page, less a line at the header's height plus 0.8 × the grid's margin inside <main>,
     is above the scroll position, or the last one once the page is scrolled to its end.
     site.css sets that margin so that the line is just below the reader bar. The observer
     calls back only when a heading crosses the line or the window's bottom, or the footer
     comes into full view, not on every scroll; it is set up in the next frame, which lays the
     page out anyway, so that measuring the line forces no layout of its own. replaceState adds
     no history entry, moves nothing and keeps the entry's state (related.js keeps the open
     related lists there). Only the reader's own scrolling (wheel, touch, keys, a drag) moves
     the address: the browser's own scroll to the clause of a link, and the layout settling as
     the page loads, leave a link to a clause as it was. */
  var headings = Array.prototype.map.call(document.querySelectorAll(".md-sidebar--secondary .md-nav__link"), function (link) {
    return document.getElementById(link.hash.slice(1));
  }).filter(Boolean);
  if (headings.length && "IntersectionObserver" in window) {
    var current = window.location.hash.slice(1);
    var reading = false;
    var main = document.querySelector(".md-main");
    var readingLine = function () {
      return document.querySelector(".md-header").offsetHeight + 0.8 * (main.firstElementChild.offsetTop - main.offsetTop);
    };
    var pageOffset = function (element) {
      for (var offset = 0; element; element = element.offsetParent) offset += element.offsetTop;
      return offset;
    };
    var followTheReader = function () {
      if (!reading) return;
      var line = readingLine();
      var atEnd = window.scrollY + window.innerHeight >= Math.floor(document.body.offsetHeight);
      var passed = atEnd ? headings[headings.length - 1] : headings.filter(function (heading) {
        return pageOffset(heading) - line < window.scrollY;
      }).pop();
      var id = passed ? passed.id : "";
      if (id === current) return;
      current = id;
      var url = new URL(window.location.href);
      url.hash = id;
      window.history.replaceState(window.history.state, "", id ? url : url.href.split("#")[0]);
    };
    window.requestAnimationFrame(function () {
      var margin = -readingLine() + "px 0px 0px 0px";
      var observer = new IntersectionObserver(followTheReader, { rootMargin: margin, threshold: [0, 1] });
      headings.concat(document.querySelector(".md-footer")).forEach(function (target) {
        observer.observe(target);
      });
    });
    ["wheel", "touchmove", "keydown", "mousedown"].forEach(function (type) {
      window.addEventListener(type, function () { reading = true; }, { passive: true, once: true });
    });
  }

  /* The theme's search dialog has no accessible name; give it the search field's label. */
  var searchDialog = document.querySelector('.md-search[role="dialog"]');
  var searchField = document.querySelector(".md-search__input");
  if (searchDialog && searchField) {
    searchDialog.setAttribute("aria-label", searchField.getAttribute("aria-label"));
  }

  /* Reading room: a printed document page ends with its address and the day it was printed.
     Written as the page is printed (the browser's beforeprint, or the print media alone, as in a
     print preview), not at load: the first date format loads the browser's locale data, some
     25 ms of main thread on this machine, a long task on a slow phone. */
  var colophon = document.querySelector(".print-colophon");
  function writeColophon() {
    var today = new Intl.DateTimeFormat(colophon.dataset.dateLocale, { dateStyle: "long" }).format(new Date());
    colophon.textContent = colophon.dataset.colophon.replace("{url}", clauseUrl("").replace(/#$/, "")).replace("{date}", today);
  }
  if (colophon) {
    window.addEventListener("beforeprint", writeColophon);
    window.matchMedia("print").addEventListener("change", function (event) {
      if (event.matches) writeColophon();
    });
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

  /* The language switcher links to the same page in the other language: follow it with the
     clause anchor, and a one-language view becomes the new page's language (a reader who
     switches to the Chinese page wants to read Chinese). Capture phase: the theme's own
     handler would drop the anchor. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey) return;
    var target = link.getAttribute("hreflang").indexOf("zh") === 0 ? "zh" : "en";
    if (root.dataset.view && root.dataset.view !== "both") store("view", target);
    if (!window.location.hash) return;
    event.preventDefault();
    event.stopPropagation();
    window.location.href = link.href.split("#")[0] + window.location.hash;
  }, true);
})();

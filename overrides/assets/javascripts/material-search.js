/* The one file that touches Material for MkDocs' search internals (checked against the installed
   theme by tests/test_upstream_contract.py). It relies on exactly this, as in Material 9.8.1:

   1. It runs before the theme's bundle (overrides/main.html, block `scripts`).
   2. The theme's config, <script id="__config" type="application/json">, names a search worker
      (`search`): the search plugin is on.
   3. The search dialog opens through the checkbox #__search or the field .md-search__input;
      its results are rendered into .md-search-result__list.
   4. The bundle requests its index with XMLHttpRequest, at <base>/search/search_index.json.
   5. The bundle starts its search worker with new Worker(<the config's `search`>), talks to it
      with postMessage and messages { type, data }, where type 0 is the setup (data.config,
      data.docs: the index's entries; each setup builds the index anew, answered by type 1,
      "ready") and type 2 a query (data: the query string), and hears
      it through addEventListener("message"), reading event.data, where type 3 is the result:
      data.items, groups of entries { location, title, text, score, terms }, one group per
      page, the page's own entry (a location without "#") added with score 0 when only its
      sections matched.
   6. The bundle reads the query from the field on "keyup" (and on focus).
   7. It renders each group as one list item: first the entry whose location has no "#" (or
      else the group's last entry) as the group's heading link, then the others; those scoring
      below the group's first entry are folded under "N more on this page". Enter follows the
      link with the highest data-md-score.
   8. The worker imports a Lunr language script for each language of the setup's
      data.config.lang but English, and cuts Chinese queries with the index's words, each word
      a prefix query.

   When 2, 3 or the browser's XMLHttpRequest / Worker do not hold, it does nothing but say so with
   console.warn: the theme then searches as it would without this file. A message of another
   shape is passed on unchanged. */
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
     The offline copy (file://) loads its index as a script when search opens, in both languages.
     Online, the words that find its entries unseen (their field `extra`: the other language's,
     the parts of Chinese compounds, pinyin without tones) load once the worker has built the
     index of what the pages show (search_index.<lang>.extra.json): search is ready sooner. */
  var INDEX_FILE = /(^|\/)search\/search_index\.json$/;
  var indexRequests = new WeakSet();
  var extraWordsAddress = "";
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
      address.pathname = address.pathname.replace(/\.json$/, ".extra.json");
      extraWordsAddress = address.href;
    }
    return openRequest.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!indexRequests.has(request)) return sendRequest.apply(request, args);
    searchOpened.then(function () { sendRequest.apply(request, args); });
  };

  /* Queries are text, not Lunr syntax. A clause code in any spelling (gap10, "GAP 10", cap a10)
     is sent as its id; "AI+" is read "AI plus", as the documents render 人工智能+ (but "C++" is
     not "C plus"); the characters Lunr reads as operators (+ - : ^ ~ * and quotes) are dropped,
     with the number of a fuzzy match or a boost (~2, ^10). A lone Latin letter beside other
     words is dropped: the worker would find every word that begins with it. The index keeps
     English words as written and the worker finds words that begin with the query's, so an
     English word's -y or -ies is left off: "community" finds "communities". A Chinese run is
     cut here into the index's words, longest first: the worker's own cut gives up on a run
     where a character begins no word of the index (以增进…), and never lets a word end on the
     run's last character, so each word is sent on its own, followed by a character that no
     word contains. */
  var SEARCH_SETUP = 0;
  var SEARCH_READY = 1;
  var SEARCH_QUERY = 2;
  var SEARCH_RESULT = 3;
  var QUERY_END = "\u303b";
  var CODE = /^(ini|shd|cap|gap)[\s_-]*([a-z]{0,4})[\s_-]*(\d{1,2})(?:[\s_-]+(\d{1,2}))?$/i;
  var QUOTES = /["\u201c\u201d\u2018\u2019\u300a\u300b\u300c\u300d]/g;

  function clauseCode(text) {
    var match = CODE.exec(text.replace(QUOTES, "").trim());
    if (!match) return "";
    return [match[1], match[2] + match[3]].concat(match[4] ? [match[4]] : []).join("-").toLowerCase();
  }

  function readPlus(text) {
    return text.replace(/([A-Za-z0-9])\+(?=\s|$)/g, "$1 plus");
  }

  var HAN_RUN = /\p{sc=Han}+/gu;
  var vocabulary = new Set();
  var longestWord = 1;

  function learnWords(docs) {
    docs.forEach(function (doc) {
      [doc.title, doc.text, doc.extra].forEach(function (field) {
        (String(field || "").match(HAN_RUN) || []).forEach(function (word) {
          vocabulary.add(word);
          if (word.length > longestWord) longestWord = Math.min(word.length, 16);
        });
      });
    });
  }

  function indexWords(run) {
    var words = [];
    for (var start = 0; start < run.length;) {
      var length = Math.min(longestWord, run.length - start);
      while (length > 1 && !vocabulary.has(run.substr(start, length))) length -= 1;
      words.push(run.substr(start, length));
      start += length;
    }
    return words;
  }

  function lunrText(text) {
    var sent = readPlus(text)
      .replace(/[~^]\d*/g, " ")
      .replace(/[+:*\u201c\u201d\u2018\u2019\u300a\u300b\u300c\u300d"()\[\]{}<>!?,;\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\uff08\uff09]/g, " ")
      .replace(/(^|\s)-+|-+(?=\s|$)/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\b([A-Za-z]{3,})(?:ies|y)\b/g, "$1")
      .replace(HAN_RUN, function (run) {
        return indexWords(run).map(function (word) { return word + QUERY_END; }).join(" ");
      });
    var words = sent.split(" ").filter(function (word) { return !/^[A-Za-z]$/.test(word); });
    return words.length ? words.join(" ") : sent;
  }

  /* Text as the reader sees it, for comparing with the query: no markup, lower case, a hyphen
     read as a space ("open-source" holds "open source") unless kept as typed, one space between
     words; the word separators of Chinese (U+200B) left out, or kept where a title's words end. */
  function plain(html, keepWordEnds, keepHyphens) {
    var text = String(html || "")
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#0?39;|&#x27;/g, "'")
      .replace(/&amp;/g, "&");
    if (!keepHyphens) text = text.replace(/-+/g, " ");
    text = text.replace(/\s+/g, " ").toLowerCase();
    return keepWordEnds ? text : text.replace(/\u200b/g, "");
  }

  /* The queries sent, oldest first: the worker answers each in turn. */
  var pending = [];

  function queryOf(text) {
    var code = clauseCode(text);
    var words = readPlus(text.replace(QUOTES, " "));
    return {
      code: code,
      phrase: plain(words).trim(),
      typed: plain(words.replace(/(^|\s)-+|-+(?=\s|$)/g, " "), false, true).trim(),
      sent: code ? code.toUpperCase() : lunrText(text)
    };
  }

  /* A title that begins with the phrase, word for word: the phrase names the page. */
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

  function namedBy(title, phrase) {
    var marked = plain(title, true).trim();
    var text = "";
    var wordEnds = {};
    for (var i = 0; i < marked.length; i++) {
      if (marked[i] === "\u200b") wordEnds[text.length] = true;
      else text += marked[i];
    }
    if (!phrase || text.indexOf(phrase) !== 0) return false;
    var next = text.charAt(phrase.length);
    return !next || wordEnds[phrase.length] || !LETTER_OR_DIGIT.test(next) || !LETTER_OR_DIGIT.test(phrase.slice(-1));
  }

  function occurrences(text, phrase) {
    var count = 0;
    for (var at = text.indexOf(phrase); phrase && at >= 0; at = text.indexOf(phrase, at + phrase.length)) count += 1;
    return count;
  }

  /* The result list, clause first. Every entry found is ranked by: the clause whose code was
     typed; then a page (not a clause) whose title begins with the query: a theme, a year of
     the timeline, found for its own name; then the entries holding the query (a phrase copied
     from a clause; a hyphen read as a space); then those holding every word of the query; then
     those of pages of full weight before those that gather clauses (front matter
     `search.boost` below 1: themes, glossary); then the entries holding the query more often;
     then those holding it as typed, hyphens and all; then Lunr's score without the theme's
     bonus for pages.
     Consecutive clauses of one document are shown as one group under the document's name; the
     sections of another page, as one group under the page's title. That name or title is a
     link only when the page itself was found: otherwise it is a heading, and the first link
     is the best clause or section. */
  var DOCUMENT_PAGE = /(^|\/)documents\/[^/]+(\/|\.html)$/;
  var unlinkedHeadings = [];

  function isClause(location) {
    var parts = location.split("#");
    return parts.length > 1 && DOCUMENT_PAGE.test(parts[0]);
  }

  function wordShare(item) {
    var terms = Object.keys(item.terms || {});
    if (!terms.length) return 0;
    return terms.filter(function (term) { return item.terms[term]; }).length / terms.length;
  }

  function ranked(items, query) {
    var typed = query.phrase && query.typed;
    return items.map(function (item, order) {
      var anchor = item.location.split("#")[1] || "";
      var share = wordShare(item);
      var html = item.title + " " + item.text + " " + (item.extra || "");
      var count = occurrences(plain(html), query.phrase);
      return {
        item: item,
        code: query.code && anchor === query.code ? 1 : 0,
        name: !isClause(item.location) && namedBy(item.title, query.phrase) ? 1 : 0,
        phrase: count ? 1 : 0,
        share: share,
        weight: item.boost === undefined || item.boost >= 1 ? 1 : 0,
        count: count,
        typed: typed && count && plain(html, false, true).indexOf(typed) >= 0 ? 1 : 0,
        score: (item.score || 0) / (1 + Math.pow((anchor ? 0 : 1) + share, 2)),
        order: order
      };
    }).sort(function (a, b) {
      return b.code - a.code || b.name - a.name || b.phrase - a.phrase || b.share - a.share ||
        b.weight - a.weight || b.count - a.count || b.typed - a.typed || b.score - a.score || a.order - b.order;
    }).map(function (entry) { return entry.item; });
  }

  function displayGroups(result, query) {
    var headings = {};
    var found = [];
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        if (item.location.indexOf("#") < 0) headings[item.location] = item;
        if (item.score > 0) found.push(item);
      });
    });
    var groups = [];
    var pageGroups = {};
    ranked(found, query).forEach(function (item) {
      var page = item.location.split("#")[0];
      var last = groups[groups.length - 1];
      var clause = isClause(item.location);
      if (clause && last && last.clauses && last.page === page) {
        last.items.push(item);
      } else if (clause) {
        groups.push({ page: page, clauses: true, items: [item] });
      } else if (pageGroups[page]) {
        pageGroups[page].items.push(item);
      } else {
        groups.push(pageGroups[page] = { page: page, clauses: false, items: [item] });
      }
    });
    unlinkedHeadings = [];
    var items = groups.map(function (group, index) {
      var score = groups.length - index;
      var entries = group.items.map(function (item, position) {
        return Object.assign({}, item, { score: group.clauses ? score : score - position / 1000 });
      });
      var hasHeading = entries.some(function (item) { return item.location === group.page; });
      if (!hasHeading && headings[group.page]) {
        entries.push(Object.assign({}, headings[group.page], { score: 0, terms: {} }));
      }
      unlinkedHeadings.push(!hasHeading);
      return entries;
    });
    return Object.assign({}, result, { items: items });
  }

  var resultList = document.querySelector(".md-search-result__list");
  if (resultList) {
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.nodeType !== 1) return;
          var index = Array.prototype.indexOf.call(resultList.children, node);
          var link = node.querySelector("a.md-search-result__link");
          if (!unlinkedHeadings[index] || !link) return;
          var heading = document.createElement("div");
          heading.className = "search-result-document";
          while (link.firstChild) heading.appendChild(link.firstChild);
          link.replaceWith(heading);
        });
      });
    }).observe(resultList, { childList: true });
  }

  /* The theme starts its search worker, a 12 KiB script, as soon as a page loads. Start it
     when the reader opens search, with the index, and stand between the theme and it. To the
     worker: keep this page's language (the offline copy's index holds both, each entry with
     the other language's words unseen), so that a clause is found once, in either language;
     Lunr's English alone (the index is cut into words already, by jieba; the Chinese scripts
     would cost three more requests before search is ready); queries as text. From the worker:
     the results, clause first. */
  var ThemeWorker = window.Worker;
  var searchWorkerScript = new URL(config.search, window.location.href).href;

  var ownSetup = null;

  function toWorker(message) {
    if (message && message.type === SEARCH_SETUP && message.data && Array.isArray(message.data.docs)) {
      var docs = message.data.docs.filter(function (doc) { return !doc.lang || doc.lang === root.lang; });
      learnWords(docs);
      var setup = Object.assign({}, message.data.config, { lang: ["en"] });
      ownSetup = { type: SEARCH_SETUP, data: Object.assign({}, message.data, { config: setup, docs: docs }) };
      return ownSetup;
    }
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      var query = queryOf(message.data);
      pending.push(query);
      return { type: SEARCH_QUERY, data: query.sent };
    }
    return message;
  }

  /* The index again, each entry with its unseen words (by location). */
  function withExtraWords(words) {
    var docs = ownSetup.data.docs.map(function (doc) {
      return words[doc.location] ? Object.assign({}, doc, { extra: words[doc.location] }) : doc;
    });
    learnWords(docs);
    return { type: SEARCH_SETUP, data: Object.assign({}, ownSetup.data, { docs: docs }) };
  }

  /* Once every word is in the index the field says so (data-search-index="complete"). */
  function indexComplete() {
    searchField.setAttribute("data-search-index", "complete");
  }

  function fromWorker(message) {
    if (!message || message.type !== SEARCH_RESULT || !message.data || !Array.isArray(message.data.items)) return message;
    var query = pending.shift() || queryOf("");
    try {
      return { type: SEARCH_RESULT, data: displayGroups(message.data, query) };
    } catch (error) {
      console.warn("material-search.js: results left as the theme ranks them", error);
      return message;
    }
  }

  /* The theme hears the first "ready" only. Its query, if answered before the unseen words
     were in, is asked again, and its results replace those shown. */
  function searchWorker(url, options) {
    var proxy = new EventTarget();
    var builds = 0;
    var lastQuery = null;
    var askedSinceRebuild = false;
    var started = searchOpened.then(function () {
      var worker = new ThemeWorker(url, options);
      worker.addEventListener("message", function (event) {
        if (event.data && event.data.type === SEARCH_READY && ++builds > 1) {
          indexComplete();
          if (lastQuery !== null && !askedSinceRebuild) proxy.postMessage({ type: SEARCH_QUERY, data: lastQuery });
          return;
        }
        if (event.data && event.data.type === SEARCH_READY) {
          if (!extraWordsAddress || !ownSetup) indexComplete();
          else fetch(extraWordsAddress)
            .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(response.status)); })
            .then(function (words) {
              askedSinceRebuild = false;
              worker.postMessage(withExtraWords(words));
            })
            .catch(function (error) { console.warn("material-search.js: the unseen words did not load", error); });
        }
        proxy.dispatchEvent(new MessageEvent("message", { data: fromWorker(event.data) }));
      });
      worker.addEventListener("error", function (event) {
        proxy.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
      });
      return worker;
    });
    proxy.postMessage = function (message) {
      if (message && message.type === SEARCH_QUERY) {
        lastQuery = message.data;
        askedSinceRebuild = true;
      }
      var sent = toWorker(message);
      started.then(function (worker) { worker.postMessage(sent); });
    };
    proxy.terminate = function () {
      started.then(function (worker) { worker.terminate(); });
    };
    return proxy;
  }

  window.Worker = function (url, options) {
    if (new URL(String(url), window.location.href).href === searchWorkerScript) return searchWorker(url, options);
    return new ThemeWorker(url, options);
  };
  window.Worker.prototype = ThemeWorker.prototype;

  /* Any way of typing counts: the theme reads the query on key release only, so text pasted,
     committed by an input method or filled in by a phone keyboard would wait for a key. Tell it
     on every change of the field's text, once an input method has committed it. */
  function announceQuery() {
    searchField.dispatchEvent(new KeyboardEvent("keyup"));
  }
  searchField.addEventListener("input", function (event) {
    if (!event.isComposing) announceQuery();
  });
  searchField.addEventListener("compositionend", announceQuery);
})();

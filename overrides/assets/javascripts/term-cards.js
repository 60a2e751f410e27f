/* What the glossary terms of a document page do when the "Terms" switch is on (terms.js loads
   this file then, with the page data: reader.js's window.aigov). Pointing at or focusing a
   term lights up the words the glossary pairs with it in the other column of the same clause,
   and shows its card (both terms, pinyin, the other renderings, the glossary entry). Keyboard:
   one Tab stop per clause, the arrow keys walk its terms, Enter moves into the card, Escape
   closes it. Touch: a tap shows the card, a tap elsewhere closes it. Turned off, nothing of it
   is left: no highlight, no card, no Tab stop. */
(function () {
  "use strict";

  var root = document.documentElement;
  var TERM = ".glossary-term";
  var CLAUSE = "[data-clause]";

  function isOn() {
    return root.dataset.terms === "on";
  }

  function idsOf(term) {
    return (term.dataset.terms || "").split(" ");
  }

  function shareATerm(a, b) {
    var ids = idsOf(b);
    return idsOf(a).some(function (id) { return ids.indexOf(id) >= 0; });
  }

  function visible(element) {
    return element.getClientRects().length > 0;
  }

  /* ---- Counterparts ---------------------------------------------------------------------- */

  function clear() {
    document.querySelectorAll(".glossary-term--active, .glossary-term--counterpart").forEach(function (term) {
      term.classList.remove("glossary-term--active", "glossary-term--counterpart");
    });
  }

  function highlight(term) {
    clear();
    var clause = term.closest(CLAUSE);
    var column = term.closest(".parallel-col");
    if (!clause || !column) return;
    term.classList.add("glossary-term--active");
    clause.querySelectorAll(TERM).forEach(function (other) {
      if (other.closest(".parallel-col") !== column && shareATerm(term, other)) {
        other.classList.add("glossary-term--counterpart");
      }
    });
  }

  /* ---- The card ---------------------------------------------------------------------------- */

  var cards = null; // the page's cards, from the page data
  var popover = null;
  var owner = null;   // the term whose card is shown
  var pinned = false; // shown by a tap, a click or Enter: stays until closed
  var hideTimer = 0;

  function buildPopover(term) {
    var clauseId = term.closest(CLAUSE).dataset.clause;
    var box = document.createElement("div");
    box.className = "term-popover";
    box.id = "term-popover";
    box.lang = root.lang;
    idsOf(term).forEach(function (id) {
      var card = cards.querySelector('.term-card[data-term="' + id + '"]');
      if (!card) return;
      var own = document.createElement("ul");
      var others = document.createElement("ul");
      own.className = "term-popover__own";
      others.className = "term-popover__others";
      var entry = null;
      card.querySelectorAll(".term-card__renderings > li").forEach(function (item) {
        var used = item.dataset.clauses.split(" ").indexOf(clauseId) >= 0;
        var copy = item.cloneNode(true);
        if (used) {
          copy.querySelector(".term-card__clauses").remove();
          entry = entry || item.dataset.entry;
        }
        (used ? own : others).appendChild(copy);
      });
      box.appendChild(card.querySelector(".term-card__term").cloneNode(true));
      box.appendChild(own);
      if (others.children.length) {
        var label = document.createElement("p");
        label.className = "term-popover__label";
        label.textContent = cards.dataset.otherRenderings;
        box.appendChild(label);
        box.appendChild(others);
      }
      var link = card.querySelector(".term-card__entry").cloneNode(true);
      if (entry) link.querySelector("a").setAttribute("href", entry);
      box.appendChild(link);
    });
    return box;
  }

  function place(box, term) {
    var rect = term.getBoundingClientRect();
    var margin = 8;
    var width = box.offsetWidth;
    var left = Math.min(Math.max(rect.left, margin), window.innerWidth - width - margin);
    var below = rect.bottom + 6;
    var top = below + box.offsetHeight > window.innerHeight && rect.top - box.offsetHeight - 6 > 0
      ? rect.top - box.offsetHeight - 6
      : below;
    box.style.left = Math.max(left, margin) + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function show(term, pin) {
    window.clearTimeout(hideTimer);
    if (owner === term && popover) {
      pinned = pinned || pin;
      return;
    }
    close(false);
    highlight(term);
    popover = buildPopover(term);
    document.body.appendChild(popover);
    place(popover, term);
    owner = term;
    pinned = pin;
    term.setAttribute("aria-describedby", popover.id);
    popover.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", function () { if (!pinned) hideSoon(); });
  }

  function close(refocus) {
    window.clearTimeout(hideTimer);
    if (popover) popover.remove();
    if (owner) {
      owner.removeAttribute("aria-describedby");
      if (refocus) owner.focus();
    }
    popover = null;
    owner = null;
    pinned = false;
    clear();
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () { close(false); }, 250);
  }

  /* ---- Keyboard: one Tab stop per clause, the arrows walk its terms ------------------------- */

  function termsOf(clause) {
    return Array.prototype.filter.call(clause.querySelectorAll(TERM), visible);
  }

  function setStops() {
    document.querySelectorAll(TERM).forEach(function (term) { term.tabIndex = -1; });
    document.querySelectorAll(CLAUSE).forEach(function (clause) {
      var first = termsOf(clause)[0];
      if (first) first.tabIndex = 0;
    });
  }

  function removeStops() {
    document.querySelectorAll(TERM).forEach(function (term) { term.removeAttribute("tabindex"); });
  }

  function rove(from, to) {
    from.tabIndex = -1;
    to.tabIndex = 0;
    to.focus();
  }

  var KEY_STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  function onTermKey(event, term) {
    var walk = termsOf(term.closest(CLAUSE));
    var index = walk.indexOf(term);
    if (event.key in KEY_STEPS) {
      rove(term, walk[(index + KEY_STEPS[event.key] + walk.length) % walk.length]);
    } else if (event.key === "Home" || event.key === "End") {
      rove(term, walk[event.key === "Home" ? 0 : walk.length - 1]);
    } else if (event.key === "Enter" || event.key === " ") {
      show(term, true);
      var first = popover && popover.querySelector("a");
      if (first) first.focus();
    } else {
      return;
    }
    event.preventDefault();
  }

  /* ---- On and off ------------------------------------------------------------------------- */

  function apply() {
    if (isOn()) {
      setStops();
    } else {
      close(false);
      removeStops();
    }
  }

  function start(data) {
    var holder = document.createElement("template");
    holder.innerHTML = data.cards;
    cards = holder.content.querySelector(".term-cards");
    apply();
    /* The language view (reader.js) hides a column: the clause's Tab stop must stay visible. */
    new MutationObserver(function () { if (isOn()) setStops(); })
      .observe(root, { attributes: true, attributeFilter: ["data-view"] });

    /* Hover is for a mouse: after a tap, the browser's emulated mouse events would reopen a
       closed card under the finger's last place. */
    var lastPointer = "mouse";
    document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
    document.addEventListener("pointermove", function (event) { lastPointer = event.pointerType; }, true);

    document.addEventListener("mouseover", function (event) {
      if (!isOn() || pinned || lastPointer === "touch") return;
      var term = event.target.closest(TERM);
      if (term) show(term, false);
    });
    document.addEventListener("mouseout", function (event) {
      if (!isOn() || pinned || lastPointer === "touch") return;
      var term = event.target.closest(TERM);
      if (term && !(event.relatedTarget && term.contains(event.relatedTarget))) hideSoon();
    });
    document.addEventListener("focusin", function (event) {
      if (!isOn()) return;
      var term = event.target.closest(TERM);
      if (term) {
        show(term, false);
      } else if (popover && !popover.contains(event.target)) {
        close(false);
      }
    });
    document.addEventListener("focusout", function (event) {
      if (!isOn() || pinned) return;
      if (event.target.closest(TERM) && !(event.relatedTarget && popover && popover.contains(event.relatedTarget))) {
        close(false);
      }
    });
    document.addEventListener("click", function (event) {
      if (!isOn()) return;
      var term = event.target.closest(TERM);
      if (term) {
        show(term, true);
      } else if (popover && !popover.contains(event.target)) {
        close(false);
      }
    });
    document.addEventListener("keydown", function (event) {
      if (!isOn()) return;
      if (event.key === "Escape" && popover) {
        var back = popover.contains(document.activeElement) || owner === document.activeElement;
        close(back);
        return;
      }
      var term = event.target.closest && event.target.closest(TERM);
      if (term) onTermKey(event, term);
      /* Tab out of the card: back to its term, whose clause's stop the next Tab leaves. */
      if (event.key === "Tab" && popover && popover.contains(event.target)) {
        var links = popover.querySelectorAll("a");
        var edge = event.shiftKey ? links[0] : links[links.length - 1];
        if (event.target === edge) {
          event.preventDefault();
          close(true);
        }
      }
    });
    window.addEventListener("resize", function () { if (popover && owner) place(popover, owner); });
  }

  /* Each turn of the switch: once the cards have come, on or off; before, the first turn on
     asks for them, and a load that failed is tried again at the next (terms.js says it failed). */
  var started = false;
  function follow() {
    if (started) {
      apply();
    } else if (isOn()) {
      window.aigov.pageData().then(function (data) {
        if (started) return;
        started = true;
        start(data);
      }, function () { /* said by terms.js */ });
    }
  }
  follow();
  new MutationObserver(follow).observe(root, { attributes: true, attributeFilter: ["data-terms"] });
})();

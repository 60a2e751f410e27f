/* The colour toggle, which Material for MkDocs' bundle works as it starts, worked here before
   it, where it costs the page no restyle of its own (checked against the installed theme by
   tests/test_upstream_contract.py, "material-start.js").

   The bundle's palette component restyles the whole page three times as it starts: it appends
   <meta name="color-scheme">, marks the body data-md-color-switching, reads the header's
   computed style twice and unmarks the body a task later. On a document page (some 1,400
   elements) those restyles of the whole page were more than half of the style work of a load
   (traced in Chromium). Here the toggle is worked from the same markup and the same stored
   choice, changing the page only where the scheme changes and reading style back only when the
   page is idle. (The root's class js, which the bundle also sets as it starts, is set before
   the first paint: partials/page-start.html.) This relies on exactly this, as in Material 9.8.1:

   1. It runs before the theme's bundle, which mounts the palette component, as it is
      evaluated, on the element [data-md-component="palette"], and nowhere else: a form
      without that attribute it leaves alone.
   2. The form (partials/palette.html) holds the radios input.md-option, one per scheme of
      mkdocs.yml's palette, each with data-md-color-media, -scheme, -primary and -accent, each
      followed by its toggle: a label for the next radio, hidden but for the current scheme's.
   3. The choice is kept with __md_set("__palette", { index, color: { media, scheme, primary,
      accent } }); the header's inline script reads it back and sets the body's
      data-md-color-* before this file runs (partials/javascripts/palette.html). A scheme whose
      media is "(prefers-color-scheme)" follows the system, through the schemes whose media are
      "(prefers-color-scheme: light)" and "(prefers-color-scheme: dark)".
   4. The theme's style sheet stops transitions under body[data-md-color-switching], and gives
      the scheme "slate" the CSS color-scheme dark, any other light.

   When 2 or 3 do not hold, it leaves the toggle alone and says so with console.warn: the
   theme's own component then works it. */
(function () {
  "use strict";

  var SYSTEM = "(prefers-color-scheme)";
  var form = document.querySelector('form[data-md-component="palette"]');
  var radios = form ? Array.prototype.slice.call(form.querySelectorAll("input.md-option")) : [];
  var body = document.body;
  if (!radios.length || typeof window.__md_get !== "function" || typeof window.__md_set !== "function") {
    console.warn("material-start.js: the theme's colour palette is not as expected; leaving it to the theme.");
    return;
  }
  form.removeAttribute("data-md-component");

  var lightSystem = window.matchMedia("(prefers-color-scheme: light)");
  var colorSchemeMeta = null;
  var themeColorMeta = document.createElement("meta");
  themeColorMeta.name = "theme-color";
  document.head.appendChild(themeColorMeta);
  var current = -1;

  function colours(radio) {
    return {
      media: radio.getAttribute("data-md-color-media"),
      scheme: radio.getAttribute("data-md-color-scheme"),
      primary: radio.getAttribute("data-md-color-primary"),
      accent: radio.getAttribute("data-md-color-accent")
    };
  }

  function shownColours(index) {
    var color = colours(radios[index]);
    if (color.media !== SYSTEM) return color;
    var system = form.querySelector(lightSystem.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    if (!system) return color;
    var followed = colours(system);
    return { media: color.media, scheme: followed.scheme, primary: followed.primary, accent: followed.accent };
  }

  /* The header's colour, for the browser's own bar: read when the page is idle, its style up
     to date, so that reading it costs no restyle. */
  function tellThemeColour() {
    var header = document.querySelector(".md-header");
    var rgb = header ? getComputedStyle(header).backgroundColor.match(/\d+/g) : null;
    if (!rgb) return;
    themeColorMeta.content = "#" + rgb.slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
  }

  /* Once the colours are set: the browser's bar takes the header's colour when the page is
     idle, and transitions run again once a frame has been drawn with the new colours. */
  function settle(switching) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(tellThemeColour, { timeout: 2000 });
    else setTimeout(tellThemeColour, 200);
    if (!switching) return;
    requestAnimationFrame(function () {
      setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    });
  }

  /* Every attribute set here restyles the page: set only those that change. At a load the
     colours change only on a first visit from a dark system (the header's script has set a
     stored choice); transitions stop while colours change. The browser is told the scheme only
     once it is dark, or was. */
  function show(index) {
    var color = shownColours(index);
    var changed = Object.keys(color).filter(function (key) {
      return body.getAttribute("data-md-color-" + key) !== color[key];
    });
    var switching = changed.some(function (key) { return key !== "media"; });
    if (switching) body.setAttribute("data-md-color-switching", "");
    changed.forEach(function (key) { body.setAttribute("data-md-color-" + key, color[key]); });
    radios.forEach(function (radio, at) {
      var toggle = radio.nextElementSibling;
      if (toggle instanceof HTMLLabelElement && toggle.hidden !== (at !== index)) toggle.hidden = at !== index;
    });
    var scheme = color.scheme === "slate" ? "dark" : "light";
    if (!colorSchemeMeta && scheme === "dark") {
      colorSchemeMeta = document.createElement("meta");
      colorSchemeMeta.name = "color-scheme";
      document.head.appendChild(colorSchemeMeta);
    }
    if (colorSchemeMeta && colorSchemeMeta.content !== scheme) colorSchemeMeta.content = scheme;
    window.__md_set("__palette", { index: index, color: color });
    current = index;
    settle(switching);
  }

  function storedIndex() {
    var stored = window.__md_get("__palette");
    var index = stored && typeof stored.index === "number" ? stored.index : radios.findIndex(function (radio) {
      return window.matchMedia(radio.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(0, Math.min(index, radios.length - 1));
  }

  show(storedIndex());

  /* A toggle is a label for the next scheme's radio: choosing it changes that radio. */
  form.addEventListener("change", function (event) {
    var index = radios.indexOf(event.target);
    if (index >= 0) show(index);
  });
  /* Enter on the toggle's radio picks the next scheme, as the theme does. */
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = radios[(current + 1) % radios.length];
    next.click();
    next.focus();
  });
  lightSystem.addEventListener("change", function () {
    if (colours(radios[current]).media === SYSTEM) show(current);
  });
})();

/* Related clauses: the "all N" lists a reader opened stay open when the reader comes back
   (browser Back). The back-forward cache keeps the page as it was; when the browser reloads it
   instead, the open lists are restored from the history entry, which each toggle updates. */
(function () {
  "use strict";
  var KEY = "aigovOpenRelated";
  var SELECTOR = "details.clause-related__all";

  function openIds() {
    return Array.prototype.map.call(document.querySelectorAll(SELECTOR + "[open]"), function (details) {
      return details.id;
    });
  }

  var saved = window.history.state && window.history.state[KEY];
  if (Array.isArray(saved)) {
    saved.forEach(function (id) {
      var details = document.getElementById(id);
      if (details && details.matches(SELECTOR)) details.open = true;
    });
  }

  // toggle does not bubble: listen while it is captured on its way down.
  document.addEventListener("toggle", function (event) {
    if (!(event.target instanceof Element) || !event.target.matches(SELECTOR)) return;
    var state = Object.assign({}, window.history.state || {});
    state[KEY] = openIds();
    window.history.replaceState(state, "");
  }, true);
})();

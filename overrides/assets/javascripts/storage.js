/* Where a reader blocks site data (all cookies blocked), reading window.localStorage or
   window.sessionStorage throws a SecurityError. The theme's head script and bundle read both
   (the palette, tabs, search), and every page would stop there. This script, which runs before
   them, puts a storage kept in memory for the page in the place of each one that throws: the
   theme and the reader's controls work, and nothing is kept once the page is left. */
(function () {
  "use strict";

  function memoryStorage() {
    var items = new Map();
    return {
      get length() { return items.size; },
      key: function (index) {
        var keys = Array.from(items.keys());
        return index >= 0 && index < keys.length ? keys[index] : null;
      },
      getItem: function (key) { return items.has(String(key)) ? items.get(String(key)) : null; },
      setItem: function (key, value) { items.set(String(key), String(value)); },
      removeItem: function (key) { items.delete(String(key)); },
      clear: function () { items.clear(); }
    };
  }

  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      if (window[name]) return;
    } catch (error) {
      /* denied: stand in below */
    }
    Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
  });
})();

/* The cite dialog of document pages, loaded with the page data on the first Cite (reader.js,
   which handles the Cite buttons and calls window.aigov.cite): puts the dialog's body in the
   one <dialog> and fills it with the entry (formatted at build time, scripts/aigov/citation.py)
   of the document or clause whose Cite button was pressed, with today's date from the reader's
   clock as the access date, and copies or downloads it. */
(function () {
  "use strict";

  var dialog = document.getElementById("cite-dialog");
  var readerStatus = document.getElementById("reader-status");
  var status = null;
  var current = null;

  function pad(number) { return (number < 10 ? "0" : "") + number; }

  /* The build wrote its own day as the access date; the reader's day replaces it, in the
     ISO (2026-11-27) and RIS (2026/11/27) forms and in the CSL-JSON date parts. */
  function withToday(entry) {
    var now = new Date();
    var today = [now.getFullYear(), pad(now.getMonth() + 1), pad(now.getDate())];
    var built = dialog.dataset.accessed;
    function swap(text) {
      return text.split(built).join(today.join("-")).split(built.replace(/-/g, "/")).join(today.join("/"));
    }
    var csl = JSON.parse(entry.csl);
    csl[0].accessed = { "date-parts": [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] };
    var styles = {};
    Object.keys(entry.styles).forEach(function (key) { styles[key] = swap(entry.styles[key]); });
    return {
      heading: entry.heading, title: entry.title, issuer: entry.issuer, issued: entry.issued, url: entry.url,
      accessed: today.join("-"), styles: styles, bibtex: swap(entry.bibtex), ris: swap(entry.ris),
      csl: JSON.stringify(csl, null, 2) + "\n"
    };
  }

  function fill(id, entries) {
    current = withToday(entries[id]);
    current.id = id;
    dialog.querySelector("#cite-dialog-title").textContent = current.heading;
    dialog.querySelectorAll("[data-field]").forEach(function (field) {
      field.textContent = current[field.dataset.field];
    });
    dialog.querySelectorAll("[data-style]").forEach(function (style) {
      style.innerHTML = current.styles[style.dataset.style]; /* escaped by the CSL processor at build time */
    });
    dialog.querySelectorAll("[data-record]").forEach(function (record) {
      record.textContent = current[record.dataset.record];
    });
  }

  function textOf(key) {
    var style = dialog.querySelector('[data-style="' + key + '"]');
    return style ? style.textContent : current[key];
  }

  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function onClick(event) {
    var copy = event.target.closest("[data-cite-copy]");
    if (copy) {
      var text = textOf(copy.dataset.citeCopy);
      var done = function () { announce(readerStatus.dataset.copied); };
      var failed = function () { announce(readerStatus.dataset.copyFailed); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, failed);
      else failed();
      return;
    }
    var download = event.target.closest("[data-cite-download]");
    if (download) {
      var link = document.createElement("a");
      var types = { bib: "application/x-bibtex", ris: "application/x-research-info-systems", json: "application/vnd.citationstyles.csl+json" };
      link.href = URL.createObjectURL(new Blob([current[download.dataset.citeDownload]], { type: types[download.dataset.extension] + ";charset=utf-8" }));
      link.download = current.id + "." + download.dataset.extension;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      URL.revokeObjectURL(link.href);
    }
  }

  window.aigov.cite = function (id, data) {
    if (!status) {
      dialog.innerHTML = data.cite_dialog;
      dialog.setAttribute("aria-labelledby", "cite-dialog-title");
      status = document.getElementById("cite-status");
      dialog.addEventListener("click", onClick);
    }
    fill(id, data.citations);
    dialog.showModal();
  };
})();

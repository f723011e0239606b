// Scroll the cited article into view. A file, not an inline script, so the page's
// Content-Security-Policy (script-src 'self') allows it.
(function () {
  var cited = document.currentScript.dataset.cited;
  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById(cited);
    if (node) { node.scrollIntoView({block: "center"}); }
  });
})();

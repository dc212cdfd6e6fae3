/* What the portal's pages do with script, for keyboard and screen-reader users:
   - a form's error summary takes focus when the page shows it, and the page's title begins
     with the number of errors;
   - after htmx replaces part of a page, focus moves to what replaced it (its error summary,
     or its message), so that the next Tab continues there and a screen reader reads it;
   - a region that htmx refreshes while the person types (data-announce) keeps focus where it
     is and announces a short line in its status element, only when the results changed. */
(function () {
  "use strict";
  var baseTitle = document.title;

  function summarise(root) {
    var summary = root.querySelector("[data-error-summary]");
    document.title = summary ? summary.dataset.title + " – " + baseTitle : baseTitle;
    if (summary) summary.focus();
    return summary;
  }

  function signature(region) {
    var line = region.querySelector("[data-announcement]");
    return line ? line.dataset.signature : "";
  }

  function announce(region) {
    var status = document.getElementById(region.dataset.announce);
    var line = region.querySelector("[data-announcement]");
    var now = signature(region);
    if (status && line && now !== region.dataset.lastSignature) {
      status.textContent = line.dataset.announcement;
    }
    region.dataset.lastSignature = now;
  }

  document.addEventListener("DOMContentLoaded", function () {
    summarise(document);
    document.querySelectorAll("[data-announce]").forEach(function (region) {
      region.dataset.lastSignature = signature(region);
    });
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var region = event.detail.target;
    if (region.dataset.announce) return announce(region);
    if (summarise(region)) return;
    var message = region.querySelector("[data-focus]") || region;
    if (!message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
    message.focus();
  });
})();

/* The editor of an article or a project page: while the address (slug) of an unpublished
   page is empty or made from its title, it follows the title as it is typed, made as the
   server makes it (Django's slugify: accents dropped, lower case, words joined by hyphens).
   An address written by hand is left alone, and a published page is never offered this, so
   it keeps its address. */
(function () {
  "use strict";

  function slugify(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[^\x00-\x7f]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "")
      .slice(0, 100)
      .replace(/-+$/, "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-from-title]").forEach(function (slug) {
      var titles = slug.dataset.fromTitle.split(" ").map(function (id) {
        return document.getElementById(id);
      }).filter(Boolean);
      function title() {
        return titles.map(function (t) { return t.value.trim(); }).filter(Boolean)[0] || "";
      }
      var made = slug.value === "" || slug.value === slugify(title()) ? slug.value : null;
      function follow() {
        if (made === null || slug.value !== made) return; // written by hand: kept
        made = slugify(title());
        slug.value = made;
      }
      titles.forEach(function (title) { title.addEventListener("input", follow); });
    });
  });
})();

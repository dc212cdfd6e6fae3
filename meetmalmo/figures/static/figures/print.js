// The summary's print button: shown only where a script can print, so the page stays whole
// without it.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

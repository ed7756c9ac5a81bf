// After a form comes back with errors, move the focus to its summary at the top (GOV.UK's
// error summary pattern): a screen reader reads it, a keyboard starts from it. Each of its
// links focuses its field and brings the field's question into view, not just the box.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) { return; }
  summary.focus();
  summary.querySelectorAll("a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      event.preventDefault();
      var group = field.closest("fieldset") || field.closest("[id^='div_']") || field;
      group.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  });
})();

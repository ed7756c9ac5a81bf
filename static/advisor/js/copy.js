// "Copy link" buttons: <button data-copy="#field-id" hidden>. Without JavaScript the button
// stays hidden and the read-only field can be selected and copied by hand.
(function () {
  "use strict";
  function copy(button) {
    var field = document.querySelector(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    function done() {
      if (status) { status.textContent = button.getAttribute("data-copied"); }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        field.select();
      });
    } else {
      // A button far from its field (the request's, at the top) must not scroll the page.
      field.focus({ preventScroll: true });
      field.select();
      if (document.execCommand && document.execCommand("copy")) { done(); }
    }
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();

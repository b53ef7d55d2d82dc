/* One event, one link: the "Copy link" button of every event card copies the absolute URL of the
 * event's permalink (its anchor on the timeline). The buttons stay hidden without JavaScript or
 * without a clipboard; the "#" permalink beside them works everywhere. */
(function () {
  "use strict";
  function absolute(href) {
    return new URL(href, window.location.href).href;
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  function show() {
    var buttons = document.querySelectorAll(".tl-copy-link[hidden]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".tl-copy-link") : null;
    if (!button) return;
    var url = absolute(button.getAttribute("data-href"));
    copy(url).then(
      function () { button.textContent = "Copied"; },
      function () { window.prompt("Copy this link:", url); }
    ).then(function () {
      window.setTimeout(function () { button.textContent = "Copy link"; }, 2000);
    });
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();

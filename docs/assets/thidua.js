/* The site's small behaviours, in a file rather than inline so the Content-Security-Policy can forbid
   inline scripts (deploy/nginx.conf). Loaded by every page under a content-hashed name (overrides/main.html). */
(function () {
  "use strict";

  /* The header's search box loads the results script only when a reader first focuses or touches it. */
  document.querySelectorAll("form[data-td-search][data-td-script]").forEach(function (form) {
    function load() {
      if (window.tdSearchLoading) return;
      window.tdSearchLoading = true;
      var script = document.createElement("script");
      script.type = "module";
      script.src = form.getAttribute("data-td-script");
      document.head.appendChild(script);
    }
    form.addEventListener("focusin", load);
    form.addEventListener("pointerdown", load);
  });

  /* "In bài" on stories and the plan: hidden without JavaScript, where the browser's own Print remains. */
  document.querySelectorAll(".td-print__button").forEach(function (button) {
    button.parentElement.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  /* "Sao chép liên kết" in the share box. */
  document.querySelectorAll("[data-td-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.nextElementSibling, url = (document.querySelector("link[rel=canonical]") || location).href;
      var done = function () { status.textContent = "Đã sao chép liên kết."; };
      if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () { status.textContent = url; });
      else status.textContent = url;
    });
  });

  /* The republish box's copy buttons: hidden without JavaScript, where the text stays selectable. */
  document.querySelectorAll(".td-copy[data-copy]").forEach(function (button) {
    var area = document.getElementById(button.dataset.copy);
    var status = button.closest("section").querySelector(".td-copy__status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Đã sao chép vào bộ nhớ tạm."; };
      area.focus(); area.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); });
      } else { document.execCommand("copy"); done(); }
    });
  });
})();

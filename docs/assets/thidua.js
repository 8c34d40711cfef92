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

  /* The republish box's plain text, drawn from its HTML (the page holds the story's copy once): one paragraph
     per block, a blank line between, the photo's description and address, no tag. */
  var BLOCKS = "h2, h3, p, li, figcaption, img";
  function plainText(html) {
    var body = new DOMParser().parseFromString(html, "text/html").body;  // inert: nothing in it runs or loads
    return Array.prototype.filter.call(body.querySelectorAll(BLOCKS), function (block) {
      return !block.querySelector(BLOCKS);
    }).map(function (block) {
      if (block.tagName === "IMG") return "Mô tả ảnh: " + block.alt + " — " + block.getAttribute("src");
      return (block.tagName === "LI" ? "- " : "") + block.textContent.replace(/\s+/g, " ").trim();
    }).filter(Boolean).join("\n\n");
  }

  /* The republish box holds the frame of the story, with one HTML comment where the story goes: the story is
     the ninjs body (press/republish.py), fetched when the box is first opened or copied. */
  var STORY_HERE = /\n<!--[^\n]*-->\n/;
  function withStory(area) {
    if (!area.dataset.tdStory || !STORY_HERE.test(area.value)) return Promise.resolve();
    if (!area.tdFilling) {
      var status = area.closest("section").querySelector(".td-copy__status");
      status.textContent = area.dataset.tdLoading;
      area.tdFilling = fetch(area.dataset.tdStory).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (item) {
        var story = item.bodies[0].value;
        area.value = area.value.replace(STORY_HERE, function () { return "\n" + story + "\n"; });
        status.textContent = "";
      }).catch(function () {
        area.tdFilling = null;
        status.textContent = area.dataset.tdFailed;
      });
    }
    return area.tdFilling;
  }
  document.querySelectorAll("details.td-republish__box").forEach(function (box) {
    box.addEventListener("toggle", function () {
      if (box.open) box.querySelectorAll("textarea[data-td-story]").forEach(withStory);
    });
  });

  /* The republish box's copy buttons: hidden without JavaScript, where the HTML stays selectable. */
  document.querySelectorAll(".td-copy[data-copy]").forEach(function (button) {
    var area = document.getElementById(button.dataset.copy);
    var status = button.closest("section").querySelector(".td-copy__status");
    var asText = button.dataset.copyAs === "text";
    button.hidden = false;
    button.addEventListener("click", function () {
      withStory(area).then(function () {
        if (STORY_HERE.test(area.value)) return;  // the story could not be fetched: the status says so
        var done = function () { status.textContent = "Đã sao chép vào bộ nhớ tạm."; };
        var copied = asText ? plainText(area.value) : area.value;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(copied).then(done, function () { fallback(copied); done(); });
        } else { fallback(copied); done(); }
      });
    });
  });

  /* Without the asynchronous clipboard (plain http): copy what a scratch textarea selects. */
  function fallback(text) {
    var scratch = document.createElement("textarea");
    scratch.value = text; scratch.setAttribute("readonly", ""); scratch.style.position = "fixed"; scratch.style.opacity = "0";
    document.body.appendChild(scratch); scratch.select(); document.execCommand("copy"); scratch.remove();
  }
})();

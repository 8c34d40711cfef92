// The web form's own rules (/bien-tap/gui-bai/), loaded after Decap CMS, then starts it.
// Decap checks each field alone; requirements that depend on another field (consent for an individual,
// alt text and credit when a photo is set) come from the exemplar schema as data (#thidua-quy-tac) and
// are checked before saving, so the editor sees the checker's Vietnamese words instead of a failed PR.
(function () {
  "use strict";
  var rules = JSON.parse(document.getElementById("thidua-quy-tac").textContent);

  function empty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.size === "number" && value.size === 0;  // an empty Immutable List
  }

  function applies(rule, data) {
    if (rule.if_set) return !empty(data.get(rule.if_set));
    return data.get(rule.if_equals[0]) === rule.if_equals[1];
  }

  function broken(rule, data) {
    var value = data.get(rule.require);
    return rule.equals === null ? empty(value) : value !== rule.equals;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var problems = rules.filter(function (rule) { return applies(rule, data) && broken(rule, data); });
      if (problems.length) {
        throw new Error(problems.map(function (rule) { return rule.message; }).join("; "));
      }
      // An optional field the editor emptied would be written as "" and refused by `thidua check`.
      data.forEach(function (value, key) {
        if (key !== "body" && empty(value)) data = data.delete(key);
      });
      return data;
    },
  });
  window.CMS.init();
})();

// The web form /bien-tap/gui-bai/: loaded before Decap CMS (it asks Decap to wait), then, once the page is
// parsed, reads bieu-mau.json (generated with config.yml: the checker's rules, Decap's words in Vietnamese,
// the site's name) and starts the CMS with:
// - every field's control wrapped so that Decap marks the field with the checker's words (isValid), the
//   same rules `thidua check` applies (thidua-rules.js interprets them);
// - a summary of every problem at the top of the form, each a link to its field;
// - "Hôm nay" meaning today in Vietnam (UTC+7) whatever the computer's time zone;
// - a warning, not an error, beside a date outside every plan's period;
// - the fields for later edits hidden on a new story; the site's name on the sign-in screen.
(function () {
  "use strict";
  window.CMS_MANUAL_INIT = true;
  var VIETNAM = 7 * 3600 * 1000;  // UTC+7 all year

  document.addEventListener("DOMContentLoaded", function () {
    fetch("bieu-mau.json", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(start);
  });

  // `thidua cms` lists the content's problems beside the form (van-de.json; the published site has none):
  // the form opens all the same, and says at the top which stories to open and fix.
  function showProblems(title) {
    fetch("van-de.json", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (problems) {
        if (!Array.isArray(problems) || !problems.length) return;
        var box = document.createElement("div"), heading = document.createElement("p"), list = document.createElement("ul");
        box.id = "thidua-van-de";
        box.setAttribute("role", "status");
        heading.textContent = title;
        problems.forEach(function (p) {
          var item = document.createElement("li");
          item.textContent = p.path + ":" + p.line + ": " + p.field + ": " + p.message;
          list.appendChild(item);
        });
        box.appendChild(heading);
        box.appendChild(list);
        document.body.insertBefore(box, document.body.firstChild);
      }, function () {});
  }

  function start(data) {
    var CMS = window.CMS, rules = data.rules;
    showProblems(data.words.problems_title);
    CMS.registerLocale("vi", data.locale);
    ["string", "text", "markdown", "datetime", "image", "boolean", "select", "list"].forEach(function (name) {
      var widget = CMS.getWidget(name);
      if (widget && widget.control && widget.control.prototype && widget.control.prototype.isReactComponent) {
        widget.control = checked(widget.control, name, data);
      }
    });
    CMS.registerEventListener({ name: "preSave", handler: dropEmpty });
    styles(data, rules);
    signIn(data.site_name);
    watchErrors(data);
    CMS.init();
  }

  // --- the checker's verdict on one field ------------------------------------------------------------------

  function ruleFor(field, rules, nested) {
    var name = field.get("name");
    if (!nested) return { key: name, spec: rules.fields[name] };
    for (var key in rules.fields) {
      var spec = rules.fields[key];
      if (spec.items && spec.items[name]) return { key: key, spec: spec.items[name] };
      if (spec.item && name === "item") return { key: key, spec: spec.item };
    }
    return { key: name, spec: null };
  }

  // The story's current values, field by field. A control's own props are fresh (it re-renders when its value
  // changes) but the `entry` Decap hands it is not, so each control writes its value here for the others.
  var current = {};
  function record(control) {
    var props = control.props;
    if (!(props.parentIds || []).length) current[props.field.get("name")] = { control: control, value: props.value };
  }
  function valueOf(name) { return current[name] && current[name].value; }

  function problems(props, widgetName, data) {
    var rules = data.rules, R = window.ThiduaRules, value = props.value;
    var nested = (props.parentIds || []).length > 0;
    var name = props.field.get("name"), found = [];
    if (!nested) {
      rules.requires.forEach(function (rule) {
        if (rule.require !== name) return;
        var applies = rule.if_set ? !empty(valueOf(rule.if_set)) : valueOf(rule.if_equals[0]) === rule.if_equals[1];
        var broken = rule.equals === null ? empty(value) : value !== rule.equals;
        if (applies && broken) found.push(rule.message);
      });
    }
    if (typeof value !== "string" || value === "") return found;
    if (widgetName === "markdown") return found.concat(R.bodyProblems(value, rules));
    if (widgetName === "image") return found.concat(photoProblem(value) || []);
    var rule = ruleFor(props.field, rules, nested);
    return found.concat(R.schemaProblems(value, rule.spec), R.textProblems(value, rule.key, rules));
  }

  function checked(Control, widgetName, data) {
    class Checked extends Control {
      constructor(props) {
        super(props);
        record(this);
        var own = this.isValid, self = this;  // some controls define isValid as an instance field
        this.isValid = function () {
          var answer = own ? own.call(self) : true;
          if (answer && (answer.then || answer.error)) return answer;
          if (answer === false) return false;
          var found = problems(self.props, widgetName, data);
          return found.length ? { error: { type: "CUSTOM", message: found.join(" ") } } : true;
        };
      }

      componentDidMount() {
        if (super.componentDidMount) super.componentDidMount();
        if (widgetName === "image") checkPhoto(this);
      }

      componentWillUnmount() {
        if (super.componentWillUnmount) super.componentWillUnmount();
        var name = this.props.field.get("name");
        if (current[name] && current[name].control === this) delete current[name];
      }

      componentDidUpdate(previous) {
        if (super.componentDidUpdate) super.componentDidUpdate.apply(this, arguments);
        record(this);
        if (widgetName === "image" && previous.value !== this.props.value) checkPhoto(this);
      }

      getNow() {  // "Hôm nay" / the time now, in Vietnam
        var now = new Date(Date.now() + VIETNAM).toISOString();
        return this.getFormat().inputType === "time" ? now.slice(11, 16) : now.slice(0, 10);
      }

      render() {
        var shown = super.render(), value = this.props.value;
        if (widgetName !== "datetime" || typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return shown;
        // The date as Vietnam writes it, whatever the browser's language shows in the picker.
        var parts = [shown, window.h("p", { key: "ngay", className: "thidua-ngay" }, value.split("-").reverse().join("/"))];
        var isStoryDate = this.props.field.get("name") === "date" && !(this.props.parentIds || []).length;
        var warning = isStoryDate && window.ThiduaRules.outsidePeriods(value, data.rules);
        if (warning) parts.push(window.h("p", { key: "canh-bao", className: "thidua-canh-bao", role: "status" }, warning));
        return parts;
      }
    }
    if (widgetName !== "datetime") delete Checked.prototype.getNow;
    return Checked;
  }

  // --- photos: judged by their bytes, as checks/photos.py judges the file --------------------------------

  var verdicts = {};  // file name → message, "" when the photo is good, absent while being checked
  var photoRules = null;

  function photoProblem(name) {
    if (!(name in verdicts)) return photoRules.checking;
    return verdicts[name] || null;
  }

  function checkPhoto(control) {
    var name = control.props.value;
    if (typeof name !== "string" || !name || name in verdicts) return;
    Promise.resolve(control.props.getAsset(name, control.props.field))
      .then(function (asset) {
        if (asset && asset.fileObj) return asset.fileObj;
        return fetch(asset.url || String(asset)).then(function (r) { return r.blob(); });
      })
      .then(function (blob) { return judgePhoto(name, blob); })
      .then(function (message) { verdicts[name] = message; },
            function () { verdicts[name] = window.ThiduaRules.fill(photoRules.damaged, { name: name }); });
  }

  function judgePhoto(name, blob) {
    var R = window.ThiduaRules, p = photoRules;
    if (blob.size > p.max_bytes) return R.fill(p.too_large, { name: name, size: blob.size / 1024 / 1024 });
    return blob.slice(0, 16).arrayBuffer().then(function (buffer) {
      var found = R.sniff(Array.from(new Uint8Array(buffer)), p);
      if (!found.kind) return R.fill(p.not_an_image, { name: name, found: found.other });
      return createImageBitmap(blob, { imageOrientation: "from-image" }).then(function (image) {
        var width = image.width;
        image.close();
        return width < p.min_width ? R.fill(p.too_narrow, { name: name, width: width, minimum: p.min_width }) : "";
      }, function () { return R.fill(p.damaged, { name: name }); });
    });
  }

  // --- saving ---------------------------------------------------------------------------------------------

  function empty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (typeof value === "string") return value.trim() === "";
    return typeof value.size === "number" && value.size === 0;  // an empty Immutable List
  }

  // An optional field the editor emptied would be written as "" and refused by `thidua check`.
  function dropEmpty(event) {
    var data = event.entry.get("data");
    data.forEach(function (value, key) {
      if (key !== "body" && empty(value)) data = data.delete(key);
    });
    return data;
  }

  // --- what the editor sees around the fields -----------------------------------------------------------

  function styles(data, rules) {
    photoRules = rules.photo;
    var sheet = new CSSStyleSheet(), later = data.later.map(function (key) {
      return ".thidua-bai-moi [class*='ControlContainer']:has(label[for^='" + key + "-field-'])";
    });
    sheet.insertRule(later.join(", ") + " { display: none; }");
    // A field a rule can require is never "không bắt buộc", even while the rule does not apply.
    rules.requires.forEach(function (rule) {
      sheet.insertRule("label[for^='" + rule.require + "-field-'] > span { display: none; }");
    });
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    function mark() {
      document.documentElement.classList.toggle("thidua-bai-moi", /\/new(\?|$)/.test(location.hash));
    }
    window.addEventListener("hashchange", mark);
    mark();
  }

  function signIn(siteName) {
    var name = document.getElementById("thidua-ten-trang");
    if (name) name.textContent = siteName;
  }

  // The summary at the top of the form: every field Decap marked, with its label and the checker's words.
  function watchErrors(data) {
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; summarise(data.words); });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  function summarise(words) {
    document.documentElement.classList.toggle("thidua-dang-nhap", !!document.querySelector("[class*='AuthenticationPage']"));
    var first = document.querySelector("[class*='ControlContainer']");
    var box = document.getElementById("thidua-tom-tat");
    if (!first) { if (box) box.remove(); return; }
    var items = [], warnings = [];
    document.querySelectorAll("[class*='ControlContainer'] label[for]").forEach(function (label) {
      var list = label.parentElement.querySelector("ul");
      if (list) {
        list.querySelectorAll("li").forEach(function (li) { items.push([label, li.textContent]); });
      }
      var warning = label.closest("[class*='ControlContainer']").querySelector(":scope > .thidua-canh-bao, :scope .thidua-canh-bao");
      if (warning && label.htmlFor.indexOf("date-field-") === 0) warnings.push([label, warning.textContent]);
    });
    var text = JSON.stringify([items.map(function (i) { return i[0].htmlFor + i[1]; }), warnings.map(function (w) { return w[1]; })]);
    if (box && box.dataset.shown === text && box.parentElement === first.parentElement) return;
    if (box) box.remove();
    if (!items.length && !warnings.length) return;
    box = document.createElement("div");
    box.id = "thidua-tom-tat";
    box.dataset.shown = text;
    box.setAttribute("role", items.length ? "alert" : "status");
    box.tabIndex = -1;
    if (items.length) section(box, words.summary_title, items, "thidua-loi");
    if (warnings.length) section(box, words.warnings_title, warnings, "thidua-luu-y");
    first.parentElement.insertBefore(box, first);
  }

  function section(box, title, entries, className) {
    var heading = document.createElement("p");
    heading.className = className;
    heading.textContent = title;
    var list = document.createElement("ul");
    entries.forEach(function (entry) {
      var label = entry[0], link = document.createElement("a");
      link.href = "#" + label.htmlFor;
      link.textContent = label.firstChild.textContent.trim() + ": " + entry[1];
      link.addEventListener("click", function (event) {
        event.preventDefault();  // the hash is the CMS's route: focus the field instead of following it
        var target = document.getElementById(label.htmlFor) || label;
        target.scrollIntoView({ block: "center" });
        if (target.focus) target.focus();
      });
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    box.appendChild(heading);
    box.appendChild(list);
  }
})();

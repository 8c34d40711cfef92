// The checker's rules, run in the browser: hooks/thidua/editors/rules.py generates them from hooks/thidua/checks/
// at every build (bieu-mau.json beside the form's config.yml); this file only interprets them, so the form
// refuses what `thidua check` refuses, in the same words. Also loaded by Node in tests/editors/test_rules.py.
(function (root) {
  "use strict";

  var compiled = {};
  function regex(rule, flags) {
    var key = rule.source + "/" + rule.flags + (flags || "");
    if (!compiled[key]) compiled[key] = new RegExp(rule.source, rule.flags + (flags || ""));
    return compiled[key];
  }

  // "{code|hex4}", "{length|thousands}", "{size|fixed1}": the Python format specs the checker's messages use.
  function fill(template, values) {
    return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, function (all, name, spec) {
      var value = values[name];
      if (spec === "hex4") return value.toString(16).toUpperCase().padStart(4, "0");
      if (spec === "thousands") return value.toLocaleString("en-US");
      if (spec === "fixed1") return value.toFixed(1);
      return String(value);
    });
  }

  function length(text) { return Array.from(text).length; }  // characters, as Python counts them

  // Python's str.strip(): Unicode white space and the separators \x1c-\x1f.
  function strip(text) { return text.replace(/^[\s\x1c-\x1f]+|[\s\x1c-\x1f]+$/gu, ""); }

  function damage(text, t) {
    var found = [], misplaced;
    if (text.indexOf("\ufffd") >= 0) found.push(t.replacement);
    if (text.normalize("NFC") !== text) found.push(t.not_nfc);
    else if ((misplaced = misplacedMark(text, t.marks))) found.push(misplaced);
    else if (/\p{Mn}/u.test(text)) found.push(t.stray_mark);
    return found;
  }

  function invisible(text, t) {
    var rule = t.invisible, found = [];
    for (var match of text.matchAll(regex(rule, "g"))) {
      var code = match[0].codePointAt(0);
      var template = rule.zero_width_codes.indexOf(code) >= 0 ? rule.zero_width : rule.message;
      found.push(fill(template, { code: code, position: length(text.slice(0, match.index)) + 1 }));
    }
    return found;
  }

  function control(text, t) {
    var match = regex(t.control).exec(text);
    return match ? [fill(t.control.message, { code: match[0].codePointAt(0) })] : [];
  }

  function maskDigits(text) {  // the first three and the last two digits shown, as the checker does
    var chars = Array.from(text), digits = [];
    chars.forEach(function (ch, i) { if (/\p{Nd}/u.test(ch)) digits.push(i); });
    var hidden = new Set(digits.slice(3, Math.max(3, digits.length - 2)));
    return chars.map(function (ch, i) { return hidden.has(i) ? "•" : ch; }).join("");
  }

  function personal(text, t) {
    var found = [], rest = text;
    t.personal.forEach(function (rule) {
      var all = regex(rule, "g");
      for (var match of rest.matchAll(all)) {
        var shown;
        if (rule.mask === "email") {
          var at = match[0].indexOf("@");
          shown = Array.from(match[0].slice(0, at))[0] + "…" + match[0].slice(at);
        } else {
          shown = maskDigits(match[0]);
        }
        found.push(fill(rule.message, { shown: shown }));
      }
      rest = rest.replace(all, " ");
    });
    return found;
  }

  // One plain-text value of the front matter (`key` is the top-level field it belongs to).
  function textProblems(text, key, rules) {
    var t = rules.text, found = damage(text, t).concat(invisible(text, t), control(text, t));
    if (rules.plain.indexOf(key) >= 0 && regex(t.markup).test(text)) found.push(t.markup.message);
    found = found.concat(personal(text, t));
    if (key === "summary" && t.placeholders.indexOf(strip(text)) >= 0) found.push(t.placeholder);
    return found;
  }

  // checks/marks.py: a combining mark (any category) after no letter, or more than `max` on one letter,
  // counting those a precomposed letter carries (ệ: two).
  function misplacedMark(text, m) {
    var marks = -1, position = 0;
    for (var ch of text) {
      position += 1;
      if (!/\p{M}/u.test(ch)) {
        marks = /\p{L}/u.test(ch) ? (ch.normalize("NFD").match(/\p{M}/gu) || []).length : -1;
        continue;
      }
      var code = { code: ch.codePointAt(0), position: position, limit: m.max };
      if (marks < 0) return fill(m.alone, code);
      marks += 1;
      if (marks > m.max) return fill(m.piled, code);
    }
    return null;
  }

  // What the schema says of one value: its length and its pattern, in the checker's words.
  function schemaProblems(text, spec) {
    var found = [];
    if (!spec || text === "") return found;
    if (spec.max && length(text) > spec.max) found.push(fill(spec.too_long, { length: length(text), limit: spec.max }));
    if (spec.pattern && !regex(spec.pattern).test(text)) found.push(spec.pattern.message);
    return found;
  }

  // checks/links.py's refusal() for a story: https://, mailto: and #anchors only; "\\" read as "/".
  function unsafeLink(target, b) {
    var plain = Array.from(target).filter(function (ch) { return ch > " "; }).join("").toLowerCase();
    if (plain.indexOf("\\") >= 0) {
      return ["\\\\", "/\\", "\\/"].indexOf(plain.slice(0, 2)) >= 0 ? b.protocol_relative : b.not_https;
    }
    if (!plain || b.allowed.some(function (p) { return plain.startsWith(p); })) return null;
    return plain.startsWith("//") ? b.protocol_relative : b.not_https;
  }

  function links(line, b) {
    // Code spans pair their backticks; an unmatched one opens nothing (checks/rendering.py reads it so).
    var parts = line.split("`");
    var outside = parts.filter(function (part, i) {
      return i % 2 === 0 || (i === parts.length - 1 && parts.length % 2 === 0);
    }).join(parts.length % 2 === 0 ? "`" : "");
    var targets = [];
    b.links.forEach(function (rule) {
      for (var match of outside.matchAll(regex(rule, "g"))) targets.push(match[1]);
    });
    var reference = regex(b.reference, "y");
    reference.lastIndex = 0;
    var ref = reference.exec(outside);
    if (ref) targets.push(ref[1]);
    return targets.map(function (target) {
      var message = unsafeLink(target, b);
      return message && fill(message, { target: Array.from(target).slice(0, 60).join("") });
    }).filter(Boolean);
  }

  // How deep a line sits (checks/bounds.py's nesting): indentation, four spaces a level, then list and quote marks.
  function nesting(line) {
    var position = 0, width = 0;
    while (position < line.length && (line[position] === " " || line[position] === "\t")) {
      width += line[position] === "\t" ? 4 : 1;
      position += 1;
    }
    var depth = Math.floor(width / 4);
    while (position < line.length) {
      var ch = line[position];
      if (ch === ">") position += 1;
      else if ("-*+".indexOf(ch) >= 0 && (line[position + 1] === " " || position + 1 === line.length)) position += 2;
      else if (/\p{Nd}/u.test(ch)) {
        var end = position;
        while (end < line.length && end - position < 9 && /\p{Nd}/u.test(line[end])) end += 1;
        var after = line.slice(end, end + 2), rest = line.slice(end);
        if (after !== ". " && after !== ") " && rest !== "." && rest !== ")") break;
        position = end + 2;
      } else break;
      depth += 1;
      while (position < line.length && line[position] === " ") position += 1;
    }
    return depth;
  }

  // The limits on a body (checks/bounds.py): the first breach of each, in the checker's words.
  // checks/bounds.py's _block_step: +1 for a tag opening a block, -1 for one closing it, else 0.
  function blockStep(line, start, limit) {
    var name = regex(limit.tag_name, "y");
    name.lastIndex = start;
    var found = name.exec(line);
    if (!found || limit.blocks.indexOf(found[1].toLowerCase()) < 0) return 0;
    return line[start] === "/" ? -1 : 1;
  }

  // checks/bounds.py's _emphasis_step: a run before a word opens as many levels as it is long, after one closes.
  function emphasisStep(line, start, end) {
    var before = line.slice(Math.max(start - 1, 0), start), after = line.slice(end, end + 1);
    var word = /^[\p{L}\p{N}]$/u;
    var opens = after.trim() !== "" && (!before.trim() || !word.test(before));
    var closes = before.trim() !== "" && (!after.trim() || !word.test(after));
    return (end - start) * ((opens ? 1 : 0) - (closes ? 1 : 0));
  }

  function boundsProblems(lines, b) {
    var limit = b.bounds, found = {}, brackets = 0, parentheses = 0, unclosed = 0, headings = 0, tags = 0;
    var emphasis = 0, elements = 0, pending = 0;
    function breach(kind, message) { if (!(kind in found)) found[kind] = message; }
    lines.forEach(function (line) {
      var stripped = strip(line);
      if (stripped.startsWith("#") || stripped && stripped.replace(/^[=-]+|[=-]+$/g, "") === "") {
        headings += 1;
        if (headings > limit.headings) breach("headings", fill(limit.too_many_headings, { limit: limit.headings }));
      }
      if (length(line) > b.max_line) breach("line", fill(b.line_too_long, { length: length(line), limit: b.max_line }));
      var depth = nesting(line);
      if (depth > limit.nesting) breach("nesting", fill(limit.too_deep, { depth: depth, limit: limit.nesting }));
      if (!stripped) brackets = parentheses = emphasis = 0;
      for (var match of line.matchAll(regex(limit.significant, "g"))) {
        var ch = match[0];
        if (ch[0] === "*" || ch[0] === "_") {
          emphasis = Math.max(emphasis + emphasisStep(line, match.index, match.index + ch.length), 0);
          if (emphasis > limit.emphasis) breach("emphasis", fill(limit.too_deep_emphasis, { limit: limit.emphasis }));
        } else if (ch === "[") {
          brackets += 1;
          if (brackets > limit.brackets) breach("brackets", fill(limit.too_many_brackets, { limit: limit.brackets }));
        } else if (ch === "]") brackets = Math.max(brackets - 1, 0);
        else if (ch === "(") {
          parentheses += 1;
          if (parentheses > limit.brackets) breach("parentheses", fill(limit.too_many_parentheses, { limit: limit.brackets }));
        } else if (ch === ")") parentheses = Math.max(parentheses - 1, 0);
        else if (ch === ">") {  // the tag is complete: the block it names opens or closes
          unclosed = 0; elements = Math.max(elements + pending, 0); pending = 0;
          if (elements > limit.html_nesting) {
            breach("elements", fill(limit.too_deep_html, { depth: elements, limit: limit.html_nesting }));
          }
        } else {
          unclosed += 1; tags += 1; pending = blockStep(line, match.index + ch.length, limit);
          if (tags > limit.tags) breach("all tags", fill(limit.too_many_tags_in_all, { limit: limit.tags }));
          if (unclosed > limit.unclosed) breach("tags", fill(limit.too_many_tags, { limit: limit.unclosed }));
        }
      }
    });
    return Object.keys(found).map(function (kind) { return found[kind]; });
  }

  // The story's body, line by line as the checker reads it; each problem once, with its line number.
  // Which lines are inside a fenced code block as Python-Markdown reads one: a fence at the start of a line,
  // closed by the same fence later; an indented or never-closed fence is text, and its links are followed.
  function codeLines(lines) {
    var code = lines.map(function () { return false; });
    for (var i = 0; i < lines.length; i++) {
      var fence = /^(`{3,}|~{3,})/.exec(lines[i]);
      if (!fence) continue;
      for (var j = i + 1; j < lines.length; j++) {
        if (lines[j].trimEnd().startsWith(fence[1]) && /^[`~]+$/.test(lines[j].trimEnd())) break;
      }
      if (j === lines.length) continue;  // never closed
      for (var k = i; k <= j; k++) code[k] = true;
      i = j;
    }
    return code;
  }

  function bodyProblems(body, rules) {
    var t = rules.text, b = rules.body, found = [];
    if (length(body) > b.max) return [fill(b.too_long, { length: length(body), limit: b.max })];  // read no further
    var lines = body.split("\n"), code = codeLines(lines), paragraph = [];
    // Links are judged per paragraph, its lines joined: Markdown reads a link across a line's end.
    function followLinks() {
      if (paragraph.length) found = found.concat(links(paragraph.join(" "), b));
      paragraph = [];
    }
    lines.forEach(function (line, i) {
      found = found.concat(damage(line, t), invisible(line, t), control(line, t));
      if (code[i] || !strip(line)) followLinks();  // code is shown, not followed
      else paragraph.push(line);
      found = found.concat(personal(line, t));
      if (t.placeholders.indexOf(strip(line)) >= 0) found.push(t.placeholder);
    });
    followLinks();
    found = found.concat(boundsProblems(lines, b));
    return found.filter(function (message, i) { return found.indexOf(message) === i; });
  }


  function outsidePeriods(date, rules) {
    if (!date || !rules.periods.length) return null;
    var inside = rules.periods.some(function (p) { return p.start <= date && date <= p.end; });
    if (inside) return null;
    var nearest = rules.periods.reduce(function (best, p) {
      return Math.abs(Date.parse(p.start) - Date.parse(date)) < Math.abs(Date.parse(best.start) - Date.parse(date)) ? p : best;
    });
    return nearest.message;
  }

  function sniff(head, photo) {
    function matches(alternatives, bytes) {
      return alternatives.some(function (parts) {
        return parts.every(function (part) {
          return part[1].every(function (byte, i) { return bytes[part[0] + i] === byte; });
        });
      });
    }
    var kind = Object.keys(photo.formats).find(function (k) { return matches(photo.formats[k], head); });
    if (kind) return { kind: kind };
    if (!head.length) return { other: photo.empty };
    var other = photo.others.find(function (o) {
      var bytes = head;
      if (o.strip) { var i = 0; while (i < bytes.length && [9, 10, 11, 12, 13, 32].indexOf(bytes[i]) >= 0) i++; bytes = bytes.slice(i); }
      return matches(o.alternatives, bytes);
    });
    return { other: other ? other.name : photo.unknown };
  }

  var api = { fill: fill, textProblems: textProblems, schemaProblems: schemaProblems, bodyProblems: bodyProblems,
              outsidePeriods: outsidePeriods, sniff: sniff, length: length };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ThiduaRules = api;
})(this);

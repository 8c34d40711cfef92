// Search results for every `form[data-td-search]`: the header box (a few results under it) and the
// /tim-kiem/ page (more, with "Xem thêm"). Pagefind's own loader and index are fetched on first use.
// Results are built with DOM methods: titles and facts as text, excerpts keep only Pagefind's <mark>.

let pagefindPromise;

function pagefind(bundleUrl) {
  if (!pagefindPromise) {
    const base = new URL(bundleUrl, document.baseURI);
    pagefindPromise = import(new URL("pagefind.js", base).href).then(async (pf) => {
      await pf.options({ basePath: base.pathname, baseUrl: new URL("..", base).pathname, excerptLength: 24 });
      pf.init();
      return pf;
    });
  }
  return pagefindPromise;
}

// Pagefind folds combining diacritics (hoa finds hoà, hòa, họa) but not "đ", a letter of its own.
// In Vietnamese d and đ only start a word, so a word typed with d is also searched with đ (at most two
// such words: four searches), and the results are merged by their best score.
export function variants(query) {
  let out = [[]];
  let expanded = 0;
  for (const word of query.toLowerCase().split(/\s+/).filter(Boolean)) {
    const forms = word.startsWith("d") && expanded++ < 2 ? [word, "đ" + word.slice(1)] : [word];
    out = out.flatMap((prefix) => forms.map((form) => [...prefix, form]));
  }
  return out.map((words) => words.join(" "));
}

async function searchAll(pf, query) {
  const [first, ...others] = variants(query);
  const head = await pf.debouncedSearch(first, {}, 200);
  if (head === null) return null;  // a newer query superseded this one
  const best = new Map();
  for (const search of [head, ...(await Promise.all(others.map((q) => pf.search(q))))]) {
    for (const r of search.results) {
      if (!best.has(r.id) || best.get(r.id).score < r.score) best.set(r.id, r);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function excerpt(html) {
  // Pagefind's excerpt is escaped text with <mark> around hits; keep exactly that and nothing else.
  const p = element("p", "td-result__excerpt");
  const parsed = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent);
    else if (node.nodeName === "MARK") p.append(element("mark", "", node.textContent));
    else p.append(node.textContent);
  }
  return p;
}

function result(data) {
  const item = element("li", "td-result");
  const link = element("a", "td-result__title", data.meta.title || data.url);
  link.href = data.url;
  item.append(link);
  const facts = [data.meta.kind, data.meta.unit].filter(Boolean).join(" · ");
  const meta = element("p", "td-result__meta");
  if (data.meta.sample) meta.append(element("span", "td-badge td-badge--sample", "Nội dung mẫu"), " ");
  meta.append(facts);
  item.append(meta, excerpt(data.excerpt));
  return item;
}

function setUp(form) {
  const input = form.querySelector("input[name=q]");
  const output = form.querySelector(".td-search__results");
  const limit = Number(form.dataset.tdLimit || 10);
  const isPage = form.classList.contains("td-search--page");
  let current = 0;

  async function run(query) {
    const ticket = ++current;
    query = query.trim();
    if (!query) { output.replaceChildren(); output.hidden = !isPage; return; }
    const pf = await pagefind(form.dataset.tdBundle);
    const results = await searchAll(pf, query);
    if (results === null || ticket !== current) return;
    output.hidden = false;
    const count = results.length;
    const summary = element("p", "td-search__count",
      count ? `${count} kết quả cho “${query}”` : `Không tìm thấy kết quả cho “${query}”.`);
    const list = element("ol", "td-results");
    output.replaceChildren(summary, list);
    let shown = 0;
    async function more() {
      const next = await Promise.all(results.slice(shown, shown + limit).map((r) => r.data()));
      if (ticket !== current) return;
      shown += next.length;
      list.append(...next.map(result));
      output.querySelector(".td-search__more")?.remove();
      if (shown < count) {
        if (isPage) {
          const button = element("button", "md-button td-search__more", "Xem thêm kết quả");
          button.type = "button";
          button.addEventListener("click", more);
          output.append(button);
        } else {
          const all = element("a", "td-search__more", `Xem tất cả ${count} kết quả`);
          all.href = `${form.action}?q=${encodeURIComponent(query)}`;
          output.append(all);
        }
      }
    }
    await more();
  }

  input.addEventListener("input", () => run(input.value));
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !isPage) { output.hidden = true; input.focus(); }
  });
  if (!isPage) {
    form.addEventListener("focusout", (event) => {
      if (!form.contains(event.relatedTarget)) output.hidden = true;
    });
    input.addEventListener("click", () => { if (output.childElementCount) output.hidden = false; });
    pagefind(form.dataset.tdBundle);  // the reader is about to type: start fetching the index loader
  } else {
    const query = new URLSearchParams(location.search).get("q");
    if (query) { input.value = query; run(query); }
  }
  if (input.value && !isPage) run(input.value);
}

document.querySelectorAll("form[data-td-search]").forEach(setUp);

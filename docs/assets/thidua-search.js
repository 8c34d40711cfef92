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
    const search = await pf.debouncedSearch(query, {}, 200);
    if (search === null || ticket !== current) return;  // a newer query superseded this one
    output.hidden = false;
    const count = search.results.length;
    const summary = element("p", "td-search__count",
      count ? `${count} kết quả cho “${query}”` : `Không tìm thấy kết quả cho “${query}”.`);
    const list = element("ol", "td-results");
    output.replaceChildren(summary, list);
    let shown = 0;
    async function more() {
      const next = await Promise.all(search.results.slice(shown, shown + limit).map((r) => r.data()));
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
    input.addEventListener("focus", () => { if (output.childElementCount) output.hidden = false; });
    pagefind(form.dataset.tdBundle);  // the reader is about to type: start fetching the index loader
  } else {
    const query = new URLSearchParams(location.search).get("q");
    if (query) { input.value = query; run(query); }
  }
  if (input.value && !isPage) run(input.value);
}

document.querySelectorAll("form[data-td-search]").forEach(setUp);

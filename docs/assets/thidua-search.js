// Search results for every `form[data-td-search]`: the header box (a few results under it) and the
// /tim-kiem/ page (more, with "Xem thêm"). The index (hooks/thidua/search.py) is fetched piece by piece:
// the vocabulary of a letter, the posting list of a word, the stories shown. Nothing is loaded before
// the reader uses the box. Results are built with DOM methods and text only.

const cache = new Map();

function fetchJson(url) {
  if (!cache.has(url)) {
    cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return cache.get(url);
}

// The same folding as search.py's fold(): accents dropped, đ as d, lower case.
export function fold(text) {
  return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function words(text) {
  return fold(text).match(/[a-z0-9]+/g) || [];
}

const COMPLETIONS = 8;  // the last word, still being typed, stands for its most common completions

async function postings(base, word) {
  const data = await fetchJson(`${base}w/${encodeURIComponent(word)}.json`);
  const scores = new Map();
  if (!data) return scores;
  let number = -1;
  data[0].forEach((gap, i) => { number += gap; scores.set(number, data[1][i]); });
  return scores;
}

async function termScores(base, word, last) {
  const vocabulary = (await fetchJson(`${base}tu/${encodeURIComponent(word[0])}.json`)) || {};
  let forms = [word];
  if (last && !(word in vocabulary)) {
    forms = Object.keys(vocabulary).filter((w) => w.startsWith(word))
      .sort((a, b) => vocabulary[b] - vocabulary[a]).slice(0, COMPLETIONS);
  } else if (!(word in vocabulary)) {
    forms = [];
  }
  const merged = new Map();
  for (const scores of await Promise.all(forms.map((w) => postings(base, w)))) {
    for (const [number, weight] of scores) merged.set(number, Math.max(merged.get(number) || 0, weight));
  }
  return { forms, scores: merged };
}

// Every word must match (the last one as a prefix); stories rank by the sum of their field weights,
// then newest first (story numbers are in that order).
export async function search(base, query) {
  let terms = [...new Set(words(query))];
  if (terms.length > 1 && terms[terms.length - 1].length < 2) terms = terms.slice(0, -1);  // "thi d": wait for more
  if (!terms.length) return { results: [], forms: [] };
  const found = await Promise.all(terms.map((w, i) => termScores(base, w, i === terms.length - 1)));
  found.sort((a, b) => a.scores.size - b.scores.size);
  const results = [];
  for (const [number, weight] of found[0].scores) {
    let score = weight;
    let everyWord = true;
    for (const other of found.slice(1)) {
      if (!other.scores.has(number)) { everyWord = false; break; }
      score += other.scores.get(number);
    }
    if (everyWord) results.push([number, score]);
  }
  results.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { results: results.map(([number]) => number), forms: found.flatMap((f) => f.forms) };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The text with every word whose folded form was searched inside <mark>.
function highlighted(tag, className, text, forms) {
  const node = element(tag, className);
  const wanted = new Set(forms);
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (part && wanted.has(fold(part))) node.append(element("mark", "", part));
    else node.append(part);
  }
  return node;
}

function result(story, forms, root) {
  const item = element("li", "td-result");
  const link = highlighted("a", "td-result__title", story.t, forms);
  link.href = root + story.u;
  const name = highlighted("p", "td-result__name", story.n || "", forms);
  const meta = element("p", "td-result__meta");
  if (story.s) meta.append(element("span", "td-badge td-badge--sample", "Nội dung mẫu"), " ");
  meta.append(`${story.k} · ${story.d}`);
  item.append(link, name, meta, highlighted("p", "td-result__excerpt", story.l, forms));
  return item;
}

function setUp(form) {
  const input = form.querySelector("input[name=q]");
  const output = form.querySelector(".td-search__results");
  const limit = Number(form.dataset.tdLimit || 10);
  const isPage = form.classList.contains("td-search--page");
  const base = new URL(form.dataset.tdIndex, document.baseURI).href;
  const root = new URL("../../", base).href;  // the index lives at <site>/tim-kiem/chi-muc/
  let current = 0;
  let timer;

  async function run(query) {
    const ticket = ++current;
    query = query.trim();
    if (!query) { output.replaceChildren(); output.hidden = !isPage; return; }
    const { results, forms } = await search(base, query);
    if (ticket !== current) return;  // a newer query superseded this one
    output.hidden = false;
    const count = results.length;
    const summary = element("p", "td-search__count",
      count ? `${count} kết quả cho “${query}”` : `Không tìm thấy kết quả cho “${query}”.`);
    const list = element("ol", "td-results");
    output.replaceChildren(summary, list);
    let shown = 0;
    async function more() {
      const next = await Promise.all(results.slice(shown, shown + limit).map((n) => fetchJson(`${base}d/${n}.json`)));
      if (ticket !== current) return;
      shown += next.length;
      list.append(...next.filter(Boolean).map((story) => result(story, forms, root)));
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

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(input.value), 300);  // phone typists: one search per pause
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !isPage) { output.hidden = true; input.focus(); }
  });
  if (!isPage) {
    form.addEventListener("focusout", (event) => {
      if (!form.contains(event.relatedTarget)) output.hidden = true;
    });
    input.addEventListener("click", () => { if (output.childElementCount) output.hidden = false; });
    if (input.value) run(input.value);
  } else {
    const query = new URLSearchParams(location.search).get("q");
    const header = document.querySelector(".td-search--header input[name=q]");
    if (query) { input.value = query; run(query); }
    if (query && header) header.value = query;  // the header's box keeps what the reader searched for
  }
}

document.querySelectorAll("form[data-td-search]").forEach(setUp);

// The focused element, as a keyboard reader sees it: its ring (contrast of the outline, or else the box
// shadow, against the first opaque background behind it), whether it shows, and whether the header covers it.
() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const behind = el => { for (let n = el.parentElement; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const s = getComputedStyle(e);
  const bg = behind(e);
  let ring = 0;
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) { const c = parse(s.outlineColor); if (c && c.a > 0.5) ring = ratio(c, bg); }
  if (!ring && s.boxShadow !== 'none') { const c = parse(s.boxShadow); if (c && c.a > 0.5) ring = ratio(c, bg); }
  const r = e.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  let covered = false;
  if (header && !header.contains(e) && !e.closest('.td-sections')) {
    const x = Math.min(Math.max(r.left + r.width / 2, 1), innerWidth - 1), y = Math.min(Math.max(r.top + 2, 1), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    covered = !!top && !!top.closest('.md-header') && !e.contains(top);
  }
  return {what: e.outerHTML.slice(0, 100), ring: Math.round(ring * 100) / 100, covered,
          shown: e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 1 && r.height > 1};
}

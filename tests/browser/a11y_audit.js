// Run by tests/browser/a11y.py inside the page under test.
() => {
  const problems = [];
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  if (!document.documentElement.lang) problems.push("<html> has no lang");
  for (const tag of ["header", "nav", "main", "footer"]) {
    if (!document.querySelector(tag)) problems.push(`no <${tag}> landmark`);
  }
  if (!document.querySelector('a.skip-link[href="#main"]')) problems.push("no skip link");
  const h1s = document.querySelectorAll("h1");
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  let previous = 0;
  for (const heading of document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")) {
    const level = Number(heading.tagName[1]);
    if (previous && level > previous + 1) {
      problems.push(`heading jumps from h${previous} to h${level}: "${heading.textContent.trim()}"`);
    }
    previous = level;
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push(`image without alt: ${img.currentSrc || img.src}`);
  }
  for (const field of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    const labelled = (field.id && document.querySelector(`label[for="${field.id}"]`))
      || field.closest("label") || field.getAttribute("aria-label")
      || field.getAttribute("aria-labelledby");
    if (!labelled) problems.push(`field without a label: ${field.name}`);
  }
  for (const link of document.querySelectorAll("a[href]")) {
    const named = link.textContent.trim() || link.getAttribute("aria-label")
      || link.querySelector("img[alt]:not([alt=''])");
    if (!named) problems.push(`link without a name: ${link.href}`);
  }
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] || 0) + 1;
  for (const [id, count] of Object.entries(ids)) if (count > 1) problems.push(`duplicate id "${id}"`);

  const rgb = (value) => (value.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const parts = rgb(getComputedStyle(node).backgroundColor);
      if (parts.length >= 3 && (parts.length === 3 || parts[3] > 0.5)) return parts.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const seen = new Set();
  for (const el of document.querySelectorAll("body *")) {
    if (!visible(el) || ["SCRIPT", "STYLE", "svg", "IMG", "PICTURE", "SOURCE"].includes(el.tagName)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText) continue;
    const style = getComputedStyle(el);
    const fg = luminance(rgb(style.color));
    const bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    const key = `${style.color}|${background(el)}`;
    if (ratio < needed && !seen.has(key)) {
      seen.add(key);
      problems.push(`contrast ${ratio.toFixed(2)} < ${needed} for "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return problems;
}

import type { DocumentMeta } from '../lexicon/schema.ts';
import { sentenceSpans } from '../text/sentences.ts';

/** A corpus document as the demo needs it. */
export type DemoDocument = Pick<DocumentMeta, 'file' | 'title' | 'author' | 'outlet' | 'date' | 'furniture' | 'url'> & { text: string; corpus: string; index: number };

/** One page of the demo site. */
export interface DemoPage {
  path: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const stated = (s: string) => !/^not stated\b/i.test(s.trim());

/** The headline of a document: its title, or what kind of text it is when it has none. */
export function headline(doc: DemoDocument): string {
  return stated(doc.title) ? doc.title : `${doc.corpus === 'commentary' ? 'Commentary' : 'Statement'} ${doc.index} (untitled in the corpus)`;
}

/** The prose paragraphs of a document: furniture lines (headings, bylines, captions) left out. */
export function paragraphs(doc: DemoDocument): string[] {
  const furniture = new Set(doc.furniture.map((f) => f.trim()));
  return doc.text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !furniture.has(p) && p !== doc.title.trim() && /[.!?:;"”’)]$/.test(p) && p.split(/\s+/).length >= 8);
}

const STYLE = `
body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fbfaf7; }
header.site { background: #1d2a44; color: #fff; padding: 10px 24px; display: flex; align-items: baseline; gap: 24px; font-family: system-ui, sans-serif; }
header.site a { color: #fff; text-decoration: none; }
header.site .brand { font-size: 22px; font-weight: 700; }
header.site nav a { margin-right: 16px; font-size: 15px; opacity: .9; }
.banner { background: #fff3cd; color: #3d3000; font: 14px/1.4 system-ui, sans-serif; padding: 8px 24px; border-bottom: 1px solid #e6d9a8; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 40px; max-width: 1100px; margin: 24px auto; padding: 0 24px; }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
article h1 { font-size: 34px; line-height: 1.2; margin: 0 0 8px; }
.byline { font: 14px system-ui, sans-serif; color: #555; margin-bottom: 24px; }
aside { font: 15px/1.45 system-ui, sans-serif; }
aside h2 { font-size: 14px; text-transform: uppercase; letter-spacing: .05em; color: #555; border-bottom: 2px solid #1d2a44; padding-bottom: 4px; }
aside ol { padding-left: 20px; }
aside li { margin-bottom: 10px; }
aside a { color: #1d2a44; }
#live { border-left: 4px solid #c4352a; padding-left: 12px; margin-top: 32px; }
#live h2 { font: 700 16px system-ui, sans-serif; color: #c4352a; }
#live p { font-size: 16px; margin: 8px 0; }
#live time { font: 12px system-ui, sans-serif; color: #666; display: block; }
.list a { font-size: 20px; color: #1d2a44; }
.list li { margin: 12px 0; }
.list .meta { font: 13px system-ui, sans-serif; color: #555; }
`;

function frame(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · The Lens Ledger (demo)</title><style>${STYLE}</style></head>
<body>
<header class="site"><a class="brand" href="index.html">The Lens Ledger</a><nav><a href="index.html">World</a><a href="index.html">Diplomacy</a><a href="index.html">Opinion</a></nav></header>
<p class="banner">A demo page for Framing Lens: real texts from its two corpora, laid out as a news site. The highlights come from the extension, not from this page.</p>
${body}
</body>
</html>
`;
}

function byline(doc: DemoDocument): string {
  const parts = [stated(doc.author) ? doc.author : 'Unsigned', stated(doc.outlet) ? doc.outlet : null, stated(doc.date) ? doc.date : null].filter(Boolean);
  return parts.map((p) => escapeHtml(p!)).join(' · ');
}

/**
 * The demo site: an index and one page per document, each with a sidebar of other articles and a
 * live feed that adds a real corpus sentence every few seconds (so the extension's handling of
 * dynamic pages shows). Every text is escaped; the feed's sentences travel as JSON with `<` escaped.
 */
export function demoSite(documents: readonly DemoDocument[], options: { feedEveryMs?: number; feedItems?: number } = {}): DemoPage[] {
  const every = options.feedEveryMs ?? 4000;
  const items = options.feedItems ?? 12;
  const pageOf = (doc: DemoDocument) => `${doc.file.replace(/\.txt$/, '')}.html`;
  const readable = documents.filter((d) => paragraphs(d).length >= 3);
  const pages: DemoPage[] = [];
  const list = (docs: readonly DemoDocument[]) => docs.map((d) => `<li><a href="${escapeHtml(pageOf(d))}">${escapeHtml(headline(d))}</a><div class="meta">${byline(d)}</div></li>`).join('\n');
  pages.push({
    path: 'index.html',
    html: frame('World', `<main class="layout"><section><h1>World and diplomacy</h1><ol class="list">${list(readable)}</ol></section><aside><h2>About this demo</h2><p>Open any article: Framing Lens highlights the framing vocabulary in its category colours. Point at a highlight for a card, or click the Framing Lens button in the toolbar for the page's summary.</p></aside></main>`),
  });
  readable.forEach((doc, i) => {
    const others = readable.filter((d) => d !== doc).slice(0, 6);
    // The live feed: sentences from the other documents, in turn.
    const feed: string[] = [];
    for (let k = 0; feed.length < items && k < 40; k++) {
      const other = readable[(i + 1 + k) % readable.length]!;
      if (other === doc) continue;
      const para = paragraphs(other)[k % paragraphs(other).length]!;
      const first = sentenceSpans(para)[0];
      if (first) feed.push(para.slice(first.start, first.end));
    }
    const json = JSON.stringify(feed).replace(/</g, '\\u003c');
    const body = `<main class="layout">
<article><h1>${escapeHtml(headline(doc))}</h1><p class="byline">${byline(doc)}</p>
${paragraphs(doc).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<section id="live" aria-live="polite"><h2>Live: reactions from elsewhere</h2></section>
</article>
<aside><h2>More from the corpora</h2><ol>${list(others)}</ol></aside>
</main>
<script type="application/json" id="feed">${json}</script>
<script>
(function () {
  var items = JSON.parse(document.getElementById('feed').textContent);
  var live = document.getElementById('live');
  var n = 0;
  var timer = setInterval(function () {
    if (n >= items.length) { clearInterval(timer); return; }
    var p = document.createElement('p');
    var t = document.createElement('time');
    t.textContent = 'Update ' + (n + 1);
    p.appendChild(t);
    p.appendChild(document.createTextNode(items[n++]));
    live.insertBefore(p, live.children[1] || null);
  }, ${every});
})();
</script>`;
    pages.push({ path: pageOf(doc), html: frame(headline(doc), body) });
  });
  return pages;
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoSite, headline, paragraphs, type DemoDocument } from '../../lib/demo/demo-site.ts';
import { loadSources } from '../../lib/lexicon/learn/load-sources.ts';

const documents = loadSources(fileURLToPath(new URL('../../lexicon/', import.meta.url))).documents;

const made = (text: string, extra: Partial<DemoDocument> = {}): DemoDocument => ({
  file: 'x-01.txt', title: 'not stated', author: 'not stated', outlet: 'not stated', date: 'not stated', furniture: [], text, corpus: 'commentary', index: 1, ...extra,
});

describe('the demo site (npm start)', () => {
  const site = demoSite(documents);
  it('has an index and a page for every corpus document with enough prose', () => {
    expect(site[0]!.path).toBe('index.html');
    expect(site.length).toBeGreaterThanOrEqual(20);
    for (const doc of documents.filter((d) => paragraphs(d).length >= 3)) expect(site.some((p) => p.path === doc.file.replace(/\.txt$/, '.html'))).toBe(true);
  });
  it('every page has a sidebar and a live feed of real corpus sentences', () => {
    const all = documents.map((d) => d.text).join('\n');
    for (const page of site.slice(1)) {
      expect(page.html).toContain('<aside>');
      const feed = JSON.parse(/<script type="application\/json" id="feed">(.*?)<\/script>/s.exec(page.html)![1]!) as string[];
      expect(feed.length).toBeGreaterThan(3);
      for (const sentence of feed) expect(all).toContain(sentence);
    }
  });
  it('leaves out furniture lines and escapes every text', () => {
    const doc = made('Read More: Cold War 2.0\n\nA <b>bold</b> claim & a "quote" about the multipolar world order today, said the minister.\n\nShort line', { furniture: ['Read More: Cold War 2.0'] });
    expect(paragraphs(doc)).toEqual(['A <b>bold</b> claim & a "quote" about the multipolar world order today, said the minister.']);
    const [, page] = demoSite([doc, doc, doc].map((d, i) => ({ ...d, file: `x-0${i}.txt`, text: `${d.text}\n\n${d.text.split('\n\n')[1]}\n\n${d.text.split('\n\n')[1]}` })));
    expect(page!.html).toContain('A &lt;b&gt;bold&lt;/b&gt; claim &amp; a &quot;quote&quot;');
    expect(page!.html).not.toContain('<b>bold</b>');
  });
  it('a feed sentence cannot close its script element', () => {
    const evil = made('He wrote </script><script>alert(1)</script> in the margin of the multipolar world report, officials said.\n\nSecond paragraph about the Cold War mentality of rivals, officials said.\n\nThird paragraph about zero-sum games between blocs, officials said.');
    const site = demoSite([evil, { ...evil, file: 'x-02.txt' }]);
    for (const page of site.slice(1)) expect(page.html.match(/<\/script>/g)!.length).toBe(2);
  });
  it('an untitled document gets a headline that says so', () => {
    expect(headline(made('x'))).toBe('Commentary 1 (untitled in the corpus)');
  });
});

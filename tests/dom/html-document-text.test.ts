import { describe, expect, it } from 'vitest';
import { htmlDocumentText } from '../../lib/user-terms/user-documents.ts';

// A saved news page as a reader drops it on the options page: menus, a script, a share bar, the
// article's paragraphs with links and emphasis inside them, a caption and a footer.
const SAVED = `<!doctype html><html><head><title>Ministers meet as summit season opens | The Daily Example</title>
<style>p { color: red }</style><script>document.title = 'changed'; window.ran = true;</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Ministers meet as summit season opens</h1>
<p>The two foreign ministers met on <b>Tuesday</b> and called for a <a href="/t/multipolar">multipolar world</a>.</p>
<figure><img src="x.jpg" alt=""><figcaption>The ministers before their talks.</figcaption></figure>
<p>“Some countries still cling to a Cold War mentality,” the spokesperson said.</p>
<ul><li>Trade</li><li>Energy and <em>shipping</em></li></ul>
<form><button>Share</button></form></article></main>
<aside>Most read: football results</aside><footer>© The Daily Example</footer></body></html>`;

describe('the text of a saved HTML page', () => {
  it('keeps the article, one paragraph per line, and leaves out scripts, styles, menus and furniture', () => {
    const doc = new DOMParser().parseFromString(SAVED, 'text/html');
    expect(htmlDocumentText(doc)).toEqual({
      title: 'Ministers meet as summit season opens | The Daily Example',
      text: [
        'Ministers meet as summit season opens',
        'The two foreign ministers met on Tuesday and called for a multipolar world.',
        'The ministers before their talks.',
        '“Some countries still cling to a Cold War mentality,” the spokesperson said.',
        'Trade',
        'Energy and shipping',
      ].join('\n'),
    });
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('a page without paragraphs gives its body text, and a heading when it has no title', () => {
    const doc = new DOMParser().parseFromString('<html><body><div><span>Plain text only, no paragraphs,</span>\n<span>on two lines.</span></div></body></html>', 'text/html');
    expect(htmlDocumentText(doc)).toEqual({ title: '', text: 'Plain text only, no paragraphs,\non two lines.' });
  });
});

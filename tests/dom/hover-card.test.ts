import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectRuns, UI_ATTRIBUTE } from '../../lib/page/collect-runs.ts';
import { createHoverCard, type CardContent, type HoverCard } from '../../lib/page/create-hover-card.ts';
import { setBody } from '../helpers/dom-html.ts';

const EVIL = '<img src=x onerror=alert(1)>';

const content = (over: Partial<CardContent> = {}): CardContent => ({
  termId: 'zero-sum',
  label: 'Zero-sum',
  category: 'Bloc and Cold War framing',
  colour: '#E69F00',
  gloss: 'One side’s gain is the other’s loss.',
  ...over,
});
const RECT = { left: 40, top: 100, bottom: 120 };

let attach: ReturnType<typeof vi.spyOn>;
let card: HoverCard | null = null;
let onOpen: ReturnType<typeof vi.fn>;

function make(): HoverCard {
  card = createHoverCard(document, onOpen as unknown as (id: string) => void);
  return card;
}
const hosts = () => [...document.querySelectorAll<HTMLElement>(`[${UI_ATTRIBUTE}]`)];
/** The card's closed shadow root, captured from attachShadow (a closed root is not reachable otherwise). */
const shadow = (): ShadowRoot => attach.mock.results.at(-1)!.value as ShadowRoot;

beforeEach(() => {
  setBody('<p>page text</p>');
  attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  onOpen = vi.fn();
});
afterEach(() => {
  card?.dispose();
  card = null;
  attach.mockRestore();
  for (const h of hosts()) h.remove();
});

describe('createHoverCard', () => {
  it('builds nothing until first shown', () => {
    make();
    expect(hosts()).toHaveLength(0);
    expect(attach).not.toHaveBeenCalled();
  });

  it('the host carries the UI attribute, lives outside <body>, and uses a closed shadow root', () => {
    make().show(content(), RECT);
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host!.getAttribute(UI_ATTRIBUTE)).toBe('card');
    expect(host!.parentNode).toBe(document.documentElement);
    expect(document.body.contains(host!)).toBe(false);
    expect(attach).toHaveBeenCalledWith({ mode: 'closed' });
    expect(host!.shadowRoot).toBeNull();
    expect(host!.style.display).toBe('block');
    expect(host!.style.position).toBe('fixed');
    expect(shadow().querySelector('[role="tooltip"]')).not.toBeNull();
  });

  it('shows label, category and gloss as text', () => {
    make().show(content(), RECT);
    const text = shadow().textContent;
    expect(text).toContain('Zero-sum');
    expect(text).toContain('Bloc and Cold War framing');
    expect(text).toContain('One side’s gain is the other’s loss.');
    expect(text).toContain('Explain this term');
  });

  it('markup in any field stays literal text: no element is created from it, anywhere', () => {
    make().show(content({ label: EVIL, category: `<b>${EVIL}</b>`, gloss: `Gloss ${EVIL} end` }), RECT);
    const root = shadow();
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const texts = [...root.querySelectorAll('div')].map((d) => d.childNodes.length === 1 && d.firstChild!.nodeType === 3 ? (d.firstChild as Text).data : null);
    expect(texts).toContain(EVIL);
    expect(texts).toContain(`<b>${EVIL}</b>`);
    expect(texts).toContain(`Gloss ${EVIL} end`);
    // Every element in the card is one the card built itself.
    const tags = [...root.querySelectorAll('*')].map((e) => e.localName).sort();
    expect(tags).toEqual(['button', 'div', 'div', 'div', 'div']);
  });

  it('the button calls onOpen with the term id of the card currently shown', () => {
    const c = make();
    c.show(content(), RECT);
    const button = shadow().querySelector('button')!;
    expect(button.type).toBe('button');
    button.click();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenLastCalledWith('zero-sum');
    c.show(content({ termId: 'hegemony', label: 'Hegemony' }), RECT);
    shadow().querySelector('button')!.click();
    expect(onOpen).toHaveBeenLastCalledWith('hegemony');
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('reuses one host across shows', () => {
    const c = make();
    c.show(content(), RECT);
    c.show(content({ label: 'Other' }), RECT);
    expect(hosts()).toHaveLength(1);
    expect(attach).toHaveBeenCalledTimes(1);
    expect(shadow().textContent).toContain('Other');
    expect(shadow().textContent).not.toContain('Zero-sum');
  });

  it('hide() hides, show() shows again; mouseleave hides', () => {
    const c = make();
    c.hide(); // before anything was built: harmless
    c.show(content(), RECT);
    const [host] = hosts();
    c.hide();
    expect(host!.style.display).toBe('none');
    c.show(content(), RECT);
    expect(host!.style.display).toBe('block');
    host!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(host!.style.display).toBe('none');
  });

  it('dispose() removes the host; a later show() builds a new one', () => {
    const c = make();
    c.show(content(), RECT);
    c.dispose();
    expect(hosts()).toHaveLength(0);
    c.show(content(), RECT);
    expect(hosts()).toHaveLength(1);
  });

  it('positions below the term, or above it near the bottom of the viewport, within the viewport', () => {
    const c = make();
    c.show(content(), { left: 40, top: 100, bottom: 120 });
    const [host] = hosts();
    expect(host!.style.top).toBe('126px');
    expect(host!.style.left).toBe('40px');
    const h = window.innerHeight;
    c.show(content(), { left: -30, top: h - 20, bottom: h - 2 });
    expect(host!.style.top).toBe(`${h - 20 - 126}px`);
    expect(host!.style.left).toBe('0px');
    c.show(content(), { left: window.innerWidth + 100, top: 10, bottom: 20 });
    expect(host!.style.left).toBe(`${window.innerWidth - 330}px`);
  });

  it('is never read by the scanner', () => {
    make().show(content({ gloss: 'a zero-sum Cold War mentality' }), RECT);
    const all = collectRuns(document.documentElement).map((r) => r.text).join('|');
    expect(all).toContain('page text');
    expect(all).not.toContain('zero-sum');
  });
});

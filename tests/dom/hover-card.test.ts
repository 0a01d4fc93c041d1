import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectRuns, UI_ATTRIBUTE } from '../../lib/page/collect-runs.ts';
import { createHoverCard, type CardActions, type CardContent, type HoverCard } from '../../lib/page/create-hover-card.ts';
import { setBody } from '../helpers/dom-html.ts';

const EVIL = '<img src=x onerror=alert(1)>';

const content = (over: Partial<CardContent> = {}): CardContent => ({
  termId: 'zero-sum',
  label: 'Zero-sum',
  category: 'Bloc and Cold War framing',
  colour: '#E69F00',
  gloss: 'One side’s gain is the other’s loss.',
  why: 'Matches “zero-sum”; international context: “China” in the same sentence.',
  ...over,
});
const RECT = { left: 40, top: 100, bottom: 120 };

let attach: ReturnType<typeof vi.spyOn>;
let card: HoverCard | null = null;
let onOpen: ReturnType<typeof vi.fn>;
let onMute: ReturnType<typeof vi.fn>;

function make(): HoverCard {
  card = createHoverCard(document, { open: onOpen, mute: onMute } as unknown as CardActions);
  return card;
}
const buttons = () => [...shadow().querySelectorAll('button')];
const button = (label: string) => buttons().find((b) => b.textContent === label)!;
const hosts = () => [...document.querySelectorAll<HTMLElement>(`[${UI_ATTRIBUTE}]`)];
/** The card's closed shadow root, captured from attachShadow (a closed root is not reachable otherwise). */
const shadow = (): ShadowRoot => attach.mock.results.at(-1)!.value as ShadowRoot;

beforeEach(() => {
  setBody('<p>page text</p>');
  attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  onOpen = vi.fn();
  onMute = vi.fn();
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
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('Framing Lens: about this phrase');
  });

  it('shows label, category, gloss and why it is highlighted as text, and three buttons', () => {
    make().show(content(), RECT);
    const text = shadow().textContent;
    expect(text).toContain('Zero-sum');
    expect(text).toContain('Bloc and Cold War framing');
    expect(text).toContain('One side’s gain is the other’s loss.');
    expect(text).toContain('Matches “zero-sum”; international context: “China” in the same sentence.');
    expect(buttons().map((b) => b.textContent)).toEqual(['Explain this term', 'Mute on this site', 'Mute everywhere']);
    for (const b of buttons()) expect(b.type).toBe('button');
  });

  it('shows the originals line when the family has one, and no empty line when it has none', () => {
    const card = make();
    card.show(content({ original: '零和博弈 línghé bóyì' }), RECT);
    expect(shadow().textContent).toContain('零和博弈 línghé bóyì');
    card.show(content(), RECT);
    expect(shadow().textContent).not.toContain('零和博弈');
  });

  it('markup in any field stays literal text: no element is created from it, anywhere', () => {
    make().show(content({ label: EVIL, category: `<b>${EVIL}</b>`, gloss: `Gloss ${EVIL} end`, why: `Matches “${EVIL}”`, original: `冷战 ${EVIL}` }), RECT);
    const root = shadow();
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelectorAll('b')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const texts = [...root.querySelectorAll('div')].map((d) => d.childNodes.length === 1 && d.firstChild!.nodeType === 3 ? (d.firstChild as Text).data : null);
    expect(texts).toContain(EVIL);
    expect(texts).toContain(`<b>${EVIL}</b>`);
    expect(texts).toContain(`Gloss ${EVIL} end`);
    expect(texts).toContain(`Matches “${EVIL}”`);
    expect(texts).toContain(`冷战 ${EVIL}`);
    // Every element in the card is one the card built itself (box, label, chip, original, gloss, why, buttons row, three buttons).
    const tags = [...root.querySelectorAll('*')].map((e) => e.localName).sort();
    expect(tags).toEqual(['button', 'button', 'button', 'div', 'div', 'div', 'div', 'div', 'div', 'div']);
  });

  it('the buttons open or mute the term of the card currently shown', () => {
    const c = make();
    c.show(content(), RECT);
    button('Explain this term').click();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenLastCalledWith('zero-sum');
    c.show(content({ termId: 'hegemony', label: 'Hegemony' }), RECT);
    button('Explain this term').click();
    expect(onOpen).toHaveBeenLastCalledWith('hegemony');
    button('Mute on this site').click();
    expect(onMute).toHaveBeenLastCalledWith('hegemony', 'site');
    button('Mute everywhere').click();
    expect(onMute).toHaveBeenLastCalledWith('hegemony', 'everywhere');
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onMute).toHaveBeenCalledTimes(2);
  });

  it('shown() names the term on show, null after hide; owns() knows its own host', () => {
    const c = make();
    expect(c.shown()).toBeNull();
    c.show(content(), RECT);
    expect(c.shown()).toBe('zero-sum');
    expect(c.owns(hosts()[0]!)).toBe(true);
    expect(c.owns(document.body)).toBe(false);
    expect(c.owns(null)).toBe(false);
    c.hide();
    expect(c.shown()).toBeNull();
  });

  it('with focus, moves keyboard focus to its first button, and hide() gives it back', () => {
    const c = make();
    const link = document.createElement('a');
    link.href = '#x';
    link.textContent = 'a link';
    document.body.append(link);
    link.focus();
    expect(document.activeElement).toBe(link);
    c.show(content(), RECT, { focus: true });
    expect(document.activeElement).toBe(hosts()[0]);
    expect(shadow().activeElement).toBe(button('Explain this term'));
    c.hide();
    expect(document.activeElement).toBe(link);
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

  it('hide() hides, show() shows again; the card never hides itself (the content script decides)', () => {
    const c = make();
    c.hide(); // before anything was built: harmless
    c.show(content(), RECT);
    const [host] = hosts();
    c.hide();
    expect(host!.style.display).toBe('none');
    c.show(content(), RECT);
    expect(host!.style.display).toBe('block');
    host!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(host!.style.display).toBe('block');
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
    expect(host!.style.top).toBe(`${h - 20 - 176}px`);
    expect(host!.style.left).toBe('0px');
    c.show(content(), { left: window.innerWidth + 100, top: 10, bottom: 20 });
    expect(host!.style.left).toBe(`${window.innerWidth - 350}px`);
  });

  it('is never read by the scanner', () => {
    make().show(content({ gloss: 'a zero-sum Cold War mentality' }), RECT);
    const all = collectRuns(document.documentElement).map((r) => r.text).join('|');
    expect(all).toContain('page text');
    expect(all).not.toContain('zero-sum');
  });
});

import { UI_ATTRIBUTE } from './collect-runs.ts';

/** What the card shows. */
export interface CardContent {
  termId: string;
  label: string;
  category: string;
  colour: string;
  gloss: string;
  /** One line: why this phrase is highlighted. */
  why: string;
  /** The Chinese and Russian originals with their romanisations, when the lexicon has them. */
  original?: string;
}

/** What the card's buttons do. */
export interface CardActions {
  /** Opens the full explanation of a term. */
  open(termId: string): void;
  /** Mutes a term family on this site, or everywhere. */
  mute(termId: string, where: 'site' | 'everywhere'): void;
}

/** The hover and focus card. */
export interface HoverCard {
  /** Shows the card next to `rect`; with `focus`, moves keyboard focus to its first button (the reader asked for it with a shortcut). */
  show(content: CardContent, rect: { left: number; top: number; bottom: number }, options?: { focus?: boolean }): void;
  /** Hides the card; when focus was inside it, gives focus back to where it was before. */
  hide(): void;
  /** The term the card shows, or null when hidden. */
  shown(): string | null;
  /** True when `node` is the card (events on the card come from its host). */
  owns(node: EventTarget | null): boolean;
  dispose(): void;
}

function styled<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  Object.assign(el.style, style);
  if (text !== undefined) el.textContent = text;
  return el;
}

const BUTTON: Partial<CSSStyleDeclaration> = {
  font: 'inherit', cursor: 'pointer', color: '#1a1a1a', background: '#f1f1f4', border: '1px solid #6b6b75', borderRadius: '4px', padding: '2px 8px',
};

/**
 * A small card in a closed shadow root: term, category, gloss, why it is highlighted, and buttons
 * to open the full explanation or mute the term here or everywhere. Built with
 * createElement/textContent and CSSOM styles only, so it works under strict CSP and Trusted Types,
 * and page CSS cannot reach it. Created on first use; the host sits outside `<body>` and carries
 * the UI attribute, so the scanner never reads it. It never hides itself: the content script hides
 * it when the pointer leaves the term and the card, on scroll, on Escape and when settings change.
 */
export function createHoverCard(doc: Document, actions: CardActions): HoverCard {
  let host: HTMLElement | null = null;
  let parts: { box: HTMLElement; label: HTMLElement; chip: HTMLElement; original: HTMLElement; gloss: HTMLElement; why: HTMLElement; open: HTMLButtonElement } | null = null;
  let current: string | null = null;
  /** Where focus was before the card took it. */
  let returnFocus: HTMLElement | null = null;

  const build = () => {
    host = doc.createElement('div');
    host.setAttribute(UI_ATTRIBUTE, 'card');
    Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', left: '0', top: '0', display: 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = styled(doc, 'div', {
      font: '14px/1.45 system-ui, sans-serif', color: '#1a1a1a', background: '#ffffff', border: '1px solid #6b6b75',
      borderRadius: '6px', padding: '8px 10px', maxWidth: '340px', boxShadow: '0 2px 8px rgba(0,0,0,.25)',
    });
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'Framing Lens: about this phrase');
    const label = styled(doc, 'div', { fontWeight: '600' });
    const chip = styled(doc, 'div', { fontSize: '12px', margin: '2px 0 4px', paddingLeft: '6px', borderLeft: '4px solid' });
    const gloss = styled(doc, 'div', {});
    const original = styled(doc, 'div', { fontSize: '13px', marginTop: '2px' });
    const why = styled(doc, 'div', { fontSize: '12px', color: '#45454d', marginTop: '4px' });
    const row = styled(doc, 'div', { display: 'flex', flexWrap: 'wrap', gap: '6px', marginTop: '8px' });
    const open = styled(doc, 'button', BUTTON, 'Explain this term');
    const muteHere = styled(doc, 'button', BUTTON, 'Mute on this site');
    const muteAll = styled(doc, 'button', BUTTON, 'Mute everywhere');
    for (const b of [open, muteHere, muteAll]) b.type = 'button';
    open.addEventListener('click', () => current && actions.open(current));
    muteHere.addEventListener('click', () => current && actions.mute(current, 'site'));
    muteAll.addEventListener('click', () => current && actions.mute(current, 'everywhere'));
    row.append(open, muteHere, muteAll);
    box.append(label, chip, original, gloss, why, row);
    shadow.append(box);
    (doc.documentElement ?? doc).appendChild(host);
    parts = { box, label, chip, original, gloss, why, open };
  };

  const hide = () => {
    if (!host || current === null) return;
    const hadFocus = doc.activeElement === host;
    host.style.display = 'none';
    current = null;
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  return {
    show(content, rect, options = {}) {
      if (!host) build();
      current = content.termId;
      parts!.label.textContent = content.label;
      parts!.chip.textContent = content.category;
      parts!.chip.style.borderLeftColor = content.colour;
      parts!.gloss.textContent = content.gloss;
      parts!.original.textContent = content.original ?? '';
      parts!.original.style.display = content.original ? 'block' : 'none';
      parts!.why.textContent = content.why;
      const view = doc.defaultView;
      const below = rect.bottom + 6;
      const top = view && below + 170 > view.innerHeight ? Math.max(0, rect.top - 176) : below;
      host!.style.left = `${Math.max(0, Math.min(rect.left, (view?.innerWidth ?? 1000) - 350))}px`;
      host!.style.top = `${top}px`;
      host!.style.display = 'block';
      if (options.focus) {
        const active = doc.activeElement;
        if (active !== host && active instanceof (view?.HTMLElement ?? HTMLElement)) returnFocus = active;
        parts!.open.focus({ preventScroll: true });
      }
    },
    hide,
    shown: () => current,
    owns: (node) => node !== null && node === host,
    dispose() {
      host?.remove();
      host = null;
      current = null;
    },
  };
}

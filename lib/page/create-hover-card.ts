import { UI_ATTRIBUTE } from './collect-runs.ts';

/** What the card shows. */
export interface CardContent {
  termId: string;
  label: string;
  category: string;
  colour: string;
  gloss: string;
}

/** The hover and focus card. */
export interface HoverCard {
  show(content: CardContent, rect: { left: number; top: number; bottom: number }): void;
  hide(): void;
  dispose(): void;
}

function styled<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, style: Partial<CSSStyleDeclaration>, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  Object.assign(el.style, style);
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A small card in a closed shadow root: term, category, gloss and a button that opens the full
 * explanation. Built with createElement/textContent and CSSOM styles only, so it works under strict
 * CSP and Trusted Types, and page CSS cannot reach it. Created on first use; the host sits outside
 * `<body>` and carries the UI attribute, so the scanner never reads it.
 */
export function createHoverCard(doc: Document, onOpen: (termId: string) => void): HoverCard {
  let host: HTMLElement | null = null;
  let parts: { box: HTMLElement; label: HTMLElement; chip: HTMLElement; gloss: HTMLElement; button: HTMLButtonElement } | null = null;
  let current = '';

  const build = () => {
    host = doc.createElement('div');
    host.setAttribute(UI_ATTRIBUTE, 'card');
    Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', left: '0', top: '0', display: 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = styled(doc, 'div', {
      font: '13px/1.4 system-ui, sans-serif', color: '#1a1a1a', background: '#ffffff', border: '1px solid #8a8a8a',
      borderRadius: '6px', padding: '8px 10px', maxWidth: '320px', boxShadow: '0 2px 8px rgba(0,0,0,.25)',
    });
    box.setAttribute('role', 'tooltip');
    const label = styled(doc, 'div', { fontWeight: '600' });
    const chip = styled(doc, 'div', { fontSize: '11px', margin: '2px 0 4px', paddingLeft: '6px', borderLeft: '4px solid' });
    const gloss = styled(doc, 'div', {});
    const button = styled(doc, 'button', { marginTop: '6px', font: 'inherit', cursor: 'pointer' }, 'Explain this term');
    button.type = 'button';
    button.addEventListener('click', () => onOpen(current));
    box.append(label, chip, gloss, button);
    shadow.append(box);
    host.addEventListener('mouseleave', () => hide());
    (doc.documentElement ?? doc).appendChild(host);
    parts = { box, label, chip, gloss, button };
  };

  const hide = () => {
    if (host) host.style.display = 'none';
  };

  return {
    show(content, rect) {
      if (!host) build();
      current = content.termId;
      parts!.label.textContent = content.label;
      parts!.chip.textContent = content.category;
      parts!.chip.style.borderLeftColor = content.colour;
      parts!.gloss.textContent = content.gloss;
      const view = doc.defaultView;
      const below = rect.bottom + 6;
      const top = view && below + 120 > view.innerHeight ? Math.max(0, rect.top - 126) : below;
      host!.style.left = `${Math.max(0, Math.min(rect.left, (view?.innerWidth ?? 1000) - 330))}px`;
      host!.style.top = `${top}px`;
      host!.style.display = 'block';
    },
    hide,
    dispose() {
      host?.remove();
      host = null;
    },
  };
}

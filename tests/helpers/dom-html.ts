/**
 * HTML in tests without the innerHTML family (the lint rule bans it project-wide): markup is
 * parsed by DOMParser into a separate document and imported as nodes; serialisation uses getHTML().
 */

/** Replaces the children of `parent` with the nodes `html` parses to. */
export function setHtml(parent: Element | ShadowRoot | DocumentFragment, html: string): void {
  const doc = (parent.ownerDocument ?? document) as Document;
  const parsed = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
  parent.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
}

/** Sets the page body from markup; returns the body. */
export function setBody(html: string): HTMLElement {
  setHtml(document.body, html);
  return document.body;
}

/** The markup of an element's children (what innerHTML would read). */
export function htmlOf(el: Element | ShadowRoot): string {
  return (el as Element & { getHTML(): string }).getHTML();
}

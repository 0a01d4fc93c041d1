import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasReadableText, whenReadableText } from '../../lib/page/when-text.ts';
import { setBody } from '../helpers/dom-html.ts';

/** True when `promise` has settled after `ms` of fake time. */
async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(ms);
  return done;
}

describe('whenReadableText: a frame without text waits before anything is built', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['<p>The minister spoke of a multipolar world.</p>', true],
    ['<div><span>Advertisement</span></div>', true],
    ['<div id="slot"></div>', false],
    ['<script>window.adSlot = "Cold War mentality";</script><style>p { color: red }</style>', false],
    ['<div hidden><p>Sponsored: the collective West</p></div>', false],
    ['<textarea>Cold War mentality</textarea><input value="zero-sum">', false],
    ['  \n\t  ', false],
  ])('%j → readable: %s', (html, readable) => {
    setBody(html);
    expect(hasReadableText(document)).toBe(readable);
  });

  it('resolves at once on a page with text', async () => {
    setBody('<p>Beijing rejects a Cold War mentality.</p>');
    await expect(whenReadableText(document, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('waits in an empty frame, and resolves once a script writes text into it', async () => {
    vi.useFakeTimers();
    setBody('<div id="slot"></div>');
    const ready = whenReadableText(document, new AbortController().signal);
    expect(await settledAfter(ready, 500)).toBe(false);
    // A script tag and an empty element change the DOM but bring nothing to read.
    document.getElementById('slot')!.append(document.createElement('script'), document.createElement('div'));
    expect(await settledAfter(ready, 500)).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'Sponsored analysis: the end of the unipolar moment.';
    document.getElementById('slot')!.append(p);
    expect(await settledAfter(ready, 150)).toBe(true);
  });

  it('never resolves once its signal aborts (the content script was invalidated)', async () => {
    vi.useFakeTimers();
    setBody('<div id="slot"></div>');
    const controller = new AbortController();
    const ready = whenReadableText(document, controller.signal);
    controller.abort();
    const p = document.createElement('p');
    p.textContent = 'Text that arrives after the extension was updated.';
    document.body.append(p);
    expect(await settledAfter(ready, 500)).toBe(false);
  });
});

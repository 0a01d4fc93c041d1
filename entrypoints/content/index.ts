import { defineContentScript } from 'wxt/utils/define-content-script';
// The lexicon as text, parsed only in a frame that has text to read (see whenReadableText).
import compiledText from '../../lexicon/generated/compiled.json?raw';
import '../../lexicon/generated/highlights.css';
import type { CompiledLexicon } from '../../lib/lexicon/compiled.ts';
import { runContent } from '../../lib/ext/run-content.ts';
import { warn } from '../../lib/ext/warn.ts';
import { whenReadableText } from '../../lib/page/when-text.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      // Most frames of a news page are ad slots and embeds without text: they wait here, and pay
      // neither the lexicon's parsing nor the engine until text appears. The top frame never
      // waits: it answers the popup for the whole tab, even when all its text is in frames.
      if (window !== window.top) await whenReadableText(document, ctx.signal);
      await runContent(ctx, JSON.parse(compiledText) as CompiledLexicon);
    } catch (error) {
      warn(`stopped on this page: ${(error as Error)?.message ?? String(error)}`);
    }
  },
});

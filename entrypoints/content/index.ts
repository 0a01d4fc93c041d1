import { defineContentScript } from 'wxt/utils/define-content-script';
import compiled from '../../lexicon/generated/compiled.json';
import '../../lexicon/generated/highlights.css';
import type { CompiledLexicon } from '../../lib/lexicon/compiled.ts';
import { runContent } from '../../lib/ext/run-content.ts';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    try {
      await runContent(ctx, compiled as unknown as CompiledLexicon);
    } catch (error) {
      console.warn(`[Framing Lens] stopped on this page: ${(error as Error)?.message ?? String(error)}`);
    }
  },
});

import { basename } from 'node:path';
import type { CompiledLexicon } from '../lexicon/schema.ts';
import type { Finder } from '../match/create-finder.ts';
import { cutSentence } from '../text/cut-sentence.ts';
import { classifyVoice } from '../report/classify-voice.ts';
import type { ExportInput } from '../report/export.ts';
import { fileRuns, scanText } from './scan-file.ts';

/** The title of a saved page (its <title>, entities decoded), or the file's name. */
function titleOf(file: string, content: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(content);
  const raw = m?.[1]?.replace(/\s+/g, ' ').trim();
  if (!raw) return basename(file);
  return raw.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e]!);
}

/**
 * What an export needs of one file: what the finder finds in it, each with its sentence and voice,
 * as the popup would report it. `written` holds each family's patterns by term index (`loadWritten`).
 */
export function reportInput(file: string, content: string, lexicon: CompiledLexicon, finder: Finder, written: readonly (readonly string[])[], readAt: string): ExportInput {
  const { text } = fileRuns(file, content);
  const hits = scanText(file, content, lexicon, finder, { explain: written });
  const counts: Record<string, number> = {};
  const occurrences = hits.map((h, i) => {
    counts[h.term] = (counts[h.term] ?? 0) + 1;
    const cut = cutSentence(text, h.start, h.end);
    const { reason: _reason, ...why } = h.why!;
    return { position: i + 1, term: h.term, category: h.category, text: h.text, sentence: cut.sentence, start: cut.start, end: cut.end, voice: classifyVoice(cut.sentence, cut.start, cut.end), why };
  });
  return { title: titleOf(file, content), url: file, readAt, words: finder.countWords(text), counts, occurrences };
}

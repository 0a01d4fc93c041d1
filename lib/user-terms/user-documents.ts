import * as z from 'zod/mini';
import type { Voice } from '../lexicon/schema.ts';
import { tokenise } from '../text/tokenise.ts';

/**
 * The reader's own documents (articles they study): what Framing Lens keeps of them (the examples
 * and candidates learned with `lib/lexicon/learn/learn-document.ts`, never their text), the limits,
 * stored data read back, and the text of a saved HTML page.
 */

export const USER_DOCUMENTS_VERSION = 1;
export const DOCUMENT_LIMITS = { chars: 300_000, documents: 50, examples: 400, candidates: 25, title: 120 } as const;

/** A sentence of the reader's document where a family occurs, verbatim, with its voice. */
export interface UserExample {
  term: string;
  sentence: string;
  /** The phrase's offsets in the sentence. */
  start: number;
  end: number;
  voice: Voice;
}

/** A phrase the document uses that no family covers, ranked as the build ranks the corpora's. */
export interface UserCandidate {
  phrase: string;
  count: number;
  score: number;
  kinds: string[];
  sentence: string;
}

/** What Framing Lens keeps of a document the reader added. */
export interface UserDocument {
  id: string;
  title: string;
  words: number;
  addedAt: string;
  /** Occurrences of lexicon families in it (the examples may be fewer: one per sentence, at most {@link DOCUMENT_LIMITS.examples}). */
  occurrences: number;
  examples: UserExample[];
  candidates: UserCandidate[];
}

/** Why a text cannot be learned from, or null when it can. */
export function refuseText(text: string, name: string): string | null {
  if (text.length > DOCUMENT_LIMITS.chars) {
    return `${name} is ${Math.round(text.length / 1000).toLocaleString('en')} kB of text; Framing Lens learns from at most ${DOCUMENT_LIMITS.chars / 1000} kB (about 45,000 words) at a time. Split it into parts.`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what marks a binary file
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 20_000))) return `${name} is not text: add a .txt or .html file, or paste the article.`;
  if (tokenise(text).length < 20) return `${name} has fewer than 20 words: paste a whole article.`;
  return null;
}

/** Block elements whose text is a paragraph of the article. */
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,th,dt,dd';
/** What is never the article: scripts, styles, navigation, page furniture. */
const NOT_TEXT = 'script,style,noscript,template,svg,nav,header,footer,aside,form,button,select,iframe';

/**
 * The article text of a saved HTML page, parsed inert (nothing runs, nothing loads): its
 * paragraphs one per line, furniture left out; the title from `<title>` or the first heading.
 */
export function htmlDocumentText(doc: Document): { title: string; text: string } {
  for (const el of doc.querySelectorAll(NOT_TEXT)) el.remove();
  const blocks = [...doc.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = (blocks.length > 0 ? blocks.map((b) => b.textContent ?? '') : (doc.body?.textContent ?? '').split('\n')).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const title = (doc.title || doc.querySelector('h1')?.textContent || '').replace(/\s+/g, ' ').trim();
  return { title, text: lines.join('\n') };
}

const documentSchema = z.object({
  id: z.string().check(z.regex(/^doc-[a-z0-9-]{1,40}$/)),
  title: z.string().check(z.maxLength(DOCUMENT_LIMITS.title)),
  words: z.number(),
  addedAt: z.string(),
  occurrences: z.number(),
  examples: z.array(z.object({ term: z.string(), sentence: z.string(), start: z.number(), end: z.number(), voice: z.enum(['author', 'quotation', 'attributed', 'distancing']) })),
  candidates: z.array(z.object({ phrase: z.string(), count: z.number(), score: z.number(), kinds: z.array(z.string()), sentence: z.string() })),
});

/** Reads the stored documents one by one: a document that does not fit is left out with a warning. */
export function parseStoredDocuments(raw: unknown): { documents: UserDocument[]; warnings: string[] } {
  if (raw === null || raw === undefined) return { documents: [], warnings: [] };
  const list = (raw as { documents?: unknown })?.documents;
  if (!Array.isArray(list)) return { documents: [], warnings: ['your documents: the stored list is not a list of documents; none are used'] };
  const documents: UserDocument[] = [];
  const warnings: string[] = [];
  for (const [i, item] of list.slice(0, DOCUMENT_LIMITS.documents).entries()) {
    const parsed = documentSchema.safeParse(item);
    if (parsed.success) documents.push(parsed.data as UserDocument);
    else warnings.push(`your documents: document ${i + 1} is malformed (${parsed.error.issues[0]?.path.join('.') || 'document'}); left out`);
  }
  return { documents, warnings };
}

/** The examples of one family across the reader's documents, each with its document's title. */
export function examplesOf(documents: readonly UserDocument[], term: string): (UserExample & { title: string; doc: string })[] {
  return documents.flatMap((d) => d.examples.filter((e) => e.term === term).map((e) => ({ ...e, title: d.title, doc: d.id })));
}

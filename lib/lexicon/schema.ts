import { z } from 'zod';

/** Kebab-case identifiers: lower-case words joined by single hyphens. */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');

/** A lexicon category as written in `lexicon/categories.yaml`. */
export const categorySchema = z.strictObject({
  id,
  label: text,
  description: text,
  colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a #RRGGBB colour'),
  underline: z.enum(['solid', 'dashed', 'dotted', 'wavy', 'double']),
});
export type Category = z.infer<typeof categorySchema>;

/** A term family as written in `lexicon/terms/<category>.yaml`. */
export const termSourceSchema = z.strictObject({
  id,
  label: text,
  gloss: text.max(140, 'must be at most 140 characters'),
  patterns: z.array(text).min(1, 'needs at least one pattern'),
  exclude: z.array(text).default([]),
  meaning: text,
  presupposes: text,
  origin: text,
  users: text,
  neutral: text,
  questions: z.array(text).min(2, 'needs two or three questions').max(3, 'needs two or three questions'),
  related: z.array(id).default([]),
});
export type TermSource = z.infer<typeof termSourceSchema>;

/** What `lexicon/corpus/metadata.yaml` says of one document. */
export const documentMetaSchema = z.strictObject({
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in lexicon/corpus/'),
  title: text,
  author: text,
  outlet: text,
  date: text,
  /** Lines of the document that are not article prose (navigation, captions, furniture), verbatim. */
  furniture: z.array(text).default([]),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** One curator note on a corpus example, in `lexicon/notes/<category>.yaml`. */
export const noteSchema = z.strictObject({
  doc: z.string().min(1),
  quote: text,
  note: text,
});
export type Note = z.infer<typeof noteSchema>;

/** The voice in which a sentence uses a term. */
export type Voice = 'author' | 'quotation' | 'attributed' | 'distancing';

/** An annotated corpus example of a term family, as shipped to the popup. */
export interface Example {
  doc: string;
  sentence: string;
  /** Offsets of the sentence in the document, UTF-16 code units. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Offsets of the term in the document. */
  start: number;
  end: number;
  note: string;
  voice: Voice;
  actors: string[];
}

/** A term family as shipped to the popup: the source fields plus what the build learned. */
export interface Term extends Omit<TermSource, 'exclude'> {
  category: string;
  variants: string[];
  occurrences: number;
  examples: Example[];
}

/** What the popup needs to open fast: no explanations or examples (`lexicon/generated/glossary.json`). */
export interface GlossaryLexicon {
  categories: Category[];
  documents: Omit<DocumentMeta, 'furniture'>[];
  terms: Pick<Term, 'id' | 'label' | 'category' | 'gloss' | 'patterns'>[];
  corpusStats: FullLexicon['corpusStats'];
}

/** The full lexicon, `lexicon/generated/lexicon.json`, read by the popup and the command line. */
export interface FullLexicon {
  categories: Category[];
  documents: Omit<DocumentMeta, 'furniture'>[];
  terms: Term[];
  corpusStats: { words: number; occurrences: number; byCategory: Record<string, number> };
}

/** The compact lexicon for the content script, `lexicon/generated/compiled.json`: no examples. */
export interface CompiledLexicon {
  categories: Pick<Category, 'id' | 'label' | 'colour' | 'underline'>[];
  terms: { id: string; label: string; category: string; gloss: string }[];
  trie: import('../match/trie.ts').TrieNode;
}

/** A lexicon source error; the message names the file, the term id and the field. */
export class LexiconError extends Error {
  override name = 'LexiconError';
}

/** Formats zod issues as `file: term "id": field: problem` lines. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[], idOf: (index: number) => string | undefined): string {
  return issues
    .map((issue) => {
      const [index, ...rest] = issue.path;
      const who = typeof index === 'number' ? idOf(index) : undefined;
      const where = typeof index === 'number' ? `${who ? `term "${who}"` : `entry #${index + 1}`}` : '';
      const field = (typeof index === 'number' ? rest : issue.path).join('.') || '(entry)';
      return `${file}: ${where ? `${where}: ` : ''}field "${field}": ${issue.message}`;
    })
    .join('\n');
}

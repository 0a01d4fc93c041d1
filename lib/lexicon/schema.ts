import { z } from 'zod';
import { ORIGINAL_LANGUAGES } from './compiled.ts';

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
  /** A line under the text, or under and over it (over only: a reader's own category): with `underline`, each category's own non-colour cue. */
  line: z.enum(['under', 'under-over', 'over']).default('under'),
});
export type Category = z.infer<typeof categorySchema>;

/** How a family is read on a page (see lexicon/README.md, "How a family is read"). */
export const READINGS = ['framing', 'contextual', 'standard'] as const;
export type Reading = (typeof READINGS)[number];

/**
 * Words a reader sees that are working notes, not explanation: they fail the build in every
 * field a reader sees (they belong in the curator's `curator` field or in a commit message).
 */
export const WORKING_NOTES: readonly RegExp[] = [
  /\(fact \d+\)/i, /\bfacts? \d+\b/i, /not verified/i, /provenance/i, /excerpts show/i, /not documented here/i, /\(public record\)/i,
  /\bTODO\b/, /\btagged\b/i, /\bthe tagger\b/i, /according to (my|our) search/i, /\bsearch tool\b/i,
];

/** A primary document an origin rests on. */
export const sourceRefSchema = z.strictObject({
  /** The speaker or issuing body. */
  by: text,
  title: text,
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** One original (Chinese or Russian) form of a family, paired with its English in one official bilingual text. */
export const originalSchema = z.strictObject({
  form: text,
  /** Traditional Chinese characters, where they differ from the simplified form. */
  traditional: text.optional(),
  /** Hanyu Pinyin with tone marks (Chinese) or BGN/PCGN (Russian). */
  romanised: text,
  /** The bilingual text the pairing rests on. */
  source: sourceRefSchema,
  /** The sentence in the original, verbatim, and its official English. */
  quote: text.optional(),
  quote_en: text.optional(),
  note: text.optional(),
  /** How a Russian phrase declines (for readers and curators). */
  inflects: text.optional(),
  /**
   * The words of a Russian phrase that decline, as written, when the build's default reading
   * (agreeing adjectives and participles with their head noun, in each conjunct) is wrong for it;
   * `[]` keeps the phrase as written.
   */
  declines: z.array(text).optional(),
  /**
   * How the form is read on a page: anywhere (the default); `contextual`, only with a cue of
   * international affairs in its sentence or beside it (`originals-context.yaml`); `after`, only
   * when the words after it hold a quotation mark, a cue or another term (所谓, так называемый).
   */
  read: z.enum(['contextual', 'after']).optional(),
  /** Words that, in the same sentence, mark another sense of the form (长臂管辖 in a US civil-procedure text: 诉讼法); matched as written, in any inflection that begins so. */
  guards: z.array(text).optional(),
  /** `false`: shown with the family but not matched on pages (another family matches the same words). */
  match: z.literal(false).optional(),
  /** For the curator only; never shipped. */
  curator: text.optional(),
});

/** `lexicon/originals.yaml`: the originals of each family, by language. */
export const originalsFileSchema = z.array(z.strictObject({ id, zh: z.array(originalSchema).default([]), ru: z.array(originalSchema).default([]) }));

/** `lexicon/originals-context.yaml`: the cues of international affairs in each language of the originals. */
const originalsLanguageContext = z.strictObject({
  cues: z.array(text).min(1),
  /** Cues of each topic of `context.yaml` (a family tied to topics needs one of its topics' cues). */
  topics: z.record(id, z.array(text)).default({}),
});
export const originalsContextSchema = z.strictObject({ zh: originalsLanguageContext, ru: originalsLanguageContext });
export type OriginalsContext = z.infer<typeof originalsContextSchema>;

/** The languages originals are given in. */
export { ORIGINAL_LANGUAGES };

/** An original form as shipped. */
export type Original = Omit<z.infer<typeof originalSchema>, 'curator'> & { lang: keyof typeof ORIGINAL_LANGUAGES };

/** A term family as written in `lexicon/terms/<category>.yaml`. */
export const termSourceSchema = z
  .strictObject({
    id,
    label: text,
    /**
     * framing: framing wherever it appears; contextual: only where the text around it is about
     * international affairs; standard: the descriptive wording of wire services and the UN, kept
     * as the neutral contrast and not highlighted.
     */
    reading: z.enum(READINGS, { error: 'must be framing, contextual or standard' }),
    gloss: text.max(140, 'must be at most 140 characters'),
    patterns: z.array(text).min(1, 'needs at least one pattern'),
    /** More patterns that count only in international-affairs context, whatever the family's reading. */
    contextual: z.array(text).default([]),
    exclude: z.array(text).default([]),
    /** Named guard sets of lexicon/context.yaml: senses that are not this framing. */
    guards: z.array(id).default([]),
    /** Named topics of lexicon/context.yaml: its contextual patterns need a cue of one of them, not just any international-affairs cue. */
    topics: z.array(id).default([]),
    /** around: cues in the sentence, its neighbours or the page; after: the words it qualifies ("so-called"). */
    window: z.enum(['around', 'after']).default('around'),
    meaning: text,
    presupposes: text,
    origin: text,
    /** The primary documents the origin rests on. */
    sources: z.array(sourceRefSchema).default([]),
    /** Why the origin cannot be traced to a document, when it cannot (then `sources` may be empty). */
    untraced: text.optional(),
    users: text,
    neutral: text,
    questions: z.array(text).min(2, 'needs two or three questions').max(3, 'needs two or three questions'),
    related: z.array(id).default([]),
    /** For the curator only; never shipped. */
    curator: text.optional(),
  })
  .refine((t) => t.sources.length > 0 || t.untraced !== undefined, {
    path: ['sources'],
    error: 'needs at least one primary document, or `untraced` saying why the origin cannot be traced',
  });
export type TermSource = z.infer<typeof termSourceSchema>;

/** What a corpus's `metadata.yaml` says of one document. */
export const documentMetaSchema = z.strictObject({
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in the corpus folder'),
  title: text,
  author: text,
  outlet: text,
  date: text,
  /** What kind of text it is (speech, fact sheet, press briefing…). */
  kind: text.optional(),
  /** The official address of the original. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  licence: text.optional(),
  /** Where the text is not the whole document: which part it is. */
  excerpt: text.optional(),
  /** Lines of the document that are not article prose (navigation, captions, furniture), verbatim. */
  furniture: z.array(text).default([]),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** A corpus, as `lexicon/corpora.yaml` describes it to readers. */
export const corpusSchema = z.strictObject({ id, label: text, description: text });
export type Corpus = z.infer<typeof corpusSchema>;

/** One curator note on a corpus example, in `lexicon/notes/<category>.yaml`. */
export const noteSchema = z.strictObject({
  doc: z.string().min(1),
  quote: text,
  note: text,
  /** The curator's reading of the voice, where it differs from what the build infers from the sentence. */
  voice: z.enum(['author', 'quotation', 'attributed', 'distancing']).optional(),
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
export interface Term extends Omit<TermSource, 'exclude' | 'curator' | 'guards' | 'window' | 'topics'> {
  category: string;
  /** Its Chinese and Russian forms, each with the bilingual source of the pairing. */
  originals: Original[];
  variants: string[];
  /** Occurrences in the prose of each corpus, by corpus id. */
  occurrences: Record<string, number>;
  examples: Example[];
}

/** A corpus document as shipped: what its metadata says, its corpus and its place there (1-based). */
export type ShippedDocument = Omit<DocumentMeta, 'furniture'> & { corpus: string; index: number };

/** How often a corpus uses the lexicon: prose words and occurrences, in all and by category. */
export interface CorpusStats {
  words: number;
  occurrences: number;
  byCategory: Record<string, number>;
}

/** A family as the glossary lists it (no explanation, no examples). */
export type GlossaryTerm = Pick<Term, 'id' | 'label' | 'category' | 'gloss' | 'patterns' | 'contextual' | 'reading'> & {
  /** The original forms and their romanisations, for search. */
  originals: Pick<Original, 'lang' | 'form' | 'romanised' | 'traditional'>[];
};

/** What the popup needs to open fast: no explanations or examples (`lexicon/generated/glossary.json`). */
export interface GlossaryLexicon {
  categories: Category[];
  corpora: Corpus[];
  documents: ShippedDocument[];
  terms: GlossaryTerm[];
  /** By corpus id. */
  corpusStats: Record<string, CorpusStats>;
}

/** The full lexicon, `lexicon/generated/lexicon.json`, read by the popup and the command line. */
export interface FullLexicon extends Omit<GlossaryLexicon, 'terms'> {
  terms: Term[];
}

// The compiled lexicon's shape lives in compiled.ts, free of zod, so the content script that reads
// it does not carry the schema library.
export { ENTRY_CONTEXTUAL, ENTRY_LOWER_CASE, ENTRY_STANDARD, ENTRY_STOP, type CardText, type CardTexts, type CompiledContext, type CompiledLexicon, type CompiledTerm } from './compiled.ts';

/** `lexicon/context.yaml`: the cues of international affairs and the guards of other senses. */
export const contextSourceSchema = z.strictObject({
  window: z.strictObject({ points: z.number().int().min(1) }),
  page: z.strictObject({ points: z.number().int().min(1), per1000: z.number().positive() }),
  case: z.strictObject({ proper: z.array(id).default([]), capitals: z.array(id).default([]) }),
  cues: z.strictObject({ strong: z.record(id, z.array(text)), weak: z.record(id, z.array(text)) }),
  guards: z.record(id, z.array(text)),
  topics: z.record(id, z.array(text)).default({}),
});
export type ContextSource = z.infer<typeof contextSourceSchema>;

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

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  categorySchema,
  contextSourceSchema,
  corpusSchema,
  describeIssues,
  documentMetaSchema,
  LexiconError,
  noteSchema,
  termSourceSchema,
  type Category,
  type ContextSource,
  type Corpus,
  type DocumentMeta,
  type Note,
  type TermSource,
  originalsFileSchema,
  originalsContextSchema,
  type OriginalsContext,
  ORIGINAL_LANGUAGES,
  type Original,
} from '../schema.ts';

/** Everything the curator writes, validated. */
export interface LexiconSources {
  categories: Category[];
  /** Term families with the category their file names. */
  terms: (TermSource & { category: string; file: string })[];
  /** The corpora, in `corpora.yaml` order. */
  corpora: Corpus[];
  /** Every document of every corpus, with its text, its corpus and its place in it (1-based). */
  documents: (DocumentMeta & { text: string; corpus: string; index: number })[];
  /** The context model's sources (`context.yaml`). */
  context: ContextSource;
  /** Notes by term id. */
  notes: Map<string, (Note & { file: string })[]>;
  /** Chinese and Russian originals by term id (`originals.yaml`). */
  originals: Map<string, Original[]>;
  /** Cues of international affairs in Chinese and Russian (`originals-context.yaml`); none when the file is absent. */
  originalsContext: OriginalsContext;
}

function readYaml(path: string, display: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LexiconError(`${display}: cannot read file (${(error as Error).message})`);
  }
  try {
    return parseYaml(raw, { prettyErrors: true });
  } catch (error) {
    throw new LexiconError(`${display}: invalid YAML: ${(error as Error).message}`);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, display: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const idOf = (i: number): string | undefined => {
    const entry = Array.isArray(data) ? (data[i] as { id?: unknown } | undefined) : undefined;
    return typeof entry?.id === 'string' ? entry.id : undefined;
  };
  throw new LexiconError(describeIssues(display, result.error.issues, idOf));
}

/**
 * Reads and validates the lexicon sources under `dir` (the `lexicon/` folder). Throws a
 * {@link LexiconError} naming the file, the term id and the field of the first bad file.
 */
export function loadSources(dir: string): LexiconSources {
  const rel = (...parts: string[]) => join(basename(dir), ...parts);
  const categories = validate(z.array(categorySchema).min(1), readYaml(join(dir, 'categories.yaml'), rel('categories.yaml')), rel('categories.yaml'));
  const categoryIds = new Set(categories.map((c) => c.id));
  const duplicateCategory = categories.find((c, i) => categories.findIndex((d) => d.id === c.id) !== i);
  if (duplicateCategory) throw new LexiconError(`${rel('categories.yaml')}: category "${duplicateCategory.id}": field "id": is used twice`);

  const terms: LexiconSources['terms'] = [];
  for (const name of readdirSync(join(dir, 'terms')).filter((f) => f.endsWith('.yaml')).sort()) {
    const display = rel('terms', name);
    const category = name.replace(/\.yaml$/, '');
    if (!categoryIds.has(category)) {
      throw new LexiconError(`${display}: field "category": unknown category "${category}" (the file name must be a category id from categories.yaml)`);
    }
    const families = validate(z.array(termSourceSchema), readYaml(join(dir, 'terms', name), display) ?? [], display);
    for (const family of families) terms.push({ ...family, category, file: display });
  }
  const seen = new Map<string, string>();
  for (const term of terms) {
    const other = seen.get(term.id);
    if (other) throw new LexiconError(`${term.file}: term "${term.id}": field "id": already used in ${other}`);
    seen.set(term.id, term.file);
  }
  for (const term of terms) {
    for (const related of term.related) {
      if (!seen.has(related)) throw new LexiconError(`${term.file}: term "${term.id}": field "related": unknown term id "${related}"`);
    }
  }

  const corpora = validate(z.array(corpusSchema).min(1), readYaml(join(dir, 'corpora.yaml'), rel('corpora.yaml')), rel('corpora.yaml'));
  const documents: LexiconSources['documents'] = [];
  for (const corpus of corpora) {
    const folder = join(dir, 'corpus', corpus.id);
    const metaFile = rel('corpus', corpus.id, 'metadata.yaml');
    const metas = validate(z.array(documentMetaSchema).min(1), readYaml(join(folder, 'metadata.yaml'), metaFile), metaFile);
    const listed = new Set(metas.map((m) => m.file));
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      if (!listed.has(file)) throw new LexiconError(`${metaFile}: document "${file}": field "file": the corpus has this document but the metadata does not list it`);
    }
    metas.forEach((meta, i) => {
      let text: string;
      try {
        text = readFileSync(join(folder, meta.file), 'utf8');
      } catch {
        throw new LexiconError(`${metaFile}: document "${meta.file}": field "file": no such file in ${rel('corpus', corpus.id)}`);
      }
      for (const line of meta.furniture) {
        if (!text.includes(line)) throw new LexiconError(`${metaFile}: document "${meta.file}": field "furniture": "${line}" is not in the document`);
      }
      if (documents.some((d) => d.file === meta.file)) throw new LexiconError(`${metaFile}: document "${meta.file}": field "file": another corpus has a document of the same name`);
      documents.push({ ...meta, text, corpus: corpus.id, index: i + 1 });
    });
  }
  const listed = new Set(documents.map((d) => d.file));
  const context = validate(contextSourceSchema, readYaml(join(dir, 'context.yaml'), rel('context.yaml')), rel('context.yaml'));

  const notes = new Map<string, (Note & { file: string })[]>();
  let noteFiles: string[] = [];
  try {
    noteFiles = readdirSync(join(dir, 'notes')).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    noteFiles = [];
  }
  for (const name of noteFiles) {
    const display = rel('notes', name);
    const data = readYaml(join(dir, 'notes', name), display) ?? {};
    const byTerm = validate(z.record(z.string(), z.array(noteSchema)), data, display);
    for (const [termId, list] of Object.entries(byTerm)) {
      if (!seen.has(termId)) throw new LexiconError(`${display}: term "${termId}": unknown term id (no family has it)`);
      for (const [i, note] of list.entries()) {
        if (!listed.has(note.doc)) throw new LexiconError(`${display}: term "${termId}": field "${i}.doc": unknown document "${note.doc}"`);
      }
      notes.set(termId, [...(notes.get(termId) ?? []), ...list.map((n) => ({ ...n, file: display }))]);
    }
  }
  const originals = new Map<string, Original[]>();
  let originalsData: unknown = [];
  try {
    readFileSync(join(dir, 'originals.yaml'));
    originalsData = readYaml(join(dir, 'originals.yaml'), rel('originals.yaml')) ?? [];
  } catch (error) {
    if (error instanceof LexiconError) throw error;
  }
  const originalsList = validate(originalsFileSchema, originalsData, rel('originals.yaml'));
  for (const entry of originalsList) {
    if (!seen.has(entry.id)) throw new LexiconError(`${rel('originals.yaml')}: term "${entry.id}": field "id": unknown term id (no family has it)`);
    if (originals.has(entry.id)) throw new LexiconError(`${rel('originals.yaml')}: term "${entry.id}": field "id": listed twice`);
    const list: Original[] = [];
    for (const lang of Object.keys(ORIGINAL_LANGUAGES) as (keyof typeof ORIGINAL_LANGUAGES)[]) {
      for (const { curator: _curator, ...o } of entry[lang]) list.push({ lang, ...o });
    }
    originals.set(entry.id, list);
  }
  let originalsContext: OriginalsContext = { zh: { cues: [], topics: {} }, ru: { cues: [], topics: {} } };
  if (existsSync(join(dir, 'originals-context.yaml'))) {
    originalsContext = validate(originalsContextSchema, readYaml(join(dir, 'originals-context.yaml'), rel('originals-context.yaml')) ?? {}, rel('originals-context.yaml'));
  }
  return { categories, terms, corpora, documents, notes, context, originals, originalsContext };
}

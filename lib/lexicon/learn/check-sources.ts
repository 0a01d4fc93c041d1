import type { Matcher } from '../../match/create-matcher.ts';
import { LexiconError, WORKING_NOTES, type Original } from '../schema.ts';
import type { SourceFamily } from './compile-families.ts';

/** The fields of a family a reader sees. */
const READER_FIELDS = ['label', 'gloss', 'meaning', 'presupposes', 'origin', 'users', 'neutral', 'untraced'] as const;

/**
 * Fails the build when a field a reader sees carries working notes ("(fact 2)", "not verified",
 * "provenance", "(public record)"…, see `WORKING_NOTES`): they belong in the `curator` field.
 * Curator notes on examples (`notes/`) are checked the same way.
 */
export function checkReaderText(families: readonly SourceFamily[], notes: ReadonlyMap<string, readonly { file: string; note: string }[]>, originals: ReadonlyMap<string, readonly Original[]> = new Map()): void {
  const problems: string[] = [];
  const check = (file: string, who: string, field: string, value: string | undefined) => {
    if (value === undefined) return;
    const hit = WORKING_NOTES.find((re) => re.test(value));
    if (hit) problems.push(`${file}: ${who}: field "${field}": reads like a working note (${hit.source}): "${value.match(hit)![0]}"; move it to the "curator" field`);
  };
  for (const family of families) {
    for (const field of READER_FIELDS) check(family.file, `term "${family.id}"`, field, family[field]);
    family.questions.forEach((q, i) => check(family.file, `term "${family.id}"`, `questions.${i}`, q));
    family.sources.forEach((s, i) => check(family.file, `term "${family.id}"`, `sources.${i}.title`, s.title));
  }
  for (const [id, list] of notes) for (const [i, note] of list.entries()) check(note.file, `term "${id}"`, `${i}.note`, note.note);
  for (const [id, list] of originals) {
    for (const [i, o] of list.entries()) {
      for (const field of ['note', 'inflects'] as const) check('lexicon/originals.yaml', `term "${id}"`, `${o.lang}.${i}.${field}`, o[field]);
    }
  }
  if (problems.length > 0) throw new LexiconError(problems.join('\n'));
}

/**
 * Fails the build when a family's neutral wording is itself one of the family's own patterns: the
 * wording a reporter could use instead cannot be the framing it replaces. Each `;`-separated
 * wording is matched with the lexicon's own matcher.
 */
export function checkNeutralWording(families: readonly SourceFamily[], matcher: Matcher, entries: readonly number[]): void {
  const problems: string[] = [];
  families.forEach((family, term) => {
    for (const wording of family.neutral.split(';').map((w) => w.trim()).filter(Boolean)) {
      for (const m of matcher.findMatches(wording)) {
        if (entries[3 * m.entry] === term) {
          problems.push(`${family.file}: term "${family.id}": field "neutral": "${wording}" holds "${wording.slice(m.start, m.end)}", a pattern of this same family; a neutral wording must not be the framing it replaces`);
        }
      }
    }
  });
  if (problems.length > 0) throw new LexiconError(problems.join('\n'));
}

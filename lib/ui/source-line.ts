import type { Corpus, ShippedDocument } from '../lexicon/schema.ts';

const NOT_STATED = /^not stated\b/i;

/**
 * One line that says where a corpus example comes from, in words a reader can check. Fields the
 * document does not state are said to be not stated, never filled in:
 * "“The Administration’s Approach to the People’s Republic of China”, speech (excerpt), by Antony
 * J. Blinken, Secretary of State; U.S. Department of State, 2022-05-26. Official statements
 * corpus, document 1 of 21." or "Untitled commentary; author, outlet and date not stated.
 * Commentary corpus, document 1 of 5."
 */
export function sourceLine(doc: ShippedDocument, corpora: readonly Corpus[], documents: readonly ShippedDocument[]): string {
  const corpus = corpora.find((c) => c.id === doc.corpus);
  const total = documents.filter((d) => d.corpus === doc.corpus).length;
  const unstated: string[] = [];
  const head: string[] = [];
  if (NOT_STATED.test(doc.title)) head.push(`Untitled ${doc.kind ?? 'document'}`);
  else head.push(`“${doc.title}”`, ...(doc.kind ? [doc.kind] : []));
  if (/^not stated$/i.test(doc.author.trim())) unstated.push('author');
  else if (NOT_STATED.test(doc.author)) head.push(`author ${doc.author.trim()}`);
  else head.push(`by ${doc.author}`);
  const tail: string[] = [];
  for (const [field, value] of [['outlet', doc.outlet], ['date', doc.date]] as const) {
    if (NOT_STATED.test(value)) unstated.push(field);
    else tail.push(value);
  }
  const missing = unstated.length === 0 ? '' : `${unstated.length === 1 ? unstated[0] : `${unstated.slice(0, -1).join(', ')} and ${unstated.at(-1)}`} not stated`;
  const second = [tail.join(', '), missing].filter(Boolean).join('; ');
  return `${head.join(', ')}${second ? `; ${second}` : ''}. ${corpus?.label ?? doc.corpus}, document ${doc.index} of ${total}.`;
}

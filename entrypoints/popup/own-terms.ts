import glossaryJson from '../../lexicon/generated/glossary.json';
import { loadUserTerms } from '../../lib/ext/user-terms-item.ts';
import type { GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import { glossaryWithUserTerms, type UserTerm } from '../../lib/user-terms/user-terms.ts';

const shipped = glossaryJson as GlossaryLexicon;

/** The glossary every extension page starts from: the lexicon's families, then the reader's own terms. */
export async function loadGlossary(): Promise<{ glossary: GlossaryLexicon; userTerms: UserTerm[] }> {
  const userTerms = await loadUserTerms(new Set(shipped.categories.map((c) => c.id)));
  return { glossary: glossaryWithUserTerms(shipped, userTerms), userTerms };
}

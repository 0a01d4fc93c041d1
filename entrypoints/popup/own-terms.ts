import glossaryJson from '../../lexicon/generated/glossary.json';
import { loadUserDocuments, userDocumentsItem } from '../../lib/ext/user-documents-item.ts';
import { loadUserTerms, userTermsItem } from '../../lib/ext/user-terms-item.ts';
import type { GlossaryLexicon } from '../../lib/lexicon/schema.ts';
import type { OwnCategory } from '../../lib/user-terms/own-categories.ts';
import type { UserDocument } from '../../lib/user-terms/user-documents.ts';
import { glossaryWithUserTerms, type UserTerm } from '../../lib/user-terms/user-terms.ts';

const shipped = glossaryJson as GlossaryLexicon;

/** The glossary every extension page starts from (the lexicon's families, then the reader's own terms), and what the reader's documents taught. */
export async function loadGlossary(): Promise<{ glossary: GlossaryLexicon; userTerms: UserTerm[]; ownCategories: OwnCategory[]; userDocuments: UserDocument[] }> {
  const [stored, userDocuments] = await Promise.all([loadUserTerms(new Set(shipped.categories.map((c) => c.id))), loadUserDocuments()]);
  return { glossary: glossaryWithUserTerms(shipped, stored.terms, stored.categories), userTerms: stored.terms, ownCategories: stored.categories, userDocuments };
}

/** The lexicon's categories alone (the options page offers them beside the reader's own). */
export const shippedCategories = shipped.categories;

/**
 * For pages that stay open (the side panel, the explanation tab): when the reader changes their
 * own terms, categories or documents in the options page, read everything again, so new terms
 * are named and their documents' examples shown.
 */
export function reloadWhenOwnDataChanges(): void {
  userTermsItem.watch(() => location.reload());
  userDocumentsItem.watch(() => location.reload());
}

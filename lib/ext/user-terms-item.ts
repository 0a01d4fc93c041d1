import { storage } from 'wxt/utils/storage';
import type { OwnCategory } from '../user-terms/own-categories.ts';
import { parseStoredUserTerms, USER_TERMS_VERSION, type StoredUserTerms, type UserTerm } from '../user-terms/user-terms.ts';
import { warn } from './warn.ts';

/** The reader's own terms and categories, one stored item, versioned. Read it through {@link loadUserTerms}. */
export const userTermsItem = storage.defineItem<unknown>('local:userTerms', {
  fallback: { terms: [], categories: [] },
  version: USER_TERMS_VERSION,
});

function repaired(raw: unknown, categories: ReadonlySet<string>): StoredUserTerms {
  const { terms, categories: own, warnings } = parseStoredUserTerms(raw, categories);
  for (const warning of warnings) warn(warning);
  return { terms, categories: own };
}

/** The stored own terms and categories that are sound (each one left out logs a console warning). */
export async function loadUserTerms(categories: ReadonlySet<string>): Promise<StoredUserTerms> {
  try {
    return repaired(await userTermsItem.getValue(), categories);
  } catch (error) {
    warn(`your terms: cannot read them (${(error as Error).message}); none are used`);
    return { terms: [], categories: [] };
  }
}

/** Calls `listener` with the repaired list whenever it changes; returns the unwatch function. */
export function watchUserTerms(categories: ReadonlySet<string>, listener: (stored: StoredUserTerms) => void): () => void {
  return userTermsItem.watch((raw) => listener(repaired(raw, categories)));
}

/** Stores the terms with the categories of the reader's that they use. */
export function saveUserTerms(terms: readonly UserTerm[], categories: readonly OwnCategory[]): Promise<void> {
  return userTermsItem.setValue({ terms, categories: categories.filter((c) => terms.some((t) => t.category === c.id)) });
}

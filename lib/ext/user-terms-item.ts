import { storage } from 'wxt/utils/storage';
import { parseStoredUserTerms, USER_TERMS_VERSION, type UserTerm } from '../user-terms/user-terms.ts';

/** The reader's own terms, one stored item, versioned. Read it through {@link loadUserTerms}. */
export const userTermsItem = storage.defineItem<unknown>('local:userTerms', {
  fallback: { terms: [] },
  version: USER_TERMS_VERSION,
});

function repaired(raw: unknown, categories: ReadonlySet<string>): UserTerm[] {
  const { terms, warnings } = parseStoredUserTerms(raw, categories);
  for (const warning of warnings) console.warn(`[Framing Lens] ${warning}`);
  return terms;
}

/** The stored own terms whose shape and category are sound (each one left out logs a console warning). */
export async function loadUserTerms(categories: ReadonlySet<string>): Promise<UserTerm[]> {
  try {
    return repaired(await userTermsItem.getValue(), categories);
  } catch (error) {
    console.warn(`[Framing Lens] your terms: cannot read them (${(error as Error).message}); none are used`);
    return [];
  }
}

/** Calls `listener` with the repaired list whenever it changes; returns the unwatch function. */
export function watchUserTerms(categories: ReadonlySet<string>, listener: (terms: UserTerm[]) => void): () => void {
  return userTermsItem.watch((raw) => listener(repaired(raw, categories)));
}

/** Stores the list. */
export function saveUserTerms(terms: readonly UserTerm[]): Promise<void> {
  return userTermsItem.setValue({ terms });
}

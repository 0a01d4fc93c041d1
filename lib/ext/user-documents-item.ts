import { storage } from 'wxt/utils/storage';
import { parseStoredDocuments, USER_DOCUMENTS_VERSION, type UserDocument } from '../user-terms/user-documents.ts';
import { warn } from './warn.ts';

/** What Framing Lens learned from the reader's own documents, one stored item, versioned. */
export const userDocumentsItem = storage.defineItem<unknown>('local:userDocuments', {
  fallback: { documents: [] },
  version: USER_DOCUMENTS_VERSION,
});

/** The stored documents that are sound (each one left out logs a console warning). */
export async function loadUserDocuments(): Promise<UserDocument[]> {
  try {
    const { documents, warnings } = parseStoredDocuments(await userDocumentsItem.getValue());
    for (const warning of warnings) warn(warning);
    return documents;
  } catch (error) {
    warn(`your documents: cannot read them (${(error as Error).message}); none are used`);
    return [];
  }
}

/** Stores the list. */
export function saveUserDocuments(documents: readonly UserDocument[]): Promise<void> {
  return userDocumentsItem.setValue({ documents });
}

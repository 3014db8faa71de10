import { useState } from 'react';
import type { z } from 'zod';
import { readDraft } from '../../lib/drafts';

/** This window's copy of a draft form, when it holds more than the server has. */
export function useLocalCopy<T>(key: string, schema: z.ZodType<T>, fromServer: T): T | null {
  const [restored] = useState(() => {
    const parsed = schema.safeParse(readDraft(key));
    if (!parsed.success) return null;
    return JSON.stringify(parsed.data) === JSON.stringify(fromServer) ? null : parsed.data;
  });
  return restored;
}

/** Where a draft version's form is kept in this window. */
export function localCopyKey(versionId: number): string {
  return `record-version-${versionId}`;
}

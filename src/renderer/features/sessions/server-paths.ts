/**
 * Where a problem the server reports belongs on the form: the server names its own input
 * ("entry.content.reason", "checklist.ivSite", "occurredAt"), the form its fields.
 */
const aliases: Readonly<Record<string, string>> = {
  'content.onsetAt': 'content.onset.time',
  'content.physicianNotified.name': 'content.physicianName',
  'content.physicianNotified.at': 'content.physicianAt.time',
};

export function formPath(serverPath: string): string {
  const path = contentPath(serverPath);
  return aliases[path] ?? path;
}

function contentPath(serverPath: string): string {
  if (serverPath === 'occurredAt') return 'when.time';
  if (serverPath === 'reason') return 'correctionReason';
  if (serverPath === 'witness' || serverPath.startsWith('witness.')) return 'witness.username';
  for (const prefix of ['entry.content.', 'checklist.']) {
    if (serverPath.startsWith(prefix)) return `content.${serverPath.slice(prefix.length)}`;
  }
  return serverPath;
}

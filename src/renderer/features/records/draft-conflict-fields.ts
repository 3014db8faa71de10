import type { RecordType } from '../../../domain/record';
import { fieldLabel } from './field-labels';

/** The changed fields of a refused draft save, as labels, each once, in the order given. */
export function draftConflictFields(type: RecordType, paths: readonly string[]): string[] {
  const labels = paths.map((path) => fieldLabel(type, path, (index) => `question ${index + 1}`));
  return [...new Set(labels)];
}

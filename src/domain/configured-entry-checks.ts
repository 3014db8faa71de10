import type { Discharge } from './infusion-session';
import type { Scales } from './scales';
import { scaleDefinitions } from './scales';
import type { PreSessionScaleId, PreSessionScales } from './session-configuration';
import { preSessionScaleIds } from './session-configuration';

/**
 * Whether a charted entry matches what the clinic asks. The same rules run in the form (to
 * show and require the right fields) and on the server (to refuse a stale or forged entry).
 */

export interface EntryProblem {
  /** Relative to the entry's content, e.g. "criteria" or "scales.pcl5". */
  path: string;
  message: string;
}

const scaleName = (scale: PreSessionScaleId) => (scale === 'painNrs' ? 'a pain score' : scaleDefinitions[scale].name);

/**
 * The scales a checklist form shows, and whether pain must be scored. A new checklist asks
 * what the clinic asks now; a correction also keeps what the corrected checklist recorded,
 * and asks pain only if that one did, since the clinic's list may have changed since.
 */
export function checklistScalesFor(
  asked: PreSessionScales,
  original: Scales | null,
): { shown: ReadonlySet<PreSessionScaleId>; painRequired: boolean } {
  const shown = new Set(preSessionScaleIds.filter((scale) => asked[scale] || (original?.[scale] ?? null) !== null));
  return { shown, painRequired: original === null ? asked.painNrs : original.painNrs !== null };
}

export function checklistScaleProblems(
  scales: Scales,
  asked: PreSessionScales,
  original: Scales | null,
): EntryProblem[] {
  const { shown, painRequired } = checklistScalesFor(asked, original);
  const problems: EntryProblem[] = [];
  for (const scale of preSessionScaleIds) {
    if (scales[scale] !== null && !shown.has(scale)) {
      problems.push({
        path: `scales.${scale}`,
        message: `Your clinic does not record ${scaleName(scale)} before a session. Leave it out.`,
      });
    }
  }
  if (painRequired && scales.painNrs === null) {
    problems.push({ path: 'scales.painNrs', message: 'Choose the pain score now (0–10)' });
  }
  return problems;
}

type Criteria = readonly { itemId: string; label: string }[];

const stale =
  'The list changed since this form was opened: cancel, then record the discharge again to see the current list.';

/** The first way `charted` differs from `expected` (same criteria, same wording), or null. */
function criteriaMismatch(charted: Criteria, expected: Criteria): string | null {
  const wanted = new Map(expected.map((criterion) => [criterion.itemId, criterion.label]));
  const seen = new Set<string>();
  for (const criterion of charted) {
    if (seen.has(criterion.itemId)) return `The criterion “${criterion.label}” is listed twice.`;
    seen.add(criterion.itemId);
    const label = wanted.get(criterion.itemId);
    if (label === undefined) {
      return `“${criterion.label}” is not one of your clinic's discharge criteria now. ${stale}`;
    }
    if (label !== criterion.label) {
      return `Your clinic's discharge criterion “${criterion.label}” now reads “${label}”. ${stale}`;
    }
  }
  const missing = expected.find((criterion) => !seen.has(criterion.itemId));
  return missing === undefined ? null : `Your clinic's discharge criterion “${missing.label}” is missing. ${stale}`;
}

/**
 * A discharge is charted against the clinic's criteria in force; a correction may instead
 * keep the criteria of the discharge it corrects, worded as they were then.
 */
export function dischargeCriteriaProblems(
  discharge: Pick<Discharge, 'criteria'>,
  inForce: Criteria,
  original: Pick<Discharge, 'criteria'> | null,
): EntryProblem[] {
  const problem = criteriaMismatch(discharge.criteria, inForce);
  if (problem === null) return [];
  if (original !== null && criteriaMismatch(discharge.criteria, original.criteria) === null) return [];
  return [{ path: 'criteria', message: problem }];
}

import type { FieldIssue } from '../../../contract/errors';
import { drawInputSchema } from '../../../domain/register';
import { parseDecimal } from '../../lib/parse-fields';

/** One row of "Drawn from": a register container and the volume drawn from it, as typed. */
export interface DrawValues {
  containerId: string;
  volumeMl: string;
}

/** What the start sends to the register: the rows with a container chosen. */
export interface SessionDrawInput {
  containerId: number;
  volumeMl: string;
}

/** Two rows: an infusion rarely needs more than a second vial. */
export const emptyDraws: DrawValues[] = [
  { containerId: '', volumeMl: '' },
  { containerId: '', volumeMl: '' },
];

/** Whether any container is chosen (then the lot and expiry come from the register). */
export function drawsChosen(draws: readonly DrawValues[] | undefined): boolean {
  return (draws ?? []).some((row) => row.containerId !== '');
}

/** The chosen rows, each needing its volume; problems are noted against the row's field. */
export function drawsFrom(draws: readonly DrawValues[] | undefined, issues: FieldIssue[]): SessionDrawInput[] {
  const chosen: SessionDrawInput[] = [];
  (draws ?? []).forEach((row, index) => {
    if (row.containerId === '') return;
    const path = `draws.${index}.volumeMl`;
    if (row.volumeMl.trim() === '') {
      issues.push({ path, message: 'Enter the volume drawn from this container in mL' });
      return;
    }
    const volumeMl = parseDecimal(row.volumeMl, drawInputSchema.shape.volumeMl, path, issues);
    if (volumeMl !== null) chosen.push({ containerId: Number(row.containerId), volumeMl });
  });
  return chosen;
}

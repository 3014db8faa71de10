import { cadss6Items } from '../../domain/infusion-session';
import { coding, ledgerSystems } from './code-systems';
import type { ObservationCode } from './loinc';

const score = { code: '{score}', display: 'score' } as const;
const ledger = (code: string, display: string) => coding(ledgerSystems.observationCode, code, display);

/**
 * What sessions chart beyond vital signs and pain. MOAA/S, CADSS-6 and a four-level nausea
 * grade have no LOINC or SNOMED code we could confirm, and a guessed code would be worse than
 * none: they carry Dosing Ledger's own codes, and the text says exactly what was scored.
 * (Pain uses LOINC 72514-3 from loinc.ts, as exams do.)
 */
export const sessionObservationCodes = {
  sedation: {
    kind: 'sedation',
    codings: [ledger('moaas', 'Modified Observer’s Assessment of Alertness/Sedation (MOAA/S) score')],
    text: 'Sedation, MOAA/S (0–5; 5 = responds readily to name)',
    unit: score,
    category: 'survey',
  },
  cadss6: {
    kind: 'cadss6',
    codings: [ledger('cadss6', 'CADSS-6 dissociation short form total score')],
    text: 'Dissociation, CADSS-6 total (6 items, each 0–4)',
    unit: score,
    category: 'survey',
  },
  nausea: {
    kind: 'nausea',
    codings: [ledger('nausea', 'Nausea severity')],
    text: 'Nausea (none, mild, moderate, severe)',
    category: 'survey',
  },
} as const satisfies Record<string, ObservationCode>;

export const scoreUnit = score;

/** One component per CADSS-6 item, so the item answers survive next to the total. */
export const cadss6ItemCodes = cadss6Items.map((item, position) => ({
  codings: [ledger(`cadss6-item-${position + 1}`, item)],
  text: `CADSS-6 item ${position + 1}: ${item}`,
}));

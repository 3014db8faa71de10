import type { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import { formularyContentSchema } from '../../../domain/formulary';
import { limitedQuantityNames } from '../../../domain/limits';
import type { FormularyFormValues, RangeValues } from './formulary-form-values';
import { boundNames } from './formulary-form-values';

type FormularyInput = z.input<typeof formularyContentSchema>;

/** "Ketamine hydrochloride" → "ketamine-hydrochloride": a code made from a name left without one. */
export function codeFrom(text: string, taken: ReadonlySet<string>, maxLength: number): string {
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength - 3)
      .replace(/-+$/, '') || 'item';
  let code = base;
  for (let suffix = 2; taken.has(code); suffix += 1) code = `${base}-${suffix}`;
  return code;
}

const bound = (value: string) => (value.trim() === '' ? null : value.trim());

function days(value: string, path: string, issues: FieldIssue[]): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed) || Number(trimmed) > 3650) {
    issues.push({ path, message: 'Enter whole days from 0 to 3,650, e.g. 30, or leave it empty' });
    return null;
  }
  return Number(trimmed);
}

function range(values: RangeValues) {
  return Object.fromEntries(boundNames.map((name) => [name, bound(values[name])])) as Record<
    keyof RangeValues,
    string | null
  >;
}

function pumpsFrom(values: FormularyFormValues['pumps']): NonNullable<FormularyInput['pumps']> {
  const codes = new Set(values.map((pump) => pump.code.trim()).filter((code) => code !== ''));
  return values.map((pump) => {
    let id = pump.code.trim();
    if (id === '' && pump.name.trim() !== '') {
      id = codeFrom(pump.name, codes, 40);
      codes.add(id);
    }
    // An unchosen kind or step is sent as typed, for the schema to word its message.
    return { id, name: pump.name, kind: pump.kind, rateStepMlPerH: pump.rateStepMlPerH } as NonNullable<
      FormularyInput['pumps']
    >[number];
  });
}

/**
 * The content to save, with codes made from names where none was typed. Problems found
 * here (whole days) come back as issues with the form's own paths.
 */
export function formularyContentFrom(values: FormularyFormValues): { content: FormularyInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const drugCodes = new Set(values.drugs.map((drug) => drug.code.trim()).filter((code) => code !== ''));
  const itemCodes = new Set(values.screeningItems.map((item) => item.code.trim()).filter((code) => code !== ''));
  const content: FormularyInput = {
    drugs: values.drugs.map((drug, index) => {
      let id = drug.code.trim();
      if (id === '' && drug.name.trim() !== '') {
        id = codeFrom(drug.name, drugCodes, 40);
        drugCodes.add(id);
      }
      return {
        id,
        name: drug.name,
        // Left empty, no code at all: the member is left out, as in versions saved before it existed.
        ...(drug.rxNormCode.trim() === '' ? {} : { rxNormCode: drug.rxNormCode.trim() }),
        // All rows empty reads "add at least one"; otherwise each row answers for itself.
        concentrationsMgPerMl: drug.concentrations.every((row) => row.value.trim() === '')
          ? []
          : drug.concentrations.map((row) => row.value.trim()),
        limits: {
          ...(Object.fromEntries(limitedQuantityNames.map((name) => [name, range(drug.limits[name])])) as Record<
            (typeof limitedQuantityNames)[number],
            ReturnType<typeof range>
          >),
          weightMaxAgeDays: {
            soft: days(drug.limits.weightMaxAgeDays.soft, `drugs.${index}.limits.weightMaxAgeDays.soft`, issues),
            hard: days(drug.limits.weightMaxAgeDays.hard, `drugs.${index}.limits.weightMaxAgeDays.hard`, issues),
          },
        },
      };
    }),
    screeningItems: values.screeningItems.map((item) => {
      let id = item.code.trim();
      if (id === '' && item.label.trim() !== '') {
        id = codeFrom(item.label, itemCodes, 64);
        itemCodes.add(id);
      }
      return { id, label: item.label };
    }),
    // Left out when none is listed, as in versions saved before pumps were.
    ...(values.pumps.length === 0 ? {} : { pumps: pumpsFrom(values.pumps) }),
  };
  return { content, issues };
}

/** The server's and the schema's paths ("drugs.0.concentrationsMgPerMl.1") as the form's. */
export function formPath(path: string): string {
  return path
    .replace(/^(drugs|screeningItems|pumps)\.(\d+)\.id$/, '$1.$2.code')
    .replace(/^(drugs\.\d+\.)concentrationsMgPerMl(\.(\d+))?/, (_, drug: string, __, row?: string) =>
      row === undefined ? `${drug}concentrations` : `${drug}concentrations.${row}.value`,
    );
}

/** Every problem the domain schema finds, in the form's paths, before anything is sent. */
export function checkFormulary(values: FormularyFormValues): { content: FormularyInput; issues: FieldIssue[] } {
  const { content, issues } = formularyContentFrom(values);
  const parsed = formularyContentSchema.safeParse(content);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join('.'));
      if (!issues.some((known) => known.path === path)) issues.push({ path, message: issue.message });
    }
  }
  return { content, issues };
}

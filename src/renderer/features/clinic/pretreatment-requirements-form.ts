import { z } from 'zod';
import type { PretreatmentRequirements } from '../../../domain/pretreatment-requirements';
import { pretreatmentKinds } from '../../../domain/pretreatment-results';
import { newCriterionId } from '../../../domain/session-configuration';

/**
 * The clinic's pre-treatment requirements as typed. A required row names a kind, or one of the
 * clinic's items by its place in the list (`item:2`), since an item added here has no code
 * until it is saved. Indications are ICD-10 codes or their start, separated by commas; none
 * means every indication. A local copy saved before requirements existed restores with none.
 */
export const pretreatmentRequirementsFormSchema = z
  .object({
    items: z.array(z.object({ code: z.string(), label: z.string() })),
    required: z.array(z.object({ requirement: z.string(), indications: z.string(), maxAgeDays: z.string() })),
  })
  .default({ items: [], required: [] });
export type PretreatmentRequirementsForm = z.infer<typeof pretreatmentRequirementsFormSchema>;

export function pretreatmentRequirementsFormValues(
  requirements: PretreatmentRequirements | undefined,
): PretreatmentRequirementsForm {
  const items = requirements?.items ?? [];
  return {
    items: items.map((item) => ({ code: item.itemId, label: item.label })),
    required: (requirements?.required ?? []).map((requirement) => ({
      requirement:
        requirement.kind === 'clinic-item'
          ? `item:${items.findIndex((item) => item.itemId === requirement.itemId)}`
          : requirement.kind,
      indications: requirement.indications === 'all' ? '' : requirement.indications.join(', '),
      maxAgeDays: String(requirement.maxAgeDays),
    })),
  };
}

/** Nothing stored while nothing is configured, so a clinic that never set any stores what it did before. */
export function pretreatmentRequirementsContent(form: PretreatmentRequirementsForm): {
  pretreatmentRequirements?: PretreatmentRequirements;
} {
  if (form.items.length === 0 && form.required.length === 0) return {};
  const taken = new Set(form.items.map((item) => item.code).filter((code) => code !== ''));
  const items = form.items.map((item) => {
    let itemId = item.code;
    if (itemId === '') {
      itemId = newCriterionId(item.label, taken);
      taken.add(itemId);
    }
    return { itemId, label: item.label.trim() };
  });
  const required = form.required.map((row) => {
    const codes = row.indications
      .split(/[,;\s]+/)
      .map((code) => code.trim().toUpperCase())
      .filter((code) => code !== '');
    const indications = codes.length === 0 ? ('all' as const) : codes;
    const typed = row.maxAgeDays.trim();
    // A figure that does not read is sent as it is, for the schema to word the problem.
    const maxAgeDays = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
    const item = /^item:(\d+)$/.exec(row.requirement);
    if (item !== null) {
      return { kind: 'clinic-item' as const, itemId: items[Number(item[1])]?.itemId ?? '', indications, maxAgeDays };
    }
    const kind = pretreatmentKinds.find((candidate) => candidate === row.requirement) ?? 'ecg';
    return { kind, indications, maxAgeDays };
  });
  return { pretreatmentRequirements: { items, required } };
}

/** The schema's paths ("pretreatmentRequirements.items.2.itemId") as the form's. */
export function pretreatmentRequirementsFormPath(path: string): string {
  return path
    .replace(/^pretreatmentRequirements\.items(\.\d+)\.itemId$/, 'pretreatment.items$1.label')
    .replace(/^pretreatmentRequirements\.required(\.\d+)\.(kind|itemId)$/, 'pretreatment.required$1.requirement')
    .replace(/^pretreatmentRequirements/, 'pretreatment');
}

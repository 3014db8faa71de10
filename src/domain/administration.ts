import { formatQuantity } from './quantity';
import type { PumpKind } from './pump';

/**
 * How the drug reaches the patient: in a bag with diluent on an infusion pump, in a syringe
 * made up with diluent on a syringe driver, or undiluted in a syringe on a syringe driver.
 */
export const administrationMethods = ['bag', 'syringe', 'undiluted'] as const;
export type Administration = (typeof administrationMethods)[number];

export const administrationLabels: Record<Administration, string> = {
  bag: 'In an infusion bag with diluent (infusion pump)',
  syringe: 'In a syringe made up with diluent (syringe driver)',
  undiluted: 'Undiluted in a syringe (syringe driver)',
};

export const pumpKindFor: Record<Administration, PumpKind> = {
  bag: 'infusion-pump',
  syringe: 'syringe-driver',
  undiluted: 'syringe-driver',
};

/** What the nurse infuses, by method: the figure labelled as what it is. */
export const finalVolumeLabels: Record<Administration, string> = {
  bag: 'Final bag volume',
  syringe: 'Final syringe volume',
  undiluted: 'Volume to infuse',
};

export interface AdministrationContent {
  /** Absent in plans saved before the choice existed: every one of them was a bag. */
  administration?: Administration | null;
  diluent: string;
  diluentVolumeMl: string | null;
  syringeVolumeMl?: string | null;
}

/** The method a plan uses; null while a new draft has not chosen one. */
export function administrationOf(content: Pick<AdministrationContent, 'administration'>): Administration | null {
  return content.administration === undefined ? 'bag' : content.administration;
}

/**
 * "In 100 mL of 0.9% sodium chloride", "Made up to 20 mL with 0.9% sodium chloride",
 * "Undiluted": how the drawn-up drug is prepared, in the plan's own words.
 */
export function preparationText(content: AdministrationContent): string {
  const diluent = content.diluent.trim();
  switch (administrationOf(content)) {
    case 'bag': {
      if (content.diluentVolumeMl === null) return diluent === '' ? 'Diluent not entered' : `In ${diluent}`;
      const volume = formatQuantity(content.diluentVolumeMl, 'mL');
      return diluent === '' ? `In ${volume} of diluent` : `In ${volume} of ${diluent}`;
    }
    case 'syringe': {
      const volume =
        content.syringeVolumeMl == null ? 'a volume not entered' : formatQuantity(content.syringeVolumeMl, 'mL');
      return `Made up to ${volume} with ${diluent === '' ? 'diluent' : diluent} in the syringe`;
    }
    case 'undiluted':
      return 'Undiluted, in the syringe';
    case null:
      return 'How it is given is not chosen yet';
  }
}

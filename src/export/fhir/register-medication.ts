import { formatNumber, formatQuantity } from '../../domain/quantity';
import { applyDelta, difference, zeroBalance } from '../../domain/register-balance';
import type { Balance } from '../../domain/register-balance';
import { formatLotExpiry } from '../../domain/lot-expiry';
import type { RegisterContainerRecord, RegisterEntryRecord } from '../register-snapshot';
import { coding, ledgerSystems, systems } from './code-systems';
import type { Annotation, Identifier, Reference } from './datatypes';
import { quantity } from './dosage';
import { reference } from './ids';
import type { FhirMapContext, FhirMapper } from './mapper';
import type { Medication } from './medication';

/**
 * One Medication per container of the controlled-substance register (a vial: drug, strength,
 * lot and expiry), so that an infusion's MedicationAdministration can point at the vials its
 * drug was drawn from. Not contained: a vial exists on its own and serves many sessions.
 */
type ContainerMedication = Medication & { identifier: Identifier[] };

export const registerMedicationId = (containerId: number) => `register-container-${containerId}`;

function containerMedication(container: RegisterContainerRecord): ContainerMedication {
  const codings = container.rxNormCode === null ? undefined : [coding(systems.rxnorm, container.rxNormCode)];
  const numerator = quantity(container.concentrationMgPerMl, 'mg');
  const denominator = quantity('1', 'mL');
  const strength = numerator === undefined || denominator === undefined ? undefined : { numerator, denominator };
  return {
    resourceType: 'Medication',
    id: registerMedicationId(container.id),
    identifier: [{ system: ledgerSystems.registerContainer, value: container.label }],
    code: {
      coding: codings,
      text: `${container.drugName} ${formatNumber(container.concentrationMgPerMl)} mg/mL, ${formatQuantity(container.volumeMl, 'mL')} vial`,
    },
    ingredient: [{ itemCodeableConcept: { coding: codings, text: container.drugName }, isActive: true, strength }],
    batch: { lotNumber: container.lotNumber, expirationDate: container.lotExpiry },
  };
}

export const registerMedicationMapper: FhirMapper = {
  name: 'register-medication',
  scope: 'clinic',
  types: ['Medication'],
  map: ({ index }) => (index.snapshot.register?.containers ?? []).map(containerMedication),
};

/** What a session drew from one container and wasted of it, corrections folded in (as sessionUse does). */
function useByContainer(entries: readonly RegisterEntryRecord[]): Map<number, { drawn: Balance; wasted: Balance }> {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const use = new Map<number, { drawn: Balance; wasted: Balance }>();
  for (const entry of entries) {
    const kind = entry.kind === 'correction' ? byId.get(entry.refersToEntryId ?? -1)?.kind : entry.kind;
    const current = use.get(entry.containerId) ?? { drawn: zeroBalance, wasted: zeroBalance };
    if (kind === 'drawn') {
      current.drawn = difference(current.drawn, { ml: entry.deltaMl, mg: entry.deltaMg });
    } else if (kind === 'wasted') {
      const details = JSON.parse(entry.details) as { wastedMl?: string; wastedMg?: string };
      current.wasted = applyDelta(current.wasted, { ml: details.wastedMl ?? '0', mg: details.wastedMg ?? '0' });
    } else {
      continue;
    }
    use.set(entry.containerId, current);
  }
  return use;
}

/**
 * The vials an infusion's drug was drawn from, for its MedicationAdministration: references to
 * their Medication (supportingInformation) and a note per vial with what was drawn and wasted.
 */
export function registerLinks(
  context: FhirMapContext,
  sessionId: number,
): { supportingInformation?: Reference[]; notes: Annotation[] } {
  const register = context.index.snapshot.register;
  if (register === undefined) return { notes: [] };
  const entries = register.entries.filter((entry) => entry.sessionId === sessionId);
  const containers = new Map(register.containers.map((container) => [container.id, container]));
  const references: Reference[] = [];
  const notes: Annotation[] = [];
  for (const [containerId, use] of useByContainer(entries)) {
    const container = containers.get(containerId);
    const id = registerMedicationId(containerId);
    if (container === undefined || !context.produced.has(`Medication/${id}`)) continue;
    references.push(reference('Medication', id, `Container ${container.label}`));
    notes.push({
      text: `Drawn from container ${container.label} (lot ${container.lotNumber}, expires ${formatLotExpiry(container.lotExpiry)}): ${formatQuantity(use.drawn.ml, 'mL')} (${formatQuantity(use.drawn.mg, 'mg')}), of which ${formatQuantity(use.wasted.mg, 'mg')} wasted.`,
    });
  }
  return { ...(references.length === 0 ? {} : { supportingInformation: references }), notes };
}

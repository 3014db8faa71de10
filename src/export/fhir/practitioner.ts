import type { Role } from '../../domain/roles';
import { roleLabels } from '../../domain/roles';
import type { ExportUser } from '../snapshot';
import { coding, ledgerSystems, systems } from './code-systems';
import type { CodeableConcept, FhirResource, HumanName, Identifier, Reference } from './datatypes';
import { ids, reference } from './ids';
import type { FhirMapper } from './mapper';
import { organizationReference } from './references';

export interface Practitioner extends FhirResource {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  active: boolean;
  name: HumanName[];
  qualification?: { code: CodeableConcept }[];
}

export interface PractitionerRole extends FhirResource {
  resourceType: 'PractitionerRole';
  active: boolean;
  practitioner: Reference;
  organization: Reference;
  code: CodeableConcept[];
}

/** Standard role codes exist for two of the four app roles; the others travel as text. */
const roleCodes: Partial<Record<Role, { code: string; display: string }>> = {
  physician: { code: 'doctor', display: 'Doctor' },
  nurse: { code: 'nurse', display: 'Nurse' },
};

/**
 * The display name is stored as one string ("Ana Ruiz"); splitting it into family and given
 * names would be a guess that is wrong for many cultures, so it travels as HumanName.text.
 */
function practitioner(user: ExportUser): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: ids.practitioner(user.id),
    identifier: [{ system: ledgerSystems.username, value: user.username }],
    active: user.active,
    name: [{ use: 'official', text: user.displayName }],
    // "DO, PhD" is two qualifications; each keeps its text exactly as the clinic typed it.
    qualification: user.credentials
      .split(',')
      .map((credential) => credential.trim())
      .filter((credential) => credential !== '')
      .map((credential) => ({ code: { text: credential } })),
  };
}

function practitionerRole(user: ExportUser, organization: Reference): PractitionerRole {
  const code = roleCodes[user.role];
  return {
    resourceType: 'PractitionerRole',
    id: ids.practitionerRole(user.id),
    active: user.active,
    practitioner: reference('Practitioner', ids.practitioner(user.id), user.displayName),
    organization,
    code: [
      {
        coding: code === undefined ? undefined : [coding(systems.practitionerRole, code.code, code.display)],
        text: roleLabels[user.role],
      },
    ],
  };
}

/**
 * Every user is a Practitioner (with their app role as PractitionerRole), admins and
 * auditors included: AuditEvent agents must point at someone, and they act in the record.
 */
export const practitionerMapper: FhirMapper = {
  name: 'practitioner',
  scope: 'clinic',
  types: ['Practitioner', 'PractitionerRole'],
  map({ index }) {
    const organization = organizationReference(index);
    return index.snapshot.users.flatMap((user) => [practitioner(user), practitionerRole(user, organization)]);
  },
};

import type { Address, FhirResource, Reference } from './datatypes';
import { ids } from './ids';
import type { FhirMapper } from './mapper';
import { organizationReference } from './references';

export interface Organization extends FhirResource {
  resourceType: 'Organization';
  active: boolean;
  name: string;
  address?: Address[];
}

/** The software that kept the records: the observer of every AuditEvent. */
export interface Device extends FhirResource {
  resourceType: 'Device';
  deviceName: { name: string; type: 'user-friendly-name' }[];
  owner: Reference;
}

/** The clinic as an Organization, and Dosing Ledger as the Device that recorded the audit trail. */
export const organizationMapper: FhirMapper = {
  name: 'organization',
  scope: 'clinic',
  types: ['Organization', 'Device'],
  map({ index }) {
    const { clinic } = index.snapshot;
    const organization: Organization = {
      resourceType: 'Organization',
      id: ids.organization(),
      active: true,
      name: clinic.name,
      address: [{ text: clinic.address }],
    };
    const device: Device = {
      resourceType: 'Device',
      id: ids.device(),
      deviceName: [{ name: 'Dosing Ledger', type: 'user-friendly-name' }],
      owner: organizationReference(index),
    };
    return [organization, device];
  },
};

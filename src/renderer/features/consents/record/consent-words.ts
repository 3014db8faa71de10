import type { ConsentView } from '../../../../contract/consent-methods';

/** A consent's state as the written word beside it (the colour only repeats it). */
export const consentStatusWords: Record<ConsentView['state'], string> = {
  current: 'Current',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  'text-changed': 'New text needs consent',
  'other-series': 'Other series',
};

/** Who signed: the patient, or the representative with their relationship. */
export function signerText(signer: ConsentView['signer']): string {
  return signer.kind === 'patient' ? 'the patient' : `${signer.name} (${signer.relationship}), for the patient`;
}

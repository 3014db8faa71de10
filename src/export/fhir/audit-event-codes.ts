import { coding, ledgerSystems, systems } from './code-systems';
import type { Coding } from './datatypes';

export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

/**
 * The ledger's action names are "<area>.<verb>" ("record.signed"). FHIR wants one of
 * Create / Read / Update / Delete / Execute; the verb decides. Sign-in and sign-out are
 * Execute (an application function, not a change to a record); an unknown verb is Execute
 * too rather than a guess at a data operation.
 */
const verbActions: [RegExp, AuditAction][] = [
  [/(^|-)(created|started|added|issued|imported)$/, 'C'],
  [/(^|-)(viewed|exported|verified|listed)$/, 'R'],
  [/(^|-)(discarded|deleted|removed)$/, 'D'],
  [
    /(^|-)(updated|saved|signed|discontinued|changed|reset|activated|deactivated|reactivated|corrected|locked|unlocked|granted)$/,
    'U',
  ],
];

export function auditActionCode(action: string): AuditAction {
  const [area = '', verb = ''] = action.split(/\.(.*)/s);
  if (area === 'auth') return 'E';
  return verbActions.find(([pattern]) => pattern.test(verb))?.[1] ?? 'E';
}

/** Refusals and wrong passwords are failed attempts: outcome 4, "minor failure". */
export function auditOutcome(action: string): '0' | '4' {
  return /(failed|refused|wrong)$/.test(action) ? '4' : '0';
}

const dicom = (code: string, display: string) => coding(systems.dicom, code, display);

/** AuditEvent.type from DICOM (the R4 value set), by the area of the action. */
export function auditEventType(action: string): Coding {
  const area = action.split('.')[0] ?? '';
  switch (area) {
    case 'auth':
      return dicom('110114', 'User Authentication');
    case 'patient':
    case 'record':
    case 'chairside':
    case 'session':
      return dicom('110110', 'Patient Record');
    case 'user':
    case 'identity':
      return dicom('110113', 'Security Alert');
    case 'export':
      return dicom('110106', 'Export');
    default:
      return dicom('110100', 'Application Activity');
  }
}

/** The exact ledger action always travels as a subtype; login/logout get DICOM's too. */
export function auditEventSubtypes(action: string): Coding[] {
  const own = coding(ledgerSystems.auditAction, action);
  if (action === 'auth.signed-in') return [dicom('110122', 'Login'), own];
  if (action === 'auth.signed-out') return [dicom('110123', 'Logout'), own];
  return [own];
}

/**
 * What the register's signed documents show, as plain data the services computed. The same
 * content, as canonical JSON, is embedded in the PDF as record.json and bound by the signature.
 * Quantities are exact decimal text; instants UTC ISO (printed in clinic time).
 */

export interface RegisterQuantity {
  ml: string;
  mg: string;
}

export interface RegisterClinic {
  name: string;
  address: string;
  timeZone: string;
}

export interface RegisterRegistration {
  registrantName: string;
  registrationNumber: string;
}

export interface RegisterReportLine {
  id: number;
  kind: string;
  occurredAt: string;
  delta: RegisterQuantity;
  balance: RegisterQuantity;
  printedName: string;
  witnessPrintedName: string | null;
  /** "Session 12 · LINDQVIST, Maja · MRN R-1", as the session summaries name them. */
  session: string | null;
  /** Reason, method, wasted share, counted figures: what the kind adds, in words. */
  note: string;
}

export interface RegisterSessionUse {
  session: string;
  containerLabel: string;
  drawn: RegisterQuantity;
  wasted: RegisterQuantity;
  administered: RegisterQuantity;
  wasteWitnesses: string;
}

export interface RegisterDrugSummary {
  drugName: string;
  concentrationMgPerMl: string;
  opening: RegisterQuantity;
  received: RegisterQuantity;
  /** Drawn for sessions (positive figures), split into administered and wasted. */
  drawn: RegisterQuantity;
  administered: RegisterQuantity;
  wasted: RegisterQuantity;
  returned: RegisterQuantity;
  destroyed: RegisterQuantity;
  lost: RegisterQuantity;
  closing: RegisterQuantity;
  sessions: RegisterSessionUse[];
}

export interface RegisterContainerSection {
  label: string;
  drugName: string;
  concentrationMgPerMl: string;
  lotNumber: string;
  lotExpiry: string;
  opening: RegisterQuantity;
  closing: RegisterQuantity;
  lines: RegisterReportLine[];
}

export interface RegisterCountLine {
  containerLabel: string;
  expected: RegisterQuantity;
  counted: RegisterQuantity;
  /** Expected minus counted: positive when drug is missing. */
  discrepancy: RegisterQuantity;
  explanation: string | null;
  review: string | null;
}

export interface RegisterInventorySection {
  id: number;
  kindLabel: string;
  countedAt: string;
  printedName: string;
  secondCounterName: string;
  notes: string;
  counts: RegisterCountLine[];
}

export interface RegisterReportContent {
  document: 'controlled-substance-register';
  clinic: RegisterClinic;
  registration: RegisterRegistration;
  /** Clinic days, inclusive. */
  from: string;
  to: string;
  drugs: RegisterDrugSummary[];
  containers: RegisterContainerSection[];
  inventories: RegisterInventorySection[];
}

export interface RegisterLossContent {
  document: 'controlled-substance-loss';
  clinic: RegisterClinic;
  registration: RegisterRegistration;
  countEntryId: number;
  containerLabel: string;
  drugName: string;
  concentrationMgPerMl: string;
  containerVolumeMl: string;
  lotNumber: string;
  lotExpiry: string;
  categoryLabel: string;
  /** When the count found it missing (the date of discovery). */
  discoveredAt: string;
  missing: RegisterQuantity;
  expected: RegisterQuantity;
  counted: RegisterQuantity;
  countedBy: string;
  secondCounter: string;
  explanation: string;
  explainedBy: string;
  explainedAt: string;
  review: string | null;
}

/** Who produced and signs the document, and the bytes the signature binds. */
export interface RegisterSigning {
  printedName: string;
  signedAt: string;
  recordJson: string;
  recordSha256: string;
}

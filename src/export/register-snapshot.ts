/**
 * The controlled-substance register as the export and the register's reports carry it: plain
 * rows, read by the services in one transaction, so everything here stays pure. Quantities
 * are exact decimal text ("0.72"), instants UTC ISO.
 */

export interface RegisterReceiptRecord {
  id: number;
  drugId: string;
  drugName: string;
  concentrationMgPerMl: string;
  containerVolumeMl: string;
  containerCount: number;
  lotNumber: string;
  lotExpiry: string;
  supplierName: string;
  supplierAddress: string;
  supplierRegistration: string;
  invoiceNumber: string;
  receivedOn: string;
  receivedByName: string;
  checkedByName: string;
  recordedAt: string;
}

export interface RegisterContainerRecord {
  id: number;
  /** "R4-2": receipt 4, second container. */
  label: string;
  receiptId: number;
  drugId: string;
  drugName: string;
  concentrationMgPerMl: string;
  volumeMl: string;
  lotNumber: string;
  lotExpiry: string;
  /** The drug's RxNorm code in the current formulary, when it has one. */
  rxNormCode: string | null;
  createdAt: string;
}

export interface RegisterEntryRecord {
  id: number;
  containerId: number;
  containerLabel: string;
  drugId: string;
  drugName: string;
  concentrationMgPerMl: string;
  lotNumber: string;
  lotExpiry: string;
  kind: string;
  deltaMl: string;
  deltaMg: string;
  balanceMl: string;
  balanceMg: string;
  occurredAt: string;
  recordedAt: string;
  printedName: string;
  witnessPrintedName: string | null;
  sessionId: number | null;
  /** The session's patient, for a draw or waste (the session summaries name them the same way). */
  patientMrn: string | null;
  inventoryId: number | null;
  refersToEntryId: number | null;
  reason: string | null;
  /** Canonical JSON of what the kind adds (counted, expected, wasted, category, method). */
  details: string;
}

export interface RegisterInventoryRecord {
  id: number;
  kind: string;
  countedAt: string;
  printedName: string;
  secondCounterName: string;
  notes: string;
  recordedAt: string;
}

export interface RegisterSnapshot {
  receipts: RegisterReceiptRecord[];
  containers: RegisterContainerRecord[];
  entries: RegisterEntryRecord[];
  inventories: RegisterInventoryRecord[];
}

export const emptyRegisterSnapshot: RegisterSnapshot = { receipts: [], containers: [], entries: [], inventories: [] };

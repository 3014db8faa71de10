import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Allergies, Patient, PatientFields, PatientSummary } from '../domain/patient';
import { searchTerms } from '../domain/search-key';
import type { Drizzle } from './open';
import { patientSearchColumns } from './patient-search-keys';
import { prepared } from './prepared';
import { patients } from './schema/patients';

type PatientRow = typeof patients.$inferSelect;

function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    mrn: row.mrn,
    familyName: row.familyName,
    givenNames: row.givenNames,
    preferredName: row.preferredName,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    phone: row.phone,
    emergencyContact:
      row.emergencyContact === null ? null : (JSON.parse(row.emergencyContact) as Patient['emergencyContact']),
    allergies: JSON.parse(row.allergies) as Allergies,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const summaryColumns = {
  id: patients.id,
  mrn: patients.mrn,
  familyName: patients.familyName,
  givenNames: patients.givenNames,
  preferredName: patients.preferredName,
  dateOfBirth: patients.dateOfBirth,
  sex: patients.sex,
};

function storedColumns(fields: PatientFields) {
  return {
    ...fields,
    emergencyContact: fields.emergencyContact === null ? null : JSON.stringify(fields.emergencyContact),
    allergies: JSON.stringify(fields.allergies),
    ...patientSearchColumns(fields),
  };
}

export function getPatient(db: Drizzle, id: number): Patient | undefined {
  const row = prepared(db, 'getPatient', () =>
    db
      .select()
      .from(patients)
      .where(eq(patients.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  return row === undefined ? undefined : toPatient(row);
}

export function findPatientIdByMrn(db: Drizzle, mrn: string): number | undefined {
  return prepared(db, 'findPatientIdByMrn', () =>
    db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.mrn, sql.placeholder('mrn')))
      .prepare(),
  ).get({ mrn })?.id;
}

/**
 * Registration is the busiest write: a plain SQLite statement, prepared once per connection
 * (drizzle's placeholder filling and row mapping were about 5 % of a patients.create through
 * dispatch in a CPU profile, tests/bench/foundation-bench.ts). The returned columns are aliased
 * to the schema's property names, so the row is exactly what drizzle's `returning()` gave.
 */
const insertPatientSql = `INSERT INTO patients (mrn, family_name, given_names, preferred_name, date_of_birth, sex, phone,
    emergency_contact, allergies, search_text, family_key, version, created_at, updated_at)
  VALUES (@mrn, @familyName, @givenNames, @preferredName, @dateOfBirth, @sex, @phone,
    @emergencyContact, @allergies, @searchText, @familyKey, 1, @now, @now)
  RETURNING id, mrn, family_name AS familyName, given_names AS givenNames, preferred_name AS preferredName,
    date_of_birth AS dateOfBirth, sex, phone, emergency_contact AS emergencyContact, allergies,
    search_text AS searchText, family_key AS familyKey, version, created_at AS createdAt, updated_at AS updatedAt`;

export function insertPatient(db: Drizzle, fields: PatientFields, now: string): Patient {
  const raw = db.$client;
  const insert = prepared(raw, 'insertPatient', () => raw.prepare(insertPatientSql));
  const stored = storedColumns(fields);
  const row = insert.get({
    mrn: stored.mrn,
    familyName: stored.familyName,
    givenNames: stored.givenNames,
    preferredName: stored.preferredName,
    dateOfBirth: stored.dateOfBirth,
    sex: stored.sex,
    phone: stored.phone,
    emergencyContact: stored.emergencyContact,
    allergies: stored.allergies,
    searchText: stored.searchText,
    familyKey: stored.familyKey,
    now,
  }) as PatientRow | undefined;
  if (row === undefined) throw new Error('patient insert returned no row');
  return toPatient(row);
}

export function updatePatient(db: Drizzle, id: number, version: number, fields: PatientFields, now: string): Patient {
  const row = db
    .update(patients)
    .set({ ...storedColumns(fields), version: version + 1, updatedAt: now })
    .where(and(eq(patients.id, id), eq(patients.version, version)))
    .returning()
    .get();
  if (row === undefined) throw new Error(`patient ${id} version ${version} vanished inside its own transaction`);
  return toPatient(row);
}

/** The smallest string greater than every string that starts with `prefix`. */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * Search as you type: by name (any part, accent- and case-insensitive, prefix of each
 * word, apostrophes and hyphens typed or not, CJK names with or without a space: see
 * `nameSearchText`), by MRN prefix, or by exact date of birth; an empty query lists charts A–Z.
 * Family-name matches come first in alphabetical order, since that is how charts are filed.
 */
export function searchPatients(
  db: Drizzle,
  query: { terms: string; dateOfBirth: string | null; limit: number },
): PatientSummary[] {
  const limit = query.limit;
  if (query.terms.trim() === '') {
    return prepared(db, 'searchPatients.all', () =>
      db
        .select(summaryColumns)
        .from(patients)
        .orderBy(asc(patients.familyKey), asc(patients.givenNames), asc(patients.id))
        .limit(sql.placeholder('limit'))
        .prepare(),
    ).all({ limit });
  }
  const found = new Map<number, PatientSummary>();
  const add = (rows: PatientSummary[]) => {
    for (const row of rows) if (found.size < query.limit && !found.has(row.id)) found.set(row.id, row);
  };
  if (query.dateOfBirth !== null) {
    add(
      prepared(db, 'searchPatients.dateOfBirth', () =>
        db
          .select(summaryColumns)
          .from(patients)
          .where(eq(patients.dateOfBirth, sql.placeholder('dateOfBirth')))
          .orderBy(asc(patients.familyKey), asc(patients.givenNames), asc(patients.id))
          .limit(sql.placeholder('limit'))
          .prepare(),
      ).all({ dateOfBirth: query.dateOfBirth, limit }),
    );
  }
  const mrn = query.terms.trim().toUpperCase();
  if (/^[A-Z0-9][A-Z0-9-]*$/.test(mrn)) {
    add(
      prepared(db, 'searchPatients.mrn', () =>
        db
          .select(summaryColumns)
          .from(patients)
          .where(and(gte(patients.mrn, sql.placeholder('from')), lt(patients.mrn, sql.placeholder('before'))))
          .orderBy(asc(patients.mrn), asc(patients.id))
          .limit(sql.placeholder('limit'))
          .prepare(),
      ).all({ from: mrn, before: prefixEnd(mrn), limit }),
    );
  }
  const terms = searchTerms(query.terms);
  const [first] = terms;
  if (terms.length === 1 && first !== undefined) {
    add(
      prepared(db, 'searchPatients.familyKey', () =>
        db
          .select(summaryColumns)
          .from(patients)
          .where(
            and(gte(patients.familyKey, sql.placeholder('from')), lt(patients.familyKey, sql.placeholder('before'))),
          )
          .orderBy(asc(patients.familyKey), asc(patients.givenNames), asc(patients.id))
          .limit(sql.placeholder('limit'))
          .prepare(),
      ).all({ from: first, before: prefixEnd(first), limit }),
    );
  }
  if (terms.length > 0 && found.size < query.limit) {
    const match = terms.map((term) => `"${term}"*`).join(' ');
    const nameRows = prepared(db, 'searchPatients.names', () =>
      db.$client.prepare(
        `SELECT p.id, p.mrn, p.family_name AS familyName, p.given_names AS givenNames,
                p.preferred_name AS preferredName, p.date_of_birth AS dateOfBirth, p.sex
           FROM patients_fts JOIN patients p ON p.id = patients_fts.rowid
          WHERE patients_fts MATCH ?
          ORDER BY p.family_key, p.given_names, p.id
          LIMIT ?`,
      ),
    ).all(match, limit) as PatientSummary[];
    add(nameRows);
  }
  return [...found.values()];
}

export function listAllPatients(db: Drizzle): Patient[] {
  return db.select().from(patients).orderBy(asc(patients.id)).all().map(toPatient);
}

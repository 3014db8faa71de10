/**
 * Foundation benchmark (run by `npm run bench`, never by `npm test`): seeds 100k patients,
 * then reports as JSON the search latency through dispatch (p50/p95) and the cost of
 * creating a patient through dispatch against a raw single-row insert with the same
 * pragmas. Absolute numbers are noisy on shared machines: compare ratios and medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { demoPatients } from '../../src/cli/demo-data';
import { patientInputSchema } from '../../src/domain/patient';
import { patientSearchColumns } from '../../src/db/patient-search-keys';
import { insertPatient } from '../../src/db/patients-repo';
import { openLedger } from '../../src/services/ledger';
import { dispatch } from '../../src/services/dispatch';
import { createSignIn } from '../../src/services/sign-in';

const patientCount = Number(process.env.BENCH_PATIENTS ?? 100_000);
const searchRuns = 2_000;
const createRuns = 1_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? Number.NaN).toFixed(3));
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-bench-'));
try {
  const ledger = openLedger(join(dir, 'ledger.sqlite'));
  const admin = createSignIn();
  const nurse = createSignIn();
  const call = (session: typeof admin, method: string, input: unknown) => {
    const result = dispatch({ ledger, signIn: session }, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  call(admin, 'setup.initialize', {
    clinic: { name: 'Bench Clinic', address: '', timeZone: 'UTC' },
    admin: { username: 'admin', displayName: 'Bench Admin', credentials: '', password: 'Bench-password-2026' },
  });
  call(admin, 'users.create', {
    username: 'nurse',
    displayName: 'Bench Nurse',
    credentials: 'RN',
    role: 'nurse',
    temporaryPassword: 'Bench-temporary-2026',
    adminPassword: 'Bench-password-2026',
  });
  call(nurse, 'auth.signIn', { username: 'nurse', password: 'Bench-temporary-2026' });
  call(nurse, 'auth.changePassword', { currentPassword: 'Bench-temporary-2026', newPassword: 'Bench-password-2027' });

  // Seeding is not what is measured: one transaction straight into the table.
  const seedStart = performance.now();
  const now = new Date().toISOString();
  ledger.raw.transaction(() => {
    for (const patient of demoPatients(patientCount, 7))
      insertPatient(ledger.db, patientInputSchema.parse(patient), now);
  })();
  const seedMs = performance.now() - seedStart;

  const queries = [
    'a',
    'm',
    'ru',
    'ngu',
    'zoe',
    'lukasz',
    'ana maria',
    'garcia marquez',
    'DEMO-000',
    'DEMO-0123',
    '1961-03-14',
    '14-Mar-1961',
    '王',
    'عائشة',
    'okafor chi',
    'zzzz',
    // As staff type names: apostrophe dropped or spaced, several words together, CJK unspaced.
    'obrien',
    'o brien',
    'macantsaoir',
    '王小明',
  ];
  const searchSamples: number[] = [];
  // CPU time of this process too: on a busy shared machine wall time mostly measures the wait
  // for a core, which the CPU time leaves out.
  const searchCpuSamples: number[] = [];
  const perQuery: Record<string, number[]> = {};
  for (let run = 0; run < searchRuns; run += 1) {
    const query = queries[run % queries.length] ?? '';
    const cpuStart = process.cpuUsage();
    const ms = time(() => call(nurse, 'patients.search', { query, limit: 50 }));
    const cpu = process.cpuUsage(cpuStart);
    searchCpuSamples.push((cpu.user + cpu.system) / 1000);
    searchSamples.push(ms);
    (perQuery[query] ??= []).push(ms);
  }

  const fresh = demoPatients(createRuns, 99).map((patient, index) => ({ ...patient, mrn: `BENCH-${index}` }));

  // The baseline: the same patient rows, the same file and pragmas (so the same indexes and
  // search triggers), one plain prepared INSERT per transaction: no validation, no roles,
  // no audit entry. The ratio is what the architecture costs on top of the write itself.
  const raw = new Database(join(dir, 'ledger.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  const insert = raw.prepare(
    `INSERT INTO patients (mrn, family_name, given_names, preferred_name, date_of_birth, sex, phone,
       emergency_contact, allergies, search_text, family_key, version, created_at, updated_at)
     VALUES (@mrn, @familyName, @givenNames, @preferredName, @dateOfBirth, @sex, @phone,
       @emergencyContact, @allergies, @searchText, @familyKey, 1, @now, @now)`,
  );
  // Interleaved, so that drift in the machine's speed affects both sides alike.
  const createSamples: number[] = [];
  const rawSamples: number[] = [];
  // CPU time of each side as well: when other work keeps the cores or the disk busy, the wall
  // time of both sides is mostly waiting (for a core, for fsync) and their ratio tends to 1.
  const createCpuSamples: number[] = [];
  const rawCpuSamples: number[] = [];
  const cpuTimed = (samples: number[], run: () => void): number => {
    const cpuStart = process.cpuUsage();
    const ms = time(run);
    const cpu = process.cpuUsage(cpuStart);
    samples.push((cpu.user + cpu.system) / 1000);
    return ms;
  };
  for (const patient of fresh) {
    createSamples.push(cpuTimed(createCpuSamples, () => call(nurse, 'patients.create', { patient })));
    rawSamples.push(
      cpuTimed(rawCpuSamples, () =>
        insert.run({
          ...patient,
          mrn: `RAW-${patient.mrn}`,
          emergencyContact: JSON.stringify(patient.emergencyContact),
          allergies: JSON.stringify(patient.allergies),
          ...patientSearchColumns(patient),
          now,
        }),
      ),
    );
  }
  raw.close();
  ledger.close();

  // A ledger from an earlier release: every patient's stored search keys differ from this
  // build's, so the first open rewrites them all (and their full-text entries); the next open
  // finds them current and does no scan.
  const aged = new Database(join(dir, 'ledger.sqlite'));
  aged.exec('UPDATE patients SET search_text = family_key');
  // No folding version recorded: the next open recomputes every key.
  aged.exec("DELETE FROM ledger_meta WHERE key = 'search_key_version'");
  aged.close();
  const refreshMs = time(() => openLedger(join(dir, 'ledger.sqlite')).close());
  const reopenMs = time(() => openLedger(join(dir, 'ledger.sqlite')).close());

  const createP50 = percentile(createSamples, 50);
  const rawP50 = percentile(rawSamples, 50);
  const report = {
    patients: patientCount,
    seedSeconds: Number((seedMs / 1000).toFixed(1)),
    search: {
      runs: searchRuns,
      p50Ms: percentile(searchSamples, 50),
      p95Ms: percentile(searchSamples, 95),
      maxMs: percentile(searchSamples, 100),
      cpuP50Ms: percentile(searchCpuSamples, 50),
      cpuP95Ms: percentile(searchCpuSamples, 95),
      targetP95Ms: 10,
      perQueryP95Ms: Object.fromEntries(
        Object.entries(perQuery).map(([query, samples]) => [query, percentile(samples, 95)]),
      ),
    },
    searchKeyRefresh: {
      firstOpenMs: Number(refreshMs.toFixed(1)),
      nextOpenMs: Number(reopenMs.toFixed(1)),
    },
    createPatient: {
      runs: createRuns,
      dispatchP50Ms: createP50,
      rawInsertP50Ms: rawP50,
      ratio: Number((createP50 / rawP50).toFixed(2)),
      targetRatio: 2,
      dispatchCpuP50Ms: percentile(createCpuSamples, 50),
      rawInsertCpuP50Ms: percentile(rawCpuSamples, 50),
      cpuRatio: Number((percentile(createCpuSamples, 50) / percentile(rawCpuSamples, 50)).toFixed(2)),
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

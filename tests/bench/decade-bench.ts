/**
 * Ten years of a busy clinic (issue 14; `npm run bench:decade`, never by `npm test`): on a ledger
 * made by `dosing-ledger demo --db FILE --years 10` (DECADE_LEDGER=FILE), copied first so the
 * original stays as generated, measures through dispatch as the app calls it:
 * opening the ledger (as the command line does: integrity check, migrations, first call; as the
 * desktop app does: first call at once, the check in a worker thread), signing in, patient search p95,
 * opening the chart of the patient with the most infusions, charting a check on a running
 * infusion, signing a plan amendment, `audit verify` (entries/s), a full and a one-month auditor
 * export in a process of their own (time, MB/s, peak memory), and the file's size per year.
 * Prints JSON on stdout and a table on stderr, with the machine and its load average.
 * DECADE_FULL_EXPORT=0 leaves out the full export.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import type { CallResult } from '../../src/contract/errors';
import { verifyAuditChain } from '../../src/db/audit-log';
import { openForApp } from '../../src/cli/ledger-file-checks';
import { openLedger } from '../../src/db/open';
import { dispatch } from '../../src/services/dispatch';
import type { Ledger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import { credentialsOf, signedIn } from '../../src/cli/demo-users';
import { chartRunningInfusion } from '../../src/cli/demo-sessions';
import { startDemoSeries } from '../../src/cli/demo-series';
import { caller } from '../../src/cli/demo-caller';
import { demoPatients } from '../../src/cli/demo-data';
import { localDate } from '../../src/domain/time';

const source = process.env.DECADE_LEDGER;
if (source === undefined || !existsSync(source)) {
  process.stderr.write(
    'decade-bench: set DECADE_LEDGER to a ledger made by `dosing-ledger demo --db FILE --years 10`\n',
  );
  process.exit(2);
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[index] ?? Number.NaN, 2);
}
const spread = (samples: number[]) => ({
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  runs: samples.length,
});
function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), 'decade-bench-'));
const copy = join(dir, 'ledger.sqlite');
copyFileSync(source, copy);
const clock = () => new Date();

function call<M extends MethodName>(ledger: Ledger, signIn: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> {
  const result = dispatch({ ledger, signIn, clock }, method, input) as CallResult<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

try {
  const sizeBytes = statSync(source).size;
  // Opening as the command line does: the structural check first, migrations, then the sign-in
  // screen's clinic.
  const openMs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    openMs.push(
      timeMs(() => {
        const opened = openForApp(copy);
        opened.raw.prepare('SELECT name FROM clinic').get();
        opened.close();
      }),
    );
  }
  // Opening as the desktop app does: the first screen at once, the check in a worker thread
  // (sign-in waits for it): the time to the first screen, and until the check's verdict.
  const appOpenMs: number[] = [];
  const checkedMs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const opened = openLedger(copy, { existing: true, checkIntegrity: 'background' });
    opened.raw.prepare('SELECT name FROM clinic').get();
    appOpenMs.push(performance.now() - started);
    await opened.integrity?.verdict;
    checkedMs.push(performance.now() - started);
    opened.close();
  }
  const ledger = openForApp(copy);
  const count = (sql: string) => ledger.raw.prepare(sql).pluck().get() as number;
  const span = ledger.raw.prepare('SELECT min(at) AS first, max(at) AS last FROM audit_log').get() as {
    first: string;
    last: string;
  };
  const years = (Date.parse(span.last) - Date.parse(span.first)) / (365.25 * 86_400_000);
  const size = {
    years: round(years, 2),
    fileMb: round(sizeBytes / 1e6),
    mbPerYear: round(sizeBytes / 1e6 / years),
    patients: count('SELECT count(*) FROM patients'),
    sessions: count('SELECT count(*) FROM infusion_sessions'),
    sessionEntries: count('SELECT count(*) FROM session_entries'),
    signedVersions: count(`SELECT count(*) FROM record_versions WHERE status = 'signed'`),
    signedPdfs: count('SELECT count(*) FROM signed_documents'),
    auditEntries: count('SELECT count(*) FROM audit_log'),
  };

  const signInMs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const signIn = createSignIn();
    signInMs.push(timeMs(() => call(ledger, signIn, 'auth.signIn', credentialsOf('nurse'))));
    call(ledger, signIn, 'auth.signOut', {});
  }
  const nurse = createSignIn();
  call(ledger, nurse, 'auth.signIn', credentialsOf('nurse'));
  const physician = createSignIn();
  call(ledger, physician, 'auth.signIn', credentialsOf('physician'));

  const people = demoPatients(2_000);
  const searchMs = people.slice(0, 400).map((person, index) => {
    const query = index % 2 === 0 ? person.familyName.slice(0, 3) : person.mrn;
    return timeMs(() => call(ledger, nurse, 'patients.search', { query }));
  });

  // The chart of the patient with the most infusions, as the chart screen loads it.
  const regular = ledger.raw
    .prepare('SELECT patient_id AS id, count(*) AS n FROM infusion_sessions GROUP BY 1 ORDER BY 2 DESC LIMIT 1')
    .get() as { id: number; n: number };
  const chartCalls = {
    'patients.get': () => call(ledger, nurse, 'patients.get', { patientId: regular.id }),
    'records.list': () => call(ledger, nurse, 'records.list', { patientId: regular.id }),
    'formulary.get': () => call(ledger, nurse, 'formulary.get', {}),
    'consents.forPatient': () => call(ledger, nurse, 'consents.forPatient', { patientId: regular.id }),
    'sessions.page': () => call(ledger, nurse, 'sessions.page', { patientId: regular.id, limit: 20 }),
    'sessions.doses': () => call(ledger, nurse, 'sessions.doses', { patientId: regular.id }),
  };
  const perCall = new Map<string, number[]>(Object.keys(chartCalls).map((name) => [name, []]));
  const chartMs: number[] = [];
  for (let run = 0; run < 20; run += 1) {
    chartMs.push(
      timeMs(() => {
        for (const [name, load] of Object.entries(chartCalls)) perCall.get(name)?.push(timeMs(load));
      }),
    );
  }
  const chartBreakdown = Object.fromEntries([...perCall].map(([name, samples]) => [name, percentile(samples, 95)]));

  // Charting and signing need the staff's signing certificates to be valid today: a ledger
  // generated years back may hold certificates that have expired since (no renewal yet).
  const checkMs: number[] = [];
  const signMs: number[] = [];
  let writesSkipped: string | null = null;
  try {
    measureWrites();
  } catch (error) {
    writesSkipped = error instanceof Error ? error.message : String(error);
  }
  function measureWrites(): void {
    // First, an hour ago: a new patient's series today (exam, plan, consent), so that an infusion
    // can start after the consent; its checks are charted now, below.
    const hourAgo = new Date(Date.now() - 3_600_000);
    const earlier = caller(ledger, () => hourAgo, undefined);
    const deskPhysician = signedIn(earlier, 'physician');
    const deskNurse = signedIn(earlier, 'nurse');
    const today = localDate(hourAgo, earlier(deskNurse, 'clinic.get', {}).timeZone);
    const newcomer = demoPatients(1, 7)[0];
    if (newcomer === undefined) throw new Error('no demo patient');
    const patientId = earlier(deskNurse, 'patients.create', { patient: { ...newcomer, mrn: 'BENCH-1' } }).id;
    const consentText = earlier(deskPhysician, 'consents.documents', {}).documents[0]?.versions.at(-1);
    if (consentText === undefined) throw new Error('the decade ledger has no consent text');
    const planRecordId = startDemoSeries(earlier, deskPhysician, {
      patientId,
      date: today,
      signedAt: hourAgo,
      consentText,
    });
    const chair = caller(ledger, clock);
    chartRunningInfusion(
      {
        call: chair,
        nurse: signedIn(chair, 'nurse'),
        clock,
        signer: credentialsOf('nurse'),
        witness: credentialsOf('physician'),
      },
      planRecordId,
      6,
    );
    const sessionId = call(ledger, nurse, 'sessions.page', { patientId, limit: 1 }).sessions[0]?.id ?? 0;
    for (let run = 0; run < 30; run += 1) {
      checkMs.push(
        timeMs(() =>
          call(ledger, nurse, 'sessions.addEntry', {
            sessionId,
            occurredAt: new Date().toISOString(),
            entry: {
              kind: 'observation',
              content: {
                vitals: {
                  systolicMmHg: 124,
                  diastolicMmHg: 80,
                  heartRateBpm: 76,
                  spo2Percent: 98,
                  respiratoryRatePerMin: 14,
                  temperatureC: '36.8',
                },
                sedation: 5,
                cadss6: [1, 0, 0, 1, 0, 0],
                painNrs: 4,
                nausea: 'none',
                notes: '',
              },
            },
          }),
        ),
      );
    }

    // Signing a plan amendment (the password check and key unlock are scrypt: most of it).
    for (let run = 0; run < 3; run += 1) {
      const amended = call(ledger, physician, 'records.amend', { recordId: planRecordId, reason: 'Bench: rate note' });
      const draft = amended.versions.at(-1);
      if (draft?.recordType !== 'plan') throw new Error('no amendment draft');
      call(ledger, physician, 'records.saveDraft', { type: 'plan', versionId: draft.id, content: draft.content });
      signMs.push(
        timeMs(() =>
          call(ledger, physician, 'records.sign', {
            versionId: draft.id,
            meaning: 'authored',
            ...credentialsOf('physician'),
          }),
        ),
      );
    }
  }

  const verifyRuns = [0, 1, 2].map(() => {
    let entries = 0;
    const ms = timeMs(() => {
      const result = verifyAuditChain(ledger.raw);
      entries = result.entries;
    });
    return { ms, perSecond: entries / (ms / 1000) };
  });
  ledger.close();

  const exportOnce = (name: string, range: string[]) =>
    JSON.parse(
      execFileSync('npx', ['tsx', 'tests/bench/decade-export-child.ts', copy, join(dir, name), ...range], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
        // A 256 MB JavaScript heap: the export must stream (a patient at a time) to finish at
        // all, and V8 cannot let garbage pile up past it; the peak RSS adds SQLite's caches.
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
      }),
    ) as { state: string; wallMs: number; files: number; bytes: number; peakRssMb: number };
  const lastMonthEnd = new Date(Date.parse(span.last));
  const monthAgo = new Date(lastMonthEnd.getTime() - 30 * 86_400_000);
  const month = exportOnce('month', [monthAgo.toISOString().slice(0, 10), lastMonthEnd.toISOString().slice(0, 10)]);
  // DECADE_FULL_EXPORT=0 leaves out the full export (ten minutes on a ten-year ledger here);
  // run it alone with `npx tsx tests/bench/decade-export-child.ts COPY OUT`.
  const skipped = { state: 'skipped (DECADE_FULL_EXPORT=0)', wallMs: 0, files: 0, bytes: 0, peakRssMb: 0 };
  const full = process.env.DECADE_FULL_EXPORT === '0' ? skipped : exportOnce('full', []);
  const rate = (run: { wallMs: number; bytes: number }) =>
    run.wallMs === 0 ? 0 : round(run.bytes / 1e6 / (run.wallMs / 1000));

  const report = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
    },
    ledger: size,
    openMs: spread(openMs),
    appOpenMs: spread(appOpenMs),
    appIntegrityCheckedMs: spread(checkedMs),
    signIn: spread(signInMs),
    patientSearch: spread(searchMs),
    chart: { patientSessions: regular.n, ...spread(chartMs), p95MsByCall: chartBreakdown },
    chartCheck: spread(checkMs),
    signPlan: spread(signMs),
    writesSkipped,
    auditVerify: {
      entriesPerSecond: Math.round(verifyRuns.map((run) => run.perSecond).sort((a, b) => a - b)[1] ?? 0),
      medianMs: percentile(
        verifyRuns.map((run) => run.ms),
        50,
      ),
    },
    exportMonth: { ...month, mbPerSecond: rate(month) },
    exportFull: { ...full, mbPerSecond: rate(full) },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(
    [
      `ledger: ${size.years} years, ${size.fileMb} MB (${size.mbPerYear} MB/year), ${size.sessions} sessions, ${size.auditEntries} audit entries`,
      `open p50 ${report.openMs.p50Ms} ms (app: first screen ${report.appOpenMs.p50Ms} ms, checked ${report.appIntegrityCheckedMs.p50Ms} ms); sign-in p95 ${report.signIn.p95Ms} ms; search p95 ${report.patientSearch.p95Ms} ms`,
      `chart (${regular.n} sessions) p95 ${report.chart.p95Ms} ms; chart a check p95 ${report.chartCheck.p95Ms} ms; sign a plan p50 ${report.signPlan.p50Ms} ms`,
      `audit verify ${report.auditVerify.entriesPerSecond} entries/s`,
      `export month ${month.wallMs} ms ${rate(month)} MB/s peak ${month.peakRssMb} MB; full ${full.wallMs} ms ${rate(full)} MB/s peak ${full.peakRssMb} MB`,
    ].join('\n') + '\n',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

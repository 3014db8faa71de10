/**
 * The course-of-infusions page's reads on a copy of a decade ledger (issue 14; run by hand,
 * never by `npm test`): COURSE_LEDGER=FILE (a copy: the ledger is migrated and audited into),
 * the patient with the most infusions unless COURSE_PATIENT is set. Times each call through
 * dispatch as the app makes it, p50 and p95 of 10 runs (COURSE_RUNS) taken in turn, with the
 * answer's size; COURSE_METHODS=a,b times only those.
 */
import { existsSync } from 'node:fs';
import type { CallResult } from '../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { credentialsOf } from '../../src/cli/demo-users';
import { openForApp } from '../../src/cli/ledger-file-checks';
import { dispatch } from '../../src/services/dispatch';
import type { Ledger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';

const file = process.env.COURSE_LEDGER;
if (file === undefined || !existsSync(file)) {
  process.stderr.write('course-bench: set COURSE_LEDGER to a copy of a ledger made by `dosing-ledger demo`\n');
  process.exit(2);
}
const runs = Number(process.env.COURSE_RUNS ?? 10);
const clock = () => new Date();

function call<M extends MethodName>(ledger: Ledger, signIn: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> {
  const result = dispatch({ ledger, signIn, clock }, method, input) as CallResult<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? Number.NaN).toFixed(2));
}

const ledger = openForApp(file);
try {
  const nurse = createSignIn();
  call(ledger, nurse, 'auth.signIn', credentialsOf('nurse'));
  const patientId =
    process.env.COURSE_PATIENT === undefined
      ? (
          ledger.raw
            .prepare('SELECT patient_id AS id FROM infusion_sessions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
            .get() as { id: number }
        ).id
      : Number(process.env.COURSE_PATIENT);
  const calls: Record<string, () => unknown> = {
    'sessions.list': () => call(ledger, nurse, 'sessions.list', { patientId }),
    'sessions.course': () => call(ledger, nurse, 'sessions.course', { patientId }),
    'sessions.doses': () => call(ledger, nurse, 'sessions.doses', { patientId }),
    'sessions.page': () => call(ledger, nurse, 'sessions.page', { patientId, limit: 20 }),
  };
  const only = process.env.COURSE_METHODS?.split(',');
  const chosen = Object.entries(calls).filter(([name]) => only === undefined || only.includes(name));
  // Warm: statements prepared, stored JSON parsed once per connection, as in a running app.
  const answers = new Map(chosen.map(([name, run]) => [name, run()]));
  const samples = new Map<string, number[]>(chosen.map(([name]) => [name, []]));
  // Round robin, so that the machine's load (another process holds a core) weighs on each alike.
  for (let index = 0; index < runs; index += 1) {
    for (const [name, run] of chosen) {
      const start = performance.now();
      run();
      samples.get(name)?.push(performance.now() - start);
    }
  }
  const report = Object.fromEntries(
    chosen.map(([name]) => [
      name,
      {
        p50Ms: percentile(samples.get(name) ?? [], 50),
        p95Ms: percentile(samples.get(name) ?? [], 95),
        answerKb: Number((JSON.stringify(answers.get(name)).length / 1024).toFixed(1)),
      },
    ]),
  );
  const sessions = ledger.raw.prepare('SELECT count(*) FROM infusion_sessions WHERE patient_id = ?').pluck();
  process.stdout.write(`${JSON.stringify({ patientId, sessions: sessions.get(patientId), runs, report }, null, 2)}\n`);
} finally {
  ledger.close();
}

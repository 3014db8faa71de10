/**
 * The other process of the concurrent-backup test: signs in and creates patients through
 * dispatch, one after another, printing `ack MRN` once each creation has committed (an
 * acknowledged write). Runs until it is sent SIGTERM. Usage: writer-child.ts LEDGER USER PASSWORD
 */
import { openLedger } from '../../src/db/open';
import { dispatch } from '../../src/services/dispatch';
import { createSignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';

const [path, username, password] = process.argv.slice(2);
if (path === undefined || username === undefined || password === undefined) {
  process.stderr.write('usage: writer-child.ts LEDGER USER PASSWORD\n');
  process.exit(2);
}
const ledger = openLedger(path);
const signIn = createSignIn();
const signedIn = dispatch({ ledger, signIn }, 'auth.signIn', { username, password });
if (!signedIn.ok) {
  process.stderr.write(`sign-in refused: ${signedIn.error.message}\n`);
  process.exit(1);
}
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
process.stdout.write('ready\n');

for (let n = 1; !stopping; n += 1) {
  const mrn = `W-${String(n).padStart(6, '0')}`;
  const created = dispatch({ ledger, signIn }, 'patients.create', {
    patient: patientInput({ mrn, familyName: `Writer${n}` }),
  });
  if (!created.ok) {
    process.stderr.write(`write ${mrn} refused: ${created.error.code} ${created.error.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`ack ${mrn}\n`);
  // A breath between writes: a tight loop would take the write lock back before the other
  // process's busy handler got a turn (and the test is about backups during writes, not starvation).
  await new Promise((resolve) => setTimeout(resolve, 2));
}
ledger.close();

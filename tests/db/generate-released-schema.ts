/**
 * Writes tests/db/released-schema.json, the baseline the additive-only test holds every later
 * schema to. Run it when a release ships its migrations, against that release's migrations:
 *
 *   git archive <release-tag> migrations | tar -x -C /tmp/released
 *   npx tsx tests/db/generate-released-schema.ts /tmp/released/migrations
 *
 * It refuses to write a baseline that removes or changes anything already in the committed one,
 * so it can only ever add released tables and columns.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLedger } from '../../src/db/open';
import { breakingChanges, describeSchema, loadReleasedSchema, releasedSchemaPath } from '../support/released-schema';

const migrationsDir = process.argv[2] === undefined ? undefined : resolve(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), 'released-schema-'));
try {
  const ledger = openLedger(join(dir, 'ledger.sqlite'), { migrationsDir });
  const current = describeSchema(ledger.raw);
  ledger.close();
  if (existsSync(releasedSchemaPath)) {
    const problems = breakingChanges(loadReleasedSchema(), current);
    if (problems.length > 0) {
      process.stderr.write(`Refusing to shrink the released schema:\n${problems.join('\n')}\n`);
      process.exitCode = 1;
    }
  }
  if (process.exitCode !== 1) {
    writeFileSync(releasedSchemaPath, `${JSON.stringify(current, null, 2)}\n`);
    process.stdout.write(`Wrote ${releasedSchemaPath} (${Object.keys(current).length} tables)\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

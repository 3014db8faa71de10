import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { knownSchemaVersion } from '../../src/db/migrate';
import { seedPatient } from '../support/repo-ledger';
import { createTestApp, setUpClinic } from '../support/test-app';

/*
 * Every command pointed at a file that is not a usable ledger: one line on stderr, exit 2 (1
 * where a check command's contract says the check failed), no stack trace, and the file (and
 * its folder) exactly as it was.
 */

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

let dir: string;
/** A real ledger with a clinic and 150 patients, closed (its WAL checkpointed into the file). */
let ledgerPath: string;
let ledgerBytes: Buffer;
let counter = 0;

beforeAll(() => {
  const app = createTestApp();
  setUpClinic(app);
  for (let index = 0; index < 150; index += 1) seedPatient(app.ledger, { mrn: `BAD-${index}` });
  app.ledger.close();
  dir = app.dir;
  ledgerPath = app.path;
  ledgerBytes = readFileSync(ledgerPath);
}, 600_000); // One scrypt hash for the admin: slow on a busy 2-core machine.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newFile(bytes: Uint8Array | string): string {
  counter += 1;
  const caseDir = join(dir, `case-${counter}`);
  mkdirSync(caseDir);
  const path = join(caseDir, 'ledger.sqlite');
  writeFileSync(path, bytes);
  return path;
}

/** The commands, each given `path` as its ledger (or file); `serve`/`start` would run until stopped. */
function commandsFor(path: string): string[][] {
  const out = join(dir, `out-${counter}-${Math.random().toString(36).slice(2)}`);
  return [
    ['audit', 'verify', '--db', path],
    ['export', '--db', path, '--out', out],
    ['serve', '--db', path, '--port', '0'],
    ['start', '--db', path],
    ['verify', path],
    ['demo', '--db', path, '--patients', '0'],
  ];
}

/** The folder's files and their bytes: a refused command must leave both as they were. */
function folderState(path: string): Record<string, string> {
  const folder = join(path, '..');
  return Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
  );
}

async function expectRefused(argv: string[], path: string, allowCheckFailed: boolean): Promise<void> {
  const before = folderState(path);
  const { io, err } = capture();
  const code = await runCli(argv, io);
  const label = argv.join(' ');
  if (allowCheckFailed && code === 1) {
    expect(err.length, label).toBeLessThanOrEqual(1);
  } else {
    expect(code, `${label}: ${err.join(' | ')}`).toBe(2);
    expect(err, label).toHaveLength(1);
  }
  for (const line of err) {
    expect(line, label).not.toMatch(/^\s*at /m);
    expect(line, label).not.toContain('\n');
  }
  expect(folderState(path), `${label} changed the folder`).toEqual(before);
}

/** audit verify and verify (PDF) may say "the check failed" (exit 1); the rest must refuse. */
const mayFailCheck = (argv: string[]) => argv[0] === 'audit' || argv[0] === 'verify';

async function everyCommandRefuses(path: string): Promise<void> {
  for (const argv of commandsFor(path)) await expectRefused(argv, path, mayFailCheck(argv));
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

describe('files that are not a ledger', () => {
  it('random bytes, text and SQLite-looking garbage: every command refuses in one line, changing nothing', async () => {
    const contents = fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 3000 }),
      fc.string({ maxLength: 2000 }).map((text) => Buffer.from(text, 'utf8')),
      fc.uint8Array({ minLength: 1, maxLength: 5000 }).map((rest) => Buffer.concat([sqliteMagic, rest])),
    );
    await fc.assert(
      fc.asyncProperty(contents, async (bytes) => everyCommandRefuses(newFile(bytes))),
      { numRuns: 25 },
    );
  });

  it('a truncated real ledger: every command refuses in one line, changing nothing', async () => {
    const lengths = fc.integer({ min: 1, max: ledgerBytes.length - 1 });
    await fc.assert(
      fc.asyncProperty(lengths, async (length) => everyCommandRefuses(newFile(ledgerBytes.subarray(0, length)))),
      { numRuns: 25, examples: [[4096], [ledgerBytes.length - 4096], [100]] },
    );
  });

  it('a real ledger with a damaged page: every command refuses in one line, changing nothing', async () => {
    const pageSize = ledgerBytes.readUInt16BE(16);
    const pages = ledgerBytes.length / pageSize;
    const damage = fc.record({ page: fc.integer({ min: 1, max: pages - 1 }), seed: fc.integer() });
    await fc.assert(
      fc.asyncProperty(damage, async ({ page, seed }) => {
        const bytes = Buffer.from(ledgerBytes);
        for (let offset = 0; offset < pageSize; offset += 1)
          bytes[page * pageSize + offset] = (seed + offset * 31) & 255;
        await everyCommandRefuses(newFile(bytes));
      }),
      { numRuns: 15 },
    );
  });

  it('an SQLite database of another program, and an empty file', async () => {
    const foreign = newFile('');
    rmSync(foreign);
    const raw = new Database(foreign);
    raw.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('kept')");
    raw.close();
    await everyCommandRefuses(foreign);
    await everyCommandRefuses(newFile(''));
  });

  it('a ledger written by a newer version (user_version past this build): refused, byte-identical', async () => {
    const path = newFile(ledgerBytes);
    const raw = new Database(path);
    raw.pragma(`user_version = ${knownSchemaVersion() + 1}`);
    raw.close();
    for (const argv of commandsFor(path).filter((command) => command[0] !== 'verify' && command[0] !== 'demo')) {
      const { io, err } = capture();
      const before = folderState(path);
      expect(await runCli(argv, io)).toBe(2);
      expect(err).toEqual([
        `dosing-ledger: ${path} was written by a newer version of Dosing Ledger; nothing was changed. Open it with that version (or newer).`,
      ]);
      expect(folderState(path)).toEqual(before);
    }
  });
});

describe('a --db that does not exist', () => {
  it('serve and start refuse to create it, and say what to do', async () => {
    const path = join(dir, 'typo.sqlite');
    for (const command of ['serve', 'start']) {
      const { io, err } = capture();
      expect(await runCli([command, '--db', path], io)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(`${path} does not exist`);
      expect(err[0]).toContain(`dosing-ledger demo --db ${path}`);
      expect(err[0]).toContain('dosing-ledger restore');
      expect(existsSync(path)).toBe(false);
    }
  });

  it('in a missing folder: every command says so in one line and creates nothing', async () => {
    const path = join(dir, 'no-such-folder', 'ledger.sqlite');
    for (const argv of commandsFor(path)) {
      const { io, err } = capture();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(err, argv.join(' ')).toHaveLength(1);
      expect(existsSync(join(dir, 'no-such-folder')), argv.join(' ')).toBe(false);
    }
  });
});

describe('a ledger that cannot be written', () => {
  /** Root ignores permission bits; the immutable attribute holds even for root (ext4). */
  function makeReadOnly(path: string): () => void {
    chmodSync(path, 0o444);
    let immutable = false;
    try {
      execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
      immutable = true;
    } catch {
      // Not root or no chattr: the permission bits alone hold for other users.
    }
    return () => {
      if (immutable) execFileSync('chattr', ['-i', path]);
      chmodSync(path, 0o644);
    };
  }

  it('export, serve and start refuse a read-only ledger in one line, unchanged', async () => {
    const path = newFile(ledgerBytes);
    const undo = makeReadOnly(path);
    try {
      for (const argv of commandsFor(path).filter((command) =>
        ['export', 'serve', 'start'].includes(command[0] ?? ''),
      )) {
        const { io, err } = capture();
        const before = folderState(path);
        expect(await runCli(argv, io), argv.join(' ')).toBe(2);
        expect(err, argv.join(' ')).toHaveLength(1);
        expect(err[0]).toContain('read-only');
        expect(folderState(path)).toEqual(before);
      }
    } finally {
      undo();
    }
  });
});

describe('export', () => {
  function auditEntries(path: string): number {
    const raw = new Database(path, { readonly: true });
    try {
      return (raw.prepare('SELECT COUNT(*) AS count FROM audit_log').get() as { count: number }).count;
    } finally {
      raw.close();
    }
  }

  it('to a folder that cannot be created: one line, exit 2, and no audit entry written', async () => {
    const path = newFile(ledgerBytes);
    const before = auditEntries(path);
    const blocker = join(dir, `blocker-${counter}`);
    writeFileSync(blocker, 'a file where the export folder would go');
    const { io, err } = capture();
    expect(await runCli(['export', '--db', path, '--out', join(blocker, 'export')], io)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^dosing-ledger: the export could not be written \(.+\); nothing was recorded\.$/);
    expect(auditEntries(path)).toBe(before);
  });

  it('that succeeds is recorded once, after it is written', async () => {
    const path = newFile(ledgerBytes);
    const before = auditEntries(path);
    const { io, err } = capture();
    expect(await runCli(['export', '--db', path, '--out', join(dir, `good-export-${counter}`)], io)).toBe(0);
    expect(err).toEqual([]);
    expect(auditEntries(path)).toBe(before + 1);
  });
});

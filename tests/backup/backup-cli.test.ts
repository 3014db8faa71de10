import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand, passphraseVariable } from '../../src/cli/backup-command';
import { runCli } from '../../src/cli/run-cli';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { filesIn, lastEntry, passphrase, tempFolder } from './backup-fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

let app: TestApp;
let folder: ReturnType<typeof tempFolder>;

beforeAll(() => {
  app = createTestApp();
  setUpClinic(app);
  folder = tempFolder('backup-cli');
}, 600_000);
afterAll(() => {
  app.cleanup();
  folder.cleanup();
});
afterEach(() => {
  delete process.env[passphraseVariable];
});

/** The CLI as a person runs it: its own process, stdin not a terminal, no passphrase variable. */
function runProcess(args: string[]) {
  const env = { ...process.env };
  delete env[passphraseVariable];
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/dosing-ledger.ts', ...args], {
    cwd: root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
}

describe('dosing-ledger backup and restore', () => {
  it('backs up with the passphrase from the environment, and restores it into a new file', async () => {
    process.env[passphraseVariable] = passphrase;
    const out = join(folder.dir, 'out');
    mkdirSync(out);
    const backup = capture();
    expect(await runCli(['backup', '--db', app.path, '--out', out], backup.io)).toBe(0);
    expect(backup.err).toEqual([]); // progress goes to a terminal only
    const [age, json] = filesIn(out);
    expect(age).toMatch(/^dosing-ledger-\d{8}-\d{6}Z\.ledger\.age$/);
    expect(json).toBe(`${age}.json`);
    expect(backup.out[0]).toBe(
      `Backup written to ${join(out, age ?? '')} (${readFileSync(join(out, age ?? '')).length.toLocaleString('en-US')} bytes, encrypted)`,
    );
    expect(backup.out[1]).toMatch(
      /^Checked: integrity ok, audit chain intact, last entry \d+ [0-9a-f]{64} is in the live/,
    );
    const recorded = lastEntry(app.path);
    expect(recorded.action).toBe('backup.created');
    expect(recorded.details.by).toMatch(/^command line \(.+\)$/);

    const restoredPath = join(folder.dir, 'restored.sqlite');
    const restore = capture();
    expect(await runCli(['restore', '--from', join(out, age ?? ''), '--db', restoredPath], restore.io)).toBe(0);
    expect(restore.out[1]).toMatch(/last entry \d+ [0-9a-f]{64}, as its sidecar records$/);
    expect(lastEntry(restoredPath).action).toBe('ledger.restored');

    const verify = capture();
    expect(await runCli(['audit', 'verify', '--db', restoredPath], verify.io)).toBe(0);
    expect(verify.out[0]).toMatch(/^Audit chain intact/);

    // Again into the same file: refused in one line, the restored ledger untouched.
    const bytes = readFileSync(restoredPath);
    const again = capture();
    expect(await runCli(['restore', '--from', join(out, age ?? ''), '--db', restoredPath], again.io)).toBe(2);
    expect(again.err).toEqual([
      `dosing-ledger: ${restoredPath} already exists; restore never overwrites a file (name a new one)`,
    ]);
    expect(readFileSync(restoredPath).equals(bytes)).toBe(true);

    // A wrong passphrase: exit 2, one line. A damaged backup: exit 1, one line. Neither writes.
    process.env[passphraseVariable] = 'not the passphrase';
    const wrong = capture();
    expect(
      await runCli(['restore', '--from', join(out, age ?? ''), '--db', join(folder.dir, 'x.sqlite')], wrong.io),
    ).toBe(2);
    expect(wrong.err).toEqual(['dosing-ledger: the passphrase does not open this backup (wrong passphrase?)']);
    process.env[passphraseVariable] = passphrase;
    writeFileSync(join(out, age ?? ''), readFileSync(join(out, age ?? '')).subarray(0, 400));
    const damaged = capture();
    expect(
      await runCli(['restore', '--from', join(out, age ?? ''), '--db', join(folder.dir, 'x.sqlite')], damaged.io),
    ).toBe(1);
    expect(damaged.err).toHaveLength(1);
    expect(damaged.err[0]).toMatch(/^dosing-ledger: the backup file does not match the SHA-256 in its sidecar/);
    expect(existsSync(join(folder.dir, 'x.sqlite'))).toBe(false);
  }, 180_000);

  it('refuses a missing ledger or folder in one line, creating nothing', async () => {
    process.env[passphraseVariable] = passphrase;
    const missing = join(folder.dir, 'missing.sqlite');
    for (const [args, line] of [
      [['backup', '--db', missing, '--out', folder.dir], `dosing-ledger: ${missing} does not exist`],
      [
        ['backup', '--db', app.path, '--out', join(folder.dir, 'nowhere')],
        `dosing-ledger: the backup folder ${join(folder.dir, 'nowhere')} does not exist`,
      ],
      [['backup', '--db', app.path], 'dosing-ledger: --out is required'],
      [
        ['restore', '--from', missing, '--db', join(folder.dir, 'y.sqlite')],
        `dosing-ledger: ${missing} does not exist`,
      ],
    ] as const) {
      const run = capture();
      expect(await runCli([...args], run.io)).toBe(2);
      expect(run.err).toEqual([line]);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('without the variable and without a terminal, says to set it: one line, exit 2, no stack trace', () => {
    for (const args of [
      ['backup', '--db', app.path, '--out', folder.dir],
      ['restore', '--from', app.path, '--db', join(folder.dir, 'z.sqlite')],
    ]) {
      const result = runProcess(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `dosing-ledger: set ${passphraseVariable} to the backup passphrase (it is asked for only on a terminal)\n`,
      );
    }
    expect(existsSync(join(folder.dir, 'z.sqlite'))).toBe(false);
  }, 120_000);
});

/** A terminal the test types into: stdin in (fake) raw mode, and what the prompts wrote. */
function fakeTerminal(typed: string) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: () => stdin });
  const shown: string[] = [];
  const stderr = Object.assign(
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        shown.push(chunk.toString());
        done();
      },
    }),
    {
      isTTY: false,
    },
  );
  stdin.write(typed);
  return {
    terminal: {
      env: {},
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
    },
    shown,
  };
}

describe('the passphrase asked on a terminal', () => {
  it('is asked twice for a backup, never echoed, and the backup then opens with it', async () => {
    const out = join(folder.dir, 'asked');
    mkdirSync(out);
    const { terminal, shown } = fakeTerminal('typed secret 1\r\ntyped secret 1\r');
    const run = capture();
    expect(await backupCommand(['--db', app.path, '--out', out], run.io, terminal)).toBe(0);
    expect(shown.join('')).toBe('Backup passphrase: \nSame passphrase again: \n');
    const [age] = filesIn(out);
    process.env[passphraseVariable] = 'typed secret 1';
    expect(
      await runCli(['restore', '--from', join(out, age ?? ''), '--db', join(folder.dir, 'asked.sqlite')], capture().io),
    ).toBe(0);
  }, 120_000);

  it('refuses a backup when the two answers differ, writing nothing', async () => {
    const out = join(folder.dir, 'differ');
    mkdirSync(out);
    const { terminal } = fakeTerminal('first answer\rsecond answer\r');
    const run = capture();
    expect(await backupCommand(['--db', app.path, '--out', out], run.io, terminal)).toBe(2);
    expect(run.err).toEqual(['dosing-ledger: the two passphrases differ; nothing was written']);
    expect(filesIn(out)).toEqual([]);
  });
});

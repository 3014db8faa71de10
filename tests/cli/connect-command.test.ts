import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectCommand } from '../../src/cli/connect-command';
import { runCli } from '../../src/cli/run-cli';
import { createClinicRoot } from '../../src/signing/clinic-root';

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-connect-'));
const rootFile = join(dir, 'clinic-root.pem');
const root = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now: new Date() });
writeFileSync(rootFile, root.certificatePem);
writeFileSync(join(dir, 'not-a-root.pem'), 'hello');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

describe('dosing-ledger connect', () => {
  it.each([
    [['connect', '--root', rootFile]],
    [['connect', '--host', 'http://clinic-host.lan:8443', '--root', rootFile]],
    [['connect', '--host', 'https://clinic-host.lan:8443']],
    [['connect', '--host', 'https://clinic-host.lan:8443', '--root', join(dir, 'missing.pem')]],
    [['connect', '--host', 'https://clinic-host.lan:8443', '--root', join(dir, 'not-a-root.pem')]],
    [['connect', '--host', 'https://clinic-host.lan:8443', '--root', rootFile, '--extra']],
  ])('refuses %j in one line, exit 2', async (argv) => {
    const { io, err } = capture();
    expect(await runCli(argv, io)).toBe(2);
    expect(err[0]).toMatch(/^dosing-ledger: /);
    expect(err.join('\n')).not.toMatch(/^\s*at /m);
  });

  it('prints the root’s fingerprint, and where Electron cannot run says how to use a browser', async () => {
    const { io, out, err } = capture();
    const code = await connectCommand(['--host', 'https://clinic-host.lan:8443/', '--root', rootFile], io, dir, {});
    expect(code).toBe(2);
    expect(out[0]).toMatch(/^Clinic root SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2} /);
    expect(err).toEqual([
      `dosing-ledger: Electron is not available here; open https://clinic-host.lan:8443 in Chromium or Chrome after adding ${rootFile} to its trusted certificate authorities.`,
    ]);
  });
});

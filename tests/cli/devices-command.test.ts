import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevicesDeps } from '../../src/cli/devices-command';
import {
  passwordVariable as adminPasswordVariable,
  usernameVariable as adminUsernameVariable,
} from '../../src/cli/admin-credentials';
import { devicesCommand } from '../../src/cli/devices-command';
import { auditHead } from '../../src/db/audit-log';
import { deviceByToken, requestDeviceEnrolment } from '../../src/services/devices';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

/** No terminal: stdin is a pipe, so nothing is asked. */
function deps(env: NodeJS.ProcessEnv): DevicesDeps {
  return {
    env,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
  };
}

const adminEnv = { [adminUsernameVariable]: 'admin', [adminPasswordVariable]: adminPassword };

let app: TestApp;

function ask(): { deviceId: number; pairingCode: string; token: string } {
  const token = createHash('sha256').update(randomBytes(32)).digest('hex');
  const result = requestDeviceEnrolment(app.ledger, { tokenSha256: token, requestedFrom: '10.0.0.4', userAgent: 'x' });
  if (!result.ok) throw new Error(result.message);
  return { ...result, token };
}

async function run(args: string[], env: NodeJS.ProcessEnv = adminEnv) {
  const { io, out, err } = capture();
  const code = await devicesCommand(args, io, deps(env));
  return { code, out, err };
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app);
  signedInUser(app, admin, 'nurse');
}, 120_000);
afterAll(() => app.cleanup());

describe('dosing-ledger devices', () => {
  it('approves a device with the credentials from the environment, then lists and revokes it', async () => {
    const { deviceId, pairingCode, token } = ask();
    const approved = await run(['approve', '--db', app.path, '--code', pairingCode.toLowerCase(), '--name', 'Chair 1']);
    expect(approved).toEqual({
      code: 0,
      out: [`Device ${deviceId} "Chair 1" approved (asked from 10.0.0.4).`],
      err: [],
    });
    expect(deviceByToken(app.ledger, token)).toMatchObject({ status: 'active', name: 'Chair 1' });
    // Signed in through dispatch on no device, and signed out again.
    const actions = app.ledger.raw
      .prepare(
        "SELECT action, details FROM audit_log WHERE action IN ('auth.signed-in', 'device.approved', 'auth.signed-out') ORDER BY seq DESC LIMIT 3",
      )
      .all() as { action: string; details: string }[];
    expect(actions.map((row) => row.action)).toEqual(['auth.signed-out', 'device.approved', 'auth.signed-in']);
    for (const row of actions) expect(JSON.parse(row.details)).not.toHaveProperty('device');

    const listed = await run(['list', '--db', app.path]);
    expect(listed.code).toBe(0);
    expect(listed.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${deviceId}  active  "Chair 1"  ${pairingCode}  asked \\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2} UTC.*from 10\\.0\\.0\\.4  approved .* by Alex Admin$`,
        ),
      ),
    ]);

    const revoked = await run(['revoke', '--db', app.path, '--device', String(deviceId), '--reason', 'Lost']);
    expect(revoked).toEqual({ code: 0, out: [`Device ${deviceId} "Chair 1" revoked.`], err: [] });
    expect(deviceByToken(app.ledger, token)?.status).toBe('revoked');
  });

  it('refuses a wrong password in one line, exit 1, and approves nothing', async () => {
    const { pairingCode, token } = ask();
    const wrong = { ...adminEnv, [adminPasswordVariable]: 'Not-the-password-1' };
    const result = await run(['approve', '--db', app.path, '--code', pairingCode, '--name', 'Chair 2'], wrong);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([expect.stringMatching(/^dosing-ledger: .*(username|password)/i)]);
    expect(deviceByToken(app.ledger, token)?.status).toBe('pending');
  });

  it('refuses a non-administrator, an unknown code or device and bad input in one line each, exit 1', async () => {
    const nurseEnv = { [adminUsernameVariable]: 'nurse', [adminPasswordVariable]: staffPassword };
    const { pairingCode } = ask();
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['list', '--db', app.path], nurseEnv, /role does not allow/],
      [['approve', '--db', app.path, '--code', 'ZZZZ-ZZZZ', '--name', 'X'], adminEnv, /No device is waiting/],
      [
        ['approve', '--db', app.path, '--code', 'nonsense', '--name', 'X'],
        adminEnv,
        /pairingCode: Enter the 8-character code/,
      ],
      [['approve', '--db', app.path, '--code', pairingCode, '--name', 'Chair\u00073'], adminEnv, /name: /],
      [['revoke', '--db', app.path, '--device', '999', '--reason', 'x'], adminEnv, /no device with ID 999/],
    ];
    for (const [args, env, expected] of cases) {
      const result = await run(args, env);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toEqual([expect.stringMatching(expected)]);
    }
  });

  it('cannot run without credentials off a terminal, or with bad usage: one line, exit 2, nothing written', async () => {
    const head = auditHead(app.ledger.raw);
    const cases: [string[], NodeJS.ProcessEnv][] = [
      [['list', '--db', app.path], {}],
      [['list', '--db', app.path], { [adminUsernameVariable]: 'admin' }],
      [['list'], adminEnv],
      [['frobnicate', '--db', app.path], adminEnv],
      [[], adminEnv],
      [['approve', '--db', app.path, '--code', 'ABCD-EFGH'], adminEnv],
      [['revoke', '--db', app.path, '--device', 'seven', '--reason', 'x'], adminEnv],
      [['list', '--db', join(app.dir, 'missing.sqlite')], adminEnv],
      [['list', '--db', app.path, '--extra', '1'], adminEnv],
    ];
    for (const [args, env] of cases) {
      const result = await run(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toEqual([expect.stringMatching(/^dosing-ledger: \S/)]);
      expect(result.err[0]).not.toMatch(/\n|at .*\.ts:\d+/);
    }
    expect(auditHead(app.ledger.raw)).toEqual(head);
  });
});

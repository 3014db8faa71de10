import { parseArgs } from 'node:util';
import type { CallResult } from '../contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods';
import type { Device } from '../domain/devices';
import { formatDateTime } from '../domain/time';
import { dispatch } from '../services/dispatch';
import type { Ledger } from '../services/ledger';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';
import { withExistingLedger } from './ledger-file-checks';
import type { AdminCredentials } from './admin-credentials';
import { adminCredentialsFromEnvOrPrompt } from './admin-credentials';

export interface DevicesIo {
  out(line: string): void;
  err(line: string): void;
}

/** What the command reads besides its arguments; the process's own unless a test passes others. */
export interface DevicesDeps {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Injected so tests can move time. */
  clock?: () => Date;
}

const processDeps = (): DevicesDeps => ({ env: process.env, stdin: process.stdin, stderr: process.stderr });

/** The request itself cannot run (usage, credentials not given): exit 2. */
class CannotRun extends Error {}
/** The ledger refused (wrong password, not an administrator, unknown code): exit 1. */
class Refused extends Error {}

const subcommands = {
  list: ['db'],
  approve: ['db', 'code', 'name'],
  revoke: ['db', 'device', 'reason'],
} as const;
type Subcommand = keyof typeof subcommands;

function parse(args: string[]): { subcommand: Subcommand; values: Record<string, string> } {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || !Object.hasOwn(subcommands, subcommand)) {
    throw new CannotRun('the devices command has three subcommands: list, approve, revoke');
  }
  const names: readonly string[] = subcommands[subcommand as Subcommand];
  let values: Record<string, unknown>;
  try {
    const spec = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
    ({ values } = parseArgs({ args: rest, options: spec, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
  const result: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value !== 'string' || value.trim() === '') throw new CannotRun(`--${name} is required`);
    result[name] = value;
  }
  // Checked before anyone signs in: a typo must not leave sign-in entries in the audit trail.
  if (result.device !== undefined && !/^[1-9][0-9]{0,14}$/.test(result.device)) {
    throw new CannotRun('--device must be a device ID from "dosing-ledger devices list"');
  }
  return { subcommand: subcommand as Subcommand, values: result };
}

async function credentials(deps: DevicesDeps): Promise<AdminCredentials> {
  try {
    return await adminCredentialsFromEnvOrPrompt(deps.env, deps);
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => MethodOutput<M>;

function caller(ledger: Ledger, signIn: SignIn, deps: DevicesDeps): Call {
  return (method, input) => {
    const result = dispatch({ ledger, signIn, clock: deps.clock }, method, input) as CallResult<MethodOutput<never>>;
    if (result.ok) return result.value;
    const issues = (result.error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);
    throw new Refused(issues.length === 0 ? result.error.message : `${result.error.message} (${issues.join('; ')})`);
  };
}

function deviceLine(device: Device, zone: string): string {
  const at = (iso: string) => formatDateTime(iso, zone);
  const parts = [
    `${device.id}`,
    device.status,
    device.name === null ? '(no name)' : `"${device.name}"`,
    device.pairingCode,
    `asked ${at(device.requestedAt)} from ${device.requestedFrom}`,
  ];
  if (device.approved !== null) parts.push(`approved ${at(device.approved.at)} by ${device.approved.by}`);
  if (device.revoked !== null) {
    parts.push(`revoked ${at(device.revoked.at)} by ${device.revoked.by}: ${oneLine(device.revoked.reason)}`);
  }
  return parts.join('  ');
}

function run(subcommand: Subcommand, values: Record<string, string>, call: Call, io: DevicesIo): void {
  if (subcommand === 'list') {
    const zone = call('clinic.get', {}).timeZone;
    let offset = 0;
    for (;;) {
      const page = call('devices.list', { limit: 100, offset });
      if (page.total === 0) io.out('No device has asked to be enrolled.');
      for (const device of page.devices) io.out(deviceLine(device, zone));
      offset += page.devices.length;
      if (page.devices.length === 0 || offset >= page.total) return;
    }
  }
  if (subcommand === 'approve') {
    const device = call('devices.approve', { pairingCode: values.code ?? '', name: values.name ?? '' });
    io.out(`Device ${device.id} "${device.name ?? ''}" approved (asked from ${device.requestedFrom}).`);
    return;
  }
  const device = call('devices.revoke', { deviceId: Number(values.device), reason: values.reason ?? '' });
  io.out(`Device ${device.id}${device.name === null ? '' : ` "${device.name}"`} revoked.`);
}

/**
 * `dosing-ledger devices list|approve|revoke --db FILE …` on a headless clinic host: signs an
 * administrator in through dispatch (as the app does, on no device), makes the one call, signs
 * out. Exit 0 done, 1 refused by the ledger, 2 could not run; every refusal is one line.
 */
export async function devicesCommand(
  args: string[],
  io: DevicesIo,
  deps: DevicesDeps = processDeps(),
): Promise<number> {
  try {
    const { subcommand, values } = parse(args);
    await withExistingLedger(values.db ?? '', { writable: true }, async (ledger) => {
      const { username, password } = await credentials(deps);
      const signIn = createSignIn();
      const call = caller(ledger, signIn, deps);
      call('auth.signIn', { username, password });
      try {
        run(subcommand, values, call, io);
      } finally {
        if (signIn.state !== 'signed-out') dispatch({ ledger, signIn, clock: deps.clock }, 'auth.signOut', {});
      }
    });
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`dosing-ledger: ${oneLine(message)}`);
    // Anything else (a wrong file, a cancelled prompt, usage) means the command could not run.
    return error instanceof Refused ? 1 : 2;
  }
}

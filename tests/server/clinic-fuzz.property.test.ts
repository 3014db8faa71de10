import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deviceCookie, sessionCookie } from '../../src/server/clinic-paths';
import { patientInput } from '../support/fixtures';
import { signedInUser, staffPassword } from '../support/test-app';
import type { ClinicClient } from './clinic-client';
import type { FuzzCase, FuzzContext } from './clinic-fuzz-cases';
import { appRequest, clinicFuzzCases } from './clinic-fuzz-cases';
import type { TestClinicHost } from './clinic-test-host';
import { clinicAddress, startTestClinicHost } from './clinic-test-host';
import { rawTlsExchange, replyBody } from './raw-https';
import type { RawReply } from './raw-http';

let test: TestClinicHost;
let device: ClinicClient;
let context: FuzzContext;

beforeAll(async () => {
  test = await startTestClinicHost();
  const nurse = signedInUser(test.app, test.admin, 'nurse', 'nina');
  test.app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'MRN-FUZZ-1' }) });
  device = await test.enrolledDevice('Chair 1 tablet');
  const signedIn = await device.invoke('auth.signIn', { username: 'nina', password: staffPassword });
  if (!signedIn.result.ok) throw new Error(`sign-in: ${JSON.stringify(signedIn.result)}`);
  const other = await test.enrolledDevice('Chair 2 tablet');
  await other.invoke('signIn.get');
  const cookie = (client: ClinicClient, name: string): string => {
    const value = client.cookies.get(name);
    if (value === undefined) throw new Error(`no ${name}`);
    return value;
  };
  context = {
    hostHeader: test.hostHeader,
    origin: test.host.origin,
    signedIn: { device: cookie(device, deviceCookie), session: cookie(device, sessionCookie) },
    otherDevice: cookie(other, deviceCookie),
  };
}, 60_000);

afterAll(async () => {
  await test.stop();
});

const send = (sent: Pick<FuzzCase, 'parts' | 'gapMs' | 'end' | 'plainTcp'>): Promise<RawReply> =>
  rawTlsExchange({ address: clinicAddress, port: test.host.port, ca: test.rootPem }, sent.parts, {
    gapMs: sent.gapMs,
    end: sent.end,
    plainTcp: sent.plainTcp,
    deadlineMs: 6000,
  });

const auditHead = (): { seq: number; hash: string } =>
  test.app.ledger.raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    hash: string;
  };

/** The signed-in device's ordinary call still answers, and promptly. */
async function normalCallWorks(): Promise<boolean> {
  const call = device.invoke('patients.search', { query: 'a', limit: 5 });
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5000).unref());
  const answered = await Promise.race([call, late]);
  return answered !== 'late' && answered.status === 200 && answered.result.ok;
}

function expectAcceptable(sent: FuzzCase, reply: RawReply): void {
  const label = `${sent.label.slice(0, 200)} → ${reply.text.slice(0, 300)}`;
  // No stall: every connection is answered or closed well before the deadline.
  expect(reply.closed || reply.status !== null, label).toBe(true);
  if (reply.status === null) {
    expect(sent.mayCloseUnanswered === true, label).toBe(true);
    return;
  }
  if (reply.status === 200) {
    const body = JSON.parse(replyBody(reply)) as { ok?: boolean; error?: { code?: string } };
    const refused = body.ok === false && sent.refusalCodes?.includes(body.error?.code ?? '') === true;
    expect(refused || sent.accepts200?.(body) === true, label).toBe(true);
    return;
  }
  expect(reply.status >= 400 && reply.status < 500, label).toBe(true);
}

describe('the clinic host under hostile requests', () => {
  it('the cases reach the host: the app’s own request, raw over TLS, is answered 200', async () => {
    const reply = await send({ parts: [appRequest(context)] });
    expect(reply.status).toBe(200);
    expect(JSON.parse(replyBody(reply))).toMatchObject({ ok: true, value: { patients: [{ mrn: 'MRN-FUZZ-1' }] } });
  });

  it('answers a request with two Host headers 400, whichever comes first (Node kept the first)', async () => {
    for (const second of ['evil.test', test.hostHeader]) {
      const before = auditHead();
      const twice = appRequest(context).replace('\r\n\r\n', `\r\nHost: ${second}\r\n\r\n`);
      const reply = await send({ parts: [twice] });
      expect(reply.status, second).toBe(400);
      expect(JSON.parse(replyBody(reply))).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request names more than one host.' },
      });
      expect(auditHead()).toEqual(before);
    }
    expect(await normalCallWorks()).toBe(true);
  });

  it('answers each with a 4xx or a refusal (or closes garbage), never a 5xx, and changes nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    try {
      await fc.assert(
        fc.asyncProperty(clinicFuzzCases(context), async (sent) => {
          const before = auditHead();
          const reply = await send(sent);
          console.log(
            'CASE',
            reply.status,
            reply.closed,
            sent.label.slice(0, 70).replace(/\s/g, ' '),
            '|',
            replyBody(reply).slice(0, 90),
          );
          expectAcceptable(sent, reply);
          // A case is answered before the normal call (which may audit a search) runs.
          if (sent.mayWrite !== true) expect(auditHead(), sent.label.slice(0, 200)).toEqual(before);
          expect(await normalCallWorks(), `after ${sent.label.slice(0, 200)}`).toBe(true);
        }),
        { numRuns: 150 },
      );
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  }, 300_000);
});

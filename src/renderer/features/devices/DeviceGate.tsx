import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FullPageMessage } from '../../components/FullPageMessage';
import { clearAllDrafts } from '../../lib/drafts';
import type { DeviceAnswer, DeviceReply } from '../../lib/clinic-device';
import { askDevice } from '../../lib/clinic-device';
import { hostReachability, onDeviceRefused } from '../../lib/clinic-connection';
import { openLedgerEvents } from '../../lib/ledger-changes';
import { forgetSigning } from '../../lib/signing-memory';
import { DeviceEnrolScreen } from './DeviceEnrolScreen';

/** How often a waiting device asks whether it was approved, and a host that did not answer is asked again. */
export const devicePollMs = 2_000;

type GateState = { kind: 'asking' } | { kind: 'device'; device: DeviceAnswer } | { kind: 'refused'; message: string };

/** The host's answer, with the banner told whether the host answered at all. */
async function ask(enrol: boolean): Promise<DeviceReply> {
  const reply = await askDevice(enrol);
  if (reply.kind === 'unreachable') hostReachability.reportUnreachable();
  else hostReachability.reportReachable();
  return reply;
}

/**
 * Clinic mode: before the app, the clinic host must know this device. Shows the enrolment
 * screen until an administrator approves it, then the app with the page's one stream of ledger
 * events. A revocation (the `revoked` event, or a call refused for the device) takes the app
 * away at once: everyone on the device is signed out by the host, and nothing typed stays.
 */
export function DeviceGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'asking' });
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Bumped to open the event stream again after the host closed it while the device stayed enrolled.
  const [streamRound, setStreamRound] = useState(0);
  // The fingerprint last seen, so the revoked screen can show it before the host answers again.
  const fingerprint = useRef('');

  const apply = useCallback((reply: DeviceReply) => {
    // Polling goes on: an unreachable host has the banner, a busy one is asked again later.
    if (reply.kind === 'unreachable' || reply.kind === 'busy') return;
    if (reply.kind === 'refused') {
      setState({ kind: 'refused', message: reply.message });
      return;
    }
    fingerprint.current = reply.device.rootFingerprint;
    setState((shown) =>
      shown.kind === 'device' && JSON.stringify(shown.device) === JSON.stringify(reply.device)
        ? shown
        : { kind: 'device', device: reply.device },
    );
  }, []);

  const check = useCallback(async () => apply(await ask(false)), [apply]);

  const leave = useCallback((device: DeviceAnswer | null) => {
    // Signed out with the device: unsaved input belongs to whoever typed it, not to the device's next user.
    clearAllDrafts();
    forgetSigning();
    setState(device === null ? { kind: 'asking' } : { kind: 'device', device });
  }, []);

  const status = state.kind === 'device' ? state.device.status : state.kind;
  const active = status === 'active';

  // First look at once; then every 2 s while the device waits for approval or the host did not answer.
  useEffect(() => {
    const first = window.setTimeout(() => void check(), 0);
    if (status !== 'asking' && status !== 'pending') return () => window.clearTimeout(first);
    const timer = window.setInterval(() => void check(), devicePollMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [status, check]);

  // While the app runs: the page's one event stream, and any refusal of the device, end it.
  useEffect(() => {
    if (!active) return undefined;
    const revoked = () =>
      leave({ status: 'revoked', pairingCode: null, name: null, rootFingerprint: fingerprint.current });
    let reopen: number | undefined;
    // The stream was refused: a device no longer enrolled leaves; one still enrolled (a proxy
    // answered for a host that was away) opens it again a little later.
    const refused = () =>
      void ask(false).then((reply) => {
        if (reply.kind === 'answer' && reply.device.status !== 'active') leave(reply.device);
        else reopen = window.setTimeout(() => setStreamRound((round) => round + 1), devicePollMs);
      });
    const close = openLedgerEvents({ onRevoked: revoked, onRefused: refused });
    const stopListening = onDeviceRefused(() => leave(null));
    return () => {
      close();
      stopListening();
      window.clearTimeout(reopen);
    };
  }, [active, leave, streamRound]);

  const enrol = async () => {
    setAsking(true);
    setProblem(null);
    const reply = await ask(true);
    setAsking(false);
    if (reply.kind === 'unreachable') setProblem('The clinic host cannot be reached. Try again when it is back.');
    else if (reply.kind === 'refused' || reply.kind === 'busy') setProblem(reply.message);
    else apply(reply);
  };

  if (state.kind === 'asking')
    return (
      <FullPageMessage title="Opening Dosing Ledger" busy>
        Asking the clinic host about this device…
      </FullPageMessage>
    );
  if (state.kind === 'refused')
    return <FullPageMessage title="The clinic host refused this device">{state.message}</FullPageMessage>;
  if (active) return <>{children}</>;
  return <DeviceEnrolScreen device={state.device} asking={asking} problem={problem} onEnrol={() => void enrol()} />;
}

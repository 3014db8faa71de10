import type { DeviceAnswer } from '../../lib/clinic-device';
import { fingerprintLines } from '../../lib/clinic-device';
import { AuthLayout } from '../../components/AuthLayout';
import { Notice } from '../../components/Notice';

const reasons: Record<Exclude<DeviceAnswer['status'], 'active' | 'pending'>, string> = {
  unknown: 'Before anyone can sign in on this device, an administrator of the clinic enrols it.',
  expired: 'The request to enrol this device expired before an administrator approved it. Ask again.',
  revoked:
    'An administrator revoked this device, so everyone on it was signed out. It can ask to be enrolled again; an administrator must approve it.',
};

/** The clinic root's fingerprint in lines of eight pairs, to compare with what the host shows. */
function Fingerprint({ fingerprint }: { fingerprint: string }) {
  return (
    <div className="device-fingerprint">
      <p className="label">Clinic certificate fingerprint (SHA-256)</p>
      <p className="device-fingerprint-value">
        {fingerprintLines(fingerprint).map((line) => (
          <code key={line}>{line}</code>
        ))}
      </p>
      <p className="hint">
        It must match, character for character, the fingerprint the clinic host shows. If it does not, do not use this
        device: tell an administrator.
      </p>
    </div>
  );
}

/**
 * The screen of a device the clinic host does not (or no longer) let in: the way to ask for
 * enrolment, then the pairing code large enough to read across a desk, with what to do next.
 */
export function DeviceEnrolScreen({
  device,
  asking,
  problem,
  onEnrol,
}: {
  device: DeviceAnswer;
  asking: boolean;
  problem: string | null;
  onEnrol: () => void;
}) {
  if (device.status === 'pending') {
    const code = device.pairingCode ?? 'Not known';
    return (
      <AuthLayout title="Enrol this device" wide>
        <p className="label">Pairing code</p>
        <p className="device-code">{code}</p>
        <p className="device-next">
          Ask an administrator to approve code <strong className="device-code-inline">{code}</strong> on the Devices
          page or on the host.
        </p>
        <Fingerprint fingerprint={device.rootFingerprint} />
        <p className="loading" role="status">
          Waiting for approval… This page goes on by itself once the device is approved. The code works for 15 minutes.
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Enrol this device" wide>
      <p>{reasons[device.status === 'active' ? 'unknown' : device.status]}</p>
      {problem !== null && (
        <Notice tone="error" live="alert">
          {problem}
        </Notice>
      )}
      <div className="actions">
        <button type="button" className="button button-primary button-large" onClick={onEnrol} disabled={asking}>
          {asking ? 'Asking…' : 'Ask to enrol this device'}
        </button>
      </div>
      <Fingerprint fingerprint={device.rootFingerprint} />
    </AuthLayout>
  );
}

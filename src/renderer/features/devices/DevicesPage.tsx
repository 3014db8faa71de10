import { useState } from 'react';
import type { Device } from '../../../domain/devices';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { isClinicPage } from '../../lib/clinic-invoke';
import { ApproveDeviceForm } from './ApproveDeviceForm';
import { ClinicNetworkPanel } from './ClinicNetworkPanel';
import { DeviceList } from './DeviceList';
import { RenameDeviceDialog } from './RenameDeviceDialog';
import { RevokeDeviceDialog } from './RevokeDeviceDialog';

export const devicesPageSize = 20;

/** "Devices 21–40 of 45". */
export function pageWords(offset: number, shown: number, total: number): string {
  return shown === 0 ? `No devices on this page of ${total}` : `Devices ${offset + 1}–${offset + shown} of ${total}`;
}

type Open = { kind: 'rename'; device: Device } | { kind: 'revoke'; device: Device } | null;

/**
 * The administrator's devices of the clinic host: approve a waiting device by its code, the
 * list (new requests appear as they come), rename, revoke with the reason.
 */
export function DevicesPage() {
  const { clinic } = useSignedIn();
  const [offset, setOffset] = useState(0);
  // Unaudited: the list follows ledger changes in clinic mode, so a new request shows up by itself.
  const list = useCall('devices.list', { limit: devicesPageSize, offset }, { live: true });
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const page = list.loaded.status === 'ready' ? list.loaded.value : null;
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    list.reload();
  };
  return (
    <div className="page">
      <PageHeading title="Devices" />
      {!isClinicPage() && (
        <>
          <Notice tone="info">
            Devices are the tablets and workstations that open the ledger through the clinic host: this computer when it
            shares the ledger below, or an always-on computer running <code>dosing-ledger host</code>. What you do here
            applies to them; this computer itself needs no enrolment.
          </Notice>
          <ClinicNetworkPanel />
        </>
      )}
      <div aria-live="polite">{message !== null && <Notice tone="success">{message}</Notice>}</div>
      <ApproveDeviceForm
        onApproved={(device) =>
          done(`${device.name ?? 'The device'} is enrolled. Its screen moves on to signing in by itself.`)
        }
      />
      <section className="card" aria-labelledby="device-list-title">
        <h2 id="device-list-title">Devices</h2>
        <LoadState loaded={list.loaded} what="devices" />
        {page !== null && (
          <>
            <DeviceList
              devices={page.devices}
              clinicTimeZone={clinic.timeZone}
              onRename={(device) => setOpen({ kind: 'rename', device })}
              onRevoke={(device) => setOpen({ kind: 'revoke', device })}
            />
            {page.total > 0 && <p className="hint">{pageWords(offset, page.devices.length, page.total)}</p>}
            <div className="actions">
              {offset > 0 && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setOffset(Math.max(0, offset - devicesPageSize))}
                >
                  Newer devices
                </button>
              )}
              {offset + page.devices.length < page.total && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setOffset(offset + devicesPageSize)}
                >
                  Older devices
                </button>
              )}
            </div>
          </>
        )}
      </section>
      {open?.kind === 'rename' && (
        <RenameDeviceDialog
          device={open.device}
          onClose={() => setOpen(null)}
          onRenamed={(device) => done(`The device is now named ${device.name ?? ''}.`)}
        />
      )}
      {open?.kind === 'revoke' && (
        <RevokeDeviceDialog
          device={open.device}
          onClose={() => setOpen(null)}
          onRevoked={(device) =>
            done(
              `${device.name ?? `The request ${device.pairingCode}`} is revoked. Nobody can use the ledger from it now.`,
            )
          }
        />
      )}
    </div>
  );
}

import type { Device } from '../../../domain/devices';
import { deviceEvents, deviceStatusWords } from './device-words';

/** The clinic host's devices, newest request first: name, status, where from, and who did what when. */
export function DeviceList({
  devices,
  clinicTimeZone,
  onRename,
  onRevoke,
}: {
  devices: readonly Device[];
  clinicTimeZone: string;
  onRename: (device: Device) => void;
  onRevoke: (device: Device) => void;
}) {
  if (devices.length === 0) return <p>No device has asked to be enrolled yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table device-table">
        <caption className="visually-hidden">Devices, newest request first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Requested from</th>
            <th scope="col">History</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => {
            const label = device.name ?? `the device with code ${device.pairingCode}`;
            return (
              <tr key={device.id}>
                <td>
                  {device.name === null ? (
                    <span className="value-unknown">No name yet</span>
                  ) : (
                    <span dir="auto">{device.name}</span>
                  )}
                  <div className="hint">
                    Code <code>{device.pairingCode}</code>
                  </div>
                </td>
                <td>
                  <strong>{deviceStatusWords[device.status]}</strong>
                </td>
                <td>
                  {device.requestedFrom === '' ? 'Not known' : device.requestedFrom}
                  {device.userAgent !== '' && (
                    <div className="hint device-agent" dir="auto">
                      {device.userAgent}
                    </div>
                  )}
                </td>
                <td>
                  {deviceEvents(device, clinicTimeZone).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  {device.revoked !== null && (
                    <div className="hint">
                      Reason <span dir="auto">{device.revoked.reason}</span>
                    </div>
                  )}
                </td>
                <td>
                  <div className="device-row-actions">
                    {device.status === 'active' && (
                      <button type="button" className="button button-secondary" onClick={() => onRename(device)}>
                        Rename<span className="visually-hidden"> {label}</span>
                      </button>
                    )}
                    {(device.status === 'active' || device.status === 'pending') && (
                      <button type="button" className="button button-danger" onClick={() => onRevoke(device)}>
                        Revoke<span className="visually-hidden"> {label}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

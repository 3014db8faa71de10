import type { ReactNode } from 'react';
import type { IconName } from './Icon';
import { Icon } from './Icon';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

const icons: Record<NoticeTone, IconName> = { info: 'info', success: 'check', warning: 'warning', error: 'warning' };

/**
 * A message box. `live` makes it a status (polite) or alert (assertive) region so that a
 * message appearing after an action is read out.
 */
export function Notice({
  tone,
  children,
  live = 'none',
  title,
}: {
  tone: NoticeTone;
  children: ReactNode;
  live?: 'none' | 'status' | 'alert';
  title?: string;
}) {
  return (
    <div className={`notice notice-${tone}`} role={live === 'none' ? undefined : live}>
      <Icon name={icons[tone]} className="notice-icon" />
      <div className="notice-body">
        {title !== undefined && <p className="notice-title">{title}</p>}
        <div>{children}</div>
      </div>
    </div>
  );
}

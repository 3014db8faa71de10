import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';

const duties = {
  receipt: 'record receipts',
  inventory: 'record inventories',
} as const;

/**
 * A register form the clinic's settings may not give this role (an administrator decides who
 * records receipts and counts): said before anything is typed, not after a refused save.
 */
export function RequireRegisterDuty({ duty, children }: { duty: keyof typeof duties; children: ReactNode }) {
  const { loaded } = useCall('register.overview', {});
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} what="register" />;
  if (loaded.value.mayRecord[duty]) return children;
  return (
    <div className="page page-narrow">
      <Notice tone="warning" title="Not allowed by the clinic’s register settings">
        The clinic’s register settings do not allow your role to {duties[duty]}. An administrator can change this.{' '}
        <Link to="/register">Back to the register</Link>
      </Notice>
    </div>
  );
}

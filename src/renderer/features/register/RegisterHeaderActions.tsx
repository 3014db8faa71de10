import { Link } from 'react-router';
import type { RegisterOverview } from '../../../contract/register-methods';

/**
 * Recording a receipt or a count, offered only to whom the clinic's register settings allow it
 * (the overview says so for the signed-in user); the server still refuses anyone else.
 */
export function RegisterHeaderActions({ mayRecord }: { mayRecord: RegisterOverview['mayRecord'] }) {
  return (
    <>
      {mayRecord.receipt && (
        <Link className="button button-primary" to="/register/receive">
          Record a receipt
        </Link>
      )}
      {mayRecord.inventory && (
        <Link className="button button-secondary" to="/register/count">
          Count (inventory)
        </Link>
      )}
    </>
  );
}

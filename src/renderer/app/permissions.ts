import type { MethodName } from '../../contract/methods';
import { methods } from '../../contract/methods';
import type { Role } from '../../domain/roles';

/**
 * Whether a role may call a method, read from the contract itself, so that menus and
 * buttons never offer what the back end would refuse.
 */
export function mayCall(role: Role, method: MethodName): boolean {
  const access = methods[method].access;
  return access === 'public' || access === 'signed-in' || access.includes(role);
}

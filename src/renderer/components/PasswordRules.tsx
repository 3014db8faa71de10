import { passwordRules } from '../../domain/password-policy';
import { Icon } from './Icon';

/**
 * The clinic's password rules, ticked off as the user types. The password field points
 * here with aria-describedby; each rule says "met" or "not met yet" in words, not only by
 * its mark.
 */
export function PasswordRules({ id, password, username }: { id: string; password: string; username?: string }) {
  // Nothing typed meets nothing, even "does not contain the username".
  const rules = passwordRules(password, username).map((rule) => ({ ...rule, met: password !== '' && rule.met }));
  return (
    <ul className="password-rules" id={id} aria-label="Password rules">
      {rules.map((rule) => (
        <li key={rule.id} className={rule.met ? 'rule rule-met' : 'rule'}>
          <Icon name={rule.met ? 'check' : 'pending'} className="rule-mark" />
          <span>{rule.label}</span>
          <span className="visually-hidden">{rule.met ? ', met' : ', not met yet'}</span>
        </li>
      ))}
    </ul>
  );
}

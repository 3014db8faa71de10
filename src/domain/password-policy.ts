export interface PasswordRule {
  id: string;
  /** Plain words shown next to the field while the user types. */
  label: string;
  met: boolean;
}

export const minPasswordLength = 12;

/**
 * The clinic's password rules, evaluated as the user types so each one can be ticked off.
 * Length matters most (NIST SP 800-63B); the other rules stop the obvious choices.
 */
export function passwordRules(password: string, username = ''): PasswordRule[] {
  const lowered = password.toLowerCase();
  const name = username.trim().toLowerCase();
  return [
    {
      id: 'length',
      label: `At least ${minPasswordLength} characters`,
      met: [...password].length >= minPasswordLength,
    },
    { id: 'letter', label: 'Contains a letter', met: /\p{L}/u.test(password) },
    { id: 'digit-or-symbol', label: 'Contains a number or a symbol', met: /[^\p{L}\s]/u.test(password) },
    {
      id: 'not-username',
      label: 'Does not contain the username',
      met: name.length < 3 || !lowered.includes(name),
    },
  ];
}

export function passwordProblems(password: string, username = ''): string[] {
  return passwordRules(password, username)
    .filter((rule) => !rule.met)
    .map((rule) => rule.label);
}

import type { z } from 'zod';

/**
 * Messages for the zod checks that carry no wording of their own (choices, numbers),
 * in plain words instead of zod's "Invalid option: expected one of …".
 */
export function plainZodMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options';
    case 'invalid_type':
      return issue.expected === 'number' ? 'Enter a number' : 'Fill in this field';
    case 'too_small':
      return issue.origin === 'string' ? 'Fill in this field' : undefined;
    default:
      return undefined;
  }
}

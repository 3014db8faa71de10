import type { FieldError, FieldValues, Resolver } from 'react-hook-form';

/** zod's own wording for these says nothing about the field ("Invalid option: …"). */
const genericTypes = new Set(['invalid_value', 'invalid_type', 'invalid_union', 'invalid_format']);

function errorAt(errors: object, path: string): FieldError | undefined {
  let node: unknown = errors;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null && 'type' in node ? (node as FieldError) : undefined;
}

/**
 * Replaces zod's generic messages on the given fields with words that say what to do,
 * e.g. "Choose the patient's sex". Messages written in the domain schemas are kept.
 */
export function withFieldMessages<TFieldValues extends FieldValues, TContext, TOutput>(
  resolver: Resolver<TFieldValues, TContext, TOutput>,
  messages: Readonly<Record<string, string>>,
): Resolver<TFieldValues, TContext, TOutput> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const [path, message] of Object.entries(messages)) {
      const error = errorAt(result.errors, path);
      if (error !== undefined && genericTypes.has(error.type)) error.message = message;
    }
    return result;
  };
}

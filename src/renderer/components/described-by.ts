/** Joins the ids that describe a control, or undefined when there are none. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => id !== undefined && id !== '');
  return present.length === 0 ? undefined : present.join(' ');
}

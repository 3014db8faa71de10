/** A field's error in words, announced as an error to screen readers; nothing when there is none. */
export function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <p className="field-error" id={id}>
      <span className="visually-hidden">Error </span>
      {error}
    </p>
  );
}

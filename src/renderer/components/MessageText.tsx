/** A printed date, optionally with time and offset: "23-Nov-2026 15:16 UTC−05:00". */
const dateTime = /(\d{2}-[A-Z][a-z]{2}-\d{4}(?: \d{2}:\d{2})?(?: UTC[+\u2212]\d{2}:\d{2})?)/;

/**
 * A message from the server, with each date and time kept on one line: "23-Nov-" at the
 * end of a line and "2026" on the next reads badly and can be misread.
 */
export function MessageText({ text }: { text: string }) {
  const parts = text.split(dateTime);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span className="nowrap" key={index}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * The line under an input: an error (with the text around the offending position marked), or a hint.
 * It always takes one line, so messages appearing and going never move the layout.
 */
export function FieldMessage({ id, error, position, text, hint }: { id: string; error?: string; position?: number; text?: string; hint?: React.ReactNode }) {
  if (error) {
    const chars = text ? Array.from(text) : [];
    const at = position !== undefined && position >= 1 && position <= chars.length + 1 ? position - 1 : -1;
    return (
      <p className="field-msg error" id={id} role="alert">
        {at >= 0 && (
          <code className="pointer" aria-hidden="true">
            {chars.slice(Math.max(0, at - 8), at).join("")}
            <mark>{chars[at] ?? " "}</mark>
            {chars.slice(at + 1, at + 9).join("")}
          </code>
        )}
        {error}
      </p>
    );
  }
  return (
    <p className="field-msg" id={id}>
      {hint}
    </p>
  );
}

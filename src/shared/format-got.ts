const MAX_GOT_CHARS = 40;

/** The value a user wrote, JSON-ish and short enough to sit inside a one-line message. */
export function formatGot(value: unknown): string {
  let text: string;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    text = String(value);
  else if (value === undefined) text = 'nothing';
  else if (value instanceof Uint8Array) text = `binary data (${value.length} bytes)`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_GOT_CHARS ? `${text.slice(0, MAX_GOT_CHARS - 1)}…` : text;
}

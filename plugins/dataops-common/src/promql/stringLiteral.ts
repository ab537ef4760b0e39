/**
 * PromQL string literals follow Go's quoting rules. Only the escapes Go accepts are decoded; anything else is
 * rejected rather than guessed, because a mis-decoded value would silently select different series.
 */
const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

export function decodeStringLiteral(raw: string): string {
  const quote = raw[0];
  if (raw.length < 2 || raw[raw.length - 1] !== quote) {
    throw new Error(`unterminated string ${raw}`);
  }
  const body = raw.slice(1, -1);
  if (quote === '`') {
    return body;
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i];
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      continue;
    }
    const hexLength = { x: 2, u: 4, U: 8 }[next as 'x' | 'u' | 'U'];
    if (hexLength) {
      const hex = body.slice(i + 1, i + 1 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) {
        throw new Error(`invalid escape \\${next}${hex} in ${raw}`);
      }
      out += String.fromCodePoint(parseInt(hex, 16));
      i += hexLength;
      continue;
    }
    const octal = body.slice(i, i + 3);
    if (/^[0-7]{3}$/.test(octal)) {
      out += String.fromCharCode(parseInt(octal, 8));
      i += 2;
      continue;
    }
    throw new Error(`invalid escape \\${next ?? ''} in ${raw}`);
  }
  return out;
}

/** JSON string escaping is a subset of what PromQL double-quoted strings accept. */
export function encodeStringLiteral(value: string): string {
  return JSON.stringify(value);
}

/** Field names whose values are never shown, whatever they hold. Matched case-insensitively as substrings. */
export const DEFAULT_SENSITIVE_FIELDS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'authorization',
  'cookie',
  'credential',
  'private_key',
  'privatekey',
  'access_key',
  'accesskey',
  'session_id',
];

export const MASK = '****';

/**
 * Values that look like secrets wherever they appear, also inside messages. Each pattern is linear in the
 * line length: a match can only start at a fixed prefix and every repetition is bounded by characters the
 * prefix cannot contain (JSON Web Tokens are found by `maskJwts` instead, see there).
 */
const SECRET_VALUES: RegExp[] = [
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|xox[abpr]-[A-Za-z0-9-]{10,})\b/g, // GitHub, Slack tokens
];
/** `password=...`, `token: ...`, `Authorization: Bearer ...` inside free text. */
const SECRET_ASSIGNMENT =
  /\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|authorization)\b["']?\s*[:=]\s*["']?(?:Bearer\s+|Basic\s+)?)[^\s"',;&]+/gi;

/** Runs of the characters a JSON Web Token is written in: base64url segments joined by dots. */
const TOKEN_RUN = /[A-Za-z0-9_.-]+/g;
const JWT_SEGMENT = /^eyJ[A-Za-z0-9_-]{5,}$/;
const JWT_MIN_SEGMENT = 5;

/**
 * Replaces JSON Web Tokens (`eyJ<header>.eyJ<payload>.<signature>`, each part at least 5 characters after
 * its prefix) by the mask. A single regular expression for this backtracks from every `eyJ` to the end of
 * the surrounding run, which is quadratic on a long line of `eyJ` fragments; here each run of token
 * characters is split on dots once and its segments are checked in one pass, so the work is linear.
 */
function maskJwts(text: string): string {
  return text.replace(TOKEN_RUN, run => {
    if (!run.includes('.')) {
      return run;
    }
    const parts = run.split('.');
    const out: string[] = [];
    let i = 0;
    while (i < parts.length) {
      const start = parts[i].indexOf('eyJ');
      const isJwt =
        i + 2 < parts.length &&
        start >= 0 &&
        parts[i].length - start - 3 >= JWT_MIN_SEGMENT &&
        JWT_SEGMENT.test(parts[i + 1]) &&
        parts[i + 2].length >= JWT_MIN_SEGMENT;
      if (isJwt) {
        out.push(`${parts[i].slice(0, start)}${MASK}`);
        i += 3;
      } else {
        out.push(parts[i]);
        i += 1;
      }
    }
    return out.join('.');
  });
}

export function maskText(text: string): { text: string; masked: boolean } {
  let out = maskJwts(text);
  for (const pattern of SECRET_VALUES) {
    out = out.replace(pattern, MASK);
  }
  out = out.replace(SECRET_ASSIGNMENT, `$1${MASK}`);
  return { text: out, masked: out !== text };
}

/**
 * Masks a log document before it leaves the backend: values under sensitive field names are replaced
 * whole; strings elsewhere have secret-looking parts replaced. Returns the dotted paths that were masked.
 */
export function maskLogFields(
  source: Record<string, unknown>,
  extraSensitiveFields: string[] = [],
): { fields: Record<string, unknown>; maskedFields: string[] } {
  const names = [...DEFAULT_SENSITIVE_FIELDS, ...extraSensitiveFields].map(n =>
    n.toLowerCase(),
  );
  const isSensitive = (key: string) => {
    const k = key.toLowerCase();
    return names.some(n => k.includes(n));
  };
  const maskedFields: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const { text, masked } = maskText(value);
      if (masked) {
        maskedFields.push(path);
      }
      return text;
    }
    if (Array.isArray(value)) {
      return value.map((v, i) => walk(v, `${path}.${i}`));
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (isSensitive(key) || isSensitive(child)) {
          out[key] = MASK;
          maskedFields.push(child);
        } else {
          out[key] = walk(v, child);
        }
      }
      return out;
    }
    return value;
  };
  return {
    fields: walk(source, '') as Record<string, unknown>,
    maskedFields,
  };
}

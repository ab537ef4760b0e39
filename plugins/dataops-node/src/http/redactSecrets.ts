/** Shorter values (`on`, `1`) are not credentials and would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;
const NOT_CREDENTIALS = new Set(['accept', 'content-type', 'content-length']);

/**
 * The credentials a request carries, in every form an upstream may echo them back in an error body: each
 * header value, the token after its scheme (`Bearer x`), and for Basic auth the decoded `user:password`
 * and the password alone.
 * @public
 */
export function credentialsOf(headers: HeadersInit | undefined): string[] {
  const values: string[] = [];
  new Headers(headers).forEach((value, name) => {
    if (NOT_CREDENTIALS.has(name)) {
      return;
    }
    values.push(value);
    const [scheme, credential] = value.trim().split(/\s+/, 2);
    if (!credential) {
      return;
    }
    values.push(credential);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      values.push(decoded, decoded.slice(decoded.indexOf(':') + 1));
    }
  });
  return values;
}

/** Replaces every occurrence of each secret (longest first, so no part of one survives) by `****`. @public */
export function redactSecrets(text: string, secrets: string[]): string {
  return secrets
    .filter(s => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .reduce((out, secret) => out.split(secret).join('****'), text);
}

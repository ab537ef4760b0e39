/**
 * A URL that may become a link in the browser, or `undefined`. Only absolute `http:` and `https:` URLs pass
 * (so `javascript:`, `data:` and relative URLs are dropped, whatever their case or leading blanks), and
 * any `user:password@` part is removed so a credential never reaches a rendered page. The answer is the
 * parsed URL's normal form, never the input string itself.
 *
 * The backend applies it to every URL it sends (alert sources, runbooks, built links) and the frontend again
 * to every URL it renders, so neither side trusts the other.
 * @public
 */
export function safeLinkUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return undefined;
  }
  if (!url.hostname) {
    return undefined;
  }
  url.username = '';
  url.password = '';
  return url.href;
}

import type { Config } from '@backstage/config';

/**
 * Calls in flight to one upstream of one environment when the source sets no `maxConcurrency`. A cold
 * summary asks one environment's Thanos about 40 questions at once (panels, checks, their freshness probes,
 * SLO queries); a cap below that splits one page view into several rounds of upstream latency. @public
 */
export const DEFAULT_SOURCE_CONCURRENCY = 64;

/**
 * An upstream's base URL, checked: http or https only, and no `user:password@` in it (credentials go in
 * the fields Backstage treats as secrets, so they never reach logs). Trailing slashes are dropped so paths
 * can be appended. `where` names the config item in the error, e.g. `thanos` or `argocd[0] 'prod'`.
 * @public
 */
export function checkSourceUrl(url: string, where: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${where}.url '${url}' is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${where}.url must be http or https`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(
      `${where}.url must not contain credentials; use the credential fields`,
    );
  }
  return url.replace(/\/+$/, '');
}

/** The required `url` of a source's config item, checked by {@link checkSourceUrl}. @public */
export function readSourceUrl(config: Config, where: string): string {
  return checkSourceUrl(config.getString('url'), where);
}

/** A map of header names to values (e.g. `headers: { Authorization: Bearer ... }`); empty when absent. @public */
export function readSourceHeaders(
  config: Config,
  key: string = 'headers',
): Record<string, string> {
  const headers = config.getOptionalConfig(key);
  const out: Record<string, string> = {};
  for (const name of headers?.keys() ?? []) {
    out[name] = headers!.getString(name);
  }
  return out;
}

/** `maxConcurrency` of a source's config item, a positive integer, {@link DEFAULT_SOURCE_CONCURRENCY} when absent. @public */
export function readSourceConcurrency(config: Config, where: string): number {
  const value =
    config.getOptionalNumber('maxConcurrency') ?? DEFAULT_SOURCE_CONCURRENCY;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${where}.maxConcurrency must be a positive integer`);
  }
  return value;
}

import { safeLinkUrl } from '@dataops-observability/plugin-dataops-common';

/**
 * A configured base URL for links out, checked at start-up: absolute `http:` or `https:`, no
 * `user:password@`, no query or fragment (paths are appended to it). Trailing slashes are dropped.
 * `where` names the config key in the error, e.g. `thanos.uiUrl`.
 */
export function checkLinkBase(value: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${where} '${value}' is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${where} must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new Error(
      `${where} must not contain credentials; links are shown to every reader`,
    );
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new Error(
      `${where} must be a base URL without query or fragment; use a template with placeholders instead`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** A link template checked at start-up (see {@link compileLinkTemplate}). */
export interface LinkTemplate {
  /** The template as configured. */
  template: string;
  /** Scheme, host and port every filled link must keep. */
  origin: string;
}

/** True when the configured value is a template (has a `{{...}}` placeholder) rather than a base URL. */
export function isLinkTemplate(value: string): boolean {
  return value.includes('{{');
}

/**
 * Checks a link template such as `https://grafana.example/explore?left=...{{query}}...`: only the
 * placeholders in `allowed`, none of them before the path (so scheme, host and port are fixed by the
 * configuration, never by data), an `http:` or `https:` URL without credentials.
 */
export function compileLinkTemplate(
  template: string,
  where: string,
  allowed: readonly string[],
): LinkTemplate {
  const names = Array.from(template.matchAll(PLACEHOLDER), m => m[1]);
  const unknown = names.filter(n => !allowed.includes(n));
  if (unknown.length) {
    throw new Error(
      `${where}: unknown placeholder {{${unknown[0]}}}; use ${allowed
        .map(a => `{{${a}}}`)
        .join(', ')}`,
    );
  }
  // JSON in a template (Grafana's `left=`) has braces of its own; only a broken placeholder is refused.
  const rest = template.replace(PLACEHOLDER, '');
  const broken = /\{\{[^{}]{0,40}\}?/.exec(rest);
  if (broken) {
    throw new Error(`${where}: malformed placeholder '${broken[0]}'`);
  }
  const first = template.search(PLACEHOLDER);
  const prefix = first < 0 ? template : template.slice(0, first);
  if (!/^https?:\/\/[^/?#]+[/?#]/i.test(prefix)) {
    throw new Error(
      `${where}: placeholders may only follow the host, e.g. https://grafana.example/explore?...{{query}}`,
    );
  }
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, 'x'));
  } catch {
    throw new Error(`${where} '${template}' is not a valid URL template`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${where} must be an http or https URL`);
  }
  if (url.username || url.password) {
    throw new Error(
      `${where} must not contain credentials; links are shown to every reader`,
    );
  }
  return { template, origin: url.origin };
}

/**
 * Fills a checked template: every value is URL-encoded (`encodeURIComponent`), a placeholder without a
 * value becomes empty. Names in `preEncoded` hold values the caller encoded itself (a path whose segments
 * are encoded one by one). The result passes {@link safeLinkUrl} and keeps the template's origin, or there
 * is no link.
 */
export function fillLinkTemplate(
  template: LinkTemplate,
  values: ReadonlyMap<string, string>,
  preEncoded: ReadonlySet<string> = new Set(),
): string | undefined {
  const filled = template.template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values.get(name) ?? '';
    return preEncoded.has(name) ? value : encodeURIComponent(value);
  });
  const url = safeLinkUrl(filled);
  if (!url || new URL(url).origin !== template.origin) {
    return undefined;
  }
  return url;
}

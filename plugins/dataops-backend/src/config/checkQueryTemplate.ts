import { renderQuery } from '@dataops-observability/plugin-dataops-common';

/**
 * Fails at start-up, not on the first page view, when a configured PromQL template does not parse. Any
 * identity value will do: this only proves the template is PromQL. `where` names the config item.
 */
export function checkQueryTemplate(
  query: string | undefined,
  where: string,
): void {
  if (!query) {
    return;
  }
  try {
    renderQuery(query, {
      matchers: [],
      identity: new Proxy({}, { get: () => 'x' }),
    });
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
}

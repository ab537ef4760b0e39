import type { ConfiguredEnvironment } from '../app/appConfig';
import type { EntityName } from '../app/catalogEntity';

/** `GET /v1/environments` lists exactly the configured environments, each with the sources it configures. */
export function environmentsProblems(
  body: any,
  expected: ConfiguredEnvironment[],
): string[] {
  const listed: any[] = Array.isArray(body?.environments)
    ? body.environments
    : [];
  const problems: string[] = [];
  const names = listed.map(e => e?.name);
  if (JSON.stringify(names) !== JSON.stringify(expected.map(e => e.name))) {
    problems.push(
      `lists environments ${JSON.stringify(names)}, expected ${JSON.stringify(
        expected.map(e => e.name),
      )}`,
    );
  }
  for (const env of expected) {
    const sources = listed.find(e => e?.name === env.name)?.sources ?? {};
    for (const source of env.sources) {
      if (sources[source] !== true) {
        problems.push(
          `environment ${env.name}: source ${source} is not reported as configured`,
        );
      }
    }
  }
  return problems;
}

/** Real data in one environment's entry of a view, or why there is none. */
function entryProblem(view: string, entry: any): string | undefined {
  if (entry.status !== 'ok') {
    return `status ${entry.status}${
      entry.error ? ` (${entry.error.type}: ${entry.error.message})` : ''
    }`;
  }
  if (view === 'summary') {
    const levels = Object.values(entry.data?.areas ?? {}).map(
      (a: any) => a?.level,
    );
    if (levels.length === 0 || levels.every(l => l === 'unknown')) {
      return `no area has a known health level (${JSON.stringify(
        entry.data?.areas,
      )})`;
    }
  }
  if (view === 'metrics') {
    const panels: any[] = entry.data?.panels ?? [];
    const withPoints = panels.filter(p =>
      p?.series?.some((s: any) => s?.points?.length > 0),
    );
    if (withPoints.length === 0) {
      return `none of its ${panels.length} panels has a sample`;
    }
  }
  return undefined;
}

/** An entity view answers one entry per configured environment, each with real data. */
export function entityViewProblems(
  view: string,
  entity: EntityName,
  body: any,
  expected: ConfiguredEnvironment[],
): string[] {
  const problems: string[] = [];
  const ref = `${entity.kind}:${entity.namespace}/${entity.name}`;
  if (body?.entityRef !== ref) {
    problems.push(
      `entityRef is ${JSON.stringify(body?.entityRef)}, expected ${ref}`,
    );
  }
  const entries: any[] = Array.isArray(body?.environments)
    ? body.environments
    : [];
  for (const env of expected) {
    const entry = entries.find(e => e?.env === env.name);
    const problem = entry ? entryProblem(view, entry) : 'missing';
    if (problem) {
      problems.push(`environment ${env.name}: ${problem}`);
    }
  }
  return problems;
}

import type { Scenario } from './types';

/** The scenarios named on the command line, in the order of `all`; all of them when none is named. */
export function selectScenarios(
  all: readonly Scenario[],
  ids: readonly string[],
): Scenario[] {
  const unknown = ids.filter(id => !all.some(s => s.id === id));
  if (unknown.length) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; choose from ${all
        .map(s => s.id)
        .join(', ')}`,
    );
  }
  return ids.length ? all.filter(s => ids.includes(s.id)) : [...all];
}

import type {
  PipelineBreak,
  PipelineCell,
  PipelineFreshness,
  PipelineStep,
} from '@dataops-observability/plugin-dataops-common';
import { downstreamOf, Link } from './orderSteps';

const BROKEN = new Set(['critical', 'warning']);

/** The first step, upstream-first, whose cell in `env` is critical or warning. */
export function findFirstBroken(
  steps: PipelineStep[],
  env: string,
): { step: PipelineStep; cell: PipelineCell } | undefined {
  for (const step of steps) {
    const cell = step.cells.find(c => c.env === env);
    if (cell && BROKEN.has(cell.level)) return { step, cell };
  }
  return undefined;
}

/** How a step is named in a sentence: a table by its name in the lake, anything else by its title. */
export const stepName = (step: PipelineStep) => step.tableName ?? step.title;

/** `03:12 UTC` from an ISO 8601 instant. */
function clock(iso: string): string {
  return `${new Date(iso).toISOString().slice(11, 16)} UTC`;
}

/**
 * The break of one environment, in words: what is (or may be) stale downstream, and because of what.
 * `failedAt` is the time of the broken step's last failed run, when its runs are what is wrong.
 */
export function describeBreak(options: {
  env: string;
  step: PipelineStep;
  cell: PipelineCell;
  failedAt?: string;
  steps: PipelineStep[];
  links: Link[];
  sinks: Set<string>;
  freshness: PipelineFreshness[];
}): PipelineBreak {
  const { env, step, cell, failedAt, steps, links, sinks, freshness } = options;
  const below = downstreamOf(step.entityRef, links);
  const affected = steps.filter(
    s => sinks.has(s.entityRef) && below.has(s.entityRef),
  );
  const isStale = (ref: string) =>
    freshness.some(
      f => f.entityRef === ref && f.env === env && BROKEN.has(f.level),
    );
  const cause = failedAt
    ? `${step.title} failed in ${env} at ${clock(failedAt)}`
    : `${step.title} is ${cell.word.toLocaleLowerCase('en-US')} in ${env} (${
        cell.reason
      })`;
  const others = affected.filter(s => s.entityRef !== step.entityRef);
  let sentence: string;
  if (others.length) {
    const names = others.map(stepName).join(', ');
    const plural = others.length > 1;
    const stale = others.some(s => isStale(s.entityRef));
    let verb: string;
    if (stale) verb = plural ? 'are stale' : 'is stale';
    else verb = 'may be stale';
    sentence = `${names} ${verb} because ${cause}`;
  } else if (sinks.has(step.entityRef)) {
    sentence = `${stepName(step)} is ${
      isStale(step.entityRef) ? 'stale' : cell.word.toLocaleLowerCase('en-US')
    } in ${env}: ${cell.reason}`;
  } else {
    sentence = cause;
  }
  return {
    env,
    entityRef: step.entityRef,
    level: cell.level,
    reason: cell.reason,
    ...(failedAt ? { failedAt } : {}),
    affects: affected.map(s => s.entityRef),
    sentence,
  };
}

import type { Priority } from '../api/types';

/**
 * Every alert priority, the most urgent first. Iterate this instead of spelling the list out, so views,
 * counts, routing and validation can not disagree on which priorities exist or in which order they come.
 * @public
 */
export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];

/** True when `value` is one of {@link PRIORITIES}, e.g. a label or configuration value. @public */
export function isPriority(value: unknown): value is Priority {
  return (PRIORITIES as readonly unknown[]).includes(value);
}

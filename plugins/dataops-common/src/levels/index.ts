/**
 * Ordered scales the plugins rank things by: alert priorities and health levels.
 */
export { PRIORITIES, isPriority } from './priorities';
export { DEFAULT_PRIORITY_MAPPING, alertPriority } from './alertPriority';
export type { PriorityLabels, PriorityMapping } from './alertPriority';
export { HEALTH_LEVEL_RANK, worstLevel } from './healthLevels';

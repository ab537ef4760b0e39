/**
 * Ordered scales the plugins rank things by: alert priorities and health levels.
 */
export { PRIORITIES, isPriority } from './priorities';
export { HEALTH_LEVEL_RANK, worstLevel } from './healthLevels';

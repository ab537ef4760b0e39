export * from './refs';
export * from './tabs';
export * from './useTabLink';

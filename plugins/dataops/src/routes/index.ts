export * from './refs';
export * from './useTabLink';

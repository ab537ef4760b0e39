export * from './constants';
export * from './predicates';

export * from './units';
export * from './axisScale';

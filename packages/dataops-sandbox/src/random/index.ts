export { hashString, mix, unit } from './hash';
export { Rng } from './Rng';
export { smoothNoise } from './noise';

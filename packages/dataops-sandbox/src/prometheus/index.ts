export { createPrometheusRouter } from './createPrometheusRouter';
export { formatValue, parseTime } from './formatValue';
export { generateSeries } from './generateSeries';
export { GeneratedSeries } from './GeneratedSeries';
export { MemorySource } from './MemorySource';
export { counter, gauge } from './models';
export type { RateBump } from './models';
export { writeOpenMetrics } from './openMetrics';

export { MetricsTab, MetricsView } from './MetricsTab';
export type { MetricsViewProps } from './MetricsTab';
export { MetricPanelCard } from './MetricPanelCard';
export type { MetricPanelCardProps, Layout } from './MetricPanelCard';
export { MetricChart } from './MetricChart';
export type { MetricChartProps } from './MetricChart';

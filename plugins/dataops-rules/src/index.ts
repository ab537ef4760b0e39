/**
 * Prometheus rules for the SLOs of DataOps entities: recording rules for the SLI error ratio per window
 * and multiwindow burn-rate alerts, as a plain rules file or a PrometheusRule resource.
 *
 * @packageDocumentation
 */
export * from './generator';

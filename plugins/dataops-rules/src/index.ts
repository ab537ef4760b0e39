/**
 * Prometheus rules for the SLOs of DataOps entities: recording rules for the SLI error ratio per window
 * and multiwindow burn-rate alerts, as a plain rules file or a PrometheusRule resource. The `testing`
 * helpers run the real promtool and Prometheus for tests in this and other packages.
 *
 * @packageDocumentation
 */
export * from './generator';
export * from './testing';

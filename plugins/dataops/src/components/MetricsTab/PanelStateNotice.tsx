import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { MetricPanel } from '@dataops-observability/plugin-dataops-common';
import { Link } from '@backstage/core-components';
import { useInventoryLink } from '../../routes';
import { STALE_STYLE, useStaleColours } from '../shared';

/**
 * Why an environment draws no line. The cases read differently on purpose: an empty result, a metric that
 * is never collected and a failed query need different fixes.
 */
export function PanelStateNotice(props: { env: string; panel: MetricPanel }) {
  const stale = useStaleColours();
  const { env, panel } = props;
  const inventoryLink = useInventoryLink()(env);
  switch (panel.state) {
    case 'empty':
      return (
        <Alert severity="info" data-state="empty">
          <AlertTitle>{env}: no samples in range</AlertTitle>
          {panel.stateReason ??
            'The query ran and matched series, but none had samples in the selected range. Try a longer range.'}
        </Alert>
      );
    case 'not-collected':
      return (
        <Alert severity="warning" data-state="not-collected">
          <AlertTitle>{env}: metric not collected</AlertTitle>
          {panel.stateReason ??
            'No series of this metric exist at all in this environment, so the exporter is missing or not scraped.'}{' '}
          No other metric is shown in its place.
          {inventoryLink && (
            <>
              {' '}
              {/* Inside the notice's sentence: underlined, not told apart by colour alone. */}
              <Link to={inventoryLink} underline="always">
                See what {env} collects in the metric inventory.
              </Link>
            </>
          )}
        </Alert>
      );
    case 'stale':
      return (
        <Alert
          severity="warning"
          data-state="stale"
          style={{ background: stale.bg, color: stale.fg }}
        >
          <AlertTitle>
            {env}: {STALE_STYLE.label.toLowerCase()} data
          </AlertTitle>
          {panel.stateReason ??
            'The newest sample is older than this environment allows; the exporter may have stopped.'}
        </Alert>
      );
    case 'error':
      return (
        <Alert severity="error" data-state="error">
          <AlertTitle>{env}: query failed</AlertTitle>
          {panel.stateReason ??
            'The metrics backend rejected or could not run the query.'}
        </Alert>
      );
    default:
      return null;
  }
}

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SloData } from '@dataops-observability/plugin-dataops-common';
import { formatDuration } from '../../format';
import { MutedText, StatusChip } from '../shared';
import { BudgetGauge } from './BudgetGauge';
import { BurndownChart } from './BurndownChart';
import { BurnRateTable } from './BurnRateTable';
import { formatBurnRate, formatPercent } from './sloFormat';

function Exhaustion(props: { data: SloData }) {
  const { errorBudget, burnRates } = props.data;
  const hours = errorBudget.exhaustionHours;
  if (errorBudget.remainingFraction <= 0) {
    return <>The error budget of this period is spent.</>;
  }
  if (hours === null || hours === undefined) {
    const hourRate = burnRates.find(b => b.window === '1h')?.rate;
    return (
      <>
        Not burning right now
        {hourRate === 0 ? ' (no failures in the last hour)' : ''}: the budget is
        not running out.
      </>
    );
  }
  return (
    <>
      At the current burn rate the budget runs out in{' '}
      <strong>{formatDuration(hours * 3_600_000)}</strong>.
    </>
  );
}

function FiringAlerts(props: { data: SloData }) {
  const firing = props.data.alerts.filter(a => a.firing);
  if (firing.length === 0) {
    return <MutedText variant="body2">No burn-rate alert is firing.</MutedText>;
  }
  return (
    <>
      {firing.map(a => (
        <Alert
          key={a.name}
          severity={a.priority === 'P1' ? 'error' : 'warning'}
          aria-label={`${a.priority} ${a.name}`}
        >
          <strong>
            {a.priority} {a.name}
          </strong>
          : burn rate {formatBurnRate(a.longRate)} over {a.longWindow} and{' '}
          {formatBurnRate(a.shortRate)} over {a.shortWindow}, both above{' '}
          {a.threshold}.
        </Alert>
      ))}
    </>
  );
}

/** One environment's SLO: budget, SLI against the objective, burndown, burn rates and alerts. */
export function SloEnvironment(props: { data: SloData }) {
  const { data } = props;
  const header = (
    <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
      <StatusChip level={data.level} />
      <Typography variant="body2">
        {data.sliName}, objective {data.objective}% over {data.window}
      </Typography>
    </Box>
  );
  if (
    data.state === 'not-collected' ||
    data.state === 'no-traffic' ||
    data.sli === null
  ) {
    const noTraffic = data.state !== 'not-collected';
    return (
      <>
        {header}
        <Alert severity={noTraffic ? 'info' : 'warning'}>
          <strong>{noTraffic ? 'No traffic' : 'Not collected'}</strong>:{' '}
          {(
            data.stateReason ??
            `No events in the last ${data.window}: no SLI without traffic.`
          ).replace(/^Not collected: /, '')}{' '}
          {noTraffic ? 'That is not the same as 100%.' : ''}
        </Alert>
      </>
    );
  }
  const meets = data.sli >= data.objective / 100;
  return (
    <>
      {header}
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 16 }}
        alignItems="center"
      >
        <BudgetGauge data={data} />
        <div>
          <Typography variant="h5" component="p" data-testid="sli">
            SLI {formatPercent(data.sli)}
          </Typography>
          <Typography variant="body2">
            {meets ? 'Meets' : 'Below'} the objective of {data.objective}%
          </Typography>
          <Typography variant="body2" data-testid="exhaustion">
            <Exhaustion data={data} />
          </Typography>
        </div>
      </Box>
      <Typography variant="subtitle2" component="h4">
        Burn-rate alerts
      </Typography>
      <FiringAlerts data={data} />
      <Typography variant="subtitle2" component="h4">
        Budget burndown
      </Typography>
      <BurndownChart data={data} />
      <Typography variant="subtitle2" component="h4">
        Burn rates
      </Typography>
      <BurnRateTable data={data} />
    </>
  );
}

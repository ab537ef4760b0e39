import Typography from '@material-ui/core/Typography';

/** What the numbers mean, for someone who has never run an SLO. */
export function SloExplainer() {
  return (
    <section aria-label="What these numbers mean">
      <Typography variant="subtitle2" component="h3">
        What these numbers mean
      </Typography>
      <Typography variant="body2" paragraph>
        <strong>SLI</strong> is the share of runs that went well over the SLO
        period (for a Spark job: successful applications out of all finished
        ones). The <strong>objective</strong> is the share promised, e.g. 99.9%
        over 30 days.
      </Typography>
      <Typography variant="body2" paragraph>
        The <strong>error budget</strong> is what the objective allows to go
        wrong: 100% − 99.9% = 0.1% of the runs, or 43.2 minutes of a 30-day
        month. While budget is left, the team can ship changes; when it is
        spent, reliability work comes first.
      </Typography>
      <Typography variant="body2" paragraph>
        The <strong>burn rate</strong> says how fast the budget is being spent
        compared with spending it evenly over the period. 1 uses it up exactly
        at the end of the period. 36 spends 5% of a 30-day budget in one hour
        and the whole budget in 20 hours: that pages someone (P1). 12 spends 10%
        in six hours and opens a P2.
      </Typography>
      <Typography variant="body2" paragraph>
        An alert fires only when a long window (1h, 6h) <em>and</em> a short
        window (5m, 30m) both burn above the threshold: the long window ignores
        short blips, the short one lets the alert stop soon after the errors
        stop. The burndown chart shows the budget left each day against the
        dashed line of an even spend; below the line, the budget runs out before
        the period ends.
      </Typography>
    </section>
  );
}

import { makeStyles } from '@material-ui/core/styles';
import { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import { MutedText, StatusChip } from '../shared';

const MEANING: Array<[HealthLevel, string]> = [
  ['critical', 'an alerting threshold is crossed: act now'],
  ['warning', 'a target is missed or a threshold is near'],
  ['unknown', 'no data to judge: not collected, or the source failed'],
  ['healthy', 'every check within its target'],
];

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0, 2),
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

/** What each status colour means. */
export function OverviewLegend() {
  const classes = useStyles();
  return (
    <ul className={classes.root} aria-label="Legend">
      {MEANING.map(([level, meaning]) => (
        <li key={level} className={classes.item}>
          <StatusChip level={level} />
          <MutedText variant="body2">{meaning}</MutedText>
        </li>
      ))}
    </ul>
  );
}

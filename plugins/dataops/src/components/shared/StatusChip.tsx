import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import WarningIcon from '@material-ui/icons/Warning';
import { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import { LEVEL_LABEL, useLevelColours } from './healthStyle';

const ICONS: Record<HealthLevel, typeof ErrorIcon> = {
  healthy: CheckCircleIcon,
  warning: WarningIcon,
  critical: ErrorIcon,
  unknown: HelpIcon,
};

const useStyles = makeStyles(theme => ({
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    fontWeight: 600,
    fontSize: '0.8125rem',
    lineHeight: 1.6,
    // No `nowrap`: a long label (an SLA verdict, a freshness note) wraps between words inside its column
    // instead of pushing the page sideways. Words themselves stay whole, even in Backstage's table cells
    // (which set `word-break: break-word`), so a table column never narrows below a chip's longest word.
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  icon: { fontSize: '1rem', flexShrink: 0 },
}));

/** Level as colour, icon and word together. */
export function StatusChip(props: { level: HealthLevel; label?: string }) {
  const { level, label } = props;
  const classes = useStyles();
  const Icon = ICONS[level];
  const colours = useLevelColours()[level];
  return (
    <span
      className={classes.chip}
      style={{ backgroundColor: colours.bg, color: colours.fg }}
      data-level={level}
    >
      <Icon className={classes.icon} aria-hidden />
      {label ?? LEVEL_LABEL[level]}
    </span>
  );
}

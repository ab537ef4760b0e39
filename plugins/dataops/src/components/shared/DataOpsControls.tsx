import { ReactNode } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import { DataOpsQueryState } from '../../hooks';
import { EnvironmentSelector } from './EnvironmentSelector';
import { TimeRangePicker } from './TimeRangePicker';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
    marginBottom: theme.spacing(2),
  },
  spacer: { flex: 1 },
}));

export interface DataOpsControlsProps {
  state: DataOpsQueryState;
  environments: string[];
  /** Hide the range picker on views that have no time axis (deployments). */
  hideTimeRange?: boolean;
  /** Tab-specific controls placed before the refresh button. */
  children?: ReactNode;
}

/** Environment selector, time range and refresh, shared by every DataOps tab. */
export function DataOpsControls(props: DataOpsControlsProps) {
  const { state, environments, hideTimeRange, children } = props;
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <EnvironmentSelector
        options={environments}
        selected={state.envs}
        onChange={state.setEnvs}
      />
      {!hideTimeRange && (
        <TimeRangePicker range={state.range} onChange={state.setRange} />
      )}
      {children}
      <span className={classes.spacer} />
      <Tooltip title="Refresh">
        <IconButton aria-label="Refresh" onClick={state.refresh}>
          <RefreshIcon />
        </IconButton>
      </Tooltip>
    </div>
  );
}

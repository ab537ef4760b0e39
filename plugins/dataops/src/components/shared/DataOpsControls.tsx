import { ReactNode } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  AUTO_REFRESH_CHOICES,
  DataOpsQueryState,
  autoRefreshLabel,
} from '../../hooks';
import { EnvironmentSelector } from './EnvironmentSelector';
import { TimeRangePicker } from './TimeRangePicker';
import { useReadableTextStyles } from './readableText';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
    marginBottom: theme.spacing(2),
  },
  spacer: { flex: 1 },
  refresh: { display: 'flex', alignItems: 'flex-end', gap: theme.spacing(1) },
  interval: { minWidth: 140 },
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
  const readable = useReadableTextStyles();
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
      <div className={classes.refresh}>
        {/* The interval stays visible in the field while it runs; the URL keeps it for a wall screen. */}
        <TextField
          id="dataops-auto-refresh"
          select
          size="small"
          label="Auto-refresh"
          // The theme's secondary text is just under 4.5:1 on the page background.
          InputLabelProps={{ classes: { root: readable.muted } }}
          className={classes.interval}
          value={state.autoRefreshSeconds}
          onChange={e => state.setAutoRefresh(Number(e.target.value))}
        >
          {AUTO_REFRESH_CHOICES.map(seconds => (
            <MenuItem key={seconds} value={seconds}>
              {seconds ? `every ${autoRefreshLabel(seconds)}` : 'off'}
            </MenuItem>
          ))}
        </TextField>
        <Tooltip title="Refresh now">
          <IconButton aria-label="Refresh" onClick={state.refresh}>
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </div>
    </div>
  );
}

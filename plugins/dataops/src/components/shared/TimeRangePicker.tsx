import { useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { DateTime } from 'luxon';
import { TIME_PRESETS, TimePreset, TimeRange } from '../../hooks';

const useStyles = makeStyles(theme => ({
  custom: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'flex-end',
    marginTop: theme.spacing(1),
    flexWrap: 'wrap',
  },
}));

export interface TimeRangePickerProps {
  range: TimeRange;
  onChange(range: TimeRange): void;
}

function toLocalInput(iso: string): string {
  return DateTime.fromISO(iso).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Presets 1h, 6h, 24h, 7d, or a custom window in local time. */
export function TimeRangePicker(props: TimeRangePickerProps) {
  const { range, onChange } = props;
  const classes = useStyles();
  const [customOpen, setCustomOpen] = useState(range.kind === 'absolute');
  const initialTo =
    range.kind === 'absolute' ? range.to : new Date().toISOString();
  const initialFrom =
    range.kind === 'absolute'
      ? range.from
      : new Date(Date.now() - 3_600_000).toISOString();
  const [from, setFrom] = useState(toLocalInput(initialFrom));
  const [to, setTo] = useState(toLocalInput(initialTo));
  const fromDt = DateTime.fromISO(from);
  const toDt = DateTime.fromISO(to);
  const invalid = !fromDt.isValid || !toDt.isValid || fromDt >= toDt;

  const value =
    customOpen || range.kind === 'absolute' ? 'custom' : range.preset;

  return (
    <div>
      <Typography variant="caption" component="div" id="dataops-range-label">
        Time range
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        aria-labelledby="dataops-range-label"
        value={value}
        onChange={(_e, next: string | null) => {
          if (!next) return;
          if (next === 'custom') {
            setCustomOpen(true);
            return;
          }
          setCustomOpen(false);
          onChange({ kind: 'preset', preset: next as TimePreset });
        }}
      >
        {TIME_PRESETS.map(p => (
          <ToggleButton key={p} value={p} aria-label={`last ${p}`}>
            {p}
          </ToggleButton>
        ))}
        <ToggleButton value="custom" aria-label="custom range">
          custom
        </ToggleButton>
      </ToggleButtonGroup>
      {value === 'custom' && (
        <form
          className={classes.custom}
          onSubmit={e => {
            e.preventDefault();
            if (invalid) return;
            onChange({
              kind: 'absolute',
              from: fromDt.toUTC().toISO()!,
              to: toDt.toUTC().toISO()!,
            });
          }}
        >
          <TextField
            id="dataops-range-from"
            label="From"
            type="datetime-local"
            size="small"
            value={from}
            onChange={e => setFrom(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
          <TextField
            id="dataops-range-to"
            label="To"
            type="datetime-local"
            size="small"
            value={to}
            onChange={e => setTo(e.target.value)}
            InputLabelProps={{ shrink: true }}
            error={invalid}
            helperText={invalid ? 'From must be before To' : undefined}
          />
          <Button
            type="submit"
            variant="outlined"
            size="small"
            disabled={invalid}
          >
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}

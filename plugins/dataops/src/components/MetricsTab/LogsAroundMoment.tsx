import { useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { DateTime } from 'luxon';

/** Ids for the label-field pair; React 17 (still supported by the plugin) has no useId. */
let nextId = 0;

const INPUT_FORMAT = "yyyy-LL-dd'T'HH:mm";

/**
 * Keyboard path to "open the logs around this point": clicking the chart needs a mouse, so a time field
 * (the browser's own date-time picker, in local time) and a button do the same. The moment must lie inside
 * the chart's range, like a clicked point.
 */
export function LogsAroundMoment(props: {
  panelTitle: string;
  fromMs: number;
  toMs: number;
  envs: string[];
  onOpen(momentMs: number, envs: string[]): void;
}) {
  const { panelTitle, fromMs, toMs, envs, onOpen } = props;
  const [id] = useState(() => `dataops-logs-around-${++nextId}`);
  const [text, setText] = useState(() =>
    DateTime.fromMillis(toMs).toFormat(INPUT_FORMAT),
  );
  const moment = DateTime.fromFormat(text, INPUT_FORMAT);
  const ms = moment.isValid ? moment.toMillis() : NaN;
  let error: string | undefined;
  if (!moment.isValid) error = 'Enter a date and time';
  // A minute of slack: the field has minute precision while the range has milliseconds.
  else if (ms < fromMs - 60_000 || ms > toMs + 60_000)
    error = 'Pick a moment inside the chart range';
  return (
    <form
      aria-label={`Open logs around a moment of ${panelTitle}`}
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        marginTop: 8,
      }}
      onSubmit={e => {
        e.preventDefault();
        if (!error) onOpen(ms, envs);
      }}
    >
      <TextField
        id={id}
        type="datetime-local"
        size="small"
        label="Logs around"
        value={text}
        onChange={e => setText(e.target.value)}
        error={Boolean(error)}
        helperText={error}
        InputLabelProps={{ shrink: true }}
      />
      <Button
        type="submit"
        variant="outlined"
        size="small"
        disabled={Boolean(error)}
      >
        Open logs around this time
      </Button>
    </form>
  );
}

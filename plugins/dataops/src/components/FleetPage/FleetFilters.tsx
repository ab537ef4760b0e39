import { KeyboardEvent, useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FleetFilterName, FleetFilters as Filters } from './useFleetFilters';
import { normaliseOwner, ownerLabel } from './owners';
import { useReadableTextStyles } from '../shared';

/**
 * Label and helper text props of a filter field in the readable secondary colour: the theme's own secondary
 * text is just under 4.5:1 on the light page background (an axe `color-contrast` failure).
 */
function useReadableFieldText() {
  const { muted } = useReadableTextStyles();
  return {
    InputLabelProps: { classes: { root: muted } },
    FormHelperTextProps: { classes: { root: muted } },
  };
}

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  owner: { flex: '2 1 280px', minWidth: 0 },
  field: { flex: '1 1 160px', minWidth: 0 },
  clear: { alignSelf: 'center' },
}));

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Values of a free-text filter, several separated by commas (no accepted value contains one). */
function splitValues(text: string): string[] {
  return unique(
    text
      .split(',')
      .map(v => v.trim())
      .filter(Boolean),
  );
}

/** A text field that applies its value when the user leaves it or presses Enter, not on every key. */
function TextFilter(props: {
  name: FleetFilterName;
  label: string;
  helperText: string;
  values: string[];
  onApply(values: string[]): void;
  className: string;
}) {
  const { name, label, helperText, values, onApply, className } = props;
  const readable = useReadableFieldText();
  const shown = values.join(', ');
  const [text, setText] = useState(shown);
  // Back and forward navigation, or "Clear filters", change the URL under the field.
  useEffect(() => setText(shown), [shown]);
  const apply = () => {
    const next = splitValues(text);
    if (next.join(', ') !== shown) onApply(next);
  };
  return (
    <TextField
      id={`dataops-fleet-filter-${name}`}
      className={className}
      label={label}
      helperText={helperText}
      {...readable}
      variant="outlined"
      size="small"
      value={text}
      onChange={e => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
    />
  );
}

export interface FleetFiltersProps {
  filters: Filters;
  /** Owner groups to offer (those of the answers so far); any other group ref can be typed. */
  ownerOptions: string[];
  /** Environments to offer (those of the answers so far). */
  environmentOptions: string[];
}

/** Owner, type, system, lifecycle and environment filters; every change goes to the page URL. */
export function FleetFilters(props: FleetFiltersProps) {
  const { filters, ownerOptions, environmentOptions } = props;
  const classes = useStyles();
  const readable = useReadableFieldText();
  const owners = filters.values.get('owner') ?? [];
  const envs = filters.values.get('env') ?? [];
  const envOptions = unique([...environmentOptions, ...envs]);

  return (
    <form
      role="search"
      aria-label="Workload filters"
      className={classes.form}
      onSubmit={e => e.preventDefault()}
    >
      <Autocomplete<string, true, false, true>
        id="dataops-fleet-filter-owner"
        className={classes.owner}
        multiple
        freeSolo
        autoSelect
        filterSelectedOptions
        size="small"
        options={ownerOptions}
        value={owners}
        getOptionLabel={ownerLabel}
        onChange={(_event, value) =>
          filters.set('owner', unique(value.map(normaliseOwner)))
        }
        renderInput={params => (
          <TextField
            {...params}
            variant="outlined"
            label="Owner"
            helperText="Group name or ref; empty: your own groups"
            InputLabelProps={{
              ...params.InputLabelProps,
              ...readable.InputLabelProps,
            }}
            FormHelperTextProps={readable.FormHelperTextProps}
          />
        )}
      />
      <TextFilter
        name="type"
        label="Type"
        helperText="e.g. spark-job"
        values={filters.values.get('type') ?? []}
        onApply={v => filters.set('type', v)}
        className={classes.field}
      />
      <TextFilter
        name="system"
        label="System"
        helperText="System name"
        values={filters.values.get('system') ?? []}
        onApply={v => filters.set('system', v)}
        className={classes.field}
      />
      <TextFilter
        name="lifecycle"
        label="Lifecycle"
        helperText="e.g. production"
        values={filters.values.get('lifecycle') ?? []}
        onApply={v => filters.set('lifecycle', v)}
        className={classes.field}
      />
      <FormControl variant="outlined" size="small" className={classes.field}>
        <InputLabel
          id="dataops-fleet-filter-env-label"
          shrink
          {...readable.InputLabelProps}
        >
          Environment
        </InputLabel>
        <Select
          id="dataops-fleet-filter-env"
          labelId="dataops-fleet-filter-env-label"
          input={<OutlinedInput notched label="Environment" />}
          multiple
          displayEmpty
          value={envs}
          onChange={e => filters.set('env', e.target.value as string[])}
          renderValue={selected =>
            (selected as string[]).length
              ? (selected as string[]).join(', ')
              : 'All'
          }
        >
          {envOptions.map(env => (
            <MenuItem key={env} value={env}>
              <Checkbox
                checked={envs.includes(env)}
                size="small"
                color="primary"
                inputProps={{ 'aria-hidden': true }}
                tabIndex={-1}
              />
              <ListItemText primary={env} />
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Box className={classes.clear}>
        <Button
          variant="outlined"
          disabled={!filters.active}
          onClick={() => filters.clear()}
        >
          Clear filters
        </Button>
      </Box>
    </form>
  );
}

import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';

export interface EnvironmentSelectorProps {
  options: string[];
  /** Selected environments; empty means all. */
  selected: string[];
  onChange(envs: string[]): void;
}

/**
 * Any subset of the entity's environments. Selecting none would show nothing, so removing the last one
 * returns to "all" instead.
 */
export function EnvironmentSelector(props: EnvironmentSelectorProps) {
  const { options, selected, onChange } = props;
  if (options.length === 0) return null;
  const effective = selected.length
    ? selected.filter(e => options.includes(e))
    : options;
  return (
    <div>
      <Typography variant="caption" component="div" id="dataops-env-label">
        Environments
      </Typography>
      <ToggleButtonGroup
        size="small"
        aria-labelledby="dataops-env-label"
        value={effective}
        onChange={(_e, value: string[]) => {
          const next = options.filter(o => value.includes(o));
          onChange(next.length === options.length || !next.length ? [] : next);
        }}
      >
        {options.map(env => (
          <ToggleButton key={env} value={env} aria-label={env}>
            {env}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </div>
  );
}

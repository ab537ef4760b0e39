import { useEffect, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { dataOpsApiRef } from '../api';

/** The name templates give `ui:field` to use the picker. */
export const DATAOPS_ENVIRONMENT_PICKER = 'DataOpsEnvironmentPicker';

/**
 * What the picker returns: the chosen environment names, in the order the backend configures them.
 * @public
 */
export const DataOpsEnvironmentPickerFieldSchema = makeFieldSchema({
  output: z => z.array(z.string()),
});

/** Props of {@link DataOpsEnvironmentPicker}. @public */
export type DataOpsEnvironmentPickerProps =
  typeof DataOpsEnvironmentPickerFieldSchema.TProps;

/**
 * The value a field has before anyone touched it: absent, or the placeholder entries the form puts into an
 * array with `minItems` (never a string a person chose).
 */
function untouched(formData: unknown): boolean {
  return (
    formData === undefined ||
    (Array.isArray(formData) &&
      formData.length > 0 &&
      formData.every(v => typeof v !== 'string' || v === ''))
  );
}

/**
 * Scaffolder form field (`ui:field: DataOpsEnvironmentPicker`) for an array of environment names: one
 * checkbox per environment of the DataOps backend's `dataops.environments`, every one ticked at first. A
 * value given beforehand (from the URL, or when going back a step) keeps the configured names it holds.
 * @public
 */
export function DataOpsEnvironmentPicker(props: DataOpsEnvironmentPickerProps) {
  const {
    formData,
    onChange,
    schema,
    uiSchema,
    rawErrors,
    required,
    disabled,
    idSchema,
  } = props;
  const api = useApi(dataOpsApiRef);
  const environments = useAsyncRetry(
    async () => (await api.getEnvironments()).environments.map(e => e.name),
    [api],
  );
  const names = environments.value;
  // Names of the first value that the backend does not configure; left out, and said so.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const settled = useRef(false);

  useEffect(() => {
    if (!names || settled.current) {
      return;
    }
    settled.current = true;
    if (untouched(formData)) {
      onChange(names);
      return;
    }
    const given = (formData ?? []).filter(
      (v): v is string => typeof v === 'string',
    );
    const kept = names.filter(n => given.includes(n));
    const unknown = given.filter(v => !names.includes(v));
    if (unknown.length > 0 || kept.length !== given.length) {
      setLeftOut(unknown);
      onChange(kept);
    }
  }, [names, formData, onChange]);

  const chosen = Array.isArray(formData) ? formData : [];
  const toggle = (name: string, checked: boolean) => {
    const next = new Set(chosen.filter(v => v !== name));
    if (checked) {
      next.add(name);
    }
    onChange((names ?? []).filter(n => next.has(n)));
  };

  const id = idSchema?.$id ?? 'dataops-environments';
  const description = uiSchema?.['ui:description'] ?? schema.description;
  return (
    <FormControl
      component="fieldset"
      margin="normal"
      required={required}
      disabled={disabled}
      error={(rawErrors?.length ?? 0) > 0}
    >
      <FormLabel component="legend" id={`${id}-label`}>
        {schema.title ?? 'Environments'}
      </FormLabel>
      {environments.loading && <Progress aria-label="Loading environments" />}
      {environments.error && (
        <>
          <FormHelperText error role="alert">
            Could not load the environments of the DataOps backend:{' '}
            {environments.error.message}
          </FormHelperText>
          <Button size="small" variant="outlined" onClick={environments.retry}>
            Try again
          </Button>
        </>
      )}
      {names && names.length === 0 && (
        <FormHelperText error role="alert">
          The DataOps backend has no environments configured
          (dataops.environments).
        </FormHelperText>
      )}
      {names && names.length > 0 && (
        <FormGroup aria-labelledby={`${id}-label`}>
          {names.map(name => (
            <FormControlLabel
              key={name}
              label={name}
              control={
                <Checkbox
                  name={name}
                  checked={chosen.includes(name)}
                  onChange={e => toggle(name, e.target.checked)}
                />
              }
            />
          ))}
        </FormGroup>
      )}
      {leftOut.length > 0 && (
        <FormHelperText>
          Not configured in the DataOps backend, so left out:{' '}
          {leftOut.join(', ')}
        </FormHelperText>
      )}
      {description && <FormHelperText>{description}</FormHelperText>}
    </FormControl>
  );
}

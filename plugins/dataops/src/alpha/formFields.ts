import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The scaffolder form field `DataOpsEnvironmentPicker` in the new frontend system: the environments of the
 * DataOps backend as checkboxes, all ticked at first.
 * @alpha
 */
export const dataOpsEnvironmentPickerFormField = FormFieldBlueprint.make({
  name: 'environment-picker',
  params: {
    field: () =>
      import('../scaffolder').then(m =>
        createFormField({
          name: m.DATAOPS_ENVIRONMENT_PICKER,
          component: m.DataOpsEnvironmentPicker,
          schema: m.DataOpsEnvironmentPickerFieldSchema,
        }),
      ),
  },
});

import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { getComponentData } from '@backstage/core-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { DataOpsClient, dataOpsApiRef } from '../api';
import { DataOpsEnvironmentPickerFieldExtension } from '../plugin';
import dataOpsFrontendPlugin, {
  dataOpsEnvironmentPickerFormField,
} from '../alpha';
import { DataOpsEnvironmentPicker } from './DataOpsEnvironmentPicker';

const server = setupServer();
const baseUrl = 'http://backstage.test/api/dataops';

/** What `GET /v1/environments` answers when dev, stage and prod are configured. */
const configured = {
  environments: ['dev', 'stage', 'prod'].map(name => ({
    name,
    sources: { thanos: true },
  })),
};

/** Serves the environments; counts the requests. */
function serveEnvironments(
  answer: () => Response | Promise<Response> = () =>
    HttpResponse.json(configured),
) {
  const calls = { count: 0 };
  server.use(
    http.get(`${baseUrl}/v1/environments`, async () => {
      calls.count += 1;
      return answer();
    }),
  );
  return calls;
}

/** The field in a form of one: keeps the value as the form would and records every change. */
function Field(props: {
  initial?: unknown;
  onValue: (value: unknown) => void;
}) {
  const [value, setValue] = useState<unknown>(props.initial);
  const fieldProps = {
    formData: value,
    onChange: (next: unknown) => {
      setValue(next);
      props.onValue(next);
    },
    schema: {
      title: 'Environments',
      description: 'Where to monitor the workload',
    },
    uiSchema: {},
    rawErrors: [],
    required: true,
    idSchema: { $id: 'root_environments' },
  };
  return <DataOpsEnvironmentPicker {...(fieldProps as any)} />;
}

async function renderField(initial?: unknown) {
  const onValue = jest.fn();
  const client = new DataOpsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, client]]}>
      <Field initial={initial} onValue={onValue} />
    </TestApiProvider>,
  );
  return { onValue };
}

function checkbox(name: string) {
  return screen.getByRole('checkbox', { name });
}

/** Waits until the environment's box is ticked (the first value is set once the list has loaded). */
async function ticked(name: string) {
  await waitFor(() => expect(checkbox(name)).toBeChecked());
}

describe('DataOpsEnvironmentPicker', () => {
  registerMswTestHooks(server);

  it('shows progress while the environments load, then ticks every configured one', async () => {
    let answer: (r: Response) => void = () => {};
    const calls = serveEnvironments(
      () => new Promise<Response>(resolve => (answer = resolve)),
    );
    const { onValue } = await renderField();

    expect(
      await screen.findByRole('progressbar', { name: 'Loading environments' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();

    answer(HttpResponse.json(configured));
    await ticked('dev');
    expect(
      screen.getAllByRole('checkbox').map(c => c.getAttribute('name')),
    ).toEqual(['dev', 'stage', 'prod']);
    expect(checkbox('stage')).toBeChecked();
    expect(checkbox('prod')).toBeChecked();
    expect(onValue).toHaveBeenCalledWith(['dev', 'stage', 'prod']);
    expect(calls.count).toBe(1);
    expect(
      screen.queryByRole('progressbar', { name: 'Loading environments' }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('Where to monitor the workload')).toBeVisible();
  });

  it('ticks every environment when the form hands over the placeholder of an array with minItems', async () => {
    serveEnvironments();
    const { onValue } = await renderField([undefined]);
    await ticked('prod');
    expect(onValue).toHaveBeenCalledWith(['dev', 'stage', 'prod']);
  });

  it('keeps a choice made before, leaving out and naming what the backend does not configure', async () => {
    serveEnvironments();
    const { onValue } = await renderField(['prod', 'qa', 'dev']);
    expect(
      await screen.findByText(
        /Not configured in the DataOps backend, so left out: qa/,
      ),
    ).toBeVisible();
    expect(onValue).toHaveBeenCalledTimes(1);
    expect(onValue).toHaveBeenCalledWith(['dev', 'prod']);
    expect(checkbox('dev')).toBeChecked();
    expect(checkbox('stage')).not.toBeChecked();
    expect(checkbox('prod')).toBeChecked();
  });

  it('leaves a choice of configured environments as it is', async () => {
    serveEnvironments();
    const { onValue } = await renderField(['stage']);
    expect(
      await screen.findByRole('checkbox', { name: 'stage' }),
    ).toBeChecked();
    expect(checkbox('dev')).not.toBeChecked();
    expect(onValue).not.toHaveBeenCalled();
  });

  it('unticks and ticks environments, keeping the configured order', async () => {
    serveEnvironments();
    const { onValue } = await renderField();
    await ticked('dev');
    await ticked('stage');

    await userEvent.click(checkbox('stage'));
    expect(onValue).toHaveBeenLastCalledWith(['dev', 'prod']);
    expect(checkbox('stage')).not.toBeChecked();

    await userEvent.click(checkbox('dev'));
    expect(onValue).toHaveBeenLastCalledWith(['prod']);

    await userEvent.click(checkbox('stage'));
    await userEvent.click(checkbox('dev'));
    expect(onValue).toHaveBeenLastCalledWith(['dev', 'stage', 'prod']);
  });

  it('says when the backend cannot be reached, and loads on a retry', async () => {
    let fail = true;
    const calls = serveEnvironments(() =>
      fail
        ? HttpResponse.json(
            { error: { name: 'Error', message: 'Thanos config broken' } },
            { status: 500 },
          )
        : HttpResponse.json(configured),
    );
    const { onValue } = await renderField();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the environments of the DataOps backend',
    );
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(onValue).not.toHaveBeenCalled();

    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await ticked('dev');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onValue).toHaveBeenCalledWith(['dev', 'stage', 'prod']);
    expect(calls.count).toBe(2);
  });

  it('says when the backend configures no environment', async () => {
    serveEnvironments(() => HttpResponse.json({ environments: [] }));
    const { onValue } = await renderField();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The DataOps backend has no environments configured',
    );
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await waitFor(() => expect(onValue).toHaveBeenCalledWith([]));
  });

  it('marks the field when the form reports an error', async () => {
    serveEnvironments();
    const onValue = jest.fn();
    const client = new DataOpsClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: new MockFetchApi(),
    });
    const props = {
      formData: [],
      onChange: onValue,
      schema: { title: 'Environments' },
      uiSchema: {},
      rawErrors: ['must NOT have fewer than 1 items'],
      required: true,
      idSchema: { $id: 'root_environments' },
    };
    await renderInTestApp(
      <TestApiProvider apis={[[dataOpsApiRef, client]]}>
        <DataOpsEnvironmentPicker {...(props as any)} />
      </TestApiProvider>,
    );
    const group = await screen.findByRole('group', { name: /Environments/ });
    await within(group).findByRole('checkbox', { name: 'dev' });
    expect(screen.getByText(/^Environments/)).toHaveClass('Mui-error');
  });
});

describe('registration of DataOpsEnvironmentPicker', () => {
  it('is a field extension of the legacy scaffolder', () => {
    expect(
      getComponentData(
        <DataOpsEnvironmentPickerFieldExtension />,
        'scaffolder.extensions.field.v1',
      ),
    ).toMatchObject({
      name: 'DataOpsEnvironmentPicker',
      component: DataOpsEnvironmentPicker,
      schema: { returnValue: { type: 'array', items: { type: 'string' } } },
    });
  });

  it('is a form field of the new frontend system, part of the plugin', async () => {
    expect(
      dataOpsFrontendPlugin.getExtension(
        'scaffolder-form-field:dataops/environment-picker',
      ),
    ).toMatchObject({
      kind: 'scaffolder-form-field',
      name: 'environment-picker',
    });
    const loader = createExtensionTester(dataOpsEnvironmentPickerFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    expect(await loader()).toMatchObject({
      name: 'DataOpsEnvironmentPicker',
      component: DataOpsEnvironmentPicker,
    });
  });
});

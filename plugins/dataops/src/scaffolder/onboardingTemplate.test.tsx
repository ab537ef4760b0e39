import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'yaml';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { dataOpsApiRef } from '../api';
import { fakeDataOpsApi } from '../__testUtils__/fakeDataOpsApi';
import {
  DATAOPS_ENVIRONMENT_PICKER,
  DataOpsEnvironmentPicker,
  DataOpsEnvironmentPickerFieldSchema,
} from './DataOpsEnvironmentPicker';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('examples/templates not found above this package');
    }
    dir = parent;
  }
  return dir;
}

/** The onboarding template's environments question, as its first page asks it. */
function environmentsStep() {
  const template = parse(
    readFileSync(
      join(repoRoot(), 'examples/templates/onboard-monitoring/template.yaml'),
      'utf8',
    ),
  );
  const page = template.spec.parameters[0];
  return {
    title: page.title,
    schema: {
      required: ['environments'],
      properties: { environments: page.properties.environments },
    },
  };
}

async function renderForm() {
  const onCreate = jest.fn(async () => {});
  const api = fakeDataOpsApi();
  // 'dr' is in no list the template could keep by hand: the choices come from the backend.
  jest.mocked(api.getEnvironments).mockResolvedValue({
    environments: ['dev', 'stage', 'prod', 'dr'].map(name => ({
      name,
      sources: {},
    })),
  });
  await renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, api]]}>
      <Stepper
        manifest={{ title: 'Onboard', steps: [environmentsStep()] }}
        extensions={[
          {
            name: DATAOPS_ENVIRONMENT_PICKER,
            component: DataOpsEnvironmentPicker,
            schema: DataOpsEnvironmentPickerFieldSchema.schema,
          },
        ]}
        onCreate={onCreate}
      />
    </TestApiProvider>,
  );
  return { onCreate, api };
}

describe('the onboarding template with DataOpsEnvironmentPicker', () => {
  // The stepper scrolls to the top on each page, which jsdom does not implement.
  const scrollTo = window.scrollTo;
  beforeAll(() => {
    window.scrollTo = jest.fn();
  });
  afterAll(() => {
    window.scrollTo = scrollTo;
  });

  it('asks with the picker and submits every configured environment by default', async () => {
    const { onCreate, api } = await renderForm();
    await ticked('dr');
    expect(api.getEnvironments).toHaveBeenCalledTimes(1);

    await userEvent.click(checkboxNamed('dev'));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      environments: ['stage', 'prod', 'dr'],
    });
  });

  it('does not go on without an environment', async () => {
    const { onCreate } = await renderForm();
    await ticked('dev');
    for (const name of ['dev', 'stage', 'prod', 'dr']) {
      await userEvent.click(checkboxNamed(name));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findAllByText(/must NOT have fewer than 1 items/),
    ).not.toHaveLength(0);
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();
    expect(onCreate).not.toHaveBeenCalled();
  });
});

function checkboxNamed(name: string) {
  return screen.getByRole('checkbox', { name });
}

/** Waits until the environment's box is ticked (the first value is set once the list has loaded). */
async function ticked(name: string) {
  await waitFor(() => expect(checkboxNamed(name)).toBeChecked());
}

import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import dataOpsFrontendPlugin, { dataOpsPipelineCard } from './index';
import { dataOpsApiRef } from '../api';
import { fakeDataOpsApi } from '../__testUtils__/fakeDataOpsApi';
import { plainService, sparkJob } from '../__testUtils__/fixtures';

const system: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'sales-analytics', namespace: 'default' },
  spec: { owner: 'sales-data' },
};

describe('dataOpsPipelineCard', () => {
  it('is registered in the plugin', () => {
    expect(
      dataOpsFrontendPlugin.getExtension('entity-card:dataops/pipeline'),
    ).toMatchObject({ kind: 'entity-card', name: 'pipeline' });
  });

  it('shows on systems and on entities of the suite only', () => {
    const filter = createExtensionTester(dataOpsPipelineCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter!(system)).toBe(true);
    expect(filter!(sparkJob)).toBe(true);
    expect(filter!(plainService)).toBe(false);
  });

  it('renders the pipeline through the extension', async () => {
    const api = {
      ...fakeDataOpsApi(),
      getPipeline: jest.fn(async (_entity: unknown) => ({
        entityRef: 'system:default/sales-analytics',
        environments: ['prod'],
        steps: [
          {
            entityRef: 'component:default/sales-returns-pipeline',
            title: 'Sales returns pipeline',
            type: 'airflow-dag',
            order: 0,
            depth: 0,
            inCycle: false,
            cells: [],
            pending: [],
          },
        ],
        edges: [],
        firstBroken: [],
        freshness: [],
        freshnessTargetSeconds: 3600,
        truncated: false,
        hasCycle: false,
      })),
    };
    renderInTestApp(
      <EntityProvider entity={system}>
        {createExtensionTester(dataOpsPipelineCard).reactElement()}
      </EntityProvider>,
      { apis: [[dataOpsApiRef, api]] },
    );
    expect(
      await screen.findByText(
        'Sales returns pipeline',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getPipeline.mock.calls[0][0]).toEqual({
      namespace: 'default',
      kind: 'System',
      name: 'sales-analytics',
    });
  });
});

import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { InventoryResponse } from '@dataops-observability/plugin-dataops-common';
import { DataOpsApi, dataOpsApiRef } from '../../api';
import { fakeDataOpsApi } from '../../__testUtils__/fakeDataOpsApi';
import { InventoryPage } from './InventoryPage';

const response: InventoryResponse = {
  entityTypes: ['spark-job'],
  environments: [
    {
      env: 'dev',
      status: 'ok',
      profile: { spark: 'spark-operator-jmx', s3: 'minio-v2' },
      checkedRange: { from: 0, to: 3600 },
      missing: ['spark_driver_dagscheduler_job_activejobs'],
      warnings: [],
      consumers: [
        {
          kind: 'panel',
          id: 'pod-restarts',
          title: 'Pod restarts (1 h)',
          scope: 'spark-job',
          series: [
            { name: 'kube_pod_container_status_restarts_total', found: true },
          ],
          notCollectedEntities: [],
        },
        {
          kind: 'panel',
          id: 'active-jobs',
          title: 'Active jobs',
          scope: 'spark-job',
          series: [
            { name: 'spark_driver_dagscheduler_job_activejobs', found: false },
          ],
          notCollectedEntities: ['component:default/daily-sales-etl'],
        },
      ],
    },
    {
      env: 'prod',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'thanos',
        message: 'timed out after 10000 ms',
      },
    },
  ],
};

describe('InventoryPage', () => {
  it('asks for the environment in the URL and shows missing series, affected entities and failed environments', async () => {
    const api: DataOpsApi = {
      ...fakeDataOpsApi(),
      getInventory: jest.fn(async () => response),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[dataOpsApiRef, api]]}>
        <InventoryPage />
      </TestApiProvider>,
      { routeEntries: ['/dataops-inventory?env=dev&env=prod'] },
    );
    expect(
      await screen.findByText('dev: 1 series missing'),
    ).toBeInTheDocument();
    expect(api.getInventory).toHaveBeenCalledWith({
      envs: ['dev', 'prod'],
      types: [],
    });
    expect(screen.getByTestId('inventory-missing')).toHaveTextContent(
      'spark_driver_dagscheduler_job_activejobs',
    );
    const missing = screen.getByTestId('series-missing');
    expect(missing).toHaveTextContent(
      'missing: spark_driver_dagscheduler_job_activejobs',
    );
    // The gap is listed first, with the entity it leaves without data.
    const rows = screen.getAllByRole('row');
    expect(within(rows[1]).getByText('Active jobs')).toBeInTheDocument();
    expect(
      within(rows[1]).getByText('component:default/daily-sales-etl'),
    ).toBeInTheDocument();
    expect(screen.getByText('timed out after 10000 ms')).toBeInTheDocument();
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import {
  createExtensionTester,
  renderInTestApp as renderInNewApp,
} from '@backstage/frontend-test-utils';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityViewResponse,
  StorageCheck,
  StorageData,
} from '@dataops-observability/plugin-dataops-common';
import { StorageTab, StorageView } from './StorageTab';
import { isDataOpsStorageAvailable } from '../../annotations';
import { dataOpsStorageContent } from '../../alpha';
import { dataOpsApiRef } from '../../api';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import { plainService, sparkJob } from '../../__testUtils__/fixtures';

const TABLE = 'marketing.web_sessions';
const webSessions: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'marketing-web-sessions',
    namespace: 'default',
    annotations: {
      'dataops.io/iceberg-table': TABLE,
      'dataops.io/storage': 's3:marketing-lake',
    },
  },
  spec: { type: 'iceberg-table', owner: 'marketing-analytics' },
};
const prodOnlyStorage: Entity = {
  ...plainService,
  metadata: {
    ...plainService.metadata,
    annotations: { 'dataops.io/storage.prod': 'oracle:CRM_TS' },
  },
};

const sparkline: Array<[number, number | null]> = [
  [1767225600, 148],
  [1767225660, 150],
];
const check = (over: Partial<StorageCheck>): StorageCheck => ({
  id: 'x',
  title: 'x',
  target: `iceberg:${TABLE}`,
  value: null,
  unit: '',
  level: 'unknown',
  state: 'ok',
  source: 'prometheus',
  ...over,
});

const prodChecks: StorageCheck[] = [
  check({
    id: `iceberg-snapshots@${TABLE}`,
    title: 'Snapshots',
    value: 150,
    unit: 'snapshots',
    threshold: { direction: 'above', warning: 100, critical: 120 },
    level: 'critical',
    query: `max(iceberg_table_snapshots{table="${TABLE}"})`,
    sparkline,
    advice: `Expire old snapshots: CALL lake.system.expire_snapshots(table => '${TABLE}', retain_last => 50)`,
  }),
  check({
    id: 's3-capacity@marketing-lake',
    title: 'Capacity used',
    target: 's3:marketing-lake',
    value: 82,
    unit: '%',
    threshold: { direction: 'above', warning: 80, critical: 85 },
    level: 'warning',
    sparkline: [[1767225600, 82]],
    advice: 'Bucket marketing-lake is filling up: raise its quota',
  }),
  check({
    id: `iceberg-data-files@${TABLE}`,
    title: 'Data files',
    value: 1750,
    unit: 'files',
    level: 'healthy',
    source: 'iceberg-rest',
    query: 'GET /v1/prod/namespaces/marketing/tables/web_sessions',
  }),
  check({
    id: 's3-get-latency@marketing-lake',
    title: 'GET latency P95',
    target: 's3:marketing-lake',
    unit: 'ms',
    state: 'empty',
    stateReason: 'no samples in the selected time range',
  }),
  check({
    id: 'hive-response-time@metastore',
    title: 'Metastore response time P99',
    target: 'hive:metastore',
    unit: 's',
    state: 'not-collected',
    stateReason:
      'not collected: hive_metastore_response_time_seconds has no series for this entity',
  }),
  check({
    id: 'ceph-health@rbd',
    title: 'Cluster health',
    target: 'ceph:rbd',
    unit: 'ceph-health',
    state: 'error',
    stateReason: 'thanos answered 422: bad query',
  }),
];

const response: EntityViewResponse<StorageData> = {
  entityRef: 'resource:default/marketing-web-sessions',
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        checks: [
          check({
            id: `iceberg-snapshots@${TABLE}`,
            title: 'Snapshots',
            value: 20,
            unit: 'snapshots',
            threshold: { direction: 'above', warning: 100, critical: 120 },
            level: 'healthy',
            sparkline,
          }),
          check({
            id: 'ceph-health@rbd',
            title: 'Cluster health',
            target: 'ceph:rbd',
            value: 'HEALTH_OK',
            unit: 'ceph-health',
            level: 'healthy',
          }),
        ],
      },
    },
    {
      env: 'stage',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'thanos',
        message: 'thanos did not answer within 10000 ms',
      },
    },
    { env: 'prod', status: 'ok', data: { checks: prodChecks } },
    { env: 'qa', status: 'not-configured', source: 'thanos' },
  ],
};

const card = (env: string, name: string) =>
  within(screen.getByRole('region', { name: `Environment ${env}` })).getByRole(
    'article',
    { name },
  );

describe('StorageView', () => {
  beforeEach(async () => {
    await renderInTestApp(<StorageView response={response} />);
  });

  it('shows a critical check with value, threshold, sparkline and the exact statement to run', () => {
    const snapshots = card('prod', `Snapshots iceberg:${TABLE}`);
    expect(snapshots).toHaveAttribute('data-level', 'critical');
    expect(within(snapshots).getByText('Critical')).toBeInTheDocument();
    expect(within(snapshots).getByText('150 snapshots')).toBeInTheDocument();
    expect(
      within(snapshots).getByText(
        'Threshold: warning above 100 snapshots, critical above 120 snapshots',
      ),
    ).toBeInTheDocument();
    expect(
      within(snapshots).getByRole('img', {
        name: 'Snapshots over the selected range',
      }),
    ).toBeInTheDocument();
    expect(within(snapshots).getByText('What to do next')).toBeInTheDocument();
    expect(
      within(snapshots).getByText(
        /CALL lake\.system\.expire_snapshots\(table => 'marketing\.web_sessions', retain_last => 50\)/,
      ),
    ).toBeInTheDocument();
  });

  it('shows warnings with their advice and healthy checks without any', () => {
    const capacity = card('prod', 'Capacity used s3:marketing-lake');
    expect(within(capacity).getByText('Warning')).toBeInTheDocument();
    expect(within(capacity).getByText('82%')).toBeInTheDocument();
    expect(within(capacity).getByText(/raise its quota/)).toBeInTheDocument();
    const files = card('prod', `Data files iceberg:${TABLE}`);
    expect(within(files).getByText('Healthy')).toBeInTheDocument();
    expect(within(files).getByText('1.75k files')).toBeInTheDocument();
    expect(within(files).getByText(/from Iceberg catalog/)).toBeInTheDocument();
    expect(within(files).queryByText('What to do next')).toBeNull();
    const health = card('dev', 'Cluster health ceph:rbd');
    expect(within(health).getByText('HEALTH_OK')).toBeInTheDocument();
  });

  it('tells empty, not collected and failed checks apart', () => {
    const empty = card('prod', 'GET latency P95 s3:marketing-lake');
    expect(empty).toHaveAttribute('data-state', 'empty');
    expect(within(empty).getByText('No samples in range')).toBeInTheDocument();
    expect(within(empty).getByText('Unknown')).toBeInTheDocument();
    const missing = card('prod', 'Metastore response time P99 hive:metastore');
    expect(
      within(missing).getByText('Metric not collected'),
    ).toBeInTheDocument();
    expect(
      within(missing).getByText(
        /hive_metastore_response_time_seconds has no series/,
      ),
    ).toBeInTheDocument();
    expect(
      within(missing).getByText(/No other metric is shown in its place/),
    ).toBeInTheDocument();
    const failed = card('prod', 'Cluster health ceph:rbd');
    expect(within(failed).getByText('Check failed')).toBeInTheDocument();
    expect(
      within(failed).getByText('thanos answered 422: bad query'),
    ).toBeInTheDocument();
    expect(within(failed).queryByText('no value')).toBeNull();
  });

  it('shows environment failures in their own column and the worst level per environment', () => {
    const stage = screen.getByRole('region', { name: 'Environment stage' });
    expect(
      within(stage).getByText('thanos in stage timed out'),
    ).toBeInTheDocument();
    const qa = screen.getByRole('region', { name: 'Environment qa' });
    expect(
      within(qa).getByText('thanos is not configured for qa.'),
    ).toBeInTheDocument();
    const prod = screen.getByRole('region', { name: 'Environment prod' });
    expect(
      within(within(prod).getByRole('heading', { level: 3 })).getByText(
        'Critical',
      ),
    ).toBeInTheDocument();
    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(
      within(within(dev).getByRole('heading', { level: 3 })).getByText(
        'Healthy',
      ),
    ).toBeInTheDocument();
  });

  it('reveals the query a check ran', async () => {
    const snapshots = card('prod', `Snapshots iceberg:${TABLE}`);
    await userEvent.click(
      within(snapshots).getByRole('button', { name: 'Show query' }),
    );
    expect(
      within(snapshots).getByLabelText('Query of Snapshots'),
    ).toHaveTextContent(`max(iceberg_table_snapshots{table="${TABLE}"})`);
  });
});

describe('StorageTab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('loads the storage view of the entity for the selected range', async () => {
    const calls: URL[] = [];
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/resource/marketing-web-sessions/storage`,
        ({ request }) => {
          calls.push(new URL(request.url));
          return HttpResponse.json(response);
        },
      ),
      http.get(`${TEST_BASE_URL}/v1/environments`, () =>
        HttpResponse.json({ environments: [] }),
      ),
    );
    await renderWithEntity(<StorageTab />, {
      entity: webSessions,
      route:
        '/catalog/default/resource/marketing-web-sessions/dataops-storage?range=24h',
    });
    expect(await screen.findByText('150 snapshots')).toBeInTheDocument();
    expect(calls[0].searchParams.get('from')).toBe('now-24h');
  });

  it('shows a whole-request failure', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/resource/marketing-web-sessions/storage`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'InputError',
                message:
                  "Bad annotation dataops.io/storage: item 's3' is not of the form kind:name",
              },
            },
            { status: 400 },
          ),
      ),
      http.get(`${TEST_BASE_URL}/v1/environments`, () =>
        HttpResponse.json({ environments: [] }),
      ),
    );
    await renderWithEntity(<StorageTab />, { entity: webSessions });
    expect(
      (await screen.findAllByText(/item 's3' is not of the form kind:name/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('names the annotations to add when the entity has none', async () => {
    await renderWithEntity(<StorageTab />, { entity: plainService });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(screen.getAllByText(/dataops\.io\/storage/).length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getAllByText(/dataops\.io\/iceberg-table/).length,
    ).toBeGreaterThan(0);
  });
});

describe('storage tab availability', () => {
  it('applies to entities with storage or an Iceberg table, also per environment', () => {
    expect(isDataOpsStorageAvailable(webSessions)).toBe(true);
    expect(isDataOpsStorageAvailable(prodOnlyStorage)).toBe(true);
    expect(isDataOpsStorageAvailable(sparkJob)).toBe(false);
    expect(isDataOpsStorageAvailable(plainService)).toBe(false);
  });

  it('mounts the alpha tab at /dataops-storage with that filter', async () => {
    const tester = createExtensionTester(dataOpsStorageContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/dataops-storage');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(webSessions)).toBe(true);
    expect(filter(sparkJob)).toBe(false);
    const api = {
      getEntityView: jest.fn(async () => response),
      getLogs: jest.fn(),
      getEnvironments: jest.fn(async () => ({ environments: [] })),
      getTeamAlerts: jest.fn(),
    };
    renderInNewApp(
      <EntityProvider entity={webSessions}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[dataOpsApiRef, api as any]] },
    );
    expect(await screen.findByText('150 snapshots')).toBeInTheDocument();
    expect((api.getEntityView.mock.calls[0] as any[])[1]).toBe('storage');
  });
});

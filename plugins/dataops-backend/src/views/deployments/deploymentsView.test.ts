import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DataOpsSourceError,
  DataOpsViewContext,
} from '@dataops-observability/plugin-dataops-node';
import type { ViewDependencies } from '../shared';
import { createDeploymentsView } from './deploymentsView';

function entityWith(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'daily-sales-etl', annotations },
    spec: { type: 'spark-job' },
  };
}

describe('deployments view annotation checks', () => {
  const listApplications = jest.fn(async () => []);
  const getApplication = jest.fn(async () => undefined);
  const deps = {
    cache: mockServices.cache.mock(),
  } as unknown as ViewDependencies;
  const instances = [{ name: 'dev-argocd', listApplications, getApplication }];
  const view = createDeploymentsView(deps);

  function run(annotations: Record<string, string>) {
    return view.run({
      entity: entityWith(annotations),
      env: { name: 'dev' },
      signal: new AbortController().signal,
      source: () => instances,
    } as unknown as DataOpsViewContext);
  }

  beforeEach(() => jest.clearAllMocks());

  it.each([
    [
      { 'argocd/app-name': 'Daily_Sales' },
      "argocd/app-name: 'Daily_Sales' is not a valid application name",
    ],
    [
      { 'argocd/app-selector': 'team=sales)' },
      "argocd/app-selector: 'team=sales)' is not a label selector: unbalanced parentheses in label selector 'team=sales)'",
    ],
    [
      { 'argocd/app-selector': 'team in (a,b' },
      "argocd/app-selector: 'team in (a,b' is not a label selector: unbalanced parentheses in label selector 'team in (a,b'",
    ],
    // A bare negation lists every application of the instance that lacks the label.
    [
      { 'argocd/app-selector': '!x' },
      "argocd/app-selector: '!x' is not a label selector: label selector '!x' has no key=value or key in (...) requirement, so it would match applications that are not the entity's",
    ],
    [{}, 'the entity has neither argocd/app-name nor argocd/app-selector'],
  ])('rejects %j before calling Argo CD', async (annotations, message) => {
    const result = run(annotations);
    await expect(result).rejects.toBeInstanceOf(DataOpsSourceError);
    await expect(result).rejects.toMatchObject({
      type: 'BAD_ANNOTATION',
      source: 'argocd',
      message,
    });
    expect(listApplications).not.toHaveBeenCalled();
    expect(getApplication).not.toHaveBeenCalled();
  });

  it('passes a valid selector on to Argo CD', async () => {
    await expect(
      run({ 'argocd/app-selector': 'team=sales,tier in (batch,stream)' }),
    ).resolves.toEqual({ applications: [] });
    expect(listApplications).toHaveBeenCalledWith(
      'team=sales,tier in (batch,stream)',
      expect.anything(),
    );
  });
});

describe('deployments view data scope', () => {
  const listApplications = jest.fn(async () => []);
  const getApplication = jest.fn(async () => undefined);
  const deps = {
    cache: mockServices.cache.mock(),
  } as unknown as ViewDependencies;
  const instances = [
    {
      name: 'dev-argocd',
      config: {
        entityScope: { appSelector: 'backstage.io/kubernetes-id={name}' },
      },
      listApplications,
      getApplication,
    },
  ];
  const view = createDeploymentsView(deps);
  const run = (annotations: Record<string, string>) =>
    view.run({
      entity: entityWith(annotations),
      env: { name: 'dev' },
      signal: new AbortController().signal,
      source: () => instances,
    } as unknown as DataOpsViewContext);

  beforeEach(() => jest.clearAllMocks());

  it("refuses a selector that does not name the entity's own label, before calling Argo CD", async () => {
    await expect(
      run({ 'argocd/app-selector': 'team=sales' }),
    ).rejects.toMatchObject({
      type: 'BAD_ANNOTATION',
      message:
        "argocd/app-selector: must contain the requirement 'backstage.io/kubernetes-id=daily-sales-etl' in environment 'dev', which binds the applications to this entity (the environment's rule is 'backstage.io/kubernetes-id={name}')",
    });
    expect(listApplications).not.toHaveBeenCalled();
  });

  it('passes on a selector that names it, narrowed by other requirements', async () => {
    const selector = 'backstage.io/kubernetes-id=daily-sales-etl,env in (dev)';
    await expect(run({ 'argocd/app-selector': selector })).resolves.toEqual({
      applications: [],
    });
    expect(listApplications).toHaveBeenCalledWith(selector, expect.anything());
  });
});

describe('deployments view with one Argo CD instance failing', () => {
  const failing = {
    name: 'dev-argocd-b',
    getApplication: jest.fn(async () => {
      throw new DataOpsSourceError({
        type: 'UPSTREAM_TIMEOUT',
        source: 'argocd',
        message: 'argocd did not answer within 1000 ms',
      });
    }),
  };
  const healthy = {
    name: 'dev-argocd-a',
    getApplication: jest.fn(async () => undefined),
  };
  const view = createDeploymentsView({
    cache: mockServices.cache.mock(),
  } as unknown as ViewDependencies);

  it('answers with the other instance and marks the answer partial, so it is not cached', async () => {
    const markPartial = jest.fn();
    const data = await view.run({
      entity: entityWith({ 'argocd/app-name': 'daily-sales-etl' }),
      env: { name: 'dev' },
      signal: new AbortController().signal,
      source: () => [healthy, failing],
      markPartial,
    } as unknown as DataOpsViewContext);
    expect(data.instanceErrors).toEqual([
      {
        instance: 'dev-argocd-b',
        error: expect.objectContaining({ type: 'UPSTREAM_TIMEOUT' }),
      },
    ]);
    expect(markPartial).toHaveBeenCalledWith('1 of 2 Argo CD instances failed');
  });
});

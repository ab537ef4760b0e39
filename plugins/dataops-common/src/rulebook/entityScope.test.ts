import type { Entity } from '@backstage/catalog-model';
import { checkLabelSelector } from '../annotationValues';
import {
  allowedIndexPatternsFor,
  checkAppScope,
  checkEntityScope,
  checkLogScope,
} from './entityScope';
import {
  checkScopeTemplate,
  expandScopeTemplate,
  scopeIdentity,
} from './scopeTemplates';
import type { EnvironmentRules } from './types';
import { validateAnnotations } from './validateAnnotations';

const DEV: EnvironmentRules = {
  name: 'dev',
  allowedIndexPatterns: ['logs-*'],
  entityScope: {
    logFilter: 'kubernetes.labels.app:{name}',
    appSelector: 'backstage.io/kubernetes-id={name}',
  },
};

function entity(
  name: string,
  annotations: Record<string, string>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations, ...extra },
    spec: { type: 'spark-job', owner: 'marketing-analytics' },
  };
}

describe('scope templates', () => {
  it('fill in the entity reference and the environment, lowercased for index patterns', () => {
    const identity = scopeIdentity(
      entity('Daily-ETL', {}, { namespace: 'sales' }),
      'prod',
    );
    expect(
      expandScopeTemplate('{kind}/{namespace}/{name}@{env}', identity),
    ).toBe('component/sales/Daily-ETL@prod');
    expect(
      expandScopeTemplate('logs-{namespace}-{name}-*', identity, {
        lowercase: true,
      }),
    ).toBe('logs-sales-daily-etl-*');
    expect(
      expandScopeTemplate('{namespace}', scopeIdentity(entity('a', {}), 'dev')),
    ).toBe('default');
  });

  it('accept what binds to the entity and refuse the rest, naming the problem', () => {
    expect(checkScopeTemplate('logs-{namespace}-*', 'indexPattern')).toBe(
      undefined,
    );
    expect(checkScopeTemplate('logs-*', 'indexPattern')).toBe(undefined);
    expect(
      checkScopeTemplate('kubernetes.labels.app:{name}', 'logFilter'),
    ).toBe(undefined);
    expect(
      checkScopeTemplate('backstage.io/kubernetes-id={name}', 'appSelector'),
    ).toBe(undefined);
    expect(checkScopeTemplate('logs-{team}-*', 'indexPattern')).toMatch(
      /unknown variables \{team\}/,
    );
    expect(checkScopeTemplate('logs,-x-{name}', 'indexPattern')).toMatch(
      /not a lowercase index pattern/,
    );
    expect(
      checkScopeTemplate('kubernetes.labels.app:etl', 'logFilter'),
    ).toMatch(/does not bind to the entity/);
    expect(checkScopeTemplate('app:{env}', 'logFilter')).toMatch(
      /does not bind to the entity/,
    );
    expect(checkScopeTemplate('app:{name},x:y', 'logFilter')).toMatch(
      /not one field:value term/,
    );
    expect(checkScopeTemplate('!app={name}', 'appSelector')).toMatch(
      /not one key=value label requirement/,
    );
    expect(checkScopeTemplate('app!={name}', 'appSelector')).toMatch(
      /not one key=value label requirement/,
    );
  });
});

describe('the data scope rule', () => {
  const own = {
    'dataops.io/opensearch-index': 'logs-spark-*',
    'dataops.io/opensearch-filter': 'kubernetes.labels.app:campaign-etl',
  };

  it('accepts an entity whose filter names its own label, narrowed further if the author likes', () => {
    expect(checkLogScope(entity('campaign-etl', own), DEV)).toEqual([]);
    expect(
      checkLogScope(
        entity('campaign-etl', {
          ...own,
          'dataops.io/opensearch-filter':
            'level:error, kubernetes.labels.app:campaign-etl',
        }),
        DEV,
      ),
    ).toEqual([]);
  });

  it("refuses an entity that reads another entity's logs, or every log of the index", () => {
    const stolen = entity('campaign-etl', {
      ...own,
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
    });
    expect(checkLogScope(stolen, DEV)).toEqual([
      {
        annotation: 'dataops.io/opensearch-filter',
        message:
          "must contain the term 'kubernetes.labels.app:campaign-etl' in environment 'dev', which binds the logs to this entity (the environment's rule is 'kubernetes.labels.app:{name}')",
      },
    ]);
    const unfiltered = entity('campaign-etl', {
      'dataops.io/opensearch-index': 'logs-spark-*',
    });
    expect(checkLogScope(unfiltered, DEV)).toHaveLength(1);
    // An override that drops the bound term in one environment is named as written.
    const override = entity('campaign-etl', {
      ...own,
      'dataops.io/opensearch-filter.dev': 'level:error',
    });
    expect(checkLogScope(override, DEV)[0].annotation).toBe(
      'dataops.io/opensearch-filter.dev',
    );
  });

  it('binds by name only entities whose name no other kind or namespace can take', () => {
    const namesake = (kind: string, namespace?: string) => ({
      ...entity(
        'daily-sales-etl',
        {
          'dataops.io/opensearch-index': 'logs-spark-*',
          'dataops.io/opensearch-filter':
            'kubernetes.labels.app:daily-sales-etl',
          'argocd/app-selector': 'backstage.io/kubernetes-id=daily-sales-etl',
        },
        namespace ? { namespace } : {},
      ),
      kind,
    });
    expect(checkEntityScope(namesake('Component'), DEV)).toEqual([]);
    expect(checkEntityScope(namesake('Component', 'default'), DEV)).toEqual([]);
    const resource = checkEntityScope(namesake('Resource'), DEV);
    expect(resource.map(p => p.annotation)).toEqual([
      'dataops.io/opensearch-index',
      'argocd/app-selector',
    ]);
    expect(resource[0].message).toBe(
      "this entity can not read logs in environment 'dev': the environment's rule 'kubernetes.labels.app:{name}' names Components only (a Resource may share a Component's name); it needs {kind} to bind this entity",
    );
    expect(
      checkLogScope(namesake('Component', 'evil'), DEV)[0].message,
    ).toMatch(/names entities of the default namespace only/);
    // With {namespace} in the rule, other namespaces are told apart and bound.
    const perNamespace: EnvironmentRules = {
      name: 'dev',
      allowedIndexPatterns: ['logs-*'],
      entityScope: { logFilter: 'kubernetes.labels.app:{namespace}.{name}' },
    };
    expect(
      checkLogScope(
        {
          ...namesake('Component', 'evil'),
          metadata: {
            name: 'daily-sales-etl',
            namespace: 'evil',
            annotations: {
              'dataops.io/opensearch-index': 'logs-spark-*',
              'dataops.io/opensearch-filter':
                'kubernetes.labels.app:evil.daily-sales-etl',
            },
          },
        },
        perNamespace,
      ),
    ).toEqual([]);
  });

  it('fills index templates with the entity reference', () => {
    const perNamespace: EnvironmentRules = {
      name: 'prod',
      allowedIndexPatterns: ['logs-{namespace}-*'],
    };
    const sales = (index: string) =>
      entity(
        'daily-sales-etl',
        { 'dataops.io/opensearch-index': index },
        { namespace: 'sales' },
      );
    expect(checkLogScope(sales('logs-sales-spark-*'), perNamespace)).toEqual(
      [],
    );
    expect(checkLogScope(sales('logs-marketing-*'), perNamespace)).toEqual([
      {
        annotation: 'dataops.io/opensearch-index',
        message:
          "index pattern 'logs-marketing-*' is not inside the allowed patterns of environment 'prod' (logs-sales-*)",
      },
    ]);
    expect(
      allowedIndexPatternsFor(['logs-{name}-*', 'audit-*'], undefined),
    ).toEqual(['audit-*']);
  });

  it('binds label selectors to the entity and refuses selectors made of negations', () => {
    const selecting = (selector: string) =>
      entity('campaign-etl', { 'argocd/app-selector': selector });
    expect(
      checkAppScope(
        selecting('team=marketing, backstage.io/kubernetes-id == campaign-etl'),
        DEV,
      ),
    ).toEqual([]);
    expect(checkAppScope(selecting('team=sales'), DEV)).toEqual([
      {
        annotation: 'argocd/app-selector',
        message:
          "must contain the requirement 'backstage.io/kubernetes-id=campaign-etl' in environment 'dev', which binds the applications to this entity (the environment's rule is 'backstage.io/kubernetes-id={name}')",
      },
    ]);
    expect(
      checkAppScope(
        selecting(
          'backstage.io/kubernetes-id in (campaign-etl,daily-sales-etl)',
        ),
        DEV,
      ),
    ).toHaveLength(1);
    // Without any configured binding, a selector still has to pick applications by value.
    for (const selector of ['!x', 'x', 'x!=a', 'x notin (a)', 'x=', '!x,!y']) {
      expect(checkLabelSelector(selector)).toMatch(/no key=value/);
    }
    expect(checkLabelSelector('team in (sales),!x')).toBe(undefined);
  });

  it('is part of validateAnnotations, which the catalog processor runs', () => {
    const stolen = entity('campaign-etl', {
      'dataops.io/opensearch-index': 'logs-spark-*',
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
      'argocd/app-selector': '!x',
    });
    expect(
      validateAnnotations(stolen, { environments: [DEV] }).map(
        p => p.annotation,
      ),
    ).toEqual(['argocd/app-selector', 'dataops.io/opensearch-filter']);
    // Environments the entity does not run in are not read for it.
    expect(
      validateAnnotations(
        entity('campaign-etl', {
          ...stolen.metadata.annotations,
          'argocd/app-selector': 'team=x',
          'dataops.io/environments': 'prod',
        }),
        { environments: [DEV, { name: 'prod' }] },
      ),
    ).toEqual([]);
    expect(checkEntityScope(stolen, DEV, { withIdentity: false })).toEqual([]);
  });
});

import { SpecValidator } from '@internal/api-spec-checks';
import { buildArgoApplication } from './buildArgoApplication';
import { buildBundleSpec } from './buildBundleSpec';

const spec = buildBundleSpec({
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['dev', 'prod'],
  gitopsRepoUrl: 'https://bitbucket.example.com/scm/platform/gitops.git',
});

describe('the Argo CD Application of the bundle', () => {
  it('conforms to the Argo CD API specification', () => {
    const app = buildArgoApplication(spec, spec.argocd!, 'prod', {
      'backstage.io/kubernetes-id': 'daily-sales-etl',
    });
    expect(
      SpecValidator.for('argocd').checkSchema('v1alpha1Application', app)
        .errors,
    ).toEqual([]);
    expect(app).toMatchObject({
      metadata: { name: 'daily-sales-etl-monitoring', namespace: 'argocd' },
      spec: {
        source: { path: 'monitoring/daily-sales-etl/overlays/prod' },
        destination: { namespace: 'spark' },
      },
    });
  });

  it('is checked: a manifest with a wrongly typed field fails the specification', () => {
    const app = buildArgoApplication(spec, spec.argocd!, 'prod', {}) as any;
    app.spec.syncPolicy.automated.prune = 'yes';
    expect(
      SpecValidator.for('argocd').checkSchema('v1alpha1Application', app)
        .errors,
    ).not.toEqual([]);
  });

  it('refuses a repository URL Argo CD could not clone', () => {
    expect(() =>
      buildBundleSpec({
        entityRef: 'component:default/daily-sales-etl',
        type: 'spark-job',
        namespace: 'spark',
        owner: 'group:default/sales-data',
        environments: ['prod'],
        gitopsRepoUrl: 'https://host/repo.git; rm -rf /',
      }),
    ).toThrow("Invalid input 'gitopsRepoUrl'");
  });
});

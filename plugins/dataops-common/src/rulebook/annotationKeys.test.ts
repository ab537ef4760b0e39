import { parseAnnotationKey } from './annotationKeys';
import type { AnnotationValidationOptions } from './types';

/** An exact message, or any message matching a pattern. */
function messageLike(message: string | RegExp) {
  return typeof message === 'string' ? message : expect.stringMatching(message);
}

const CONFIGURED: AnnotationValidationOptions = {
  environments: [{ name: 'dev' }, { name: 'prod' }],
};

describe('parseAnnotationKey', () => {
  it.each([
    ['dataops.io/storage', { name: 'storage' }],
    ['dataops.io/storage.prod', { name: 'storage', env: 'prod' }],
    ['argocd/app-name', { name: 'argocdAppName' }],
    ['argocd/app-name.dev', { name: 'argocdAppName', env: 'dev' }],
    ['argocd/app-selector.prod', { name: 'argocdAppSelector', env: 'prod' }],
    ['dataops.io/environments', { name: 'environments' }],
    ['backstage.io/kubernetes-id', { name: 'kubernetesId' }],
  ])('reads %s', (key, expected) => {
    expect(parseAnnotationKey(key, CONFIGURED)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    [
      'dataops.io/slo-window.qa',
      "environment 'qa' is not configured (configured: dev, prod)",
    ],
    ['argocd/app-name.pr od', "'pr od' is not a valid environment name"],
    ['dataops.io/storage.', "'' is not a valid environment name"],
    [
      'dataops.io/environments.prod',
      'dataops.io/environments can not be overridden per environment',
    ],
    [
      'backstage.io/kubernetes-id.prod',
      'backstage.io/kubernetes-id can not be overridden per environment',
    ],
    [
      'dataops.io/slo-objectve',
      /^unknown annotation \(known: dataops\.io\/environments, .*dataops\.io\/storage\)$/,
    ],
    ['dataops.io/', /^unknown annotation/],
  ])('reports %s', (key, message) => {
    expect(parseAnnotationKey(key, CONFIGURED)).toEqual({
      ok: false,
      problem: {
        annotation: key,
        message: messageLike(message),
      },
    });
  });

  it('accepts any valid environment suffix when none are configured', () => {
    expect(parseAnnotationKey('dataops.io/slo-window.qa')).toEqual({
      ok: true,
      value: { name: 'sloWindow', env: 'qa' },
    });
  });

  it.each(['argocd/project-name', 'backstage.io/techdocs-ref', 'team'])(
    'leaves %s to its plugin, or rejects it for writers that only write ours',
    key => {
      expect(parseAnnotationKey(key, CONFIGURED)).toBeUndefined();
      expect(
        parseAnnotationKey(key, { ...CONFIGURED, rejectForeignKeys: true }),
      ).toEqual({
        ok: false,
        problem: {
          annotation: key,
          message: expect.stringMatching(
            /^not one of the annotations of the DataOps plugins \(dataops\.io\/environments, .*backstage\.io\/kubernetes-id\), nor one of them with a \.<env> suffix$/,
          ),
        },
      });
    },
  );
});

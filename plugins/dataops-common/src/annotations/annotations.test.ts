import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityEnvironments,
  isValidEnvironmentName,
  readAnnotation,
  splitList,
} from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
});

describe('readAnnotation', () => {
  const e = entity({
    'argocd/app-name': 'daily-sales-etl',
    'argocd/app-name.prod': 'daily-sales-etl-prod',
    'dataops.io/opensearch-index.stage': '   ',
  });

  it('prefers the .<env> override', () => {
    expect(readAnnotation(e, ANNOTATIONS.argocdAppName, 'prod')).toBe(
      'daily-sales-etl-prod',
    );
  });

  it('falls back to the plain key for other environments', () => {
    expect(readAnnotation(e, ANNOTATIONS.argocdAppName, 'dev')).toBe(
      'daily-sales-etl',
    );
    expect(readAnnotation(e, ANNOTATIONS.argocdAppName)).toBe(
      'daily-sales-etl',
    );
  });

  it('treats blank values as absent', () => {
    expect(
      readAnnotation(e, ANNOTATIONS.opensearchIndex, 'stage'),
    ).toBeUndefined();
  });
});

describe('entityEnvironments', () => {
  it('intersects the annotation with configured environments in configured order', () => {
    expect(
      entityEnvironments(
        entity({ 'dataops.io/environments': 'prod, dev,qa' }),
        ['dev', 'stage', 'prod'],
      ),
    ).toEqual(['dev', 'prod']);
  });

  it('defaults to all configured environments', () => {
    expect(entityEnvironments(entity({}), ['dev', 'prod'])).toEqual([
      'dev',
      'prod',
    ]);
  });
});

describe('helpers', () => {
  it('splits lists', () => {
    expect(splitList(' a, ,b ')).toEqual(['a', 'b']);
    expect(splitList(undefined)).toEqual([]);
  });

  it('validates environment names', () => {
    expect(isValidEnvironmentName('prod')).toBe(true);
    expect(isValidEnvironmentName('pr od')).toBe(false);
    expect(isValidEnvironmentName('')).toBe(false);
  });
});

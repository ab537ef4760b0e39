import type { Entity } from '@backstage/catalog-model';
import { validateAnnotations } from './validateAnnotations';
import {
  checkSelectorOwnership,
  identifyingMatchers,
} from './selectorOwnership';
import { parseSelector } from '../promql';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'etl', annotations },
  spec: { type: 'spark-job', owner: 'sales-data' },
});
const WITH_AM = {
  name: 'prod',
  identifyingLabels: ['namespace', 'app', 'job'],
};

describe('selectors that can never own alerts', () => {
  it('counts only non-empty equality matchers on identifying labels', () => {
    const matchers = parseSelector(
      'namespace="spark",app=~"etl",job!="x",team="a",instance=""',
    );
    expect(identifyingMatchers(matchers, ['namespace', 'app', 'job'])).toEqual([
      { name: 'namespace', op: '=', value: 'spark' },
    ]);
    expect(
      identifyingMatchers(parseSelector('namespace=""'), ['namespace']),
    ).toEqual([]);
  });

  it('reports the gaming selector of always-true matchers, naming the labels that would do', () => {
    const gaming = entity({
      'dataops.io/prometheus-selector':
        'alertname=~".+",a=~".*",b=~".*",namespace=~".*"',
    });
    expect(checkSelectorOwnership(gaming, WITH_AM)).toEqual([
      {
        annotation: 'dataops.io/prometheus-selector',
        message: expect.stringMatching(
          /can never own alerts in environment 'prod'.*\(namespace, app, job\)/,
        ),
      },
    ]);
  });

  it('names the override that is in force, and accepts a selector with an identifying equality', () => {
    const overridden = entity({
      'dataops.io/prometheus-selector': 'namespace="spark"',
      'dataops.io/prometheus-selector.prod': 'team="sales"',
    });
    expect(
      checkSelectorOwnership(overridden, WITH_AM).map(p => p.annotation),
    ).toEqual(['dataops.io/prometheus-selector.prod']);
    expect(
      checkSelectorOwnership(overridden, { ...WITH_AM, name: 'dev' }),
    ).toEqual([]);
  });

  it('checks only environments with an Alertmanager, and leaves malformed selectors to their own rule', () => {
    const regexOnly = entity({
      'dataops.io/prometheus-selector': 'app=~"etl-.*"',
    });
    expect(checkSelectorOwnership(regexOnly, { name: 'prod' })).toEqual([]);
    expect(
      checkSelectorOwnership(
        entity({ 'dataops.io/prometheus-selector': 'a=~"("' }),
        WITH_AM,
      ),
    ).toEqual([]);
  });

  it('is registered with the entity validation', () => {
    const problems = validateAnnotations(
      entity({ 'dataops.io/prometheus-selector': 'app=~"etl-.*"' }),
      { environments: [WITH_AM] },
    );
    expect(problems.map(p => p.message)).toEqual([
      expect.stringMatching(/can never own alerts/),
    ]);
  });
});

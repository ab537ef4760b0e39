import { ConfigReader } from '@backstage/config';
import {
  DataOpsNotConfiguredError,
  DataOpsSource,
  createDataOpsSource,
} from '@dataops-observability/plugin-dataops-node';
import { readDataOpsConfig } from '../config';
import { EnvironmentSources } from './EnvironmentSources';

/** A source configured by `toy: { tenant }`, whose client is a plain object naming what it was built with. */
const toySource = createDataOpsSource({
  id: 'toy',
  readConfig: ({ config }) => {
    const tenant = config.getOptionalString('toy.tenant');
    if (tenant === 'bad') {
      throw new Error(`toy.tenant '${tenant}' is not a tenant`);
    }
    return tenant === undefined ? undefined : { tenant };
  },
  createClient: (config, ctx) => ({
    tenant: config.tenant,
    env: ctx.envName,
    timeoutMs: ctx.timeoutMs,
  }),
  environmentInfo: config => ({ toyTenants: config ? [config.tenant] : [] }),
});

function read(
  environments: object[],
  sources: DataOpsSource<any, any>[] = [toySource],
) {
  const rootConfig = new ConfigReader({ dataops: { environments } });
  return EnvironmentSources.fromConfig({
    rootConfig,
    environments: readDataOpsConfig(rootConfig).environments,
    sources,
  });
}

describe('EnvironmentSources', () => {
  const sources = read([
    { name: 'dev', timeoutMs: 1500, toy: { tenant: 'a' } },
    { name: 'prod' },
  ]);

  it('builds one client per environment that configures the source', () => {
    expect(sources.client('dev', toySource)).toEqual({
      tenant: 'a',
      env: 'dev',
      timeoutMs: 1500,
    });
    expect(sources.require('dev', 'toy')).toBe(
      sources.client('dev', toySource),
    );
    expect(sources.client('prod', 'toy')).toBeUndefined();
    expect(sources.config('dev', 'toy')).toEqual({ tenant: 'a' });
  });

  it('answers not-configured for an environment without the source, or an unknown source', () => {
    for (const [env, id] of [
      ['prod', 'toy'],
      ['dev', 'nothing-of-that-name'],
    ]) {
      let thrown: unknown;
      try {
        sources.require(env, id);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DataOpsNotConfiguredError);
      expect(thrown).toMatchObject({ type: 'NOT_CONFIGURED', source: id });
    }
  });

  it('describes every environment with every source and its extra info', () => {
    expect(sources.describe()).toEqual({
      environments: [
        { name: 'dev', sources: { toy: true }, toyTenants: ['a'] },
        { name: 'prod', sources: { toy: false }, toyTenants: [] },
      ],
    });
  });

  it('names the environment and field of a bad setting', () => {
    expect(() => read([{ name: 'qa', toy: { tenant: 'bad' } }])).toThrow(
      "Invalid dataops environment 'qa': toy.tenant 'bad' is not a tenant",
    );
  });

  it('refuses extra info that would overwrite a field of the entry', () => {
    const greedy = createDataOpsSource({
      id: 'greedy',
      readConfig: () => undefined,
      createClient: () => ({}),
      environmentInfo: () => ({ sources: {} }),
    });
    expect(() => read([{ name: 'dev' }], [toySource, greedy])).toThrow(
      "The dataops source 'greedy' reports 'sources' for environment 'dev', a field that is taken",
    );
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigReader } from '@backstage/config';
import { findPaths } from '@backstage/cli-common';

/** The configuration production runs with: the demo's app-config.yaml with the production file layered on top. */
function productionConfig() {
  // eslint-disable-next-line no-restricted-syntax
  const { targetRoot } = findPaths(__dirname);
  const read = (file: string) => ({
    context: file,
    data: parse(fs.readFileSync(path.join(targetRoot, file), 'utf8')),
  });
  return ConfigReader.fromConfigs([
    read('app-config.yaml'),
    read('app-config.production.yaml'),
  ]);
}

function allStrings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') {
    return [[at, value]];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => allStrings(v, `${at}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      allStrings(v, at ? `${at}.${k}` : k),
    );
  }
  return [];
}

describe('production configuration', () => {
  const config = productionConfig();

  it('keeps nothing of the demo platform: no local upstreams, demo tokens or environments', () => {
    const demoLike = allStrings(config.get()).filter(([, value]) =>
      /127\.0\.0\.1|localhost|sandbox/i.test(value),
    );
    expect(demoLike).toEqual([]);
    expect(config.getConfigArray('dataops.environments')).toEqual([]);
    expect(config.getConfigArray('kubernetes.clusterLocatorMethods')).toEqual(
      [],
    );
  });

  it('has no guest sign-in and enables permissions', () => {
    expect(config.has('auth.providers.guest')).toBe(false);
    expect(config.getBoolean('permission.enabled')).toBe(true);
  });

  it('lets no location register people, teams or templates by default, and loads no example catalog', () => {
    const allowed = config
      .getConfigArray('catalog.rules')
      .flatMap(rule => rule.getStringArray('allow'));
    expect(allowed).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(Group|User|Template)$/),
      ]),
    );
    expect(config.getConfigArray('catalog.locations')).toEqual([]);
  });

  it('takes its database and cache from the environment', () => {
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('backend.cache.store')).toBe('redis');
    expect(config.getString('backend.cache.connection')).toBe('${REDIS_URL}');
  });
});

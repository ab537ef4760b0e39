import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from './loadCatalog';

function workload(kind: string, name: string, type: string) {
  return [
    'apiVersion: backstage.io/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    dataops.io/environments: dev,prod',
    'spec:',
    `  type: ${type}`,
    '  owner: data-team',
  ].join('\n');
}

describe('loadCatalog', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-catalog-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the workloads with the environments their annotation lists', () => {
    fs.writeFileSync(
      path.join(dir, 'a.yaml'),
      [workload('Component', 'orders-etl', 'spark-job'), workload('Group', 'data-team', 'team')].join('\n---\n'),
    );
    const entities = loadCatalog(dir);
    expect(entities.map(e => [e.kind, e.name, e.type, e.owner, e.environments])).toEqual([
      ['Component', 'orders-etl', 'spark-job', 'data-team', ['dev', 'prod']],
    ]);
  });

  it('refuses two workloads of one name, naming both, since the demo data is keyed by name', () => {
    fs.writeFileSync(path.join(dir, 'dags.yaml'), workload('Component', 'attribution', 'airflow-dag'));
    fs.writeFileSync(path.join(dir, 'tables.yaml'), workload('Resource', 'attribution', 'iceberg-table'));
    expect(() => loadCatalog(dir)).toThrow(
      'the workload name "attribution" is used by a Component in dags.yaml and a Resource in tables.yaml',
    );
  });

  it('reads the repository example catalog without a repeated name', () => {
    const names = loadCatalog().map(e => e.name);
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
  });
});

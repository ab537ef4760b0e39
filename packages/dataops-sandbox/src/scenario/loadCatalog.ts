import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ENVIRONMENTS, Env, ScenarioEntity, WorkloadType } from './types';

const WORKLOAD_TYPES: WorkloadType[] = ['spark-job', 'airflow-dag', 'iceberg-table'];

/**
 * The example catalog lives in the repository, not in this package, so the demo data can never drift from
 * the entities users see: every entity gets data in exactly the environments its annotation lists.
 */
export function findCatalogDir(): string {
  const fromEnv = process.env.DATAOPS_SANDBOX_CATALOG_DIR;
  if (fromEnv) {
    return fromEnv;
  }
  // Started from the package folder (yarn workspace scripts, tests), so search upwards from there.
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'examples', 'catalog');
    if (fs.existsSync(path.join(dir, '.yarnrc.yml')) && fs.existsSync(candidate)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find examples/catalog above ${process.cwd()}; set DATAOPS_SANDBOX_CATALOG_DIR`,
      );
    }
    dir = parent;
  }
}

function parseEnvironments(value: string | undefined): Env[] {
  if (!value) {
    return [...ENVIRONMENTS];
  }
  const wanted = value.split(',').map(v => v.trim());
  return ENVIRONMENTS.filter(env => wanted.includes(env));
}

/**
 * Reads every `*.yaml` in the catalog folder and keeps the Spark jobs, Airflow DAGs and Iceberg tables.
 * Their names must be unique across kinds: the demo platform labels series, alerts and runs by name alone
 * (as `app`, `dag_id`, `table`), so a Component and a Resource of the same name would share one set of data.
 */
export function loadCatalog(dir: string = findCatalogDir()): ScenarioEntity[] {
  const entities: ScenarioEntity[] = [];
  const seen = new Map<string, string>();
  const files = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const file of files) {
    const docs = parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const doc of docs) {
      const raw = doc.toJS() as any;
      const type = raw?.spec?.type;
      if (!raw?.metadata?.name || !WORKLOAD_TYPES.includes(type)) {
        continue;
      }
      const name = String(raw.metadata.name);
      const where = `${raw.kind} in ${file}`;
      if (seen.has(name)) {
        throw new Error(
          `examples/catalog: the workload name "${name}" is used by a ${seen.get(name)} and a ${where}; ` +
            'rename one, the demo platform tells workloads apart by name',
        );
      }
      seen.set(name, where);
      const annotations: Record<string, string> = raw.metadata.annotations ?? {};
      entities.push({
        kind: String(raw.kind),
        name,
        type,
        owner: String(raw.spec.owner ?? 'unknown'),
        environments: parseEnvironments(annotations['dataops.io/environments']),
        annotation: (key, env) => annotations[`${key}.${env}`] ?? annotations[key],
      });
    }
  }
  return entities;
}

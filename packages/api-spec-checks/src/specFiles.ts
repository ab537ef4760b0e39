import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The upstream specifications the suite is contract-tested against, by short name. */
export const SPEC_FILES = {
  argocd: 'argocd/swagger.json',
  alertmanager: 'alertmanager/openapi.yaml',
  opensearch: 'opensearch/opensearch-openapi.yaml',
  iceberg: 'iceberg/rest-catalog-open-api.yaml',
} as const;

export type SpecName = keyof typeof SPEC_FILES;

/**
 * Where the specification copies live. They are kept outside the repository (they are upstream files, not
 * ours): by default in `shared/specs` next to the repository root, or wherever `DATAOPS_SPECS_DIR` points.
 */
export function findSpecsDir(): string {
  const fromEnv = process.env.DATAOPS_SPECS_DIR;
  if (fromEnv) {
    return fromEnv;
  }
  // Tests run with the working directory inside the repository (its root or a package folder).
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, '.yarnrc.yml'))) {
      return path.resolve(dir, '..', 'shared', 'specs');
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the repository root above ${process.cwd()}`);
    }
    dir = parent;
  }
}

const cache = new Map<SpecName, any>();

/** Loads and parses one specification (cached: the OpenSearch bundle alone is 2.7 MB). */
export function loadSpec(name: SpecName): any {
  const cached = cache.get(name);
  if (cached) {
    return cached;
  }
  const file = path.join(findSpecsDir(), SPEC_FILES[name]);
  if (!fs.existsSync(file)) {
    throw new Error(
      `API specification ${file} is missing; set DATAOPS_SPECS_DIR to the folder holding the upstream specs`,
    );
  }
  const text = fs.readFileSync(file, 'utf8');
  const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  cache.set(name, doc);
  return doc;
}

import { parseAllDocuments, stringify } from 'yaml';

/** An entity of the example catalog the checks read views of. */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

const ENVIRONMENTS_ANNOTATION = 'dataops.io/environments';
const SELECTOR_ANNOTATION = 'dataops.io/prometheus-selector';
/** Per-environment overrides: `<prefix>/<key>.<env>`, e.g. `argocd/app-name.prod`. */
const OVERRIDE = /^(dataops\.io|argocd)\/[^.]+\.([\w-]+)$/;

const splitList = (value: unknown) =>
  String(value ?? '')
    .split(',')
    .map(e => e.trim())
    .filter(Boolean);

/**
 * An example entity for the app's catalog, as an adopter would annotate it for the environments they
 * configured: the first Component with metrics in all of `environments`, its environment list narrowed to
 * exactly those and overrides for other environments dropped (the catalog module rejects entities naming an
 * environment that is not configured).
 */
export function exampleEntityFor(
  catalogYaml: string,
  environments: string[],
): { entity: EntityName; yaml: string } {
  for (const doc of parseAllDocuments(catalogYaml)) {
    const entity = doc.toJS();
    const annotations: Record<string, string> =
      entity?.metadata?.annotations ?? {};
    const envs = splitList(annotations[ENVIRONMENTS_ANNOTATION]);
    if (
      entity?.kind !== 'Component' ||
      !annotations[SELECTOR_ANNOTATION] ||
      !environments.every(e => envs.includes(e))
    ) {
      continue;
    }
    const narrowed = Object.fromEntries(
      Object.entries(annotations)
        .filter(([key]) => {
          const override = OVERRIDE.exec(key);
          return !override || environments.includes(override[2]);
        })
        .map(([key, value]) =>
          key === ENVIRONMENTS_ANNOTATION
            ? [key, environments.join(',')]
            : [key, value],
        ),
    );
    return {
      entity: {
        kind: 'component',
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      },
      yaml: stringify({
        ...entity,
        metadata: { ...entity.metadata, annotations: narrowed },
      }),
    };
  }
  throw new Error(
    `no Component with ${SELECTOR_ANNOTATION} and ${ENVIRONMENTS_ANNOTATION} covering ${environments.join(
      ', ',
    )} in the example catalog`,
  );
}

import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { EnvironmentRules } from '@dataops-observability/plugin-dataops-common';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  annotateCatalogFile,
  createCatalogFile,
  validateAnnotation,
} from '../../catalogFile';
import { parseActionInput, ZodImpl } from '../parseActionInput';
import { examples } from './catalogAnnotate.examples';

const inputSchema = (z: ZodImpl) =>
  z.object({
    path: z
      .string()
      .default('catalog-info.yaml')
      .describe(
        'Catalog file, relative to the workspace; default catalog-info.yaml',
      ),
    kind: z
      .string()
      .optional()
      .describe('Kind of the entity to annotate in a multi-document file'),
    name: z
      .string()
      .optional()
      .describe('Name of the entity to annotate in a multi-document file'),
    annotations: z
      .record(z.string())
      .describe(
        'dataops.io/*, argocd/app-name and backstage.io/kubernetes-id annotations; <key>.<env> overrides one environment; blank values are skipped',
      ),
    entity: z
      .record(z.any())
      .optional()
      .describe(
        'Entity to write when the file does not exist, e.g. the output of catalog:fetch',
      ),
    type: z
      .string()
      .optional()
      .describe('spec.type of a new entity when no entity is given'),
    owner: z
      .string()
      .optional()
      .describe('spec.owner of a new entity when no entity is given'),
  });

const ENTITY_NAME = /^[a-zA-Z0-9]([-a-zA-Z0-9_.]{0,61}[a-zA-Z0-9])?$/;

function newEntity(input: {
  kind?: string;
  name?: string;
  type?: string;
  owner?: string;
  entity?: Record<string, any>;
}): Record<string, any> {
  if (input.entity) {
    if (
      typeof input.entity.kind !== 'string' ||
      typeof input.entity.metadata?.name !== 'string'
    ) {
      throw new InputError(
        `Invalid input 'entity': expected a catalog entity with kind and metadata.name`,
      );
    }
    return input.entity;
  }
  for (const field of ['kind', 'name', 'type', 'owner'] as const) {
    if (!input[field]) {
      throw new InputError(
        `Invalid input '${field}': the catalog file does not exist, so give 'entity' or kind, name, type and owner`,
      );
    }
  }
  if (!ENTITY_NAME.test(input.name!)) {
    throw new InputError(
      `Invalid input 'name': '${input.name}' is not a valid entity name`,
    );
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: input.kind,
    metadata: { name: input.name },
    spec: {
      type: input.type,
      owner: input.owner,
      ...(input.kind === 'Component' && { lifecycle: 'production' }),
    },
  };
}

/** What the installation's configuration gives the annotate action. @public */
export interface CatalogAnnotateActionOptions {
  /** `dataops.environments`, which the catalog judges `.<env>` keys and index patterns against. */
  environments?: EnvironmentRules[];
}

/**
 * `dataops:catalog:annotate`: adds or updates the suite's annotations in a catalog file of the workspace,
 * keeping every other line as it was, or creates the file.
 * @public
 */
export function createCatalogAnnotateAction(
  options: CatalogAnnotateActionOptions = {},
) {
  return createTemplateAction({
    id: 'dataops:catalog:annotate',
    description:
      'Adds or updates dataops.io/*, argocd/app-name and backstage.io/kubernetes-id annotations of an entity in ' +
      'a catalog file, preserving comments and layout, or creates the file.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchema,
      output: z =>
        z.object({
          path: z
            .string()
            .describe('Workspace-relative path of the catalog file'),
          created: z.boolean().describe('Whether the file was created'),
          changed: z
            .array(z.string())
            .describe('Annotation keys that were added or changed'),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(inputSchema, ctx.input);
      // Blank values are skipped, not written: a template sets the identity key of each workload type
      // conditionally, and an empty annotation would only hide the default.
      const annotations: Record<string, string> = Object.fromEntries(
        Object.entries(input.annotations as Record<string, string>)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v !== ''),
      );
      if (Object.keys(annotations).length === 0) {
        throw new InputError(
          `Invalid input 'annotations': no annotation has a value`,
        );
      }
      for (const [key, value] of Object.entries(annotations)) {
        validateAnnotation(key, value, options.environments);
      }
      let target: string;
      try {
        target = resolveSafeChildPath(ctx.workspacePath, input.path);
      } catch {
        throw new InputError(
          `Invalid input 'path': '${input.path}' is outside the workspace`,
        );
      }

      let source: string | undefined;
      try {
        source = await readFile(target, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw e;
        }
      }

      let content: string;
      let changed: string[];
      if (source === undefined) {
        content = createCatalogFile(newEntity(input), annotations);
        changed = Object.keys(annotations);
      } else {
        ({ content, changed } = annotateCatalogFile(
          source,
          { kind: input.kind, name: input.name },
          annotations,
        ));
      }
      if (content !== source) {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content, 'utf8');
      }
      ctx.logger.info(
        `${source === undefined ? 'Created' : 'Updated'} ${input.path}: ${
          changed.length
        } annotations changed`,
      );
      ctx.output('path', input.path);
      ctx.output('created', source === undefined);
      ctx.output('changed', changed);
    },
  });
}

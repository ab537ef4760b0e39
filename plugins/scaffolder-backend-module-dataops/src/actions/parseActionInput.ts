import { InputError } from '@backstage/errors';
import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { describeFirstIssue } from '@dataops-observability/plugin-dataops-common';
import { z } from 'zod/v3';

/**
 * The zod implementation the scaffolder hands to schema callbacks. It may be another copy of zod than this
 * package's, so schemas are written against this type rather than an import of zod.
 */
export type ZodImpl = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/**
 * The scaffolder checks step input against the JSON schema derived from the zod schema, but callers such as
 * tests and other actions can reach the handler without that check; parsing again here gives one error
 * format, an `InputError` naming the field, whichever way the input came in.
 */
export function parseActionInput<T extends ReturnType<ZodImpl['object']>>(
  schema: (zImpl: ZodImpl) => T,
  input: unknown,
): ReturnType<T['parse']> {
  // Both copies implement the same zod v3 API; the cast only bridges the two type declarations.
  const result = schema(z as unknown as ZodImpl).safeParse(input);
  if (!result.success) {
    throw new InputError(
      describeFirstIssue(result.error.issues, { source: 'input' }),
    );
  }
  return result.data as ReturnType<T['parse']>;
}

/**
 * The parts of a schema validation issue (a zod `ZodIssue`) that {@link describeFirstIssue} reads. Declared
 * here rather than imported, so this package needs no zod and any zod copy or major version fits.
 * @public
 */
export interface InputIssue {
  /** Kind of issue; `unrecognized_keys` gets its own wording for query strings. */
  code: string;
  /** Where in the input the bad value is: property names and array indices. */
  path: ReadonlyArray<PropertyKey>;
  /** What is wrong, as the schema words it. */
  message: string;
  /** The unexpected keys of an `unrecognized_keys` issue. */
  keys?: ReadonlyArray<string>;
}

/** What the issues are about, which decides how the field is named. @public */
export interface DescribeIssueOptions {
  /**
   * `query`: an HTTP query string; names the parameter and lists unknown parameters.
   * `input`: a structured input such as a scaffolder action's; names the full path (`thresholds.cpuPercent`,
   * `environments[1]`).
   */
  source: 'query' | 'input';
}

function fullPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`,
    )
    .join('');
}

/**
 * The message of the `InputError` a failed schema check becomes: the first issue, naming the field. Only
 * the first, so the answer stays one short line; fixing it reveals the next.
 *
 * - query: `Invalid '<parameter>': <message>`, or `Unknown query parameter(s): 'a', 'b'` (quoted, so an empty
 *   or blank parameter name still shows);
 * - input: `Invalid input '<path>': <message>`, with `(input)` for the input as a whole.
 * @public
 */
export function describeFirstIssue(
  issues: ReadonlyArray<InputIssue>,
  options: DescribeIssueOptions,
): string {
  const issue = issues[0];
  if (options.source === 'query') {
    if (!issue) {
      return 'Invalid query';
    }
    if (issue.code === 'unrecognized_keys') {
      return `Unknown query parameter(s): ${(issue.keys ?? [])
        .map(key => `'${key}'`)
        .join(', ')}`;
    }
    return `Invalid '${String(issue.path[0] ?? '')}': ${issue.message}`;
  }
  if (!issue) {
    return 'Invalid input';
  }
  return `Invalid input '${fullPath(issue.path) || '(input)'}': ${
    issue.message
  }`;
}

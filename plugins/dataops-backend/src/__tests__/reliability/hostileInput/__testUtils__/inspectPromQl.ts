import {
  LabelMatcher,
  extractVectorSelectors,
  formatMatchers,
  parseSelector,
} from '@dataops-observability/plugin-dataops-common';

const SELECTOR_SHAPE = /^([A-Za-z_:][A-Za-z0-9_:]*)?(?:\{([\s\S]*)\})?$/;
/** The selector grammar refuses texts over this length; longer single matchers are decoded as JSON. */
const PARSER_LIMIT = 2000;

/** How one matcher reads back after encoding: through the PromQL grammar, as Prometheus would read it. */
function readBack(matcher: LabelMatcher): LabelMatcher {
  const text = formatMatchers([matcher]);
  if (text.length <= PARSER_LIMIT) {
    return parseSelector(text)[0];
  }
  // JSON string syntax is a subset of PromQL's, so JSON decoding is exact for what formatMatchers writes.
  const literal = text.slice(matcher.name.length + matcher.op.length);
  return { ...matcher, value: JSON.parse(literal) };
}

/**
 * What is wrong with `query` given that every vector selector must start with exactly `expected` (the
 * entity's validated matchers plus the environment's extra ones); an empty list when nothing is. It also
 * returns the query with the injected text removed, to compare with what the same template gives a
 * harmless entity: any other change to the query is an injection.
 */
export function checkInjectedMatchers(
  query: string,
  expected: LabelMatcher[],
): { problems: string[]; bare: string } {
  const problems: string[] = [];
  for (const m of expected) {
    const back = readBack(m);
    if (back.name !== m.name || back.op !== m.op || back.value !== m.value) {
      problems.push(
        `matcher ${JSON.stringify(m)} reads back as ${JSON.stringify(back)}`,
      );
    }
  }
  const injected = formatMatchers(expected);
  let selectors: string[] = [];
  try {
    selectors = extractVectorSelectors(query);
  } catch (e) {
    problems.push(`does not parse: ${(e as Error).message}`);
  }
  for (const text of selectors) {
    const shape = SELECTOR_SHAPE.exec(text);
    if (!shape?.[1]) {
      problems.push(`selector without a metric name: ${text}`);
      continue;
    }
    const inner = shape[2] ?? '';
    const carries =
      !expected.length ||
      inner === injected ||
      inner.startsWith(`${injected},`);
    if (!carries) {
      problems.push(`selector ${text} does not start with ${injected}`);
      continue;
    }
    try {
      parseSelector(expected.length ? inner.slice(injected.length + 1) : inner);
    } catch (e) {
      problems.push(`selector ${text}: ${(e as Error).message}`);
    }
  }
  const bare = expected.length
    ? query.split(`{${injected},`).join('{').split(`{${injected}}`).join('')
    : query;
  return { problems, bare };
}

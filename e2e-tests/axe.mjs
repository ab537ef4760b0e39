// Accessibility checks for the browser tests: puts axe-core (a root devDependency) into the open page, runs it
// there, and keeps the violations a user of assistive technology would be blocked by (impact serious or
// critical), each with a short description a person can act on without opening a report.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(
  require.resolve('axe-core/axe.min.js'),
  'utf8',
);

export const BLOCKING_IMPACTS = ['serious', 'critical'];

/**
 * Runs axe-core on the whole document of `page`.
 *
 * `disableRules` names axe rule ids not to run on this page; callers say why next to the list.
 * Returns the serious and critical violations, one entry per rule: id, impact, help text, how many nodes fail
 * and the selectors of the first few.
 */
export async function blockingViolations(page, { disableRules = [] } = {}) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async disabled => {
    const rules = Object.fromEntries(
      disabled.map(id => [id, { enabled: false }]),
    );
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      rules,
    });
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  }, disableRules);
  return violations.filter(v => BLOCKING_IMPACTS.includes(v.impact));
}

/** One line per violation, e.g. `color-contrast (serious) x3: ... at .a, .b`. */
export function describeViolations(violations) {
  return violations
    .map(
      v =>
        `${v.id} (${v.impact}) x${v.count}: ${v.help} at ${v.targets.join(
          ' | ',
        )}` + (v.summary ? `\n    ${v.summary.replace(/\s*\n\s*/g, ' ')}` : ''),
    )
    .join('\n');
}

import { runPromtool } from '@dataops-observability/plugin-dataops-test-utils';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * Runs the real `promtool check rules` on the `spec` of a PrometheusRule resource (promtool reads plain
 * rules files, whose top level is the resource's spec).
 */
export async function checkPrometheusRule(resourceYaml: string) {
  const resource = parse(resourceYaml);
  const dir = await mkdtemp(join(tmpdir(), 'dataops-rules-'));
  try {
    const file = join(dir, 'rules.yaml');
    await writeFile(file, stringify(resource.spec, { lineWidth: 0 }));
    return await runPromtool(['check', 'rules', file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

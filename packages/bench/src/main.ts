/*
 * `yarn bench [scenario ids...]`: runs the benchmark scenarios in order (all of them without arguments),
 * prints a table per scenario on stdout, progress on stderr; a run of all of them writes docs/performance.md.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { killAllChildren } from './platform/childProcesses';
import { REPO_ROOT } from './platform/paths';
import { stopSharedSandbox } from './platform/SandboxProcess';
import { formatResultForTerminal } from './report/format';
import { readMachineInfo } from './report/machine';
import { renderPerformanceDoc } from './report/performanceDoc';
import { progress } from './report/progress';
import { cachedThroughputScenario } from './scenarios/cachedThroughput';
import { costPerViewScenario } from './scenarios/costPerView';
import { fanOutScenario } from './scenarios/fanOut';
import { frontendScenario } from './scenarios/frontend';
import { memoryScenario } from './scenarios/memory';
import { peerArgocdScenario } from './scenarios/peerArgocd';
import { replicasScenario } from './scenarios/replicas';
import { selectScenarios } from './selectScenarios';
import type { Scenario, ScenarioResult } from './types';

/** In the numbering of the benchmark issue, 1 to 7. */
const SCENARIOS: Scenario[] = [
  fanOutScenario,
  costPerViewScenario,
  cachedThroughputScenario,
  replicasScenario,
  peerArgocdScenario,
  memoryScenario,
  frontendScenario,
];

/** A scenario that threw still gets a section, so one broken scenario does not hide the others' figures. */
function failedResult(scenario: Scenario, error: unknown): ScenarioResult {
  return {
    id: scenario.id,
    title: scenario.title,
    measured: 'failed',
    columns: ['error'],
    rows: [{ error: error instanceof Error ? error.message : String(error) }],
    verdict: 'missed',
    notes: ['The scenario failed before it could measure; see the error.'],
  };
}

async function main(ids: string[]): Promise<number> {
  const scenarios = selectScenarios(SCENARIOS, ids);
  const date = new Date();
  const command = ['yarn bench', ...ids].join(' ');
  const results: ScenarioResult[] = [];
  let failed = false;
  try {
    for (const scenario of scenarios) {
      const started = Date.now();
      progress(`${scenario.id}: starting`);
      let result: ScenarioResult;
      try {
        result = await scenario.run();
      } catch (e) {
        failed = true;
        progress(`${scenario.id}: FAILED ${(e as Error).stack ?? e}`);
        result = failedResult(scenario, e);
      }
      progress(
        `${scenario.id}: ${result.verdict} in ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
      results.push(result);
      process.stdout.write(`\n${formatResultForTerminal(result)}\n`);
    }
  } finally {
    await stopSharedSandbox();
  }
  const doc = path.join(REPO_ROOT, 'docs', 'performance.md');
  // The document records complete runs only, so its summary never mixes figures of different runs.
  if (scenarios.length < SCENARIOS.length) {
    progress(`ran a subset: ${path.relative(REPO_ROOT, doc)} left as it was`);
    return failed ? 1 : 0;
  }
  await writeFile(
    doc,
    renderPerformanceDoc({
      machine: readMachineInfo(),
      date,
      command,
      results,
    }),
  );
  progress(`wrote ${path.relative(REPO_ROOT, doc)}`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  process.on('exit', killAllChildren);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    e => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}

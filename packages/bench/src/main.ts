/*
 * `yarn bench [--into-doc] [scenario ids...]`: runs the benchmark scenarios in order (all of them without
 * ids), prints a table per scenario on stdout, progress on stderr; a run of all of them writes
 * docs/performance.md, and a partial run with `--into-doc` replaces its scenarios' sections there.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { killAllChildren } from './platform/childProcesses';
import { REPO_ROOT } from './platform/paths';
import { stopSharedSandbox } from './platform/SandboxProcess';
import { formatResultForTerminal } from './report/format';
import { readMachineInfo } from './report/machine';
import {
  mergeIntoPerformanceDoc,
  renderPerformanceDoc,
} from './report/performanceDoc';
import { progress } from './report/progress';
import { alertOwnershipScenario } from './scenarios/alertOwnership';
import { cacheBoundScenario } from './scenarios/cacheBound';
import { cachedThroughputScenario } from './scenarios/cachedThroughput';
import { costPerViewScenario } from './scenarios/costPerView';
import { fanOutScenario } from './scenarios/fanOut';
import { fleetScenario } from './scenarios/fleet';
import { frontendScenario } from './scenarios/frontend';
import { memoryScenario } from './scenarios/memory';
import { peerArgocdScenario } from './scenarios/peerArgocd';
import { replicasScenario } from './scenarios/replicas';
import { soakScenario } from './scenarios/soak';
import { selectScenarios } from './selectScenarios';
import type { Scenario, ScenarioResult } from './types';

/** In the numbering of the benchmark issue, 1 to 7, then the soak, the cache bound, alert ownership and the fleet page. */
const SCENARIOS: Scenario[] = [
  fanOutScenario,
  costPerViewScenario,
  cachedThroughputScenario,
  replicasScenario,
  peerArgocdScenario,
  memoryScenario,
  frontendScenario,
  soakScenario,
  cacheBoundScenario,
  alertOwnershipScenario,
  fleetScenario,
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

const INTO_DOC = '--into-doc';

async function main(args: string[]): Promise<number> {
  const intoDoc = args.includes(INTO_DOC);
  const ids = args.filter(a => a !== INTO_DOC);
  const scenarios = selectScenarios(SCENARIOS, ids);
  const date = new Date();
  const command = ['yarn bench', ...args].join(' ');
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
  const report = { machine: readMachineInfo(), date, command, results };
  if (scenarios.length < SCENARIOS.length) {
    // A partial run changes the document only when asked to, and then marks each section it measured.
    if (!intoDoc) {
      progress(
        `ran a subset: ${path.relative(
          REPO_ROOT,
          doc,
        )} left as it was (add ${INTO_DOC} to update its sections)`,
      );
      return failed ? 1 : 0;
    }
    await writeFile(
      doc,
      mergeIntoPerformanceDoc(await readFile(doc, 'utf8'), report),
    );
    progress(
      `updated ${results.length} section(s) of ${path.relative(
        REPO_ROOT,
        doc,
      )}`,
    );
    return failed ? 1 : 0;
  }
  await writeFile(doc, renderPerformanceDoc(report));
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

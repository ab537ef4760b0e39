/* eslint-disable no-console */
import { killAllChildren } from '../platform/childProcesses';
import { stopSharedSandbox } from '../platform/SandboxProcess';
import { formatResultForTerminal } from '../report/format';
import type { Scenario } from '../types';
import { frontendScenario } from './frontend';
import { peerArgocdScenario } from './peerArgocd';

/**
 * Runs scenario 5 or 7 alone and prints its table, without rewriting docs/performance.md as `yarn bench`
 * does: `node --require @backstage/cli/config/nodeTransform.cjs src/scenarios/runOne.ts peer-argocd`.
 */
const SCENARIOS: Record<string, Scenario> = {
  [peerArgocdScenario.id]: peerArgocdScenario,
  [frontendScenario.id]: frontendScenario,
};

async function main(ids: string[]) {
  const unknown = ids.filter(id => !SCENARIOS[id]);
  if (ids.length === 0 || unknown.length) {
    throw new Error(
      `name one or more of: ${Object.keys(SCENARIOS).join(', ')}`,
    );
  }
  try {
    for (const id of ids) {
      const started = Date.now();
      const result = await SCENARIOS[id].run();
      console.log(formatResultForTerminal(result));
      console.log(`(${Math.round((Date.now() - started) / 1000)} s)\n`);
    }
  } finally {
    await stopSharedSandbox();
  }
}

process.on('exit', killAllChildren);
main(process.argv.slice(2)).then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);

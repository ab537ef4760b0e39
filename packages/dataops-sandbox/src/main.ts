import { startSandbox } from './server';
import { Scenario } from './scenario';

/* eslint-disable no-console */

async function main() {
  const started = Date.now();
  const portText = process.env.DATAOPS_SANDBOX_PORT ?? '7100';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`DATAOPS_SANDBOX_PORT must be a port number, got '${portText}'`);
  }
  const scenario = Scenario.fromEnv();
  const realPrometheus = process.env.DATAOPS_SANDBOX_REAL_PROMETHEUS === '1';
  const sandbox = await startSandbox({ scenario, port, realPrometheus, log: line => console.log(`dataops-sandbox ${line}`) });
  for (const fault of scenario.faults.describe()) {
    console.log(`dataops-sandbox fault: ${fault}`);
  }
  console.log(
    `dataops-sandbox ${scenario.entities.length} entities, series per env ${JSON.stringify(sandbox.seriesCount)}, started in ${Date.now() - started} ms`,
  );
  console.log(`dataops-sandbox ready on ${sandbox.url}`);
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  console.error(`dataops-sandbox failed to start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

/*
 * Entry point of a benchmark backend process: the real Backstage backend runtime (HTTP server, auth,
 * cache, database, scheduler from @backstage/backend-defaults) with the dataops plugin. Only the catalog is a
 * fixture, since the views read nothing from it but the entity. Configuration comes from the `--config`
 * file the parent writes.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import dataopsPlugin from '@dataops-observability/plugin-dataops-backend';
import { readFileSync } from 'node:fs';
import { BENCH_ENTITIES, fleetEntities } from './entities';
import { answerMemoryProbes } from './memoryProbe';
import { tokenReporterPlugin } from './tokenReporterPlugin';

answerMemoryProbes();

/** `bench.fleetEntities` of the config file: how many fleet copies the catalog holds besides the originals. */
function fleetSize(): number {
  const at = process.argv.indexOf('--config');
  const config = JSON.parse(readFileSync(process.argv[at + 1], 'utf8'));
  return Number(config.bench?.fleetEntities ?? 0);
}

const backend = createBackend();
backend.add(
  catalogServiceMock.factory({
    entities: [...BENCH_ENTITIES, ...fleetEntities(fleetSize())],
  }),
);
backend.add(dataopsPlugin);
backend.add(tokenReporterPlugin);
backend.start();

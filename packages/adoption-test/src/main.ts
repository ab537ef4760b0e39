/*
 * `yarn test:adoption`: proves an outside Backstage app can adopt the suite by following the plugin READMEs.
 * Packs the published packages, installs them into a throwaway app with the READMEs' add commands,
 * type-checks the READMEs' frontend and backend code, starts the backend with the README's config pointed at
 * the demo sandbox, and calls the API. Every failure names the README block or package file to fix.
 * `--keep` leaves the throwaway app and the logs in place for a look afterwards.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@dataops-observability/plugin-dataops-test-utils';
import { adoptionAppConfig } from './app/appConfig';
import { exampleEntityFor } from './app/catalogEntity';
import { installThrowawayApp, writeReadmeCode } from './app/throwawayApp';
import {
  entityViewProblems,
  environmentsProblems,
} from './checks/backendAnswers';
import { diagnoseMissingModule } from './checks/missingModule';
import { describeTypeErrors } from './checks/typeErrors';
import { packPublishedPackages } from './pack/packPackages';
import { REPO_ROOT, committedYarnRelease } from './paths';
import { killAllChildren, run, stop, tailOf } from './process/children';
import { note, step, timed } from './process/progress';
import { removeTree } from './process/removeTree';
import { checkImportsAreAdded, parseAddCommand } from './readme/addCommand';
import { describeBlock, readAdoptionBlocks } from './readme/readmeBlocks';
import {
  BackendStartError,
  getJson,
  getJsonOnceFound,
  startBackend,
} from './services/backend';
import { databasePrefix, dropDatabases } from './services/databases';
import { StartingSandbox, startSandbox } from './services/sandbox';

/** The example catalog file the app's entity comes from: its entities carry the dataops.io annotations. */
const EXAMPLE_CATALOG = 'examples/catalog/spark-jobs.yaml';
/** Entity views checked for real data, besides `GET /v1/environments`. */
const VIEWS = ['summary', 'metrics'];

/**
 * Environment for every child: without what the `yarn` run that started us added. Its PATH entry holds this
 * repository's package binaries (`backstage-cli` among them); left in, the app's scripts would run ours.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const ourBins = env.BERRY_BIN_FOLDER;
  if (ourBins) {
    env.PATH = (env.PATH ?? '')
      .split(path.delimiter)
      .filter(dir => dir !== ourBins)
      .join(path.delimiter);
  }
  for (const key of Object.keys(env)) {
    if (
      /^(npm_package_|npm_lifecycle_|INIT_CWD$|PROJECT_CWD$|BERRY_BIN_FOLDER$)/.test(
        key,
      )
    ) {
      delete env[key];
    }
  }
  // CI machines set CI=true, which makes Yarn refuse to write the app's new lockfile entries.
  env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';
  return env;
}

async function main(keep: boolean): Promise<void> {
  const timings: Array<[string, number]> = [];
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'dataops-adoption-'));
  const logDir = path.join(workDir, 'logs');
  const appDir = path.join(workDir, 'app');
  mkdirSync(logDir);
  const env = childEnv();
  const yarnRelease = committedYarnRelease(REPO_ROOT);
  const repoYarn: [string, string] = [process.execPath, yarnRelease];
  const prefix = databasePrefix();
  let sandbox: StartingSandbox | undefined;
  let backend: ChildProcess | undefined;

  const cleanUp = async () => {
    const t0 = Date.now();
    const done = (what: string) =>
      note(`${what} (${Math.round((Date.now() - t0) / 1000)} s)`);
    if (backend) {
      await stop(backend);
      done('backend stopped');
      await dropDatabases(
        path.join(appDir, 'packages', 'backend'),
        prefix,
      ).catch(e =>
        note(`WARNING: could not drop the databases ${prefix}*: ${e.message}`),
      );
      done(`databases ${prefix}* dropped`);
    }
    if (sandbox) {
      await stop(sandbox.child);
      done('sandbox stopped');
    }
    if (keep) {
      note(`kept ${workDir} (app in app/, logs in logs/)`);
    } else {
      await removeTree(workDir);
      done(`removed ${workDir}`);
    }
  };
  // Killing the children makes whatever awaits them fail, so the `finally` blocks below (and the package
  // folders' restore in the pack step) still run; a second signal, or 30 s, ends the run regardless.
  const interrupted = (signal: NodeJS.Signals) => {
    note(`${signal}: stopping the children, then cleaning up`);
    process.exitCode = 130;
    killAllChildren();
    process.once(signal, () => process.exit(130));
    setTimeout(() => process.exit(130), 30_000).unref();
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    step('Read the README blocks');
    const blocks = readAdoptionBlocks(REPO_ROOT);
    const appAdd = parseAddCommand(blocks['app-add'], 'packages/app');
    const backendAdd = parseAddCommand(
      blocks['backend-add'],
      'packages/backend',
    );
    checkImportsAreAdded(blocks['app-add'], appAdd, [
      blocks['app-nfs'],
      blocks['app-legacy'],
    ]);
    checkImportsAreAdded(blocks['backend-add'], backendAdd, [
      blocks['backend-index'],
    ]);
    note(
      `app-add, app-nfs, app-legacy from ${blocks['app-add'].readme}; backend-add, backend-index, config from ${blocks['backend-add'].readme}`,
    );

    const tarballDir = path.join(workDir, 'tarballs');
    mkdirSync(tarballDir);
    const packed = await timed(
      timings,
      'Build and pack the published packages',
      () =>
        packPublishedPackages({
          repoRoot: REPO_ROOT,
          yarn: repoYarn,
          outDir: tarballDir,
          logDir,
          env,
        }),
    );

    // The sandbox starts in seconds; it comes up while the app installs.
    sandbox = startSandbox({
      repoRoot: REPO_ROOT,
      yarn: repoYarn,
      env,
      logFile: path.join(logDir, 'sandbox.log'),
    });

    const app = await timed(
      timings,
      "Install into a throwaway app with the READMEs' add commands",
      () =>
        installThrowawayApp({
          repoRoot: REPO_ROOT,
          dir: appDir,
          yarnRelease,
          tarballs: new Map(packed.map(p => [p.name, p.tarball])),
          adds: [
            { block: blocks['app-add'], command: appAdd },
            { block: blocks['backend-add'], command: backendAdd },
          ],
          env,
          logDir,
        }),
    );

    await timed(
      timings,
      'Type-check the README code (both frontend systems, backend)',
      async () => {
        const byFile = writeReadmeCode(app, blocks);
        const logFile = path.join(logDir, 'app-tsc.log');
        try {
          await run(
            'tsc',
            process.execPath,
            [
              path.join(app.root, 'node_modules', 'typescript', 'bin', 'tsc'),
              '--pretty',
              'false',
            ],
            { cwd: app.root, env, logFile },
          );
        } catch {
          throw new Error(
            describeTypeErrors(readFileSync(logFile, 'utf8'), byFile),
          );
        }
        note(
          `${Object.keys(byFile).join(
            ', ',
          )} compile against the packed packages`,
        );
      },
    );

    await timed(
      timings,
      'Start the backend with the README config and call the API',
      async () => {
        const sandboxUrl = await sandbox!.ready;
        note(`demo sandbox on ${sandboxUrl}`);
        const catalogFile = path.join(app.root, 'catalog', 'entity.yaml');
        const port = await freePort();
        const token = randomBytes(24).toString('hex');
        const config = adoptionAppConfig(blocks.config, {
          sandboxUrl,
          backendPort: port,
          databasePrefix: prefix,
          accessToken: token,
          catalogFile,
        });
        writeFileSync(path.join(app.root, 'app-config.yaml'), config.yaml);
        const appEnvironments = config.environments.map(e => e.name);
        const { entity, yaml: entityYaml } = exampleEntityFor(
          readFileSync(path.join(REPO_ROOT, EXAMPLE_CATALOG), 'utf8'),
          appEnvironments,
        );
        mkdirSync(path.dirname(catalogFile), { recursive: true });
        writeFileSync(catalogFile, entityYaml);
        note(
          `catalog: ${entity.kind}:${entity.namespace}/${
            entity.name
          } of ${EXAMPLE_CATALOG}, for environments ${appEnvironments.join(
            ', ',
          )}`,
        );
        for (const renamed of config.environments.filter(
          e => e.name !== e.readmeName,
        )) {
          note(
            `environment ${renamed.readmeName} of the config block stands for the sandbox's ${renamed.name}`,
          );
        }
        const backendEnv = { ...env };
        for (const name of config.substitutions) {
          backendEnv[name] ??= 'adoption-test-placeholder';
        }
        const backendLog = path.join(logDir, 'backend.log');
        const blame = `the backend of ${describeBlock(
          blocks['backend-index'],
        )} with ${describeBlock(blocks.config)}`;
        try {
          backend = await startBackend({
            appRoot: app.root,
            yarn: app.yarn,
            env: backendEnv,
            port,
            logFile: backendLog,
          });
        } catch (e) {
          if (e instanceof BackendStartError) {
            backend = e.child;
          }
          const diagnosis = diagnoseMissingModule(
            readFileSync(backendLog, 'utf8'),
            packed,
          );
          throw new Error(
            `${diagnosis ? `${diagnosis}\n` : ''}${blame}: ${
              (e as Error).message
            }`,
          );
        }
        const api = `http://127.0.0.1:${port}/api/dataops`;
        const expect = (
          what: string,
          answer: { status: number; body: any },
          problems: string[],
        ) => {
          if (answer.status === 404) {
            problems.unshift(
              'answered 404 after 2 minutes: the catalog did not ingest the entity (see catalog errors in the backend log)',
            );
          } else if (answer.status !== 200) {
            problems.unshift(
              `answered ${answer.status}: ${JSON.stringify(answer.body).slice(
                0,
                500,
              )}`,
            );
          }
          if (problems.length > 0) {
            throw new Error(
              `${blame}: ${what}\n  ${problems.join(
                '\n  ',
              )}\nbackend log ${backendLog}, last lines:\n${tailOf(
                backendLog,
              )}`,
            );
          }
          note(
            `${what}: 200 with ${
              JSON.stringify(answer.body).length
            } bytes of real data`,
          );
        };

        const environments = await getJson(`${api}/v1/environments`, token);
        expect(
          'GET /v1/environments',
          environments,
          environments.status === 200
            ? environmentsProblems(environments.body, config.environments)
            : [],
        );

        for (const view of VIEWS) {
          const route = `/v1/entity/${entity.namespace}/${entity.kind}/${entity.name}/${view}`;
          const answer = await getJsonOnceFound(`${api}${route}`, token);
          expect(
            `GET ${route}`,
            answer,
            answer.status === 200
              ? entityViewProblems(
                  view,
                  entity,
                  answer.body,
                  config.environments,
                )
              : [],
          );
        }
      },
    );
  } finally {
    const t0 = Date.now();
    await cleanUp();
    timings.push(['Clean up', Date.now() - t0]);
    step('Timings');
    for (const [title, ms] of timings) {
      note(
        `${title.padEnd(64)} ${String(Math.round(ms / 1000)).padStart(4)} s`,
      );
    }
  }
}

const started = Date.now();
main(process.argv.includes('--keep')).then(
  () => {
    if (process.exitCode) {
      process.exit(process.exitCode); // interrupted after the last check
    }
    step(
      `Adoption test passed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    process.exit(0);
  },
  e => {
    process.stderr.write(
      `\nADOPTION TEST FAILED after ${Math.round(
        (Date.now() - started) / 1000,
      )} s:\n${e?.message ?? e}\n`,
    );
    process.exit(process.exitCode || 1);
  },
);

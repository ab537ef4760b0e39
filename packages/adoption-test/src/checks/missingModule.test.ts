import { diagnoseMissingModule } from './missingModule';

const SUITE = [
  {
    name: '@dataops-observability/plugin-dataops-common',
    dir: 'plugins/dataops-common',
  },
  {
    name: '@dataops-observability/plugin-catalog-backend-module-dataops',
    dir: 'plugins/catalog-backend-module-dataops',
  },
];

/** The crash of a backend whose common library relies on a hoisted peer dependency. */
const PEER_CRASH = `
Error: Cannot find module '@lezer/lr'
Require stack:
- /tmp/x/app/node_modules/@prometheus-io/lezer-promql/dist/index.cjs
- /tmp/x/app/node_modules/@dataops-observability/plugin-dataops-common/dist/annotationValues/parseAnnotationLists.cjs.js
- /tmp/x/app/node_modules/@dataops-observability/plugin-dataops-common/dist/index.cjs.js
- /tmp/x/app/node_modules/@dataops-observability/plugin-catalog-backend-module-dataops/dist/index.cjs.js
    at Function._resolveFilename (node:internal/modules/cjs/loader:1430:15)
  code: 'MODULE_NOT_FOUND',
`;

describe('diagnoseMissingModule', () => {
  it('names the suite package that must provide a peer dependency of what it uses', () => {
    expect(diagnoseMissingModule(PEER_CRASH, SUITE)).toBe(
      "plugins/dataops-common/package.json does not list a dependency its users need: it uses @prometheus-io/lezer-promql, which requires '@lezer/lr' (a peer dependency the user must provide); add '@lezer/lr' to its dependencies",
    );
  });

  it('names the suite package whose own code requires an undeclared module', () => {
    const log = `Error: Cannot find module 'luxon'
Require stack:
- /a/node_modules/@dataops-observability/plugin-dataops-common/dist/time/x.cjs.js
- /a/packages/backend/src/index.ts`;
    expect(diagnoseMissingModule(log, SUITE)).toBe(
      "plugins/dataops-common/package.json does not list a dependency its users need: its code requires 'luxon'; add 'luxon' to its dependencies",
    );
  });

  it('has nothing to say when no suite package is involved', () => {
    const log = `Error: Cannot find module 'pg'
Require stack:
- /a/node_modules/knex/lib/dialects/postgres/index.js`;
    expect(diagnoseMissingModule(log, SUITE)).toBeUndefined();
    expect(
      diagnoseMissingModule('Backend failed to start up', SUITE),
    ).toBeUndefined();
  });
});

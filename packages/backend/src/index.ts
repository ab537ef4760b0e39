// Backstage backend of the DataOps observability suite (new backend system).
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: guest for the demo; production adds a real provider module.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with the entity model of scaffolder templates.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Rejects malformed dataops.io/* and Argo CD annotations as entity processing errors.
backend.add(
  import('@dataops-observability/plugin-catalog-backend-module-dataops'),
);

// Scaffolder.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// Bitbucket Server and Bitbucket Cloud publishers: the onboarding template opens its pull request on the
// host its form names (GitHub, Bitbucket Server or Bitbucket Cloud).
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-bitbucket-server'),
);
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-bitbucket-cloud'),
);
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// DataOps onboarding actions: dataops:monitoring:render and dataops:catalog:annotate.
backend.add(
  import('@dataops-observability/plugin-scaffolder-backend-module-dataops'),
);

// Permissions. The demo lets everyone do everything; production runs this app's policy: logs for the
// entity's owners and configured reader groups, catalog writes for admins (app-config.production.yaml).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  process.env.NODE_ENV === 'production'
    ? import('./permissionPolicy')
    : import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Search over the catalog and docs.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(import('@backstage/plugin-techdocs-backend'));

// Kubernetes: the standard tab on Spark job and Airflow DAG pages.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// DataOps observability: fan-out over every environment's Thanos, OpenSearch, Argo CD and Alertmanager.
backend.add(import('@dataops-observability/plugin-dataops-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();

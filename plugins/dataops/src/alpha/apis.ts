import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DataOpsClient, dataOpsApiRef } from '../api';

/**
 * Registers `DataOpsClient` (from the package's main entry point) as the DataOps API in the new frontend
 * system.
 * @alpha
 */
export const dataOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataOpsClient({ discoveryApi, fetchApi }),
    }),
});

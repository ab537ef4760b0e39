import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DataOpsClient, dataOpsApiRef } from '../api';

/** @alpha */
export const dataOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dataOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataOpsClient({ discoveryApi, fetchApi }),
    }),
});

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/** The message a benchmark backend sends its parent process once it serves requests. */
export interface BackendReadyMessage {
  type: 'bench-backend-ready';
  /** A service token for the `dataops` plugin, valid for an hour. */
  token: string;
}

/**
 * Hands the parent benchmark process a real service-to-service token for the `dataops` plugin over the
 * IPC channel, so the load goes through the same token verification (an ES256-signed JWT checked against
 * the issuer's JWKS) as calls from other plugins, rather than a mock that skips authentication. The token
 * never travels over HTTP.
 */
export const tokenReporterPlugin = createBackendPlugin({
  pluginId: 'bench',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        lifecycle: coreServices.rootLifecycle,
        // Depending on the router makes the backend publish this plugin's JWKS, which verifiers fetch.
        httpRouter: coreServices.httpRouter,
      },
      async init({ auth, lifecycle }) {
        lifecycle.addStartupHook(async () => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'dataops',
          });
          const message: BackendReadyMessage = {
            type: 'bench-backend-ready',
            token,
          };
          process.send?.(message);
        });
      },
    });
  },
});

import type { ArgoApplicationStatus } from '@dataops-observability/plugin-dataops-common';
import { argoCdAppUrl, commitUrl, CommitLinkTemplate } from '../../links';

/**
 * The application's links out: its page in the Argo CD web UI (`uiUrl`, else the instance's API URL) and
 * the commit pages of its synced revision and of each past sync, when the repository's host is known.
 * `config` may be missing (a test double of the client); then the application is returned unchanged.
 */
export function withDeploymentLinks(
  app: ArgoApplicationStatus,
  config:
    | { url?: string; uiUrl?: string; commitUrlTemplate?: CommitLinkTemplate }
    | undefined,
): ArgoApplicationStatus {
  const base = config?.uiUrl ?? config?.url;
  const appUrl = base ? argoCdAppUrl(base, app.name, app.namespace) : undefined;
  const template = config?.commitUrlTemplate;
  const current = commitUrl(app.repoUrl, app.revision, template);
  return {
    ...app,
    ...(appUrl ? { appUrl } : {}),
    ...(current ? { commitUrl: current } : {}),
    history: app.history.map(h => {
      const url = commitUrl(app.repoUrl, h.revision, template);
      return url ? { ...h, commitUrl: url } : h;
    }),
  };
}

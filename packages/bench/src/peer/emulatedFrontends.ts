/**
 * What each plugin's frontend asks its backend for to show the Argo CD status of one application in every
 * environment, replayed with `fetch` so both are timed from the same client.
 */

/** One view as the user would see it: status per Argo CD instance, and which part failed. */
export interface StatusView {
  /** `<instance>` to `<sync>/<health>`, e.g. `prod-argocd` to `OutOfSync/Healthy`. */
  statuses: Record<string, string>;
  /** Environments or instances shown as failed; `*` when the whole view is an error. */
  failed: string[];
  /** Requests the frontend sent to the backend for this view. */
  backendRequests: number;
}

/** The peer's ways of finding an application by name on every configured instance. */
export type PeerLookup =
  /** The released frontend with this backend: `find/name?expand=applications`, one request. */
  | 'expand'
  /** Its fallback (and the older frontend's way): `find/name`, then one `applications/:name` per instance. */
  | 'find-then-get';

async function getJson(url: string): Promise<{ ok: boolean; body: any }> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // `/check` answers plain text
  }
  return { ok: res.ok, body };
}

function statusOf(app: any): string {
  return `${app?.status?.sync?.status ?? 'Unknown'}/${
    app?.status?.health?.status ?? 'Unknown'
  }`;
}

/**
 * The `@backstage-community/plugin-argocd` frontend for an entity with only `argocd/app-name`: its API client
 * calls `/check` once per page load to pick the backend plugin id, then looks the application up on all
 * instances. A failed `find/name` fails the whole card, as in the frontend.
 */
export class PeerArgocdFrontend {
  private checked = false;

  constructor(
    private readonly pluginUrl: string,
    private readonly lookup: PeerLookup,
  ) {}

  /** A fresh page load: the next view calls `/check` again. */
  reload(): void {
    this.checked = false;
  }

  async view(appName: string): Promise<StatusView> {
    let backendRequests = 0;
    const get = (path: string) => {
      backendRequests += 1;
      return getJson(`${this.pluginUrl}${path}`);
    };
    if (!this.checked) {
      const check = await get('/check');
      this.checked = check.ok && check.body === 'OK';
    }
    const expand = this.lookup === 'expand' ? '?expand=applications' : '';
    const found = await get(
      `/find/name/${encodeURIComponent(appName)}${expand}`,
    );
    if (!found.ok) {
      return { statuses: {}, failed: ['*'], backendRequests };
    }
    const statuses: Record<string, string> = {};
    const failed: string[] = [];
    if (this.lookup === 'expand') {
      for (const instance of found.body as any[]) {
        for (const app of instance.applications ?? []) {
          statuses[instance.name] = statusOf(app);
        }
      }
      return { statuses, failed, backendRequests };
    }
    const answers = await Promise.all(
      (found.body as any[]).map(async instance => ({
        name: instance.name as string,
        answer: await get(
          `/argoInstance/${instance.name}/applications/${encodeURIComponent(
            appName,
          )}`,
        ),
      })),
    );
    // The frontend awaits all of them with Promise.all: one failure fails the card.
    if (answers.some(a => !a.answer.ok)) {
      return { statuses: {}, failed: ['*'], backendRequests };
    }
    answers.forEach(a => {
      statuses[a.name] = statusOf(a.answer.body);
    });
    return { statuses, failed, backendRequests };
  }
}

/**
 * The DataOps Deployments tab: one request for every environment of the entity, over the default range of
 * the shared controls (last 6 h, 90 s step); an environment that failed is marked on its own.
 */
export async function viewDataopsDeployments(
  backendUrl: string,
  entityName: string,
): Promise<StatusView> {
  const { ok, body } = await getJson(
    `${backendUrl}/api/dataops/v1/entity/default/component/${entityName}/deployments?from=now-6h&to=now&step=90`,
  );
  if (!ok) {
    return { statuses: {}, failed: ['*'], backendRequests: 1 };
  }
  const statuses: Record<string, string> = {};
  const failed: string[] = [];
  for (const env of body.environments) {
    if (env.status !== 'ok') {
      failed.push(env.env);
      continue;
    }
    for (const app of env.data.applications) {
      statuses[app.instance] = `${app.syncStatus}/${app.healthStatus}`;
    }
  }
  return { statuses, failed, backendRequests: 1 };
}

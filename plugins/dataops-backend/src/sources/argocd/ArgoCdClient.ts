import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  DataOpsSourceError,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import type { ArgoCdInstanceConfig } from './readArgoCdConfig';

/** A session token is refreshed this long before its `exp`, so a call never races the expiry. */
const EXPIRY_MARGIN_MS = 60_000;
/** Tokens without a readable `exp` are reused for this long. */
const OPAQUE_TOKEN_LIFETIME_MS = 10 * 60_000;

function tokenExpiry(token: string, now: number): number {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    if (typeof payload.exp === 'number') {
      return payload.exp * 1000;
    }
  } catch {
    // not a JWT
  }
  return now + OPAQUE_TOKEN_LIFETIME_MS;
}

/**
 * An Argo CD `v1alpha1Application` has at least a named `metadata`; anything else would show as an
 * application without a name or status instead of as a failing instance.
 */
function checkApplication(app: any): any {
  if (
    !app ||
    typeof app !== 'object' ||
    typeof app.metadata?.name !== 'string'
  ) {
    throw badResponse(
      'argocd',
      'answer is not an application (no metadata.name)',
    );
  }
  return app;
}

/** Argo CD REST client for one instance: applications by name or label selector. */
export class ArgoCdClient {
  private readonly limiter: ConcurrencyLimiter;
  private session?: { token: string; expiresAt: number };
  private pendingLogin?: Promise<string>;

  constructor(
    readonly config: ArgoCdInstanceConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  get name(): string {
    return this.config.name;
  }

  /** `null` when the application does not exist (or the token may not see it). */
  async getApplication(
    name: string,
    signal?: AbortSignal,
  ): Promise<any | null> {
    let app: unknown;
    try {
      app = await this.get(
        `/api/v1/applications/${encodeURIComponent(name)}`,
        signal,
      );
    } catch (e) {
      if (
        e instanceof DataOpsSourceError &&
        (e.statusCode === 404 || e.statusCode === 403)
      ) {
        return null;
      }
      throw e;
    }
    return checkApplication(app);
  }

  async listApplications(
    selector: string,
    signal?: AbortSignal,
  ): Promise<any[]> {
    const body: any = await this.get(
      `/api/v1/applications?selector=${encodeURIComponent(selector)}`,
      signal,
    );
    if (
      body?.items !== null &&
      body?.items !== undefined &&
      !Array.isArray(body.items)
    ) {
      throw badResponse('argocd', 'application list has no items array');
    }
    return (body?.items ?? []).map(checkApplication);
  }

  private async get(
    path: string,
    signal?: AbortSignal,
    retried = false,
  ): Promise<unknown> {
    const token = await this.token(signal);
    try {
      return await fetchJson(
        `${this.config.url}${path}`,
        {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
          },
        },
        this.callOptions(signal),
      );
    } catch (e) {
      // A session may be revoked before its exp; log in again once.
      if (
        !retried &&
        !this.config.token &&
        e instanceof DataOpsSourceError &&
        e.statusCode === 401
      ) {
        this.session = undefined;
        return this.get(path, signal, true);
      }
      throw e;
    }
  }

  private callOptions(signal?: AbortSignal) {
    return {
      source: 'argocd',
      timeoutMs: this.timeoutMs,
      maxResponseBytes: this.maxResponseBytes,
      limiter: this.limiter,
      signal,
    };
  }

  private async token(signal?: AbortSignal): Promise<string> {
    if (this.config.token) {
      return this.config.token;
    }
    if (
      this.session &&
      this.session.expiresAt - EXPIRY_MARGIN_MS > this.now()
    ) {
      return this.session.token;
    }
    // Concurrent calls share one login instead of each creating a session.
    if (!this.pendingLogin) {
      this.pendingLogin = this.login(signal).finally(() => {
        this.pendingLogin = undefined;
      });
    }
    return this.pendingLogin;
  }

  private async login(signal?: AbortSignal): Promise<string> {
    const body: any = await fetchJson(
      `${this.config.url}/api/v1/session`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({
          username: this.config.username,
          password: this.config.password,
        }),
      },
      { ...this.callOptions(signal), secrets: [this.config.password ?? ''] },
    );
    if (typeof body?.token !== 'string' || !body.token) {
      throw badResponse('argocd', 'session answer has no token');
    }
    this.session = {
      token: body.token,
      expiresAt: tokenExpiry(body.token, this.now()),
    };
    return body.token;
  }
}

import type { Config } from '@backstage/config';
import { safeLinkUrl } from '@dataops-observability/plugin-dataops-common';
import {
  checkLinkBase,
  compileLinkTemplate,
  fillLinkTemplate,
  LinkTemplate,
} from './linkTemplate';

const enc = encodeURIComponent;

/**
 * The application's page in the Argo CD web UI: `<uiUrl>/applications/<app namespace>/<name>`, or
 * `<uiUrl>/applications/<name>` when the Application's namespace is unknown.
 */
export function argoCdAppUrl(
  uiUrl: string,
  name: string,
  namespace?: string,
): string | undefined {
  if (!name) {
    return undefined;
  }
  const path = namespace ? `${enc(namespace)}/${enc(name)}` : enc(name);
  return safeLinkUrl(`${uiUrl}/applications/${path}`);
}

/** Placeholders of `argocd[].commitUrlTemplate`. */
export const COMMIT_LINK_PLACEHOLDERS = ['repoPath', 'revision'] as const;

/** `commitUrlTemplate` of an Argo CD instance: applies to repositories on the template's host. */
export interface CommitLinkTemplate {
  template: LinkTemplate;
  host: string;
}

/** `uiUrl` (default: the API URL) and `commitUrlTemplate` of one `argocd` item, checked. */
export function readArgoCdLinkConfig(
  item: Config,
  apiUrl: string,
  where: string,
): { uiUrl: string; commitUrlTemplate?: CommitLinkTemplate } {
  const uiUrl = item.getOptionalString('uiUrl');
  const commit = item.getOptionalString('commitUrlTemplate');
  let commitUrlTemplate: CommitLinkTemplate | undefined;
  if (commit) {
    const template = compileLinkTemplate(
      commit,
      `${where}.commitUrlTemplate`,
      COMMIT_LINK_PLACEHOLDERS,
    );
    commitUrlTemplate = { template, host: new URL(template.origin).hostname };
  }
  return {
    uiUrl: uiUrl ? checkLinkBase(uiUrl, `${where}.uiUrl`) : apiUrl,
    ...(commitUrlTemplate ? { commitUrlTemplate } : {}),
  };
}

/** A Git repository URL taken apart: web origin, host name and path segments (without `.git`). */
interface RepoLocation {
  origin: string;
  host: string;
  segments: string[];
}

/**
 * `https://host/a/b.git`, `ssh://git@host[:port]/a/b.git` and `git@host:a/b.git`, as the web origin of the
 * host and the repository's path. SSH forms map to `https://host` (the SSH port says nothing about the
 * web's). Anything else, or a path with empty, `.` or `..` segments, is not a repository location.
 */
export function parseRepoUrl(repoUrl: string): RepoLocation | undefined {
  let origin: string;
  let host: string;
  let path: string;
  const scp = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/)(.+)$/.exec(repoUrl);
  if (scp) {
    host = scp[1].toLowerCase();
    origin = `https://${host}`;
    path = scp[2];
  } else {
    let url: URL;
    try {
      url = new URL(repoUrl);
    } catch {
      return undefined;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      origin = url.origin;
    } else if (url.protocol === 'ssh:' || url.protocol === 'git+ssh:') {
      origin = `https://${url.hostname}`;
    } else {
      return undefined;
    }
    host = url.hostname;
    path = decodeURIComponent(url.pathname);
  }
  const segments = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/');
  if (segments.some(s => s === '' || s === '.' || s === '..')) {
    return undefined;
  }
  return { origin, host, segments };
}

// A resolved Git revision: a commit hash. Branch names and Helm chart versions get no commit link.
const COMMIT = /^[0-9a-f]{7,64}$/i;

/**
 * The commit page of `revision` in `repoUrl`: GitHub (github.com, or a host named `github.*`), GitLab
 * (gitlab.com or `gitlab.*`), Bitbucket Cloud (bitbucket.org) and Bitbucket Server or Data Center
 * (`/scm/<project>/<repo>.git` becomes `/projects/<PROJECT>/repos/<repo>/commits/<rev>`). A configured
 * template for the repository's host wins. Anything else has no link. Every path segment is URL-encoded.
 */
export function commitUrl(
  repoUrl: string | undefined,
  revision: string | undefined,
  template?: CommitLinkTemplate,
): string | undefined {
  if (!repoUrl || !revision || !COMMIT.test(revision)) {
    return undefined;
  }
  const repo = parseRepoUrl(repoUrl);
  if (!repo) {
    return undefined;
  }
  const { origin, host, segments } = repo;
  const path = segments.map(enc).join('/');
  const rev = enc(revision);
  if (template && template.host === host) {
    // The path keeps its slashes: its segments are encoded one by one.
    return fillLinkTemplate(
      template.template,
      new Map([
        ['repoPath', path],
        ['revision', revision],
      ]),
      new Set(['repoPath']),
    );
  }
  const scm = segments.indexOf('scm');
  if (scm >= 0 && segments.length === scm + 3) {
    const context = segments.slice(0, scm).map(enc).join('/');
    const [project, name] = segments.slice(scm + 1);
    return safeLinkUrl(
      `${origin}${context ? `/${context}` : ''}/projects/${enc(
        project.toUpperCase(),
      )}/repos/${enc(name)}/commits/${rev}`,
    );
  }
  if (host === 'github.com' || host.startsWith('github.')) {
    return segments.length === 2
      ? safeLinkUrl(`${origin}/${path}/commit/${rev}`)
      : undefined;
  }
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) {
    return segments.length >= 2
      ? safeLinkUrl(`${origin}/${path}/-/commit/${rev}`)
      : undefined;
  }
  if (host === 'bitbucket.org') {
    return segments.length === 2
      ? safeLinkUrl(`${origin}/${path}/commits/${rev}`)
      : undefined;
  }
  return undefined;
}

/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { ConfigReader } from '@backstage/config';
import {
  argoCdAppUrl,
  commitUrl,
  parseRepoUrl,
  readArgoCdLinkConfig,
} from './argoCdLinks';

const sha = '3f2c9a1b7e4d5c6f8091a2b3c4d5e6f708192a3b';

describe('argoCdAppUrl', () => {
  it('links to the application under its namespace', () => {
    expect(
      argoCdAppUrl('https://argocd.example', 'daily-sales-etl', 'argocd'),
    ).toBe('https://argocd.example/applications/argocd/daily-sales-etl');
    expect(argoCdAppUrl('https://argocd.example/ui', 'etl')).toBe(
      'https://argocd.example/ui/applications/etl',
    );
  });

  it('encodes the name and namespace', () => {
    expect(argoCdAppUrl('https://a.example', '../x?y#z', 'ns/../w')).toBe(
      'https://a.example/applications/ns%2F..%2Fw/..%2Fx%3Fy%23z',
    );
  });

  it('has no link without a name', () => {
    expect(argoCdAppUrl('https://a.example', '')).toBeUndefined();
  });
});

describe('readArgoCdLinkConfig', () => {
  it('defaults the UI to the API URL', () => {
    expect(
      readArgoCdLinkConfig(
        new ConfigReader({}),
        'https://api.example',
        'argocd[0]',
      ),
    ).toEqual({ uiUrl: 'https://api.example' });
  });

  it('reads uiUrl and commitUrlTemplate', () => {
    const read = readArgoCdLinkConfig(
      new ConfigReader({
        uiUrl: 'https://argocd.example/',
        commitUrlTemplate:
          'https://git.example/{{repoPath}}/commit/{{revision}}',
      }),
      'https://api.example',
      "argocd[0] 'prod'",
    );
    expect(read.uiUrl).toBe('https://argocd.example');
    expect(read.commitUrlTemplate?.host).toBe('git.example');
  });

  it.each([
    [
      { uiUrl: 'javascript:alert(1)' },
      "argocd[0] 'prod'.uiUrl must be an http or https URL",
    ],
    [
      { commitUrlTemplate: 'https://git.example/{{repoUrl}}' },
      "argocd[0] 'prod'.commitUrlTemplate: unknown placeholder {{repoUrl}}",
    ],
  ])('refuses %j at start-up', (config, message) => {
    expect(() =>
      readArgoCdLinkConfig(
        new ConfigReader(config),
        'https://a.example',
        "argocd[0] 'prod'",
      ),
    ).toThrow(message);
  });
});

describe('parseRepoUrl', () => {
  it.each([
    ['https://github.com/acme/etl.git', 'https://github.com', ['acme', 'etl']],
    ['git@github.com:acme/etl.git', 'https://github.com', ['acme', 'etl']],
    [
      'ssh://git@gitlab.example:2222/g/s/etl.git',
      'https://gitlab.example',
      ['g', 's', 'etl'],
    ],
    [
      'https://u:p@git.example:8443/a/b',
      'https://git.example:8443',
      ['a', 'b'],
    ],
  ])('reads %s', (url, origin, segments) => {
    expect(parseRepoUrl(url)).toMatchObject({ origin, segments });
  });

  it.each([
    'file:///repo',
    'javascript:alert(1)',
    'git@x.example:a/../b',
    'not a url',
    'https://x.example',
  ])('refuses %s', url => {
    expect(parseRepoUrl(url)).toBeUndefined();
  });
});

describe('commitUrl', () => {
  it.each([
    [
      'https://github.com/acme/etl.git',
      `https://github.com/acme/etl/commit/${sha}`,
    ],
    [
      'git@github.com:acme/etl.git',
      `https://github.com/acme/etl/commit/${sha}`,
    ],
    [
      'https://github.example.com/acme/etl',
      `https://github.example.com/acme/etl/commit/${sha}`,
    ],
    [
      'https://gitlab.com/g/sub/etl.git',
      `https://gitlab.com/g/sub/etl/-/commit/${sha}`,
    ],
    [
      'https://gitlab.example/g/etl',
      `https://gitlab.example/g/etl/-/commit/${sha}`,
    ],
    [
      'https://bitbucket.org/ws/etl.git',
      `https://bitbucket.org/ws/etl/commits/${sha}`,
    ],
    [
      'https://bitbucket.example/scm/data/etl.git',
      `https://bitbucket.example/projects/DATA/repos/etl/commits/${sha}`,
    ],
    [
      'https://git.example:7990/bitbucket/scm/data/etl.git',
      `https://git.example:7990/bitbucket/projects/DATA/repos/etl/commits/${sha}`,
    ],
  ])('links %s', (repo, expected) => {
    expect(commitUrl(repo, sha)).toBe(expected);
  });

  it('strips credentials from the repository URL', () => {
    expect(
      commitUrl('https://oauth2:glpat-secret@gitlab.com/g/etl.git', sha),
    ).toBe(`https://gitlab.com/g/etl/-/commit/${sha}`);
  });

  it.each([
    ['https://gitea.example/acme/etl.git', sha],
    ['https://github.com/acme/etl.git', 'main'],
    ['https://github.com/acme/etl.git', '1.2.3'],
    ['https://github.com/acme/etl.git', undefined],
    [undefined, sha],
    ['https://charts.example/stable', sha],
    ['https://github.com/acme/etl/extra', sha],
    ['javascript:alert(1)//github.com/a/b', sha],
  ])('has no link for %s at %s', (repo, revision) => {
    expect(commitUrl(repo, revision)).toBeUndefined();
  });

  it('encodes path segments', () => {
    expect(commitUrl('https://gitlab.com/g/a%3Fb%23c.git', sha)).toBe(
      `https://gitlab.com/g/a%3Fb%23c/-/commit/${sha}`,
    );
  });

  it('uses a configured template for repositories on its host only', () => {
    const read = readArgoCdLinkConfig(
      new ConfigReader({
        commitUrlTemplate:
          'https://gitea.example/{{repoPath}}/commit/{{revision}}',
      }),
      'https://a.example',
      'argocd[0]',
    );
    expect(
      commitUrl(
        'git@gitea.example:acme/my etl.git',
        sha,
        read.commitUrlTemplate,
      ),
    ).toBe(`https://gitea.example/acme/my%20etl/commit/${sha}`);
    expect(
      commitUrl('https://github.com/acme/etl', sha, read.commitUrlTemplate),
    ).toBe(`https://github.com/acme/etl/commit/${sha}`);
  });
});

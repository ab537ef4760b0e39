import type { Config } from '@backstage/config';

/**
 * Argo CD instances the community Argo CD plugin already configures (`argocd.appLocatorMethods` entries of
 * type `config`), by name, with that plugin's top-level `argocd.username`/`password` as their credentials
 * when an instance has none of its own. An adopter who runs both plugins names an instance in an
 * environment instead of repeating its URL and token.
 */
export class SharedArgoCdInstances {
  private constructor(
    private readonly byName: ReadonlyMap<string, Config>,
    private readonly fallback: { username?: string; password?: string },
  ) {}

  static fromConfig(root: Config): SharedArgoCdInstances {
    const argocd = root.getOptionalConfig('argocd');
    const byName = new Map<string, Config>();
    for (const method of argocd?.getOptionalConfigArray('appLocatorMethods') ??
      []) {
      if (method.getOptionalString('type') !== 'config') {
        continue;
      }
      for (const instance of method.getOptionalConfigArray('instances') ?? []) {
        byName.set(instance.getString('name'), instance);
      }
    }
    return new SharedArgoCdInstances(byName, {
      username: argocd?.getOptionalString('username'),
      password: argocd?.getOptionalString('password'),
    });
  }

  /** The shared instance called `name`, with credentials resolved, or a problem naming what is missing. */
  resolve(
    name: string,
    where: string,
  ): { url: string; token?: string; username?: string; password?: string } {
    const instance = this.byName.get(name);
    if (!instance) {
      const known = [...this.byName.keys()].join(', ') || 'none';
      throw new Error(
        `${where}: has no url, and argocd.appLocatorMethods has no instance named '${name}' (known: ${known})`,
      );
    }
    const token = instance.getOptionalString('token');
    const username = instance.getOptionalString('username');
    const password = instance.getOptionalString('password');
    return {
      url: instance.getString('url'),
      token,
      ...(token || username || password
        ? { username, password }
        : {
            username: this.fallback.username,
            password: this.fallback.password,
          }),
    };
  }
}

import { InputError } from '@backstage/errors';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';

/**
 * The entity views the router serves, by name. Each built-in view is one folder (`src/views/<name>/`)
 * exporting a factory that returns a `DataOpsView` (see `@dataops-observability/plugin-dataops-node`):
 *
 *   name         the URL segment, `/v1/entity/:namespace/:kind/:name/<name>`
 *   ttlSeconds   cache lifetime of one environment's answer (overridable by `dataops.cacheTtlSeconds`)
 *   run(ctx)     one environment's data; `ctx.source(...)` gives a source's client or answers
 *                `not-configured`; throw `DataOpsSourceError` for a typed upstream failure, `InputError`
 *                for a bad request
 *   authorize    optional permission check, runs before the cache is consulted
 *   area/summarize  optional row of the `summary` matrix computed from the view's data
 *
 * Built-in views are listed in `src/views/index.ts`; modules add theirs through the `dataops.views`
 * extension point. Names must be unique.
 */
export class ViewRegistry {
  private readonly views = new Map<string, DataOpsView<any>>();

  register(view: DataOpsView<any>): void {
    if (!/^[a-z][a-z0-9-]*$/.test(view.name)) {
      throw new Error(`Invalid dataops view name '${view.name}'`);
    }
    if (this.views.has(view.name)) {
      throw new Error(`The dataops view '${view.name}' is registered twice`);
    }
    this.views.set(view.name, view);
  }

  names(): string[] {
    return [...this.views.keys()];
  }

  all(): DataOpsView<any>[] {
    return [...this.views.values()];
  }

  find(name: string): DataOpsView<any> | undefined {
    return this.views.get(name);
  }

  /** The view, or a 400 naming the known ones. */
  get(name: string): DataOpsView<any> {
    const view = this.views.get(name);
    if (!view) {
      throw new InputError(
        `Unknown view '${name}'; known views: ${this.names().join(', ')}`,
      );
    }
    return view;
  }
}

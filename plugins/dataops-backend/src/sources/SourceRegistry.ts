import type {
  DataOpsSource,
  DataOpsSourcesExtensionPoint,
} from '@dataops-observability/plugin-dataops-node';

/** A source id is a config-style name: it appears in URLs of docs, in JSON keys and in error messages. */
const SOURCE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/**
 * The sources the plugin knows, in the order they were added: its own first, then those of modules. The
 * `dataops.sources` extension point adds to it; `GET /v1/environments` lists sources in this order.
 */
export class SourceRegistry {
  private readonly sources = new Map<string, DataOpsSource<any, any>>();

  /** What the extension point hands to modules (and what the plugin uses for its own sources). */
  readonly extensionPoint: DataOpsSourcesExtensionPoint = {
    addSource: source => this.add(source),
  };

  private add(source: DataOpsSource<any, any>): void {
    if (!SOURCE_ID.test(String(source.id))) {
      throw new Error(`Invalid dataops source id '${source.id}'`);
    }
    if (this.sources.has(source.id)) {
      throw new Error(`The dataops source '${source.id}' is added twice`);
    }
    this.sources.set(source.id, source);
  }

  list(): DataOpsSource<any, any>[] {
    return [...this.sources.values()];
  }
}

import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  DataOpsSourceError,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import type { IcebergCatalogConfig } from './readIcebergConfig';
import {
  IcebergTableIdentifier,
  parseTableIdentifier,
} from './parseTableIdentifier';

/** What the storage checks need from a table's metadata. */
export interface IcebergTableStats {
  /** Snapshots the metadata still holds (all of them: `snapshots=all`). */
  snapshotCount: number;
  currentSnapshotId?: number;
  /** From the current snapshot's summary; absent when the catalog's writer did not record it. */
  dataFiles?: number;
  totalFilesBytes?: number;
  totalRecords?: number;
  addedDataFiles?: number;
  /** Commit time of the current snapshot, else the metadata's last update, unix milliseconds. */
  lastCommitMs?: number;
  formatVersion: number;
  /** The path that was read, for showing as the check's query. */
  requestPath: string;
}

/** One commit of a table (a snapshot), as the runs view lists it. */
export interface IcebergSnapshot {
  snapshotId: number;
  timestampMs: number;
  /** `append`, `overwrite`, `replace` or `delete`, from the snapshot's summary. */
  operation?: string;
  addedRecords?: number;
  deletedRecords?: number;
  addedDataFiles?: number;
  deletedDataFiles?: number;
}

const SOURCE = 'iceberg';
/** The spec's default namespace separator (unit separator 0x1F), URL-encoded. */
const NAMESPACE_SEPARATOR = '%1F';

function summaryNumber(
  summary: Record<string, unknown> | undefined,
  key: string,
): number | undefined {
  const raw = summary?.[key];
  if (raw === undefined || raw === null || raw === '') {
    return undefined;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Client of an Apache Iceberg REST catalog: `GET /v1/config` once for the path prefix, then `loadTable`.
 * Only reads; table statistics come from the current snapshot's summary, so no manifest is ever opened.
 */
export class IcebergRestClient {
  private readonly limiter: ConcurrencyLimiter;
  private prefix?: Promise<string | undefined>;

  constructor(
    private readonly config: IcebergCatalogConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  /** Statistics of `namespace.table` (validated here too, since it builds the URL). */
  async tableStats(
    name: string | IcebergTableIdentifier,
    signal?: AbortSignal,
  ): Promise<IcebergTableStats> {
    const ident = typeof name === 'string' ? parseTableIdentifier(name) : name;
    const prefix = await this.resolvePrefix(signal);
    const path = `/v1/${
      prefix ? `${encodeURIComponent(prefix)}/` : ''
    }namespaces/${ident.namespace
      .map(encodeURIComponent)
      .join(NAMESPACE_SEPARATOR)}/tables/${encodeURIComponent(ident.table)}`;
    let body: any;
    try {
      body = await this.get(`${path}?snapshots=all`, signal);
    } catch (e) {
      if (e instanceof DataOpsSourceError && e.statusCode === 404) {
        throw new DataOpsSourceError({
          type: 'UPSTREAM_ERROR',
          source: SOURCE,
          statusCode: 404,
          message: `table ${[...ident.namespace, ident.table].join(
            '.',
          )} does not exist in the Iceberg catalog`,
        });
      }
      throw e;
    }
    return { ...this.toStats(body), requestPath: `GET ${path}` };
  }

  /**
   * The table's commit history: every snapshot the metadata still holds, newest first, with the summary
   * figures its writer recorded. Read from the same `loadTable` answer as {@link tableStats}.
   */
  async snapshotHistory(
    name: string | IcebergTableIdentifier,
    signal?: AbortSignal,
  ): Promise<{ snapshots: IcebergSnapshot[]; requestPath: string }> {
    const ident = typeof name === 'string' ? parseTableIdentifier(name) : name;
    const prefix = await this.resolvePrefix(signal);
    const path = `/v1/${
      prefix ? `${encodeURIComponent(prefix)}/` : ''
    }namespaces/${ident.namespace
      .map(encodeURIComponent)
      .join(NAMESPACE_SEPARATOR)}/tables/${encodeURIComponent(ident.table)}`;
    const body: any = await this.get(`${path}?snapshots=all`, signal);
    const metadata = body?.metadata;
    if (!metadata || typeof metadata['format-version'] !== 'number') {
      throw badResponse(SOURCE, 'loadTable answer has no table metadata');
    }
    const snapshots: IcebergSnapshot[] = (
      Array.isArray(metadata.snapshots) ? metadata.snapshots : []
    )
      .filter(
        (s: any) =>
          typeof s?.['snapshot-id'] === 'number' &&
          typeof s?.['timestamp-ms'] === 'number',
      )
      .map((s: any) => ({
        snapshotId: s['snapshot-id'],
        timestampMs: s['timestamp-ms'],
        operation:
          typeof s.summary?.operation === 'string'
            ? s.summary.operation
            : undefined,
        addedRecords: summaryNumber(s.summary, 'added-records'),
        deletedRecords: summaryNumber(s.summary, 'deleted-records'),
        addedDataFiles: summaryNumber(s.summary, 'added-data-files'),
        deletedDataFiles: summaryNumber(s.summary, 'deleted-data-files'),
      }))
      .sort(
        (a: IcebergSnapshot, b: IcebergSnapshot) =>
          b.timestampMs - a.timestampMs,
      );
    return { snapshots, requestPath: `GET ${path}` };
  }

  private toStats(body: any): Omit<IcebergTableStats, 'requestPath'> {
    const metadata = body?.metadata;
    if (
      !metadata ||
      typeof metadata !== 'object' ||
      typeof metadata['format-version'] !== 'number'
    ) {
      throw badResponse(SOURCE, 'loadTable answer has no table metadata');
    }
    const snapshots: any[] = Array.isArray(metadata.snapshots)
      ? metadata.snapshots
      : [];
    const currentId = metadata['current-snapshot-id'];
    // -1 is how format v1 writers said "no snapshot yet".
    const current =
      typeof currentId === 'number' && currentId !== -1
        ? snapshots.find(s => s?.['snapshot-id'] === currentId)
        : undefined;
    const summary = current?.summary;
    const lastCommitMs =
      typeof current?.['timestamp-ms'] === 'number'
        ? current['timestamp-ms']
        : metadata['last-updated-ms'];
    return {
      snapshotCount: snapshots.length,
      currentSnapshotId: current ? currentId : undefined,
      dataFiles: summaryNumber(summary, 'total-data-files'),
      totalFilesBytes: summaryNumber(summary, 'total-files-size'),
      totalRecords: summaryNumber(summary, 'total-records'),
      addedDataFiles: summaryNumber(summary, 'added-data-files'),
      lastCommitMs: typeof lastCommitMs === 'number' ? lastCommitMs : undefined,
      formatVersion: metadata['format-version'],
    };
  }

  /**
   * The catalog may name its own prefix in `overrides` (or `defaults`); the configured one is the fallback.
   * A failed lookup is not remembered, so a catalog that was down is asked again next time.
   */
  private resolvePrefix(signal?: AbortSignal): Promise<string | undefined> {
    if (!this.prefix) {
      const query = this.config.warehouse
        ? `?${new URLSearchParams({ warehouse: this.config.warehouse })}`
        : '';
      this.prefix = this.get(`/v1/config${query}`, signal).then((body: any) => {
        if (!body || typeof body !== 'object') {
          throw badResponse(SOURCE, 'config answer is not an object');
        }
        const found =
          body.overrides?.prefix ?? body.defaults?.prefix ?? this.config.prefix;
        return typeof found === 'string' && found ? found : undefined;
      });
      this.prefix.catch(() => {
        this.prefix = undefined;
      });
    }
    return this.prefix;
  }

  private get(path: string, signal?: AbortSignal): Promise<unknown> {
    return fetchJson(
      `${this.config.url}${path}`,
      {
        headers: {
          accept: 'application/json',
          ...(this.config.token
            ? { authorization: `Bearer ${this.config.token}` }
            : {}),
        },
      },
      {
        source: SOURCE,
        timeoutMs: this.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        limiter: this.limiter,
        signal,
      },
    );
  }
}

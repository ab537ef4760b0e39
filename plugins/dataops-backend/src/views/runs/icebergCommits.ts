import {
  RunsData,
  TimeRange,
  evaluateThresholds,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsViewContext } from '@dataops-observability/plugin-dataops-node';
import type { IcebergRestClient } from '../../sources/iceberg';
import { RUNS_LIMIT } from './airflowRuns';

/**
 * The `runs` data of one environment for an Iceberg table: its commits (snapshots) in the range, newest first,
 * and the age of the newest commit against the freshness target, judged as the storage view's freshness check
 * is (warning beyond the target, critical beyond twice it). A commit is an instant, so it has no duration.
 */
export async function icebergCommits(options: {
  ctx: DataOpsViewContext;
  client: IcebergRestClient;
  table: string;
  range: TimeRange;
  freshnessTargetSeconds: number;
  nowMs: number;
}): Promise<RunsData> {
  const { ctx, client, table, range, freshnessTargetSeconds, nowMs } = options;
  const { snapshots } = await client.snapshotHistory(table, ctx.signal);
  const inRange = snapshots.filter(
    s => s.timestampMs >= range.from * 1000 && s.timestampMs <= range.to * 1000,
  );
  const newest = snapshots[0];
  const ageSeconds = newest
    ? Math.max(0, (nowMs - newest.timestampMs) / 1000)
    : undefined;
  return {
    source: 'iceberg',
    identity: table,
    runs: inRange.slice(0, RUNS_LIMIT).map(s => {
      const at = new Date(s.timestampMs).toISOString();
      return {
        id: String(s.snapshotId),
        state: s.operation ?? 'commit',
        // A commit that exists succeeded; a table's trouble shows in its freshness, not in one commit.
        level: 'healthy',
        startedAt: at,
        endedAt: at,
        durationLevel: 'unknown',
        addedRecords: s.addedRecords,
        deletedRecords: s.deletedRecords,
        addedFiles: s.addedDataFiles,
        deletedFiles: s.deletedDataFiles,
      };
    }),
    totalInRange: inRange.length,
    ...(newest && ageSeconds !== undefined
      ? {
          freshness: {
            lastCommitAt: new Date(newest.timestampMs).toISOString(),
            ageSeconds,
            targetSeconds: freshnessTargetSeconds,
            level: evaluateThresholds(ageSeconds, {
              direction: 'above',
              warning: freshnessTargetSeconds,
              critical: 2 * freshnessTargetSeconds,
            }),
          },
        }
      : {}),
  };
}

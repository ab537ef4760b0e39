import type {
  ArgoApplicationStatus,
  DeploymentHistoryEntry,
  HealthLevel,
} from '@dataops-observability/plugin-dataops-common';

/** docs/platform-rules.md, layer 1: OutOfSync for more than 5 minutes is critical. */
export const OUT_OF_SYNC_CRITICAL_MS = 5 * 60_000;

export function applicationLevel(
  syncStatus: string,
  healthStatus: string,
  outOfSyncSince: string | undefined,
  now: number,
): HealthLevel {
  if (healthStatus === 'Degraded' || healthStatus === 'Missing') {
    return 'critical';
  }
  if (syncStatus === 'OutOfSync') {
    const since = outOfSyncSince ? Date.parse(outOfSyncSince) : now;
    return now - since > OUT_OF_SYNC_CRITICAL_MS ? 'critical' : 'warning';
  }
  if (healthStatus === 'Progressing' || healthStatus === 'Suspended') {
    return 'warning';
  }
  if (syncStatus === 'Synced' && healthStatus === 'Healthy') {
    return 'healthy';
  }
  return 'unknown';
}

function initiator(h: any): { initiatedBy?: string } {
  if (h.initiatedBy?.username) {
    return { initiatedBy: String(h.initiatedBy.username) };
  }
  return h.initiatedBy?.automated ? { initiatedBy: 'automated' } : {};
}

/** Maps an Argo CD `v1alpha1Application` to the wire shape. */
export function toApplicationStatus(
  instance: string,
  app: any,
  outOfSyncSince: string | undefined,
  now: number,
): ArgoApplicationStatus {
  const status = app?.status ?? {};
  const syncStatus = String(status.sync?.status ?? 'Unknown');
  const healthStatus = String(status.health?.status ?? 'Unknown');
  const history: DeploymentHistoryEntry[] = (status.history ?? [])
    .map((h: any) => ({
      id: h.id,
      revision: String(h.revision ?? h.revisions?.[0] ?? ''),
      deployedAt: String(h.deployedAt ?? ''),
      ...(h.deployStartedAt
        ? { deployStartedAt: String(h.deployStartedAt) }
        : {}),
      ...initiator(h),
    }))
    .reverse();
  const op = status.operationState;
  const lastSyncedAt = op?.finishedAt ?? history[0]?.deployedAt;
  const since = syncStatus === 'OutOfSync' ? outOfSyncSince : undefined;
  return {
    instance,
    name: String(app?.metadata?.name ?? ''),
    ...(app?.metadata?.namespace
      ? { namespace: String(app.metadata.namespace) }
      : {}),
    ...(app?.spec?.project ? { project: String(app.spec.project) } : {}),
    syncStatus,
    healthStatus,
    ...(status.health?.message
      ? { healthMessage: String(status.health.message) }
      : {}),
    ...(status.sync?.revision
      ? { revision: String(status.sync.revision) }
      : {}),
    ...(app?.spec?.source?.repoURL
      ? { repoUrl: String(app.spec.source.repoURL) }
      : {}),
    ...(lastSyncedAt ? { lastSyncedAt: String(lastSyncedAt) } : {}),
    ...(since ? { outOfSyncSince: since } : {}),
    level: applicationLevel(syncStatus, healthStatus, since, now),
    ...(op
      ? {
          operation: {
            phase: String(op.phase ?? ''),
            ...(op.message ? { message: String(op.message) } : {}),
            ...(op.startedAt ? { startedAt: String(op.startedAt) } : {}),
            ...(op.finishedAt ? { finishedAt: String(op.finishedAt) } : {}),
          },
        }
      : {}),
    history,
  };
}

import { useEffect, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { TeamReportResponse } from '@dataops-observability/plugin-dataops-common';
import { dataOpsApiRef } from '../../api';
import { ViewFrame } from '../shared';
import { TeamReportView } from './TeamReportView';

/** How soon a report with budget cells still pending is asked for again; the backend keeps computing. */
export const TEAM_REPORT_POLL_MS = 3000;
const DEFAULT_DAYS = 30;

/** Props of {@link TeamReport}. @public */
export interface TeamReportProps {
  /** The group, e.g. `group:default/sales-data`; its sub-groups are included. */
  ownerRef: string;
  /** Length of the period in days, 1 to 90; 30 when absent. */
  days?: number;
}

const hasPending = (report: TeamReportResponse) =>
  report.budgets.some(r => r.cells.some(c => c.state === 'pending'));

/** Loads and shows the team report of a group; asks again while budget cells are pending. */
export function TeamReport(props: TeamReportProps) {
  const { ownerRef } = props;
  const days = props.days ?? DEFAULT_DAYS;
  // Looked up, not required: a page embedding the report still renders in an app without the client.
  const api = useApiHolder().get(dataOpsApiRef);
  const [state, setState] = useState<{
    loading: boolean;
    error?: Error;
    value?: TeamReportResponse;
  }>({ loading: true });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ loading: true });
    const load = async () => {
      try {
        if (!api?.getTeamReport) {
          throw new Error('This DataOps API client has no team report');
        }
        const value = await api.getTeamReport(
          ownerRef,
          { days },
          { signal: controller.signal },
        );
        if (controller.signal.aborted) return;
        setState({ loading: false, value });
        if (hasPending(value)) {
          timer = setTimeout(load, TEAM_REPORT_POLL_MS);
        }
      } catch (e) {
        if (!controller.signal.aborted) {
          setState({ loading: false, error: e as Error });
        }
      }
    };
    if (api) load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, ownerRef, days]);

  if (!api) {
    return (
      <Typography variant="body2">
        The team report needs the DataOps API, which this app does not provide.
      </Typography>
    );
  }
  return (
    <ViewFrame {...state}>
      {value => <TeamReportView report={value} />}
    </ViewFrame>
  );
}

/** Props of {@link EntityDataOpsTeamReportCard}. @public */
export interface EntityDataOpsTeamReportCardProps {
  /** Card title; `Team report, last <days> days` when absent. */
  title?: string;
  /** Length of the period in days, 1 to 90; 30 when absent. */
  days?: number;
}

/**
 * Group page card: error budget left per owned entity and environment, incidents, MTTR and MTTD against
 * the platform targets, the noisiest alerts and the trend against the previous period.
 */
export function EntityDataOpsTeamReportCard(
  props: EntityDataOpsTeamReportCardProps,
) {
  const { entity } = useEntity();
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const days = props.days ?? DEFAULT_DAYS;
  return (
    <InfoCard title={props.title ?? `Team report, last ${days} days`}>
      {isGroup ? (
        <TeamReport ownerRef={stringifyEntityRef(entity)} days={days} />
      ) : (
        'The team report is shown on group pages.'
      )}
    </InfoCard>
  );
}

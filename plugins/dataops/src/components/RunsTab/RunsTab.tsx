import Alert from '@material-ui/lab/Alert';
import Link from '@material-ui/core/Link';
import {
  ANNOTATIONS,
  EntityViewResponse,
  RunsData,
} from '@dataops-observability/plugin-dataops-common';
import { isDataOpsRunsAvailable } from '../../annotations';
import { useTabLink } from '../../routes';
import {
  EntityViewSection,
  EnvironmentColumns,
  MutedText,
  StatusChip,
} from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { formatDuration } from '../../format';
import { RunItem } from './RunItem';
import { RunDurationChart } from './RunDurationChart';
import { logsQueryForRun } from './runLinks';

/** How the links out name the system the runs come from. */
const SYSTEM_NAMES: Record<RunsData['source'], string> = {
  airflow: 'Airflow',
  'spark-history': 'Spark UI',
  iceberg: 'the catalog',
};

/** What the identity of the workload is called, per system. */
const IDENTITY_NAMES: Record<RunsData['source'], string> = {
  airflow: 'DAG',
  'spark-history': 'Application',
  iceberg: 'Table',
};

/** What one run is called, per system: an Iceberg table's runs are its commits. */
const NOUNS: Record<RunsData['source'], string> = {
  airflow: 'run',
  'spark-history': 'run',
  iceberg: 'commit',
};

/** Props of {@link RunsView}. */
export interface RunsViewProps {
  response: EntityViewResponse<RunsData>;
  /** The Logs tab with this query, or undefined when the Logs tab is not mounted. */
  logsLink?: (search: URLSearchParams) => string | undefined;
  /** Clock of the "until now" end of running runs' log windows. */
  nowMs?: number;
}

/** The last runs of every environment side by side, each with its duration chart against the SLA. */
export function RunsView(props: RunsViewProps) {
  const { response, logsLink, nowMs = Date.now() } = props;
  return (
    <EnvironmentColumns
      environments={response.environments}
      renderTitle={env => {
        const entry = response.environments.find(e => e.env === env);
        const data = entry?.status === 'ok' ? entry.data : undefined;
        const last = data?.runs[0];
        return (
          <>
            {env}{' '}
            {last && (
              <StatusChip
                level={last.level}
                label={`last ${NOUNS[data!.source]} ${last.state}`}
              />
            )}
          </>
        );
      }}
    >
      {(data, env) => (
        <>
          <MutedText variant="body2" gutterBottom>
            {IDENTITY_NAMES[data.source]}{' '}
            {data.url ? (
              <Link
                href={data.url}
                target="_blank"
                rel="noopener noreferrer"
                // Inside a sentence: underlined, so it does not rely on colour to stand out.
                underline="always"
              >
                {data.identity}
              </Link>
            ) : (
              data.identity
            )}
            {' · '}
            {data.source !== 'iceberg' &&
              (data.sla
                ? `SLA from ${data.sla.annotation} · `
                : `no ${ANNOTATIONS.runSla} set · `)}
            {data.runs.length < data.totalInRange
              ? `newest ${data.runs.length} of ${data.totalInRange} ${
                  NOUNS[data.source]
                }s`
              : `${data.runs.length} ${NOUNS[data.source]}s`}{' '}
            in range
          </MutedText>
          {data.note && <Alert severity="warning">{data.note}</Alert>}
          {data.freshness && (
            <StatusChip
              level={data.freshness.level}
              label={`last commit ${formatDuration(
                data.freshness.ageSeconds * 1000,
              )} ago (target ${formatDuration(
                data.freshness.targetSeconds * 1000,
              )})`}
            />
          )}
          {data.runs.length === 0 ? (
            <Alert severity="info">
              No {NOUNS[data.source]} in the selected time range.
            </Alert>
          ) : (
            <>
              {data.source !== 'iceberg' && (
                <RunDurationChart data={data} env={env} />
              )}
              <ul
                style={{ padding: 0, margin: 0 }}
                aria-label={`Runs in ${env}`}
              >
                {data.runs.map(run => {
                  const search = logsQueryForRun({ env, run, nowMs });
                  return (
                    <RunItem
                      key={run.id}
                      run={run}
                      sla={data.sla}
                      systemName={SYSTEM_NAMES[data.source]}
                      isCommit={data.source === 'iceberg'}
                      logsHref={
                        search && logsLink ? logsLink(search) : undefined
                      }
                    />
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </EnvironmentColumns>
  );
}

function LinkedRunsView(props: { response: EntityViewResponse<RunsData> }) {
  const tabLink = useTabLink();
  return (
    <RunsView
      response={props.response}
      logsLink={search => tabLink('logs', search)}
    />
  );
}

/** The Runs tab. */
export function RunsTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsRunsAvailable}
      annotation={[
        ANNOTATIONS.airflowDagId,
        ANNOTATIONS.sparkAppName,
        ANNOTATIONS.icebergTable,
      ]}
    >
      <EntityViewSection view="runs">
        {value => <LinkedRunsView response={value} />}
      </EntityViewSection>
    </RequireDataOps>
  );
}

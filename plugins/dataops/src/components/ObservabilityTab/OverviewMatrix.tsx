import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles, useTheme } from '@material-ui/core/styles';
import {
  Area,
  AREAS,
  AreaStatus,
  EntityViewResponse,
  EnvironmentResult,
  HEALTH_LEVEL_RANK,
  HealthLevel,
  SummaryData,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';
import {
  EnvironmentStatusPanel,
  MutedText,
  StatusChip,
  useLevelColours,
} from '../shared';

const AREA_TITLES: Record<Area, string> = {
  metrics: 'Metrics',
  logs: 'Logs',
  deployments: 'Deployments',
  slo: 'SLO',
  storage: 'Storage',
  alerts: 'Alerts',
  runs: 'Runs',
};

const NOT_REPORTED: AreaStatus = {
  level: 'unknown',
  reason: 'not reported by the backend',
};

const useStyles = makeStyles(theme => ({
  table: {
    borderCollapse: 'separate',
    borderSpacing: theme.spacing(1),
    width: '100%',
    tableLayout: 'fixed',
  },
  caption: { textAlign: 'left', captionSide: 'top' as any },
  colHead: { textAlign: 'left', verticalAlign: 'bottom' },
  rowHead: {
    textAlign: 'left',
    fontWeight: 600,
    width: '9rem',
    verticalAlign: 'top',
    paddingTop: theme.spacing(1),
  },
  cell: {
    verticalAlign: 'top',
    borderRadius: 6,
    padding: theme.spacing(1),
    borderLeft: '6px solid',
  },
  // Reasons quote table and metric names with no space to break at; they wrap inside the fixed-width cell.
  reason: {
    display: 'block',
    marginTop: theme.spacing(0.5),
    overflowWrap: 'anywhere',
  },
  link: { display: 'block', color: 'inherit', textDecoration: 'none' },
}));

/**
 * The reason the backend gives an area the caller may not read (for example logs without
 * `dataops.logs.read`). Such a cell says so in its chip instead of "Unknown", and does not link to a tab
 * that would only refuse.
 */
export const NOT_PERMITTED_REASON = 'not permitted';

function statusOf(
  result: EnvironmentResult<SummaryData>,
  area: Area,
): AreaStatus {
  if (result.status !== 'ok') return NOT_REPORTED;
  return result.data.areas?.[area] ?? NOT_REPORTED;
}

function environmentLevel(result: EnvironmentResult<SummaryData>): HealthLevel {
  if (result.status === 'error') return 'critical';
  if (result.status === 'not-configured') return 'unknown';
  return worstLevel(AREAS.map(a => statusOf(result, a).level));
}

/**
 * Rows in the order people should look at them: the worst level across environments first, ties kept in the
 * usual area order.
 */
export function sortAreasWorstFirst(
  environments: EnvironmentResult<SummaryData>[],
): Area[] {
  const rank = (area: Area) =>
    Math.max(
      -1,
      ...environments.map(e =>
        e.status === 'ok' ? HEALTH_LEVEL_RANK[statusOf(e, area).level] : -1,
      ),
    );
  return [...AREAS]
    .map((area, index) => ({ area, index, rank: rank(area) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(x => x.area);
}

export interface OverviewMatrixProps {
  summary: EntityViewResponse<SummaryData>;
  /** Where a cell points; undefined leaves the cell without a link (its tab does not apply to the entity). */
  linkFor(area: Area, env: string): string | undefined;
}

/**
 * Environments (columns) by areas (rows), each cell a level with its reason. A column whose environment failed
 * shows the failure once, spanning its rows, while the other columns stay live.
 */
export function OverviewMatrix(props: OverviewMatrixProps) {
  const { summary, linkFor } = props;
  const classes = useStyles();
  const theme = useTheme();
  const levelColours = useLevelColours();
  const envs = summary.environments;
  const areas = sortAreasWorstFirst(envs);

  return (
    <table className={classes.table}>
      <caption className={classes.caption}>
        <MutedText variant="body2">
          Status of {summary.entityRef} per environment and area, worst areas
          first.
        </MutedText>
      </caption>
      <thead>
        <tr>
          <td className={classes.rowHead} />
          {envs.map(e => (
            <th key={e.env} scope="col" className={classes.colHead}>
              <Typography variant="h6" component="span">
                {e.env}
              </Typography>{' '}
              <StatusChip level={environmentLevel(e)} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {areas.map((area, rowIndex) => (
          <tr key={area}>
            <th scope="row" className={classes.rowHead}>
              {AREA_TITLES[area]}
            </th>
            {envs.map(e => {
              if (e.status !== 'ok') {
                return rowIndex === 0 ? (
                  <td
                    key={e.env}
                    rowSpan={areas.length}
                    className={classes.cell}
                    style={{ borderLeftColor: 'transparent' }}
                  >
                    <EnvironmentStatusPanel result={e} />
                  </td>
                ) : null;
              }
              const status = statusOf(e, area);
              const colours = levelColours[status.level];
              const notPermitted = status.reason === NOT_PERMITTED_REASON;
              // An area the entity has not opted into (no log index on a table, say) is not unknown health:
              // it gets its own word, no tint, and says what is missing; roll-ups leave it out.
              const notSetUp = status.cause === 'not-set-up';
              const href = notPermitted ? undefined : linkFor(area, e.env);
              const word = notSetUp ? 'not set up' : status.level;
              const content = notPermitted ? (
                <StatusChip level={status.level} label="Not permitted" />
              ) : (
                <>
                  <StatusChip
                    level={status.level}
                    label={notSetUp ? 'Not set up' : undefined}
                  />
                  {/* Keeps the chip's word and the reason apart in the link's text, so the words a user
                      sees ("Critical OutOfSync ...") are the words its name contains. */}{' '}
                  <Typography
                    variant="body2"
                    component="span"
                    className={classes.reason}
                  >
                    {status.reason}
                  </Typography>
                </>
              );
              return (
                <td
                  key={e.env}
                  className={classes.cell}
                  style={{
                    // A light tint of the status colour behind theme text: readable on light and dark
                    // alike, and the chip in the cell carries the word.
                    backgroundColor: notSetUp
                      ? 'transparent'
                      : alpha(colours.line, 0.12),
                    borderLeftColor: notSetUp
                      ? theme.palette.divider
                      : colours.line,
                    color: theme.palette.text.primary,
                  }}
                  data-testid={`cell-${area}-${e.env}`}
                >
                  {href ? (
                    <Link
                      to={href}
                      className={classes.link}
                      aria-label={`${AREA_TITLES[area]} in ${e.env}: ${word}, ${status.reason}. Open ${AREA_TITLES[area]}`}
                    >
                      {content}
                    </Link>
                  ) : (
                    content
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

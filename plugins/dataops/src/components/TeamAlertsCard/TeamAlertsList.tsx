import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  ActiveAlert,
  PRIORITIES,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';
import {
  FailedEnvironmentsAndAlerts,
  PriorityAlertList,
  PriorityChip,
} from '../AlertParts';

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    gap: theme.spacing(0.5),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1),
  },
}));

/**
 * Alerts of the response that belong to the team. The backend already scopes them to the group and its
 * sub-groups; checking the owner again keeps a team page from ever listing another team's alert.
 */
function teamAlerts(response: TeamAlertsResponse): ActiveAlert[] {
  const groups = new Set(response.groups);
  return response.entities
    .filter(e => groups.has(e.owner))
    .flatMap(e =>
      PRIORITIES.flatMap(p =>
        (e.alertsByPriority[p] ?? []).map(a => ({
          ...a,
          entityRef: a.entityRef ?? e.entityRef,
        })),
      ),
    );
}

/** Active alerts of a team by priority, each linked to its entity, with per-priority counts on top. */
export function TeamAlertsList(props: { response: TeamAlertsResponse }) {
  const { response } = props;
  const classes = useStyles();
  const alerts = teamAlerts(response);
  return (
    <FailedEnvironmentsAndAlerts
      environments={response.environments}
      alertCount={alerts.length}
    >
      <>
        <div className={classes.counts} aria-label="Alert counts">
          {PRIORITIES.filter(p => response.counts[p] > 0).map(p => (
            <PriorityChip key={p} priority={p} count={response.counts[p]} />
          ))}
          {response.suppressed > 0 && (
            <Chip
              size="small"
              variant="outlined"
              label={`${response.suppressed} silenced or inhibited`}
            />
          )}
        </div>
        <PriorityAlertList alerts={alerts} showEntity />
      </>
    </FailedEnvironmentsAndAlerts>
  );
}

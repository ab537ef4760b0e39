import List from '@material-ui/core/List';
import ListSubheader from '@material-ui/core/ListSubheader';
import { makeStyles } from '@material-ui/core/styles';
import {
  ActiveAlert,
  PRIORITIES,
} from '@dataops-observability/plugin-dataops-common';
import { AlertItem } from './AlertItem';
import { PRIORITY_LABEL, suppressionText } from './priorities';

const useStyles = makeStyles(theme => ({
  subheader: { lineHeight: 2, backgroundColor: theme.palette.background.paper },
}));

/** Firing before muted, then oldest first: the alert that has burned longest is the one to look at. */
function byUrgency(a: ActiveAlert, b: ActiveAlert): number {
  return (
    Number(Boolean(suppressionText(a))) - Number(Boolean(suppressionText(b))) ||
    a.startsAt.localeCompare(b.startsAt)
  );
}

/**
 * Alerts under one subheader per priority, P1 first; priorities without alerts are left out. With
 * `showEntity` each alert links to the entity it belongs to (team views).
 */
export function PriorityAlertList(props: {
  alerts: ActiveAlert[];
  showEntity?: boolean;
}) {
  const { alerts, showEntity } = props;
  const classes = useStyles();
  return (
    <List dense aria-label="Active alerts">
      {PRIORITIES.map(p => {
        const group = alerts.filter(a => a.priority === p).sort(byUrgency);
        if (!group.length) return null;
        return (
          <li key={p}>
            <ul style={{ padding: 0 }}>
              <ListSubheader className={classes.subheader}>
                {PRIORITY_LABEL[p]} ({group.length})
              </ListSubheader>
              {group.map(a => (
                <AlertItem
                  key={`${a.entityRef ?? ''}-${a.env}-${a.fingerprint}`}
                  alert={a}
                  showEntity={showEntity}
                />
              ))}
            </ul>
          </li>
        );
      })}
    </List>
  );
}

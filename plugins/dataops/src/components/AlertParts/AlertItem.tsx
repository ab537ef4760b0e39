import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ActiveAlert,
  safeLinkUrl,
} from '@dataops-observability/plugin-dataops-common';
import { PriorityChip } from './PriorityChip';
import { suppressionText } from './priorities';

const useStyles = makeStyles(theme => ({
  muted: { opacity: 0.6 },
  chips: {
    display: 'flex',
    gap: theme.spacing(0.5),
    flexWrap: 'wrap',
    alignItems: 'center',
    marginTop: theme.spacing(0.5),
  },
}));

/** One active alert; silenced and inhibited ones are dimmed and say so. */
export function AlertItem(props: { alert: ActiveAlert; showEntity?: boolean }) {
  const { alert, showEntity } = props;
  const classes = useStyles();
  const suppressed = suppressionText(alert);
  const started = DateTime.fromISO(alert.startsAt);
  // Checked again here: only http(s) URLs become links, whatever the backend sent.
  const links = [
    { label: 'Source', url: safeLinkUrl(alert.generatorURL) },
    { label: 'Runbook', url: safeLinkUrl(alert.runbookUrl) },
  ].filter((l): l is { label: string; url: string } => Boolean(l.url));
  return (
    <ListItem
      dense
      className={suppressed ? classes.muted : undefined}
      data-testid={`alert-${alert.fingerprint}`}
    >
      <ListItemText
        secondaryTypographyProps={{ component: 'div' }}
        primary={
          <>
            <Typography
              component="span"
              variant="body2"
              style={{ fontWeight: 600 }}
            >
              {alert.name}
            </Typography>{' '}
            <Typography component="span" variant="body2">
              {alert.summary}
            </Typography>
          </>
        }
        secondary={
          <span className={classes.chips}>
            <PriorityChip priority={alert.priority} />
            {showEntity && alert.entityRef && (
              <EntityRefLink entityRef={alert.entityRef} />
            )}
            {alert.env && (
              <Chip size="small" variant="outlined" label={alert.env} />
            )}
            {suppressed && (
              <Chip size="small" variant="outlined" label={suppressed} />
            )}
            {alert.claimedBy && (
              // Equally specific selectors claim it (some maybe out of the caller's sight): nobody is notified.
              <Chip
                size="small"
                variant="outlined"
                label="Ambiguous owner"
                title={`Claimed by ${alert.claimedBy.join(', ')}`}
              />
            )}
            <span title={alert.startsAt}>
              since {started.isValid ? started.toRelative() : alert.startsAt}
            </span>
            {links.map(l => (
              <Link
                key={l.label}
                href={l.url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={`${l.label} of ${alert.name}`}
              >
                {l.label}
              </Link>
            ))}
          </span>
        }
      />
    </ListItem>
  );
}

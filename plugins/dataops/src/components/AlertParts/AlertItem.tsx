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
import { useReadableTextStyles } from '../shared';

const useStyles = makeStyles(theme => ({
  // Set apart by a dashed edge, not by fading or a tint: either puts its text below readable contrast.
  // The chip says why the alert is quiet.
  suppressed: {
    borderLeft: `3px dashed ${theme.palette.text.disabled}`,
  },
  chips: {
    display: 'flex',
    gap: theme.spacing(0.5),
    flexWrap: 'wrap',
    alignItems: 'center',
    marginTop: theme.spacing(0.5),
  },
}));

/** Who claims an ambiguous alert; claimants the user may not read are only counted (their refs are not sent). */
function claimantsTitle(claimedBy: string[], hidden = 0): string {
  const others =
    hidden > 0
      ? `${hidden} ${hidden === 1 ? 'entity' : 'entities'} you may not see`
      : '';
  return `Claimed by ${[...claimedBy, others].filter(Boolean).join(', ')}`;
}

/** One active alert; silenced and inhibited ones are set apart and say so. */
export function AlertItem(props: { alert: ActiveAlert; showEntity?: boolean }) {
  const { alert, showEntity } = props;
  const classes = useStyles();
  const text = useReadableTextStyles();
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
      className={suppressed ? classes.suppressed : undefined}
      data-suppressed={suppressed ? 'true' : undefined}
      data-testid={`alert-${alert.fingerprint}`}
    >
      <ListItemText
        // The secondary line in the shade that stays readable on every surface the list appears on.
        secondaryTypographyProps={{ component: 'div', className: text.muted }}
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
                title={claimantsTitle(alert.claimedBy, alert.claimedByHidden)}
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

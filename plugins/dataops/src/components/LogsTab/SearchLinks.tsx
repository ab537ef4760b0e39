import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import {
  EnvironmentResult,
  LogsData,
  safeLinkUrl,
} from '@dataops-observability/plugin-dataops-common';

const useStyles = makeStyles(theme => ({
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0),
  },
}));

/**
 * Per environment, the same search in the log source's own UI, when the backend sent a link for it.
 * Nothing is rendered when no environment has one.
 */
export function SearchLinks(props: {
  environments: EnvironmentResult<LogsData>[];
}) {
  const classes = useStyles();
  // Checked again here: only http(s) URLs become links, whatever the backend sent.
  const links = props.environments.flatMap(e => {
    if (e.status !== 'ok') return [];
    const url = safeLinkUrl(e.data.link?.url);
    return url
      ? [
          {
            env: e.env,
            url,
            title: e.data.link?.title || 'OpenSearch Dashboards',
          },
        ]
      : [];
  });
  if (links.length === 0) return null;
  return (
    <div className={classes.links}>
      {links.map(l => (
        <Link
          key={l.env}
          variant="body2"
          href={l.url}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in {l.title} ({l.env})
        </Link>
      ))}
    </div>
  );
}

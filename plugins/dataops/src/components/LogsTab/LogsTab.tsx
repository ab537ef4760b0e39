import { useMemo, useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import InputAdornment from '@material-ui/core/InputAdornment';
import SearchIcon from '@material-ui/icons/Search';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useLocation } from 'react-router-dom';
import { ANNOTATIONS } from '@dataops-observability/plugin-dataops-common';
import { isDataOpsLogsAvailable } from '../../annotations';
import {
  DataOpsQueryState,
  useDataOpsQueryState,
  useEnvironmentOptions,
  windowAround,
  writeTimeRange,
} from '../../hooks';
import {
  DataOpsControls,
  EnvironmentStatusPanel,
  MutedText,
  useReadableTextStyles,
} from '../shared';
import { RequireDataOps } from '../MissingAnnotation';
import { FILTER_LEVELS, parseLevels } from './levels';
import { LogHistogram } from './LogHistogram';
import { EnvLogHit, LogTable } from './LogTable';
import { useLogs } from './useLogs';
import { LogsNotPermitted, isNotPermitted } from './LogsNotPermitted';
import { SearchLinks } from './SearchLinks';

/** Window of a shared line link: wide enough for context, narrow enough to land on the first page. */
const LINE_LINK_WINDOW_MS = 5 * 60_000;

/** Absolute URL that reopens the Logs tab on one line. */
export function lineLink(options: {
  origin: string;
  pathname: string;
  searchParams: URLSearchParams;
  hit: EnvLogHit;
}): string {
  const params = new URLSearchParams(options.searchParams);
  params.delete('env');
  params.append('env', options.hit.env);
  writeTimeRange(
    params,
    windowAround(Date.parse(options.hit.timestamp), LINE_LINK_WINDOW_MS),
  );
  params.set('line', options.hit.id);
  return `${options.origin}${options.pathname}?${params.toString()}`;
}

function SearchBox(props: { state: DataOpsQueryState }) {
  const { state } = props;
  const [text, setText] = useState(state.searchParams.get('q') ?? '');
  const readable = useReadableTextStyles();
  return (
    <form
      role="search"
      onSubmit={e => {
        e.preventDefault();
        state.setParams({ q: text.trim() || undefined, line: undefined });
      }}
    >
      <TextField
        size="small"
        id="dataops-log-search"
        label="Search logs"
        // The resting label sits on the page background, where the theme's secondary text is too faint.
        InputLabelProps={{ className: readable.muted }}
        value={text}
        onChange={e => setText(e.target.value)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
    </form>
  );
}

function Logs() {
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const alertApi = useApi(alertApiRef);
  const { pathname } = useLocation();
  const q = state.searchParams.get('q') ?? '';
  const levelsKey = state.searchParams.getAll('level').join(',');
  const levels = useMemo(
    () => parseLevels(levelsKey ? levelsKey.split(',') : []),
    [levelsKey],
  );
  const selectedId = state.searchParams.get('line') ?? undefined;
  const logs = useLogs(state, q, levels);

  const copyLink = async (hit: EnvLogHit) => {
    const url = lineLink({
      origin: window.location.origin,
      pathname,
      searchParams: state.searchParams,
      hit,
    });
    try {
      await window.navigator.clipboard.writeText(url);
      alertApi.post({
        message: 'Link to the log line copied',
        severity: 'success',
        display: 'transient',
      });
    } catch {
      alertApi.post({ message: `Copy this link: ${url}`, severity: 'info' });
    }
  };

  return (
    <>
      <DataOpsControls state={state} environments={options}>
        <SearchBox state={state} />
        <div>
          <Typography
            variant="caption"
            component="div"
            id="dataops-level-label"
          >
            Levels
          </Typography>
          <ToggleButtonGroup
            size="small"
            value={levels}
            aria-labelledby="dataops-level-label"
            onChange={(_e, next: string[]) =>
              state.setParams({ level: next, line: undefined })
            }
          >
            {FILTER_LEVELS.map(l => (
              <ToggleButton key={l} value={l}>
                {l}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </div>
      </DataOpsControls>
      {logs.error &&
        (isNotPermitted(logs.error) ? (
          <LogsNotPermitted />
        ) : (
          <ResponseErrorPanel error={logs.error} />
        ))}
      {!logs.value && logs.loading && <Progress />}
      {logs.value && (
        <>
          {logs.value.environments.map(e =>
            e.status !== 'ok' ? (
              <EnvironmentStatusPanel key={e.env} result={e} />
            ) : null,
          )}
          <SearchLinks environments={logs.value.environments} />
          <InfoCard title="Lines per level" noPadding={false}>
            {logs.loading && <Progress />}
            <LogHistogram
              histograms={logs.value.environments.flatMap(e =>
                e.status === 'ok' ? [e.data.histogram] : [],
              )}
              intervalMs={
                logs.value.environments.flatMap(e =>
                  e.status === 'ok' && e.data.histogramInterval
                    ? [e.data.histogramInterval]
                    : [],
                )[0]
              }
              onZoom={range =>
                state.update({
                  range: { kind: 'absolute', ...range },
                  params: { line: undefined },
                })
              }
            />
          </InfoCard>
          <div style={{ marginTop: 16 }}>
            <MutedText variant="body2" gutterBottom>
              {logs.hits.length} of{' '}
              {logs.value.environments.reduce(
                (sum, e) => sum + (e.status === 'ok' ? e.data.total : 0),
                0,
              )}{' '}
              lines loaded
            </MutedText>
            <LogTable
              hits={logs.hits}
              selectedId={selectedId}
              onCopyLink={copyLink}
            />
            {logs.loadMoreError && (
              <Alert severity="error">
                Could not load more lines: {logs.loadMoreError.message}
              </Alert>
            )}
            {logs.more.map(m => (
              <Button
                key={m.env}
                variant="outlined"
                size="small"
                disabled={m.loading}
                onClick={() => logs.loadMore(m.env)}
                style={{ marginTop: 8, marginRight: 8 }}
              >
                {m.loading ? `Loading ${m.env}…` : `Load more (${m.env})`}
              </Button>
            ))}
          </div>
        </>
      )}
    </>
  );
}

/** The Logs tab. */
export function LogsTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsLogsAvailable}
      annotation={ANNOTATIONS.opensearchIndex}
    >
      <Logs />
    </RequireDataOps>
  );
}

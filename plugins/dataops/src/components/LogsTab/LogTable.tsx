import { CSSProperties, useEffect, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import LinkIcon from '@material-ui/icons/Link';
import LockIcon from '@material-ui/icons/Lock';
import { VariableSizeList } from 'react-window';
import { DateTime } from 'luxon';
import { LogHit } from '@dataops-observability/plugin-dataops-common';
import { useTheme } from '@material-ui/core/styles';
import { logLevelColours } from './levels';
import { VISUALLY_HIDDEN, readableTextColour } from '../shared';

/** A hit with the environment it came from. */
export type EnvLogHit = LogHit & { env: string };

const ROW_HEIGHT = 36;
const FIELD_HEIGHT = 24;
const TABLE_HEIGHT = 480;
/** Details toggle, time, environment, level, message, link. */
const COLUMNS = 6;

const useStyles = makeStyles(theme => ({
  header: {
    display: 'grid',
    gridTemplateColumns: '40px 190px 70px 80px 1fr 40px',
    fontWeight: 600,
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5, 0),
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '40px 190px 70px 80px 1fr 40px',
    alignItems: 'center',
    height: ROW_HEIGHT,
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: '0.85rem',
  },
  selected: {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: -2,
  },
  message: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontFamily: 'monospace',
  },
  level: {
    borderRadius: 4,
    padding: '0 6px',
    fontWeight: 600,
    fontSize: '0.75rem',
    justifySelf: 'start',
  },
  fields: {
    padding: theme.spacing(0.5, 1, 1, 6),
    fontFamily: 'monospace',
    fontSize: '0.8rem',
  },
  field: {
    display: 'flex',
    gap: theme.spacing(1),
    height: FIELD_HEIGHT,
    alignItems: 'center',
  },
  key: {
    color: readableTextColour(theme, theme.palette.text.secondary),
    minWidth: 220,
  },
  masked: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    fontStyle: 'italic',
    color: readableTextColour(theme, theme.palette.text.secondary),
  },
}));

/** Structured fields flattened to dotted paths, the form `maskedFields` uses. */
export function flattenFields(
  fields: Record<string, unknown>,
  prefix = '',
): Array<[string, string]> {
  return Object.entries(fields).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return flattenFields(v as Record<string, unknown>, path);
    }
    return [
      [path, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string],
    ];
  });
}

function detailRows(hit: EnvLogHit): Array<[string, string]> {
  return [['message', hit.message], ...flattenFields(hit.fields)];
}

export interface LogTableProps {
  hits: EnvLogHit[];
  /** Id of the line a shared link points at: expanded, outlined and scrolled to. */
  selectedId?: string;
  onCopyLink(hit: EnvLogHit): void;
}

/**
 * Log lines in a virtualised list, since a page may hold hundreds of lines; each line expands to its structured
 * fields, masked ones labelled as such.
 */
export function LogTable(props: LogTableProps) {
  const { hits, selectedId, onCopyLink } = props;
  const classes = useStyles();
  const theme = useTheme();
  const listRef = useRef<VariableSizeList>(null);
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(selectedId ? [selectedId] : []),
  );

  const sizeOf = (index: number) => {
    const hit = hits[index];
    if (!expanded.has(hit.id)) return ROW_HEIGHT;
    return ROW_HEIGHT + detailRows(hit).length * FIELD_HEIGHT + 16;
  };

  useEffect(() => {
    listRef.current?.resetAfterIndex(0);
  }, [expanded, hits]);

  useEffect(() => {
    const index = hits.findIndex(h => h.id === selectedId);
    if (index >= 0) listRef.current?.scrollToItem(index, 'center');
  }, [hits, selectedId]);

  const toggle = (id: string) =>
    setExpanded(prev => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const Row = ({ index, style }: { index: number; style: CSSProperties }) => {
    const hit = hits[index];
    const isOpen = expanded.has(hit.id);
    const chip = logLevelColours(theme, hit.level);
    const masked = new Set(hit.maskedFields ?? []);
    // Every control sits in a cell, and the fields of an open line are a row of their own spanning the
    // columns: a table row may only hold cells.
    return (
      <div style={style} data-testid={`log-${hit.id}`}>
        <div
          role="row"
          className={`${classes.row} ${
            hit.id === selectedId ? classes.selected : ''
          }`}
        >
          <span role="cell">
            <IconButton
              size="small"
              aria-label={isOpen ? 'Collapse line' : 'Expand line'}
              aria-expanded={isOpen}
              onClick={() => toggle(hit.id)}
            >
              {isOpen ? (
                <ExpandMoreIcon fontSize="small" />
              ) : (
                <ChevronRightIcon fontSize="small" />
              )}
            </IconButton>
          </span>
          <span role="cell" title={hit.timestamp}>
            {DateTime.fromISO(hit.timestamp).toFormat(
              'yyyy-LL-dd HH:mm:ss.SSS',
            )}
          </span>
          <span role="cell">{hit.env}</span>
          <span
            role="cell"
            className={classes.level}
            style={{ backgroundColor: chip.bg, color: chip.fg }}
          >
            {hit.level}
          </span>
          <span role="cell" className={classes.message} title={hit.message}>
            {hit.message}
          </span>
          <span role="cell">
            <Tooltip title="Copy link to this line">
              <IconButton
                size="small"
                aria-label="Copy link to this line"
                onClick={() => onCopyLink(hit)}
              >
                <LinkIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          </span>
        </div>
        {isOpen && (
          <div role="row">
            <div
              role="cell"
              aria-colspan={COLUMNS}
              aria-label={`Fields of line ${hit.id}`}
              className={classes.fields}
            >
              {detailRows(hit).map(([key, value]) => (
                <div className={classes.field} key={key}>
                  <span className={classes.key}>{key}</span>
                  {masked.has(key) ? (
                    <span
                      className={classes.masked}
                      data-testid={`masked-${key}`}
                    >
                      <LockIcon fontSize="inherit" aria-hidden /> masked
                    </span>
                  ) : (
                    <span>{value}</span>
                  )}
                </div>
              ))}
            </div>
          </div>
        )}
      </div>
    );
  };

  if (hits.length === 0) {
    return (
      <Typography variant="body2" role="status">
        No log lines match the search in the selected range.
      </Typography>
    );
  }
  return (
    <div
      role="table"
      aria-label="Log lines"
      // The list renders only the rows in view: the header, every line, and the fields row of each open line.
      aria-rowcount={
        1 + hits.length + hits.filter(h => expanded.has(h.id)).length
      }
    >
      <div className={classes.header} role="row">
        <span role="columnheader">
          <span style={VISUALLY_HIDDEN}>Details</span>
        </span>
        <span role="columnheader">Time</span>
        <span role="columnheader">Env</span>
        <span role="columnheader">Level</span>
        <span role="columnheader">Message</span>
        <span role="columnheader">
          <span style={VISUALLY_HIDDEN}>Link</span>
        </span>
      </div>
      <VariableSizeList
        ref={listRef}
        height={Math.min(
          TABLE_HEIGHT,
          hits.reduce((sum, _h, i) => sum + sizeOf(i), 0),
        )}
        width="100%"
        itemCount={hits.length}
        itemSize={sizeOf}
        itemKey={i => hits[i].id}
        overscanCount={8}
      >
        {Row}
      </VariableSizeList>
    </div>
  );
}

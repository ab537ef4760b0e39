import { Fragment } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import type {
  HealthLevel,
  PipelineBreak,
  PipelineFreshness,
  PipelineResponse,
  PipelineStep,
} from '@dataops-observability/plugin-dataops-common';
import { LEVEL_LABEL, StatusChip, useLevelColours } from '../shared';

const useStyles = makeStyles(theme => ({
  breaks: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  sentence: {
    padding: theme.spacing(1, 1.5),
    borderRadius: theme.shape.borderRadius,
    borderLeft: `${theme.spacing(0.5)}px solid`,
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
  },
  chain: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    overflowX: 'auto',
    paddingBottom: theme.spacing(1),
  },
  column: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  arrow: { color: theme.palette.text.secondary },
  step: {
    minWidth: 200,
    padding: theme.spacing(1, 1.5),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.paper,
    color: theme.palette.text.primary,
  },
  broken: { borderWidth: 3 },
  type: { color: theme.palette.text.secondary },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(0.5),
  },
  note: { color: theme.palette.text.secondary, marginTop: theme.spacing(1) },
}));

const TYPE_WORDS = new Map([
  ['airflow-dag', 'Airflow DAG'],
  ['spark-job', 'Spark job'],
  ['iceberg-table', 'Iceberg table'],
]);

/** `2 h 5 min`, `40 min`. */
export function formatAge(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

function FreshnessLine(props: { item: PipelineFreshness }) {
  const { item } = props;
  const age =
    item.ageSeconds === undefined
      ? 'age unknown'
      : `last commit ${formatAge(item.ageSeconds)} ago`;
  return (
    <li>
      <StatusChip
        level={item.level}
        label={`${item.env} ${LEVEL_LABEL[item.level]}`}
      />{' '}
      <Typography variant="caption" component="span">
        {age} (target {formatAge(item.targetSeconds)})
      </Typography>
    </li>
  );
}

function StepBox(props: {
  step: PipelineStep;
  breaks: PipelineBreak[];
  freshness: PipelineFreshness[];
  lineColour: (level: HealthLevel) => string;
}) {
  const { step, breaks, freshness, lineColour } = props;
  const classes = useStyles();
  const brokenIn = breaks.filter(b => b.entityRef === step.entityRef);
  const worst = brokenIn.some(b => b.level === 'critical')
    ? 'critical'
    : 'warning';
  return (
    <section
      aria-label={step.title}
      data-testid={`pipeline-step-${step.entityRef}`}
      data-first-broken={brokenIn.length > 0 ? 'true' : 'false'}
      className={`${classes.step} ${brokenIn.length ? classes.broken : ''}`}
      style={brokenIn.length ? { borderColor: lineColour(worst) } : undefined}
    >
      <Typography variant="subtitle2" component="h3">
        {step.tableName ?? step.title}
      </Typography>
      <Typography variant="caption" className={classes.type}>
        {TYPE_WORDS.get(step.type ?? '') ?? step.type ?? 'step'}
        {step.inCycle ? ' · in a dependency cycle' : ''}
      </Typography>
      {brokenIn.length > 0 && (
        <Typography variant="body2">
          <strong>
            First broken step in {brokenIn.map(b => b.env).join(', ')}
          </strong>
        </Typography>
      )}
      <div className={classes.chips}>
        {step.cells.map(cell => (
          <span key={cell.env} title={cell.reason}>
            <StatusChip level={cell.level} label={`${cell.env} ${cell.word}`} />
          </span>
        ))}
        {step.pending.map(env => (
          <span key={env} title="still computing">
            <StatusChip level="unknown" label={`${env} …`} />
          </span>
        ))}
      </div>
      {freshness.length > 0 && (
        <>
          <Typography variant="caption" component="div">
            Freshness
          </Typography>
          <ul
            aria-label={`freshness of ${step.title}`}
            style={{ margin: 0, paddingLeft: 16 }}
          >
            {freshness.map(f => (
              <FreshnessLine key={f.env} item={f} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The pipeline left to right: one column per depth (steps with the same longest path of steps before them),
 * arrows between columns, each step with a chip per environment; the first broken step of an environment is
 * outlined in its level's colour and its sentence stands on top.
 */
export function PipelineChart(props: { pipeline: PipelineResponse }) {
  const { pipeline } = props;
  const classes = useStyles();
  const colours = useLevelColours();
  const lineColour = (level: HealthLevel) => colours[level].line;
  if (pipeline.steps.length === 0) {
    return (
      <Typography role="status">
        No Airflow DAG, Spark job or Iceberg table linked to this entity.
      </Typography>
    );
  }
  const columns: PipelineStep[][] = [];
  for (const step of pipeline.steps) {
    (columns[step.depth] ??= []).push(step);
  }
  const filled = columns.filter(c => c && c.length);
  return (
    <div>
      {pipeline.firstBroken.length > 0 && (
        <div className={classes.breaks} aria-label="first broken steps">
          {pipeline.firstBroken.map(b => (
            <Typography
              key={b.env}
              role="alert"
              className={classes.sentence}
              style={{ borderLeftColor: lineColour(b.level) }}
            >
              <StatusChip
                level={b.level}
                label={`${b.env} ${LEVEL_LABEL[b.level]}`}
              />{' '}
              {b.sentence}
            </Typography>
          ))}
        </div>
      )}
      <div className={classes.chain} role="list" aria-label="pipeline steps">
        {filled.map((column, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <ArrowForwardIcon className={classes.arrow} aria-hidden />
            )}
            <div className={classes.column} role="listitem">
              {column.map(step => (
                <StepBox
                  key={step.entityRef}
                  step={step}
                  breaks={pipeline.firstBroken}
                  freshness={pipeline.freshness.filter(
                    f => f.entityRef === step.entityRef,
                  )}
                  lineColour={lineColour}
                />
              ))}
            </div>
          </Fragment>
        ))}
      </div>
      {pipeline.truncated && (
        <Typography variant="body2" className={classes.note}>
          Only the first {pipeline.steps.length} steps are shown.
        </Typography>
      )}
      {pipeline.hasCycle && (
        <Typography variant="body2" className={classes.note}>
          Some steps depend on each other in a cycle; they are shown side by
          side.
        </Typography>
      )}
    </div>
  );
}

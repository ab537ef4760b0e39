import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import type {
  InventoryConsumer,
  InventoryEnvironment,
  InventoryResponse,
} from '@dataops-observability/plugin-dataops-common';

const KIND_LABEL: Record<InventoryConsumer['kind'], string> = {
  panel: 'Panel',
  'storage-check': 'Storage check',
  sli: 'SLI',
};

/** Found series in plain text, missing ones marked with a word as well as a colour. */
function SeriesList(props: { series: InventoryConsumer['series'] }) {
  return (
    <>
      {props.series.map(s => (
        <Chip
          key={s.name}
          size="small"
          variant={s.found ? 'outlined' : 'default'}
          color={s.found ? 'default' : 'secondary'}
          label={s.found ? s.name : `missing: ${s.name}`}
          data-testid={s.found ? 'series-found' : 'series-missing'}
          style={{ margin: 2, fontFamily: 'monospace' }}
        />
      ))}
    </>
  );
}

const columns: TableColumn<InventoryConsumer>[] = [
  { title: 'Reads', field: 'kind', render: c => KIND_LABEL[c.kind] },
  { title: 'For', field: 'scope' },
  { title: 'Title', field: 'title' },
  {
    title: 'Series',
    field: 'series',
    render: c => <SeriesList series={c.series} />,
  },
  {
    title: 'Shown as not collected on',
    field: 'notCollectedEntities',
    render: c =>
      c.notCollectedEntities.length ? c.notCollectedEntities.join(', ') : '—',
  },
];

function EnvironmentInventoryCard(props: { entry: InventoryEnvironment }) {
  const { entry } = props;
  if (entry.status === 'not-configured') {
    return (
      <InfoCard title={entry.env}>
        <Alert severity="info">{entry.source} is not configured</Alert>
      </InfoCard>
    );
  }
  if (entry.status === 'error') {
    return (
      <InfoCard title={entry.env}>
        <Alert severity="error">
          <AlertTitle>{entry.error.source} failed</AlertTitle>
          {entry.error.message}
        </Alert>
      </InfoCard>
    );
  }
  // Consumers with a gap first: they are what this page is for.
  const rows = [...entry.consumers].sort(
    (a, b) =>
      Number(b.series.some(s => !s.found)) -
      Number(a.series.some(s => !s.found)),
  );
  return (
    <InfoCard
      title={`${entry.env}: ${
        entry.missing.length
          ? `${entry.missing.length} series missing`
          : 'every series found'
      }`}
      subheader={`Exporter profiles: ${Object.entries(entry.profile)
        .map(([layer, id]) => `${layer} ${id}`)
        .join(', ')}`}
    >
      {entry.missing.length > 0 && (
        <Alert severity="warning" data-testid="inventory-missing">
          <AlertTitle>Not collected in {entry.env}</AlertTitle>
          {entry.missing.join(', ')}
        </Alert>
      )}
      <Table
        options={{ paging: false, search: true, padding: 'dense' }}
        columns={columns}
        data={rows}
      />
    </InfoCard>
  );
}

/** The inventory of every environment asked for, one card each. */
export function InventoryView(props: { response: InventoryResponse }) {
  return (
    <>
      <Typography variant="body2" paragraph>
        The series the configured panels, SLIs and storage checks read, per
        environment, and whether the environment&apos;s Prometheus has any
        series of each over the last hour.
      </Typography>
      {props.response.environments.map(entry => (
        <div key={entry.env} style={{ marginBottom: 16 }}>
          <EnvironmentInventoryCard entry={entry} />
        </div>
      ))}
    </>
  );
}

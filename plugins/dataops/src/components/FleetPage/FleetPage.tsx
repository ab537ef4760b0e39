import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
  WarningPanel,
} from '@backstage/core-components';
import { TeamReport } from '../TeamReport';
import { FleetCounts } from './FleetCounts';
import { FleetEmptyState } from './FleetEmptyState';
import { FleetFilters } from './FleetFilters';
import { FleetTable } from './FleetTable';
import { describeOwners, ownerLabel } from './owners';
import { FleetState, useFleet } from './useFleet';
import { FleetFilters as Filters, useFleetFilters } from './useFleetFilters';
import { useSeen } from './useSeen';

export type { FleetAnswer, FleetCell, FleetRow } from './fleetAnswer';
export { PENDING_POLL_MS } from './useFleet';

/** Always in sight, under the content title. */
const SUMMARY =
  "The worst area of each workload per environment, worst first; a cell opens the workload's Observability tab.";

/** In the support popover, for apps that configure one. */
const EXPLANATION =
  'One row per workload of the selected owners (entities with a dataops.io/* or argocd/app-name annotation), ' +
  'one column per environment. Each cell is the worst area of the Overview there, with its reason in the ' +
  'tooltip; the page asks again while cells are still computing.';

/** Everything under the header: filters, counts, team report, and the matrix or why there is none. */
function FleetBody(props: {
  filters: Filters;
  fleet: FleetState;
  /** Whose workloads, in the content header: when the page has no header of its own to say it. */
  describeOwnersHere: boolean;
}) {
  const { filters } = props;
  const { answer, error, loading } = props.fleet;
  const ownerOptions = useSeen(answer?.owners);
  const environmentOptions = useSeen(answer?.environments);

  // The team report of the selected owner: the owner filter, or the caller's group when there is one only.
  const ownerFilter = filters.values.get('owner') ?? [];
  const reportOwner =
    ownerFilter.length === 1
      ? ownerFilter[0]
      : (!ownerFilter.length &&
          answer?.owners?.length === 1 &&
          answer.owners[0]) ||
        undefined;

  return (
    <Content>
      <ContentHeader
        title="Fleet"
        description={
          props.describeOwnersHere && answer
            ? `${describeOwners(answer.owners)}. ${SUMMARY}`
            : SUMMARY
        }
      >
        <SupportButton>{EXPLANATION}</SupportButton>
      </ContentHeader>
      <FleetFilters
        filters={filters}
        ownerOptions={ownerOptions}
        environmentOptions={environmentOptions}
      />
      {error && (
        <Box mb={2}>
          <ResponseErrorPanel error={error} />
        </Box>
      )}
      {loading && <Progress />}
      {answer && <FleetCounts answer={answer} />}
      {answer?.truncated && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title="Only part of the fleet is shown"
            message="More workloads match than one page computes. Narrow the filters (owner, type, system, lifecycle or environment) to see all of them."
            defaultExpanded
          />
        </Box>
      )}
      {reportOwner && (
        <Box
          component="section"
          mb={3}
          aria-label={`Team report of ${reportOwner}`}
        >
          <Typography variant="h5" component="h3" gutterBottom>
            Team report: {ownerLabel(reportOwner)}
          </Typography>
          <TeamReport ownerRef={reportOwner} />
        </Box>
      )}
      {answer &&
        (answer.rows.length ? (
          <FleetTable answer={answer} />
        ) : (
          <FleetEmptyState answer={answer} filters={filters} />
        ))}
    </Content>
  );
}

/**
 * The DataOps page as a whole Backstage page, header included: for the legacy frontend system, where the app
 * gives a routed page nothing around it. Filters live in the URL, so a link reproduces the view.
 */
export function FleetPage() {
  const filters = useFleetFilters();
  const fleet = useFleet(filters.query);
  return (
    <Page themeId="tool">
      <Header title="DataOps" subtitle={describeOwners(fleet.answer?.owners)} />
      <FleetBody filters={filters} fleet={fleet} describeOwnersHere={false} />
    </Page>
  );
}

/**
 * The DataOps page without a page header, for an app that draws the header itself (the new frontend system's
 * page layout titles the page "DataOps"); says whose workloads in the content header instead.
 */
export function FleetPageContent() {
  const filters = useFleetFilters();
  const fleet = useFleet(filters.query);
  return <FleetBody filters={filters} fleet={fleet} describeOwnersHere />;
}

import Button from '@material-ui/core/Button';
import { EmptyState } from '@backstage/core-components';
import { FleetAnswer } from './fleetAnswer';
import { ownerLabel } from './owners';
import { FleetFilterName, FleetFilters } from './useFleetFilters';

/** The filters besides the owner. */
const NARROWING: FleetFilterName[] = ['type', 'system', 'lifecycle', 'env'];

/** No workload for the owners: what to do next (annotate entities, widen the filters, or pick another owner). */
export function FleetEmptyState(props: {
  answer: FleetAnswer;
  filters: FleetFilters;
}) {
  const { answer, filters } = props;
  const owners = answer.owners ?? [];
  const narrowed = NARROWING.some(
    name => (filters.values.get(name)?.length ?? 0) > 0,
  );
  const title = owners.length
    ? `No DataOps workloads for ${owners.map(ownerLabel).join(', ')}`
    : 'You belong to no group';
  const description = owners.length
    ? `Annotate the entities these groups own with dataops.io/* or argocd/app-name annotations, ${
        narrowed
          ? 'widen the type, system, lifecycle or environment filter, '
          : ''
      }or pick another owner above.`
    : 'Type a group name or ref in the Owner filter above to see its workloads.';
  return (
    <EmptyState
      missing="data"
      title={title}
      description={description}
      action={
        narrowed ? (
          <Button
            variant="outlined"
            color="primary"
            onClick={() => filters.clear(NARROWING)}
          >
            Show every type, system, lifecycle and environment
          </Button>
        ) : undefined
      }
    />
  );
}

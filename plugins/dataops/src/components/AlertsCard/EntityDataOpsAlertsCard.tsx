import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  DataOpsQueryState,
  DEFAULT_TIME_RANGE,
  useEntityView,
} from '../../hooks';
import { isDataOpsAvailable } from '../../annotations';
import { ViewFrame } from '../shared';
import { AlertList } from './AlertList';

const CARD_STATE: Pick<DataOpsQueryState, 'envs' | 'range' | 'refreshKey'> = {
  envs: [],
  range: DEFAULT_TIME_RANGE,
  refreshKey: 0,
};

function AlertsContent() {
  const result = useEntityView('alerts', CARD_STATE);
  return (
    <ViewFrame {...result}>
      {value => <AlertList environments={value.environments} />}
    </ViewFrame>
  );
}

/** Active alerts of the entity in every environment, by priority. */
export function EntityDataOpsAlertsCard(props: { title?: string }) {
  const { entity } = useEntity();
  return (
    <InfoCard title={props.title ?? 'Active alerts'}>
      {isDataOpsAvailable(entity) ? (
        <AlertsContent />
      ) : (
        'DataOps observability does not apply to this entity.'
      )}
    </InfoCard>
  );
}

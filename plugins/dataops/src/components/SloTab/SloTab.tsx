import { EntityViewResponse, SloData } from '@internal/plugin-dataops-common';
import {
  ANNOTATION_SLO_OBJECTIVE,
  isDataOpsSloAvailable,
} from '../../annotations';
import {
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
} from '../../hooks';
import { RequireDataOps } from '../MissingAnnotation';
import { DataOpsControls, EnvironmentColumns, ViewFrame } from '../shared';
import { SloEnvironment } from './SloEnvironment';
import { SloExplainer } from './SloExplainer';

/** Every environment's SLO side by side; a failing environment shows its error in its own column. @public */
export function SloView(props: { response: EntityViewResponse<SloData> }) {
  return (
    <>
      <EnvironmentColumns environments={props.response.environments}>
        {data => <SloEnvironment data={data} />}
      </EnvironmentColumns>
      <SloExplainer />
    </>
  );
}

function Slo() {
  const state = useDataOpsQueryState();
  const options = useEnvironmentOptions();
  const result = useEntityView('slo', state);
  return (
    <>
      {/* The period comes from the entity's SLO, not from a picked time range. */}
      <DataOpsControls state={state} environments={options} hideTimeRange />
      <ViewFrame {...result}>{value => <SloView response={value} />}</ViewFrame>
    </>
  );
}

/** The SLO tab. @public */
export function SloTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsSloAvailable}
      annotation={ANNOTATION_SLO_OBJECTIVE}
    >
      <Slo />
    </RequireDataOps>
  );
}

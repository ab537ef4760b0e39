import {
  ANNOTATIONS,
  EntityViewResponse,
  SloData,
} from '@dataops-observability/plugin-dataops-common';
import { isDataOpsSloAvailable } from '../../annotations';
import { RequireDataOps } from '../MissingAnnotation';
import { EntityViewSection, EnvironmentColumns } from '../shared';
import { SloEnvironment } from './SloEnvironment';
import { SloExplainer } from './SloExplainer';

/** Every environment's SLO side by side; a failing environment shows its error in its own column. */
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

/** The SLO tab. */
export function SloTab() {
  return (
    <RequireDataOps
      isAvailable={isDataOpsSloAvailable}
      annotation={ANNOTATIONS.sloObjective}
    >
      {/* The period comes from the entity's SLO, not from a picked time range. */}
      <EntityViewSection view="slo" hideTimeRange>
        {value => <SloView response={value} />}
      </EntityViewSection>
    </RequireDataOps>
  );
}

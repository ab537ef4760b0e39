import { useCallback, useEffect, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { PipelineResponse } from '@dataops-observability/plugin-dataops-common';
import { dataOpsApiRef } from '../../api';
import { PipelineChart } from './PipelineChart';
import { isDataOpsPipelineAvailable } from './isDataOpsPipelineAvailable';

/** How soon a pipeline with steps still pending is asked for again. */
export const PIPELINE_PENDING_POLL_MS = 3000;

/**
 * The pipeline of the entity (or, on a System, of its members): its Airflow DAGs, Spark jobs and Iceberg
 * tables left to right, each step's health per environment, the first broken step upstream named in a
 * sentence, and the final tables' freshness against the target.
 */
export function EntityDataOpsPipelineCard(props: { title?: string }) {
  const { entity } = useEntity();
  const api = useApi(dataOpsApiRef);
  const applies = isDataOpsPipelineAvailable(entity);
  const [state, setState] = useState<{
    value?: PipelineResponse;
    error?: Error;
    loading: boolean;
  }>({ loading: applies });
  const namespace = entity.metadata.namespace ?? 'default';
  const { kind } = entity;
  const { name } = entity.metadata;

  const load = useCallback(
    async (signal: AbortSignal) => {
      if (!api.getPipeline) {
        throw new Error('This DataOps client cannot fetch pipelines.');
      }
      return api.getPipeline({ namespace, kind, name }, {}, { signal });
    },
    [api, namespace, kind, name],
  );

  useEffect(() => {
    if (!applies) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ loading: true });
    // Steps still computing when the backend answered are asked for again; the answer on screen stays
    // meanwhile, and the backend keeps computing them into its cache.
    const run = () =>
      load(controller.signal).then(
        value => {
          if (controller.signal.aborted) return;
          setState({ value, loading: false });
          if (value.steps.some(step => step.pending.length > 0)) {
            timer = setTimeout(run, PIPELINE_PENDING_POLL_MS);
          }
        },
        error =>
          !controller.signal.aborted && setState({ error, loading: false }),
      );
    run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [applies, load]);

  let body: JSX.Element | string;
  if (!applies) body = 'DataOps observability does not apply to this entity.';
  else if (state.loading) body = <Progress />;
  else if (state.error) body = <ResponseErrorPanel error={state.error} />;
  else body = <PipelineChart pipeline={state.value!} />;
  return <InfoCard title={props.title ?? 'Pipeline'}>{body}</InfoCard>;
}

export { AIRFLOW_PASSWORD, AIRFLOW_USERNAME, createAirflowRouter } from './createAirflowRouter';
export { AIRFLOW_TROUBLE, DAG_PERIOD_S, DAG_TASKS, buildDagRuns, buildTaskInstances } from './buildDagRuns';

export { createSparkHistoryRouter } from './createSparkHistoryRouter';
export { SPARK_TROUBLE, buildApplications } from './buildApplications';

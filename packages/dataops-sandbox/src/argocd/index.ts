export { ARGOCD_TOKEN, ARGOCD_USER, createArgoCdRouter } from './createArgoCdRouter';
export { buildApplications } from './buildApplications';

export { safeLinkUrl } from './safeLinkUrl';

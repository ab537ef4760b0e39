export { ViewRegistry } from './ViewRegistry';

export { SloTab, SloView } from './SloTab';
export { SloEnvironment } from './SloEnvironment';

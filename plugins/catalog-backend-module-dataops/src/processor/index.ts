export { DataOpsAnnotationProcessor } from './DataOpsAnnotationProcessor';

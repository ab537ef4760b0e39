export {
  ANNOTATIONS,
  ENTITY_TYPES,
  entityEnvironments,
  isValidEnvironmentName,
  readAnnotation,
  splitList,
} from './annotations';
export type { AnnotationName } from './annotations';

export {
  createLogsView,
  decodeCursor,
  encodeCursor,
  parseFilters,
} from './logsView';
export { maskLogFields, maskText, MASK } from './maskLogFields';

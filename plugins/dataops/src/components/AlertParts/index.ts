// Building blocks of the entity alerts card and the team alerts card.
export {
  PRIORITY_LABEL,
  PRIORITY_STYLE,
  priorityColours,
  suppressionText,
} from './priorities';
export { PriorityChip } from './PriorityChip';
export { AlertItem } from './AlertItem';
export { PriorityAlertList } from './PriorityAlertList';
export { FailedEnvironmentsAndAlerts } from './FailedEnvironmentsAndAlerts';

export { StatusChip } from './StatusChip';
export { EnvironmentSelector } from './EnvironmentSelector';
export type { EnvironmentSelectorProps } from './EnvironmentSelector';
export { TimeRangePicker } from './TimeRangePicker';
export type { TimeRangePickerProps } from './TimeRangePicker';
export { DataOpsControls } from './DataOpsControls';
export type { DataOpsControlsProps } from './DataOpsControls';
export { EnvironmentColumns } from './EnvironmentColumns';
export type { EnvironmentColumnsProps } from './EnvironmentColumns';
export { EnvironmentStatusPanel } from './EnvironmentStatusPanel';
export { ViewFrame } from './ViewFrame';
export { EntityViewSection } from './EntityViewSection';
export type { EntityViewSectionProps } from './EntityViewSection';
export {
  LEVEL_COLOURS,
  LEVEL_LABEL,
  STALE_STYLE,
  levelColours,
  statusColour,
  useChartInk,
  useLevelColours,
  useStaleColours,
} from './healthStyle';
export type { LevelColours } from './healthStyle';
export {
  MIN_TEXT_CONTRAST,
  MutedText,
  VISUALLY_HIDDEN,
  readableTextColour,
  textBackgrounds,
  useReadableTextStyles,
} from './readableText';

import Chip from '@material-ui/core/Chip';
import { Priority } from '@dataops-observability/plugin-dataops-common';
import { PRIORITY_STYLE } from './priorities';

/** A priority as a coloured chip, optionally with a count after the words. */
export function PriorityChip(props: { priority: Priority; count?: number }) {
  const s = PRIORITY_STYLE[props.priority];
  return (
    <Chip
      size="small"
      label={props.count === undefined ? s.label : `${s.label}: ${props.count}`}
      style={{ backgroundColor: s.bg, color: s.fg, fontWeight: 600 }}
    />
  );
}

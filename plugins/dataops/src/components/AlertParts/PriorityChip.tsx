import Chip from '@material-ui/core/Chip';
import { useTheme } from '@material-ui/core/styles';
import { Priority } from '@dataops-observability/plugin-dataops-common';
import { PRIORITY_LABEL, priorityColours } from './priorities';

/** A priority as a chip coloured from the theme, with its words, optionally with a count after them. */
export function PriorityChip(props: { priority: Priority; count?: number }) {
  const colours = priorityColours(useTheme(), props.priority);
  const label = PRIORITY_LABEL[props.priority];
  return (
    <Chip
      size="small"
      label={props.count === undefined ? label : `${label}: ${props.count}`}
      data-priority={props.priority}
      style={{
        backgroundColor: colours.bg,
        color: colours.fg,
        fontWeight: 600,
      }}
    />
  );
}

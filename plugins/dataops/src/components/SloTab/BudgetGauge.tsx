import { Gauge } from '@backstage/core-components';
import type {
  HealthLevel,
  SloData,
} from '@dataops-observability/plugin-dataops-common';
import { useLevelColours } from '../shared';
import { formatMinutes } from './sloFormat';

/** Remaining error budget as a gauge, with the minutes it stands for written out. */
export function BudgetGauge(props: { data: SloData }) {
  const { data } = props;
  const budget = data.errorBudget;
  const remaining = Math.max(0, Math.min(1, budget.remainingFraction));
  const level: HealthLevel = data.level;
  const colours = useLevelColours();
  const exhausted = budget.remainingFraction <= 0;
  return (
    <div
      role="group"
      aria-label="Remaining error budget"
      style={{ maxWidth: 180 }}
    >
      <Gauge
        value={remaining}
        fractional
        decimalDigits={0}
        getColor={() => colours[level].line}
        description={exhausted ? 'exhausted' : 'of budget left'}
      />
      <div data-testid="budget-minutes">
        {exhausted
          ? `Budget exhausted: ${formatMinutes(
              -budget.remainingMinutes,
            )} over the ${formatMinutes(budget.totalMinutes)} allowed`
          : `${formatMinutes(budget.remainingMinutes)} of ${formatMinutes(
              budget.totalMinutes,
            )} left`}
      </div>
    </div>
  );
}

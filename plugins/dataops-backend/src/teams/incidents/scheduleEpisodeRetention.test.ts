import { mockServices } from '@backstage/backend-test-utils';
import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleEpisodeRetention } from './scheduleEpisodeRetention';

describe('scheduleEpisodeRetention', () => {
  it('schedules a daily global task deleting episodes resolved before now minus the retention', async () => {
    const tasks: Array<
      SchedulerServiceTaskScheduleDefinition &
        SchedulerServiceTaskInvocationDefinition
    > = [];
    const scheduler = {
      scheduleTask: async (task: (typeof tasks)[number]) => {
        tasks.push(task);
      },
    } as unknown as SchedulerService;
    const deleteResolvedBefore = jest.fn(async () => 3);
    const now = Date.UTC(2026, 10, 23);

    await scheduleEpisodeRetention({
      scheduler,
      store: { deleteResolvedBefore },
      retentionDays: 30,
      logger: mockServices.logger.mock(),
      now: () => now,
    });

    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: 'dataops-episode-retention',
      scope: 'global',
      frequency: { hours: 24 },
    });
    await tasks[0].fn(new AbortController().signal);
    expect(deleteResolvedBefore).toHaveBeenCalledWith(
      now - 30 * 24 * 60 * 60 * 1000,
    );
  });
});

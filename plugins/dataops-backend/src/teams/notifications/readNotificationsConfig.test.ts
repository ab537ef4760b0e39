import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './readNotificationsConfig';

const read = (notifications?: unknown) =>
  readNotificationsConfig(
    new ConfigReader(notifications ? { dataops: { notifications } } : {}),
  );

describe('readNotificationsConfig', () => {
  it('notifies P1 and P2 by default', () => {
    expect(read()).toEqual({ enabled: true, priorities: ['P1', 'P2'] });
  });

  it('reads enabled and the priorities', () => {
    expect(read({ enabled: false, priorities: ['P1', 'P3', 'P1'] })).toEqual({
      enabled: false,
      priorities: ['P1', 'P3'],
    });
  });

  it('names an unknown priority', () => {
    expect(() => read({ priorities: ['P1', 'P5'] })).toThrow(
      "Invalid dataops.notifications.priorities: 'P5' is not one of P1 P2 P3 P4",
    );
  });
});

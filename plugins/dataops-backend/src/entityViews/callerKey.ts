import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who is asking, as a string: the user's entity ref or the calling service's subject. Used to charge cache
 * entries to their caller (the per-caller cap) and to keep one caller's catalog lookups from serving another.
 */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  switch (principal.type) {
    case 'user':
      return `user:${principal.userEntityRef}`;
    case 'service':
      return `service:${principal.subject}`;
    default:
      return principal.type;
  }
}

import type { AlertReceiverTarget } from '../rulebook/alertReceivers';
import type { Priority } from './types';

/**
 * Where one route's value came from: the group's own `dataops.io/alert-receivers`, a parent group's,
 * the configured `dataops.alertRouting.defaultReceivers`, or nothing at all (a placeholder webhook).
 * @public
 */
export type AlertReceiverSource =
  | 'own'
  | 'inherited'
  | 'default'
  | 'placeholder';

/** Where a group's alerts of one environment and priority go. @public */
export interface ResolvedAlertRoute {
  /** The environment. */
  env: string;
  /** The priority. */
  priority: Priority;
  /** The places alerts go; empty when the value says `none` or only a placeholder exists. */
  targets: AlertReceiverTarget[];
  /** The Alertmanager receiver of the generated routing tree. */
  receiver: string;
  /** Where the value came from. */
  source: AlertReceiverSource;
  /**
   * The group whose annotation decided (`own` and `inherited`); absent when the caller can not see that
   * group in the catalog.
   */
  from?: string;
  /** The entry that decided, as written: `*`, `P1`, `dev` or `dev/P1`. */
  scope?: string;
  /** True when no entry names this priority and the targets are those of another priority, pagers left out. */
  borrowed?: boolean;
  /** True when pager targets were left out because the environment is not a paging environment. */
  pagerDropped?: boolean;
}

/** Answer of `GET /v1/alert-receivers?owner=`: where a group's alerts go. @public */
export interface TeamAlertReceiversResponse {
  /** The group, as a lower-case entity ref. */
  owner: string;
  /** Configured environments, in configuration order. */
  environments: string[];
  /** The environments where pager targets page without the team saying so per environment. */
  pagingEnvironments: string[];
  /** One route per environment and priority. */
  routes: ResolvedAlertRoute[];
}

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

const GROUP_DEFAULTS = { defaultKind: 'group', defaultNamespace: 'default' };

/** A group ref as people say it: `sales-data` for `group:default/sales-data`; other refs as they are. */
export function ownerLabel(ref: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref, GROUP_DEFAULTS), {
      defaultKind: 'group',
    });
  } catch {
    return ref;
  }
}

/**
 * What was typed in the owner filter as a full ref (`sales-data` becomes `group:default/sales-data`). Text that
 * is not a ref is kept as typed, and the backend's 400 says what is wrong with it.
 */
export function normaliseOwner(text: string): string {
  const trimmed = text.trim();
  try {
    return stringifyEntityRef(parseEntityRef(trimmed, GROUP_DEFAULTS));
  } catch {
    return trimmed;
  }
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Whose workloads the page shows, from the owners the answer applied. */
export function describeOwners(owners: string[] | undefined): string {
  if (!owners) return '';
  if (owners.length === 0) {
    return 'You belong to no group: choose an owner to see its workloads';
  }
  return `Workloads owned by ${joinWords(owners.map(ownerLabel))}`;
}

export {
  SelectorError,
  checkMatcherRegex,
  formatMatchers,
  parseSelector,
} from './parseSelector';
export type { LabelMatcher, MatchOperator } from './parseSelector';
export { compileLabelRegex, matchesLabelRegex } from './labelRegex';
export { labelValue, matchLabels } from './matchLabels';
export {
  extractVectorSelectors,
  renderQuery,
  validateIdentityValue,
} from './renderQuery';
export type { QueryIdentity, RenderQueryOptions } from './renderQuery';

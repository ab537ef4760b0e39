/**
 * Wording of input validation errors, shared by the backend routes and the scaffolder actions.
 */
export { describeFirstIssue } from './describeFirstIssue';
export type { InputIssue, DescribeIssueOptions } from './describeFirstIssue';

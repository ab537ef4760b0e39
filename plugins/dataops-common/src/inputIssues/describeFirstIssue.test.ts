import { describeFirstIssue, InputIssue } from '.';

const issue = (
  path: PropertyKey[],
  message = 'must be between 1 and 500',
  code = 'custom',
): InputIssue => ({ code, path, message });

describe('describeFirstIssue', () => {
  describe('for a query string', () => {
    it.each<[InputIssue[], string]>([
      [[issue(['size'])], "Invalid 'size': must be between 1 and 500"],
      // A repeated parameter's item is still named by the parameter.
      [
        [issue(['env', 1], 'not an environment name')],
        "Invalid 'env': not an environment name",
      ],
      [
        [issue(['from'], 'first'), issue(['to'], 'second')],
        "Invalid 'from': first",
      ],
      [[issue([], 'Required')], "Invalid '': Required"],
      [
        [
          {
            code: 'unrecognized_keys',
            path: [],
            message: 'Unrecognized keys',
            keys: ['foo', ' '],
          },
        ],
        "Unknown query parameter(s): 'foo', ' '",
      ],
      [[], 'Invalid query'],
    ])('%j reads %j', (issues, expected) => {
      expect(describeFirstIssue(issues, { source: 'query' })).toBe(expected);
    });
  });

  describe('for a structured input', () => {
    it.each<[InputIssue[], string]>([
      [
        [issue(['thresholds', 'cpuPercent'], 'Expected number')],
        "Invalid input 'thresholds.cpuPercent': Expected number",
      ],
      [
        [issue(['environments', 1], 'Expected string')],
        "Invalid input 'environments[1]': Expected string",
      ],
      [[issue(['a', 0, 'b', 2], 'bad')], "Invalid input 'a[0].b[2]': bad"],
      [
        [
          {
            code: 'unrecognized_keys',
            path: ['thresholds'],
            message: "Unrecognized key(s) in object: 'bogus'",
            keys: ['bogus'],
          },
        ],
        "Invalid input 'thresholds': Unrecognized key(s) in object: 'bogus'",
      ],
      [
        [issue([], 'Expected object, received string')],
        "Invalid input '(input)': Expected object, received string",
      ],
      [[issue([Symbol('s')], 'odd')], "Invalid input 'Symbol(s)': odd"],
      [[], 'Invalid input'],
    ])('%j reads %j', (issues, expected) => {
      expect(describeFirstIssue(issues, { source: 'input' })).toBe(expected);
    });
  });
});

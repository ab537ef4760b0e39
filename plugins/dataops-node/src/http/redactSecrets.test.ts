import { credentialsOf, redactSecrets } from './redactSecrets';

describe('redactSecrets', () => {
  it('finds bearer tokens, custom header values and every form of Basic credentials', () => {
    const basic = Buffer.from('reader:pa55word-x').toString('base64');
    const found = credentialsOf({
      authorization: `Basic ${basic}`,
      'x-api-key': 'key-123456',
      accept: 'application/json',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        basic,
        'reader:pa55word-x',
        'pa55word-x',
        'key-123456',
      ]),
    );
    expect(found).not.toContain('application/json');
  });

  it('blanks every occurrence, longest secret first, and leaves short values alone', () => {
    expect(
      redactSecrets('token tok-abcdef and Bearer tok-abcdef; on', [
        'tok-abcdef',
        'Bearer tok-abcdef',
        'on',
      ]),
    ).toBe('token **** and ****; on');
  });
});

import { ConfigReader } from '@backstage/config';
import {
  checkSourceUrl,
  readSourceConcurrency,
  readSourceHeaders,
  readSourceUrl,
} from './readSourceConfig';

describe('source configuration helpers', () => {
  it('keeps an http(s) URL without its trailing slashes', () => {
    expect(checkSourceUrl('https://x.example/prefix//', 'toy')).toBe(
      'https://x.example/prefix',
    );
    expect(
      readSourceUrl(new ConfigReader({ url: 'http://x:9090/' }), 'toy'),
    ).toBe('http://x:9090');
  });

  it.each([
    ['not a url', "toy.url 'not a url' is not a valid URL"],
    ['ftp://x', 'toy.url must be http or https'],
    [
      'http://user:pw@x',
      'toy.url must not contain credentials; use the credential fields',
    ],
  ])('refuses %s, naming the field', (url, message) => {
    expect(() => checkSourceUrl(url, 'toy')).toThrow(message);
  });

  it('reads headers, empty when absent', () => {
    expect(
      readSourceHeaders(
        new ConfigReader({ headers: { Authorization: 'Bearer t' } }),
      ),
    ).toEqual({ Authorization: 'Bearer t' });
    expect(readSourceHeaders(new ConfigReader({}))).toEqual({});
  });

  it('reads maxConcurrency, 64 by default, positive integers only', () => {
    expect(readSourceConcurrency(new ConfigReader({}), 'toy')).toBe(64);
    expect(
      readSourceConcurrency(new ConfigReader({ maxConcurrency: 2 }), 'toy'),
    ).toBe(2);
    expect(() =>
      readSourceConcurrency(new ConfigReader({ maxConcurrency: 0.5 }), 'toy'),
    ).toThrow('toy.maxConcurrency must be a positive integer');
  });
});

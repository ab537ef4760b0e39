import fc from 'fast-check';
import { maskLogFields, maskText } from './maskLogFields';

describe('maskText', () => {
  it.each([
    ['password=hunter2 ok', 'password=**** ok'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer ****'],
    ['key AKIAIOSFODNN7EXAMPLE used', 'key **** used'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'jwt ****'],
    [
      '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----',
      '****',
    ],
  ])('masks %j', (input, expected) => {
    expect(maskText(input)).toEqual({ text: expected, masked: true });
  });

  it('leaves ordinary text alone', () => {
    expect(maskText('stage 3 finished in 12 s')).toEqual({
      text: 'stage 3 finished in 12 s',
      masked: false,
    });
  });
});

describe('maskLogFields', () => {
  it('masks sensitive names (built-in and configured) at any depth and reports the paths', () => {
    const result = maskLogFields(
      {
        user: 'ana',
        env: { DB_PASSWORD: 'x', customer_ssn: '123', list: ['token=abc'] },
        headers: { Cookie: 'a=b' },
      },
      ['ssn'],
    );
    expect(result.fields).toEqual({
      user: 'ana',
      env: { DB_PASSWORD: '****', customer_ssn: '****', list: ['token=****'] },
      headers: { Cookie: '****' },
    });
    expect(result.maskedFields.sort()).toEqual([
      'env.DB_PASSWORD',
      'env.customer_ssn',
      'env.list.0',
      'headers.Cookie',
    ]);
  });
});

describe('maskText on hostile lines', () => {
  // The single regular expression the JWT masking used to be; kept here as the reference it must agree with.
  const REFERENCE_JWT =
    /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;

  it('masks JWTs exactly where the reference expression does', () => {
    // Only JWT-like characters, so no other secret pattern can apply.
    const alphabet = ['eyJ', 'a', 'Z', '1', '.', '-', '_', ' ', 'eyJabcde'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }),
        pieces => {
          const line = pieces.join('');
          expect(maskText(line).text).toBe(line.replace(REFERENCE_JWT, '****'));
        },
      ),
      { numRuns: 5000, seed: 20261205 },
    );
  });

  it('masks a 1 MB line of eyJ fragments in linear time', () => {
    // With the single expression, 60 kB of this took 2.8 s and every doubling four times as long
    // (about 13 minutes at 1 MB). Linear masking takes milliseconds; the bound leaves room for a slow CI.
    const fragments = [
      'eyJ'.repeat(350_000),
      'eyJabcdefgh.'.repeat(90_000),
      `${'eyJabcdefgh'.repeat(95_000)}.x`,
      `${'-----BEGIN '}${'A '.repeat(500_000)}`,
      `xoxb-${'a-'.repeat(500_000)}_`,
    ];
    for (const line of fragments) {
      expect(line.length).toBeGreaterThanOrEqual(1_000_000);
      const started = process.hrtime.bigint();
      maskText(line);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(ms).toBeLessThan(2_000);
    }
  });

  it('still masks a real token inside a long run', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const line = `${'eyJ'.repeat(10_000)}x ${jwt} ${'a.'.repeat(10_000)}`;
    const { text, masked } = maskText(line);
    expect(masked).toBe(true);
    expect(text).not.toContain(jwt);
    expect(text).toContain(' **** ');
  });
});

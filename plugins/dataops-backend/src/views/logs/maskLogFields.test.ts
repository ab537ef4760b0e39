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

import { rison, risonObject, risonString } from './rison';

describe('rison', () => {
  it('encodes every kind of value', () => {
    expect(
      rison(
        risonObject(
          ['a', 1],
          ['b', true],
          ['c', false],
          ['d', null],
          ['e', ['x', 2.5, []]],
          ['f', risonObject()],
          ['g', Number.NaN],
        ),
      ),
    ).toBe('(a:1,b:!t,c:!f,d:!n,e:!(x,2.5,!()),f:(),g:!n)');
  });

  it("escapes ! as !! and ' as !' inside quoted strings", () => {
    expect(risonString("it's done!")).toBe("'it!'s done!!'");
    expect(risonString("!'")).toBe("'!!!''");
  });

  it('quotes anything that is not a plain id', () => {
    expect(risonString('kubernetes.labels.app')).toBe('kubernetes.labels.app');
    expect(risonString('')).toBe("''");
    expect(risonString('1abc')).toBe("'1abc'");
    expect(risonString('-x')).toBe("'-x'");
    expect(risonString('a b')).toBe("'a b'");
    expect(risonString('a:b,c(d)')).toBe("'a:b,c(d)'");
    expect(risonString('logs-*')).toBe("'logs-*'");
  });

  it('takes names from data as ordinary keys', () => {
    expect(rison(risonObject(['constructor', '__proto__']))).toBe(
      '(constructor:__proto__)',
    );
    expect(rison(risonObject(["x'y", 'v']))).toBe("('x!'y':v)");
  });
});

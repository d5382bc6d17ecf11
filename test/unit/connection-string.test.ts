import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConnection, parseConnectionString, redactConnectionString } from '../../connectors/index.js';
import { UserError } from '../../src/core/errors.js';

describe('parseConnectionString', () => {
  const env = {};
  it.each([
    ['postgres://alice@db.example:6543/shop', { engine: 'postgres', host: 'db.example', port: 6543, user: 'alice', database: 'shop' }],
    ['postgresql://alice:s3cr%40t@127.0.0.1/shop', { engine: 'postgres', host: '127.0.0.1', port: 5432, password: 's3cr@t' }],
    ['mysql://bob@localhost:3307/', { engine: 'mysql', host: 'localhost', port: 3307, user: 'bob', database: undefined }],
    ['mariadb://bob@[::1]/crm', { engine: 'mysql', host: '::1', port: 3306, database: 'crm' }],
    ['sqlite:/tmp/x.db', { engine: 'sqlite', file: '/tmp/x.db' }],
    ['sqlite:///tmp/x.db', { engine: 'sqlite', file: '/tmp/x.db' }],
    ['sqlite:./rel/x.db', { engine: 'sqlite', file: path.resolve('/work/base', 'rel/x.db') }],
    ['pglite:./data', { engine: 'pglite', dataDir: path.resolve('/work/base', 'data') }],
    ['pglite:memory', { engine: 'pglite' }],
  ])('%s', (input, expected) => {
    expect(parseConnectionString(input, { env, cwd: '/work/base' })).toMatchObject(expected);
  });

  it('takes passwords from PGPASSWORD, MYSQL_PWD and --password-env', () => {
    expect(parseConnectionString('postgres://a@h/db', { env: { PGPASSWORD: 'pw1' } })).toMatchObject({ password: 'pw1' });
    expect(parseConnectionString('mysql://a@h/db', { env: { MYSQL_PWD: 'pw2' } })).toMatchObject({ password: 'pw2' });
    expect(parseConnectionString('mysql://a@h/db', { env: { MY_SECRET: 'pw3' }, passwordEnv: 'MY_SECRET' })).toMatchObject({ password: 'pw3' });
  });

  it('fails clearly when --password-env names an unset variable', () => {
    expect(() => parseConnectionString('postgres://a@h/db', { env: {}, passwordEnv: 'NOPE' })).toThrow(/NOPE.*not set/);
  });

  it.each(['oracle://x@y/z', 'not a url', 'sqlite:'])('rejects %s with a usage error', (input) => {
    try {
      parseConnectionString(input, { env });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(2);
      expect((error as UserError).hint).toBeTruthy();
    }
  });

  it('never echoes a password in a parse error', () => {
    try {
      parseConnectionString('oracle://u:hunter2@h/db', { env });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('hunter2');
    }
  });

  it.each([
    ['postgres://u:%zzhunter2@h/db', /Malformed percent-encoding in the password/],
    ['postgres://u%e2%28@h/db', /Malformed percent-encoding in the user name/],
    ['mysql://u@h/d%zz', /Malformed percent-encoding in the database name/],
    ['postgres://u@h/d%00b', /database name in the connection string contains a NUL/],
    ['postgres://u:pw%00@h/db', /password in the connection string contains a NUL/],
    ['sqlite:./a%zz.db', /Malformed percent-encoding in the file path/],
    ['snowflake://u%zz@acct/DB', /Malformed percent-encoding in the user name/],
  ])('%s is a usage error, not a URIError', (input, message) => {
    let error: unknown;
    try {
      parseConnectionString(input, { env: { SNOWFLAKE_PASSWORD: 'x' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).not.toContain('hunter2');
  });
});

describe('redaction', () => {
  it.each([
    ['postgres://u:hunter2@h:5432/db', 'postgres://u:***@h:5432/db'],
    ['mysql://u:p%40ss@h/db', 'mysql://u:***@h/db'],
    ['postgres://u@h/db?password=hunter2&x=1', 'postgres://u@h/db?password=***&x=1'],
    ['sqlite:./a.db', 'sqlite:./a.db'],
  ])('%s', (input, expected) => {
    expect(redactConnectionString(input)).toBe(expected);
  });

  it('describeConnection has no password', () => {
    const config = parseConnectionString('postgres://u:hunter2@h:5432/db', { env: {} });
    expect(describeConnection(config)).toBe('postgres://u@h:5432/db');
  });
});

describe('postgres URL options (TLS)', () => {
  const parse = (query: string) => parseConnectionString(`postgres://u@h/db${query}`, { env: {} });

  it.each([
    ['', 'disable'],
    ['?sslmode=disable', 'disable'],
    ['?sslmode=allow', 'disable'],
    ['?sslmode=prefer', 'verify-full'],
    ['?sslmode=require', 'verify-full'],
    ['?sslmode=verify-ca', 'verify-ca'],
    ['?sslmode=verify-full', 'verify-full'],
    ['?sslmode=no-verify', 'no-verify'],
  ])('%s → %s', (query, ssl) => {
    expect(parse(query)).toMatchObject({ engine: 'postgres', ssl });
  });

  it.each([
    ['?sslmode=requre', /Unknown sslmode 'requre'; did you mean 'require'\?/],
    ['?sslmode=', /Unknown sslmode ''/],
    ['?sslmode=REQUIRE', /did you mean 'require'\?/],
    ['?sslmode=require&sslmode=disable', /sslmode is given more than once/],
    ['?ssl=true', /Unknown option 'ssl'.*did you mean 'sslmode=verify-full'\?/],
    ['?sslmod=require', /Unknown option 'sslmod'.*did you mean 'sslmode'\?/],
    ['?SSLMODE=require', /Unknown option 'SSLMODE'.*did you mean 'sslmode'\?/],
    ['?application_name=x', /Unknown option 'application_name'/],
    ['?sslrootcert=/etc/ca.pem&sslmode=verify-full', /Unknown option 'sslrootcert'/],
  ])('%s is a usage error, not a plaintext connection', (query, message) => {
    let error: unknown;
    try {
      parse(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).not.toContain('\n');
    expect((error as UserError).hint).toMatch(/sslmode \(disable, allow, prefer, require, verify-ca, verify-full, no-verify\)|Give one of/);
  });

  it('does not echo a query key that is not an option name (a password cut at a stray &)', () => {
    expect(() => parse('?password=a&b!c=d')).toThrow(/Unknown option 'password'/);
    expect(() => parse('?x%20y!=1')).toThrow(/Unknown option \(not shown\)/);
  });
});

/** Parsing snowflake:// URLs: auth choice, secrets only from the environment, access URL guard, quoting. */
import { describe, expect, it } from 'vitest';
import { parseConnectionString, redactConnectionString } from '../../connectors/index.js';
import { quoteSnowflakeIdentifier, sampleSql, snowflakeStringLiteral } from '../../connectors/snowflake/snowflake-sql.js';
import { parseClassifyResult } from '../../connectors/snowflake/snowflake-classify.js';
import { UserError } from '../../src/core/errors.js';

const parse = (url: string, env: NodeJS.ProcessEnv, privateKeyFile?: string) => parseConnectionString(url, { env, snowflake: { privateKeyFile } });

describe('snowflake:// URLs', () => {
  it('reads account, database, warehouse, role, schema and a password from SNOWFLAKE_PASSWORD', () => {
    const c = parse('snowflake://me@myorg-acct.snowflakecomputing.com/Sales?warehouse=WH&role=R&schema=%22Mixed%22', { SNOWFLAKE_PASSWORD: 'pw' });
    expect(c).toMatchObject({ engine: 'snowflake', account: 'myorg-acct', user: 'me', database: 'Sales', warehouse: 'WH', role: 'R', schema: '"Mixed"', auth: { method: 'password', password: 'pw' } });
  });

  it('prefers a key file, then an OAuth token; passphrase from the environment', () => {
    expect(parse('snowflake://me@a/DB', { SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: 'pp', SNOWFLAKE_PASSWORD: 'pw' }, '/k.p8')).toMatchObject({
      auth: { method: 'key-pair', privateKeyFile: '/k.p8', passphrase: 'pp' },
    });
    expect(parse('snowflake://me@a/DB', { SNOWFLAKE_OAUTH_TOKEN: 't', SNOWFLAKE_PASSWORD: 'pw' })).toMatchObject({ auth: { method: 'oauth', token: 't' } });
    expect(parse('snowflake://me@a/DB?authenticator=snowflake', { SNOWFLAKE_OAUTH_TOKEN: 't', SNOWFLAKE_PASSWORD: 'pw' })).toMatchObject({ auth: { method: 'password' } });
  });

  it('refuses passwords in the URL, missing credentials, unknown parameters and plain http to other hosts', () => {
    expect(() => parse('snowflake://me:secret@a/DB', {})).toThrow(/Do not put a Snowflake password in the URL/);
    expect(() => parse('snowflake://me@a/DB', {})).toThrow(/SNOWFLAKE_PASSWORD is not set/);
    expect(() => parse('snowflake://me@a/DB?password=x', { SNOWFLAKE_PASSWORD: 'pw' })).toThrow(UserError);
    expect(() => parse('snowflake://me@a/DB?accessUrl=http://10.0.0.5:8080', { SNOWFLAKE_PASSWORD: 'pw' })).toThrow(/Refusing/);
    expect(parse('snowflake://me@a/DB?accessUrl=http://127.0.0.1:9', { SNOWFLAKE_PASSWORD: 'pw' })).toMatchObject({ accessUrl: 'http://127.0.0.1:9' });
    expect(redactConnectionString('snowflake://me:secret@a/DB')).toBe('snowflake://me:***@a/DB');
  });
});

describe('Snowflake SQL', () => {
  it('quotes identifiers with case kept and escapes literals', () => {
    expect(quoteSnowflakeIdentifier('my "odd" Table')).toBe('"my ""odd"" Table"');
    expect(snowflakeStringLiteral("it's a \\ test")).toBe("'it''s a \\\\ test'");
    expect(sampleSql('DB', { schema: 'S', name: 'Customers', kind: 'table' }, [{ name: 'eMail', normalizedType: 'string' }, { name: 'P', normalizedType: 'json' }], 200, 512)).toBe(
      'SELECT LEFT(TO_VARCHAR("eMail"), 513), LEFT(TO_JSON("P"), 65537) FROM "DB"."S"."Customers" SAMPLE (200 ROWS)',
    );
  });

  it('maps SYSTEM$CLASSIFY recommendations to fideslang verdicts and drops unknown categories', () => {
    const verdicts = parseClassifyResult(
      JSON.stringify({
        classification_result: {
          EMAIL: { recommendation: { semantic_category: 'EMAIL', privacy_category: 'IDENTIFIER', confidence: 'MEDIUM', coverage: 0.8 } },
          CODE: { recommendation: { semantic_category: 'SOMETHING_NEW', confidence: 'HIGH' } },
          NOTE: { alternates: [] },
        },
      }),
    );
    expect([...verdicts.keys()]).toEqual(['EMAIL']);
    expect(verdicts.get('EMAIL')).toEqual([{ category: 'user.contact.email', score: 0.7, source: 'snowflake-classify', reason: 'Snowflake SYSTEM$CLASSIFY: EMAIL (IDENTIFIER, confidence MEDIUM, coverage 80%)' }]);
    expect(parseClassifyResult('not json').size).toBe(0);
  });
});

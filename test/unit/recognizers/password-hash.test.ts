import { createHash, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { CATEGORY } from '../../../src/classify/categories.js';
import { passwordHashRecognizer } from '../../../src/classify/recognizers/password-hash.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

faker.seed(61);
const B64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const crypt = (n: number) => faker.string.fromCharacters(B64, n);
const bcrypt = () => `$2b$12$${crypt(53)}`;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('password hash recognizer', () => {
  it.each([
    ['$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', 1], // bcrypt
    ['$2y$12$' + 'a'.repeat(53), 1],
    ['$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', 1],
    ['$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E', 1],
    [`$6$rounds=5000$saltsalt$${'A'.repeat(86)}`, 1], // sha512-crypt
    [`$5$saltsalt$${'b'.repeat(43)}`, 1], // sha256-crypt
    [`$1$saltsalt$${'c'.repeat(22)}`, 1], // md5-crypt
    [`pbkdf2_sha256$600000$${'s'.repeat(22)}$${pbkdf2Sync('x', 'salt', 1, 32, 'sha256').toString('base64')}`, 1], // Django
    [`pbkdf2:sha256:260000$saltsalt$${pbkdf2Sync('x', 'salt', 1, 32, 'sha256').toString('hex')}`, 1], // Werkzeug
    [`$P$B${crypt(30)}`, 1], // phpass
    ['{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 1],
    // hex digests need a password column name
    [md5('anything'), 0],
    [sha256('anything'), 0],
    // look-alikes
    ['$2b$12$tooshort', 0],
    ['$6$', 0],
    ['price is $5$ today and $6$ tomorrow', 0],
    ['a'.repeat(31), 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(passwordHashRecognizer, value)).toBe(expected);
  });

  it('finds a column of bcrypt hashes under any name', () => {
    const values = Array.from({ length: 100 }, bcrypt);
    const evidence = run(passwordHashRecognizer, 't1', { name: 'c9', values });
    expect(evidence).toMatchObject([{ category: CATEGORY.password, score: 1 }]);
    expect(reasonsFreeOf(evidence, values)).toBe(true);
  });

  it('counts hex digests only with password or hash context about people', () => {
    const digests = Array.from({ length: 100 }, (_, i) => md5(`secret-${i}`));
    expect(run(passwordHashRecognizer, 'users', { name: 'password', values: digests })[0].score).toBe(0.9);
    expect(run(passwordHashRecognizer, 'accounts', { name: 'pwd_md5', values: digests })[0].score).toBe(0.9);
    expect(run(passwordHashRecognizer, 'users', { name: 'hash', values: digests })[0].score).toBe(0.9);
    expect(run(passwordHashRecognizer, 'files', { name: 'content_hash', values: digests })[0].score).toBe(0);
    expect(run(passwordHashRecognizer, 't1', { name: 'c1', values: digests })[0].score).toBe(0);
  });
});

describe('plain-text passwords', () => {
  const typed = Array.from({ length: 40 }, () => faker.internet.password({ length: faker.number.int({ min: 6, max: 14 }) }));
  it.each([
    // [column, table, values, expected score band]
    ['password', 'customers', typed, [0.55, 0.6]],
    ['user_pwd', 'accounts', typed, [0.55, 0.6]],
    ['password', 'customers', ['secret1', 'secret1', 'secret1'], [0.3, 0.45]], // one distinct value: damped
    ['password_hint', 'customers', typed, [0, 0]], // about the password, not it
    ['pin', 'customers', ['1234', '5678', '9012', '3456', '7890'], [0, 0]], // PINs are other things too
    ['notes', 'customers', typed, [0, 0]],
  ] as const)('%s in %s → score in %j', (name, tableName, values, [low, high]) => {
    const found = run(passwordHashRecognizer, tableName, { name, values });
    const score = found.find((e) => e.category === CATEGORY.password)?.score ?? 0;
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
    expect(reasonsFreeOf(found, values)).toBe(true);
  });

  it('says the values are plain text, and prefers real hashes when there are', () => {
    const [plain] = run(passwordHashRecognizer, 'users', { name: 'password', values: typed });
    expect(plain.reason).toContain('plain-text passwords');
    const hashes = Array.from({ length: 40 }, bcrypt);
    const [hashed] = run(passwordHashRecognizer, 'users', { name: 'password', values: hashes });
    expect(hashed.score).toBeGreaterThan(0.95);
    expect(hashed.reason).not.toContain('plain-text');
  });
});

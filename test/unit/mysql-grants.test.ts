import { describe, expect, it } from 'vitest';
import { accessWarnings, invokerViewsUnsafe, parseShowGrants, reviewMysqlAccess } from '../../connectors/mysql/mysql-grants.js';

const review = (...lines: string[]) => reviewMysqlAccess(parseShowGrants(lines));

describe('parseShowGrants', () => {
  it('reads levels, privileges and column lists as MariaDB and MySQL print them', () => {
    expect(
      parseShowGrants([
        "GRANT USAGE ON *.* TO `scanner`@`%` IDENTIFIED BY PASSWORD '*ABC'",
        'GRANT SELECT, SHOW VIEW ON `shop`.* TO `scanner`@`%`',
        'GRANT SELECT (`email`, `we``ird, (x)`), INSERT (`name`) ON `crm`.`people` TO `scanner`@`%`',
        'GRANT EXECUTE ON FUNCTION `shop`.`f` TO `scanner`@`%`',
        'GRANT `reader` TO `scanner`@`%`',
        "GRANT PROXY ON ''@'%' TO 'scanner'@'%'",
        'GRANT SELECT ON `test`.* TO PUBLIC',
        'SET DEFAULT ROLE `reader` FOR `scanner`@`%`',
      ]),
    ).toEqual([
      { level: 'global', privileges: [{ name: 'USAGE' }] },
      { level: 'database', database: 'shop', privileges: [{ name: 'SELECT' }, { name: 'SHOW VIEW' }] },
      {
        level: 'table',
        database: 'crm',
        table: 'people',
        privileges: [
          { name: 'SELECT', columns: ['email', 'we`ird, (x)'] },
          { name: 'INSERT', columns: ['name'] },
        ],
      },
      { level: 'other', privileges: [{ name: 'EXECUTE' }] },
      { level: 'other', privileges: [{ name: 'PROXY' }] },
      { level: 'database', database: 'test', privileges: [{ name: 'SELECT' }] },
    ]);
  });
});

describe('reviewMysqlAccess', () => {
  it('finds a superuser and warns loudly', () => {
    const access = review('GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION');
    expect(access.superuser).toBe('ALL PRIVILEGES');
    expect(invokerViewsUnsafe(access)).toBe(true);
    const warnings = accessWarnings(access, ['shop']);
    expect(warnings[0]).toMatch(/ALL PRIVILEGES on \*\.\* \(a superuser\)/);
    expect(warnings[1]).toMatch(/may write to the scanned databases \(ALL PRIVILEGES on \*\.\*\)/);
    expect(review('GRANT SELECT, SUPER ON *.* TO `x`@`%`').superuser).toBe('SUPER');
  });

  it('says nothing for a least-privilege reader', () => {
    const access = review('GRANT USAGE ON *.* TO `r`@`%`', 'GRANT SELECT, SHOW VIEW ON `shop`.* TO `r`@`%`', 'GRANT SELECT ON *.* TO `r`@`%`');
    expect(accessWarnings(access, ['shop'])).toEqual([]);
    expect(invokerViewsUnsafe(access)).toBe(false);
  });

  it('lists write privileges that reach the scanned databases only, wildcard database grants included', () => {
    const access = review(
      'GRANT SELECT, INSERT, UPDATE ON `shop`.* TO `w`@`%`',
      'GRANT DELETE ON `other`.* TO `w`@`%`',
      'GRANT DROP ON `sh\\_%`.* TO `w`@`%`',
      'GRANT ALTER ON `shop`.`orders` TO `w`@`%`',
      'GRANT INSERT (`a`) ON `shop`.`t` TO `w`@`%`',
    );
    expect(access.writeGrantsOn(['shop'])).toEqual(['INSERT, UPDATE on shop.*', 'ALTER on shop.orders', 'INSERT on shop.t']);
    expect(access.writeGrantsOn(['sh_x'])).toEqual(['DROP on sh\\_%.*']);
    expect(access.writeGrantsOn(['shxx'])).toEqual([]); // `\_` is a literal underscore
    expect(access.writeGrantsOn(['crm'])).toEqual([]);
    expect(accessWarnings(access, ['crm'])).toEqual([]);
    expect(accessWarnings(access, ['shop'])[0]).toMatch(/^the scanning user may write to the scanned databases \(INSERT, UPDATE on shop\.\*; ALTER/);
  });

  it('treats administrative global privileges as unsafe for invoker views', () => {
    const access = review('GRANT SELECT, FILE, CREATE USER ON *.* TO `a`@`%`');
    expect(access.adminPrivileges).toEqual(['FILE', 'CREATE USER']);
    expect(invokerViewsUnsafe(access)).toBe(true);
    expect(accessWarnings(access, ['shop'])[0]).toMatch(/administrative privileges \(FILE, CREATE USER on \*\.\*\)/);
  });

  it('finds tables readable only through column grants', () => {
    const access = review(
      'GRANT SELECT (`email`) ON `crm`.`people` TO `c`@`%`',
      'GRANT SELECT (`a`) ON `crm`.`whole` TO `c`@`%`',
      'GRANT SELECT ON `crm`.`whole` TO `c`@`%`',
      'GRANT SELECT (`a`) ON `shop`.`t` TO `c`@`%`',
      'GRANT SELECT ON `sh%`.* TO `c`@`%`',
    );
    expect(access.isPartlyReadable('crm', 'people')).toBe(true);
    expect(access.isPartlyReadable('crm', 'whole')).toBe(false); // also granted on the whole table
    expect(access.isPartlyReadable('shop', 't')).toBe(false); // the database grant covers it
    expect(access.isPartlyReadable('crm', 'other')).toBe(false);
  });
});

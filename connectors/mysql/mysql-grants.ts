/**
 * What the scanning user may do, from `SHOW GRANTS` (the user's own grants, its active role's and
 * PUBLIC's, on MariaDB and MySQL alike). Used to warn when the login is a superuser or may write to
 * the scanned databases, to keep SQL SECURITY INVOKER views (whose functions would run with those
 * privileges) away from such logins, and to find tables readable only through column grants.
 */

/** One privilege of a grant; `columns` when it was granted on some columns only. */
export interface GrantedPrivilege {
  /** Upper case, single spaces: `SELECT`, `ALL PRIVILEGES`, `DELETE HISTORY`. */
  readonly name: string;
  readonly columns?: readonly string[];
}

export interface MysqlGrant {
  readonly privileges: readonly GrantedPrivilege[];
  /** `*.*`: global; `db.*`: database (a LIKE pattern); `db.t`: table; routines and proxies: other. */
  readonly level: 'global' | 'database' | 'table' | 'other';
  readonly database?: string;
  readonly table?: string;
}

/** Privileges that change data or schema objects, on the scanned databases or everywhere. */
const WRITE_PRIVILEGES = new Set([
  'ALL',
  'ALL PRIVILEGES',
  'INSERT',
  'UPDATE',
  'DELETE',
  'DELETE HISTORY',
  'CREATE',
  'DROP',
  'ALTER',
  'INDEX',
  'TRIGGER',
  'CREATE VIEW',
  'CREATE ROUTINE',
  'ALTER ROUTINE',
  'EVENT',
]);

/** Global privileges that neither write nor administer: what a read-only scanner may hold. */
const READ_ONLY_PRIVILEGES = new Set([
  'USAGE',
  'SELECT',
  'SHOW VIEW',
  'SHOW DATABASES',
  'EXECUTE',
  'PROCESS',
  'LOCK TABLES',
  'CREATE TEMPORARY TABLES',
  'REPLICATION CLIENT',
  'BINLOG MONITOR',
  'SLAVE MONITOR',
  'REFERENCES',
]);

const SUPERUSER_PRIVILEGES = new Set(['ALL', 'ALL PRIVILEGES', 'SUPER']);

/** Parses the lines of `SHOW GRANTS`; role memberships and lines it does not understand are left out. */
export function parseShowGrants(lines: readonly string[]): MysqlGrant[] {
  return lines.flatMap((line) => {
    const grant = parseGrantLine(line.trim());
    return grant ? [grant] : [];
  });
}

function parseGrantLine(line: string): MysqlGrant | undefined {
  if (!/^GRANT\s/i.test(line)) return undefined;
  const onAt = topLevelIndexOf(line, ' ON ', 'GRANT '.length);
  if (onAt < 0) return undefined; // GRANT `role` TO user: a membership, its privileges have their own lines
  const privileges = splitTopLevel(line.slice('GRANT '.length, onAt), ',').map(parsePrivilege);
  const target = /^(?:(FUNCTION|PROCEDURE|PACKAGE BODY|PACKAGE|TABLE)\s+)?((?:`(?:[^`]|``)*`|[^\s.`]+))\.((?:`(?:[^`]|``)*`|[^\s.`]+))\s+TO\s/i.exec(
    line.slice(onAt + ' ON '.length),
  );
  if (!target || privileges.some((p) => p.name === 'PROXY')) return { privileges, level: 'other' };
  const [, objectType, rawDatabase, rawTable] = target;
  if (objectType && objectType.toUpperCase() !== 'TABLE') return { privileges, level: 'other' };
  if (rawDatabase === '*') return { privileges, level: 'global' };
  const database = unquote(rawDatabase);
  if (rawTable === '*') return { privileges, level: 'database', database };
  return { privileges, level: 'table', database, table: unquote(rawTable) };
}

function parsePrivilege(text: string): GrantedPrivilege {
  const open = text.indexOf('(');
  const name = (open < 0 ? text : text.slice(0, open)).trim().replace(/\s+/g, ' ').toUpperCase();
  if (open < 0) return { name };
  const columns = splitTopLevel(text.slice(open + 1, text.lastIndexOf(')')), ',').map((c) => unquote(c.trim()));
  return { name, columns };
}

/** What the grants mean for a scan of `schemas`. */
export interface MysqlAccessReview {
  /** `ALL PRIVILEGES` or `SUPER` on `*.*`, as printed; undefined for an ordinary login. */
  readonly superuser?: string;
  /** Global privileges that administer the server (FILE, CREATE USER, ...), beyond the superuser ones. */
  readonly adminPrivileges: readonly string[];
  /** Write privileges that reach any of `schemas`, each as `INSERT, UPDATE on shop.*`. */
  readonly writeGrantsOn: (schemas: readonly string[]) => string[];
  /** True when `schema.table` is readable only through column grants. */
  readonly isPartlyReadable: (schema: string, table: string) => boolean;
}

export function reviewMysqlAccess(grants: readonly MysqlGrant[]): MysqlAccessReview {
  const global = grants.filter((g) => g.level === 'global').flatMap((g) => g.privileges.map((p) => p.name));
  const superuser = global.find((p) => SUPERUSER_PRIVILEGES.has(p));
  const adminPrivileges = [...new Set(global.filter((p) => !SUPERUSER_PRIVILEGES.has(p) && !WRITE_PRIVILEGES.has(p) && !READ_ONLY_PRIVILEGES.has(p)))];
  const covers = (grant: MysqlGrant, schema: string): boolean =>
    grant.level === 'global' || ((grant.level === 'database' || grant.level === 'table') && databasePatternMatches(grant.database!, schema, grant.level));
  const writeGrantsOn = (schemas: readonly string[]): string[] =>
    grants.flatMap((grant) => {
      const writes = grant.privileges.filter((p) => WRITE_PRIVILEGES.has(p.name)).map((p) => p.name);
      if (writes.length === 0 || grant.level === 'other' || !schemas.some((s) => covers(grant, s))) return [];
      return [`${writes.join(', ')} on ${grantTarget(grant)}`];
    });
  const readsWhole = (grant: MysqlGrant): boolean => grant.privileges.some((p) => (p.name === 'SELECT' || p.name === 'ALL' || p.name === 'ALL PRIVILEGES') && !p.columns);
  const columnGrants = grants.filter((g) => g.level === 'table' && g.privileges.some((p) => p.name === 'SELECT' && p.columns));
  return {
    superuser,
    adminPrivileges,
    writeGrantsOn,
    isPartlyReadable: (schema, table) =>
      columnGrants.some((g) => g.database === schema && g.table === table) &&
      !grants.some((g) => readsWhole(g) && covers(g, schema) && (g.level !== 'table' || g.table === table)),
  };
}

/** True when SQL SECURITY INVOKER views must not be sampled: their functions would run with admin rights. */
export function invokerViewsUnsafe(review: MysqlAccessReview): boolean {
  return review.superuser !== undefined || review.adminPrivileges.length > 0;
}

/** Warning lines for a scan of `schemas`: printed before the scan and kept in --json. */
export function accessWarnings(review: MysqlAccessReview, schemas: readonly string[]): string[] {
  const warnings: string[] = [];
  if (review.superuser) {
    warnings.push(
      `the scanning user holds ${review.superuser} on *.* (a superuser): piiscout only reads, in read-only transactions, but a view read ` +
        'with --include-views runs its functions, and SQL SECURITY INVOKER views would run them with these privileges (they are not sampled); ' +
        'scan as a user with SELECT and SHOW VIEW only (README: "What the scanner does to your database")',
    );
  } else if (review.adminPrivileges.length > 0) {
    warnings.push(
      `the scanning user holds administrative privileges (${review.adminPrivileges.join(', ')} on *.*): SQL SECURITY INVOKER views are not sampled; ` +
        'scan as a user with SELECT and SHOW VIEW only',
    );
  }
  const writeGrants = review.writeGrantsOn(schemas);
  if (writeGrants.length > 0) {
    const shown = writeGrants.slice(0, 5).join('; ') + (writeGrants.length > 5 ? `; and ${writeGrants.length - 5} more` : '');
    warnings.push(
      `the scanning user may write to the scanned databases (${shown}): every sample runs in a read-only transaction, ` +
        'but a login that cannot write is safer; scan as a user with SELECT and SHOW VIEW only',
    );
  }
  return warnings;
}

function grantTarget(grant: MysqlGrant): string {
  if (grant.level === 'global') return '*.*';
  return `${grant.database}.${grant.level === 'table' ? grant.table : '*'}`;
}

/**
 * Database names in database-level grants are LIKE patterns (`%`, `_`, with `\` escaping), as the
 * server matches them; table-level grants name one database exactly.
 */
function databasePatternMatches(pattern: string, schema: string, level: MysqlGrant['level']): boolean {
  if (level !== 'database') return pattern === schema;
  let regex = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) regex += escapeRegex(pattern[++i]);
    else if (c === '%') regex += '[\\s\\S]*';
    else if (c === '_') regex += '[\\s\\S]';
    else regex += escapeRegex(c);
  }
  return new RegExp(`^${regex}$`, 'u').test(schema);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function unquote(identifier: string): string {
  return identifier.startsWith('`') && identifier.endsWith('`') && identifier.length >= 2 ? identifier.slice(1, -1).replaceAll('``', '`') : identifier;
}

/** Index of `needle` outside backquotes and parentheses, or -1. */
function topLevelIndexOf(text: string, needle: string, from: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '`') quoted = !quoted; // a doubled `` toggles twice: still right
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith(needle, i)) return i;
  }
  return -1;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = topLevelIndexOf(text, separator, 0); at >= 0; at = topLevelIndexOf(text, separator, start)) {
    parts.push(text.slice(start, at).trim());
    start = at + separator.length;
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

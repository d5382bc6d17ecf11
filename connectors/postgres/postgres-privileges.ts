/**
 * What the scanning role may do beyond reading. piiscout runs no code of the scanned database and
 * reads in read-only transactions, but a role that can write (or is superuser) turns any mistake
 * there into damage, so the scan says so loudly (README: "A least-privilege role for PostgreSQL").
 */
import type { PgStatements } from './pg-queryable.js';

const ROLE_SQL = `
SELECT r.rolname AS role_name, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
       pg_catalog.pg_has_role(d.datdba, 'USAGE') AS owns_database, d.datname AS database_name,
       ARRAY(SELECT s.rolname::pg_catalog.text FROM pg_catalog.pg_roles s
             WHERE s.rolname IN ('pg_write_all_data', 'pg_write_server_files', 'pg_execute_server_program')
               AND pg_catalog.pg_has_role(s.oid, 'USAGE')
             ORDER BY s.rolname) AS powerful_roles
FROM pg_catalog.pg_roles r, pg_catalog.pg_database d
WHERE r.rolname = CURRENT_USER AND d.datname = pg_catalog.current_database()`;

/** Tables in the scanned schemas the role may change, the first few by name and how many in all. */
const WRITABLE_SQL = `
SELECT n.nspname AS schema_name, c.relname AS table_name, pg_catalog.count(*) OVER () AS total
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1::pg_catalog.text[])
  AND c.relkind IN ('r', 'p', 'f')
  AND pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')
ORDER BY n.nspname, c.relname
LIMIT 3`;

const ADVICE = 'scan with a read-only role (README: "A least-privilege role for PostgreSQL")';

/** One warning line per finding; none for a role that can only read. */
export async function privilegeWarnings(db: PgStatements, schemas: readonly string[]): Promise<string[]> {
  const [role] = (await db.query(ROLE_SQL)) as unknown as RawRoleRow[];
  if (!role) return [];
  const who = `role "${role.role_name}"`;
  if (role.superuser) return [`connected as ${who}, a superuser: it can write and change anything; ${ADVICE}`];
  const warnings: string[] = [];
  if (role.createrole) warnings.push(`${who} has CREATEROLE; ${ADVICE}`);
  if (role.owns_database) warnings.push(`${who} owns database "${role.database_name}"; ${ADVICE}`);
  for (const granted of role.powerful_roles) warnings.push(`${who} is a member of ${granted}; ${ADVICE}`);
  const writable = (await db.query(WRITABLE_SQL, [schemas])) as unknown as RawWritableRow[];
  if (writable.length > 0) {
    const total = Number(writable[0].total);
    const names = writable.map((w) => `${w.schema_name}.${w.table_name}`).join(', ');
    warnings.push(`${who} may write to ${total} scanned table(s) (INSERT, UPDATE, DELETE or TRUNCATE): ${names}${total > writable.length ? ', …' : ''}; ${ADVICE}`);
  }
  return warnings;
}

interface RawRoleRow {
  role_name: string;
  superuser: boolean;
  createrole: boolean;
  owns_database: boolean;
  database_name: string;
  powerful_roles: string[];
}

interface RawWritableRow {
  schema_name: string;
  table_name: string;
  total: string | number;
}

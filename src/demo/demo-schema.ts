/**
 * DDL of the demo database: a small legacy web shop ("Ledgerly") with an HR corner.
 * Personal data sits in obvious columns (customers.email), cryptic ones (cust_addr.pc, tbl_x1.col_4),
 * free text (support_tickets.notes, orders.gift_msg) and JSON (events.payload); look-alikes such as
 * orders.order_no (shaped like a phone number), products.name and hr.departments.standort are not personal.
 * No column has a volatile default: every value comes from the seeded generator.
 */

/** The schemas the demo creates; `public` already exists. */
export const DEMO_SCHEMAS = ['public', 'hr'] as const;

export const DEMO_DDL = `
CREATE SCHEMA hr;

CREATE TABLE hr.departments (
  dept_id     smallint PRIMARY KEY,
  dept_name   varchar(60) NOT NULL,
  cost_center char(7) NOT NULL UNIQUE,
  standort    varchar(60) NOT NULL
);

CREATE TABLE hr.employees (
  emp_id         integer PRIMARY KEY,
  vorname        varchar(50) NOT NULL,
  nachname       varchar(50) NOT NULL,
  geburtsdatum   date NOT NULL,
  ssn            char(11),
  email          varchar(120) NOT NULL UNIQUE,
  position       varchar(80) NOT NULL,
  salary         numeric(10,2) NOT NULL,
  eintrittsdatum date NOT NULL,
  dept_id        smallint NOT NULL REFERENCES hr.departments (dept_id),
  manager_id     integer REFERENCES hr.employees (emp_id)
);

CREATE TABLE customers (
  id               integer PRIMARY KEY,
  first_name       varchar(50) NOT NULL,
  last_name        varchar(50) NOT NULL,
  email            varchar(120) NOT NULL UNIQUE,
  phone            varchar(30),
  date_of_birth    date,
  pref_lang        char(5) NOT NULL,
  created_at       timestamptz NOT NULL,
  marketing_opt_in boolean NOT NULL,
  email_verified   boolean NOT NULL
);

CREATE TABLE cust_addr (
  addr_id  integer PRIMARY KEY,
  cust_id  integer NOT NULL REFERENCES customers (id),
  addr_typ char(1) NOT NULL CHECK (addr_typ IN ('B', 'S')),
  str_ln1  varchar(100) NOT NULL,
  str_ln2  varchar(100),
  cty      varchar(60) NOT NULL,
  st_prov  varchar(40),
  pc       varchar(12) NOT NULL,
  ctry_cd  char(2) NOT NULL
);

CREATE TABLE usr_acct (
  acct_id       integer PRIMARY KEY,
  cust_id       integer NOT NULL UNIQUE REFERENCES customers (id),
  login         varchar(60) NOT NULL UNIQUE,
  pwd_hash      varchar(80) NOT NULL,
  api_tok       char(36),
  last_ip       inet,
  last_login_at timestamptz,
  failed_logins smallint NOT NULL,
  is_locked     boolean NOT NULL
);

CREATE TABLE products (
  product_id  integer PRIMARY KEY,
  sku         varchar(16) NOT NULL UNIQUE,
  name        varchar(120) NOT NULL,
  description text,
  category    varchar(40) NOT NULL,
  brand       varchar(80) NOT NULL,
  price       numeric(10,2) NOT NULL,
  weight_g    integer NOT NULL,
  active      boolean NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE orders (
  order_id     integer PRIMARY KEY,
  order_no     varchar(12) NOT NULL UNIQUE,
  cust_id      integer NOT NULL REFERENCES customers (id),
  ship_addr_id integer REFERENCES cust_addr (addr_id),
  status       varchar(12) NOT NULL,
  currency     char(3) NOT NULL,
  subtotal     numeric(10,2) NOT NULL,
  tax          numeric(10,2) NOT NULL,
  total        numeric(10,2) NOT NULL,
  gift_msg     text,
  created_at   timestamptz NOT NULL,
  shipped_at   timestamptz
);

CREATE TABLE order_items (
  order_id   integer NOT NULL REFERENCES orders (order_id),
  line_no    smallint NOT NULL,
  product_id integer NOT NULL REFERENCES products (product_id),
  qty        smallint NOT NULL,
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payments (
  payment_id  integer PRIMARY KEY,
  order_id    integer NOT NULL UNIQUE REFERENCES orders (order_id),
  method      varchar(10) NOT NULL,
  card_no     varchar(19),
  card_holder varchar(100),
  exp         char(5),
  iban        varchar(34),
  bic         varchar(11),
  amount      numeric(10,2) NOT NULL,
  txn_ref     char(18) NOT NULL UNIQUE,
  paid_at     timestamptz
);

CREATE TABLE support_tickets (
  ticket_id   integer PRIMARY KEY,
  cust_id     integer REFERENCES customers (id),
  assignee_id integer REFERENCES hr.employees (emp_id),
  subject     varchar(200) NOT NULL,
  notes       text,
  priority    varchar(8) NOT NULL,
  status      varchar(10) NOT NULL,
  opened_at   timestamptz NOT NULL,
  closed_at   timestamptz
);

CREATE TABLE events (
  event_id    bigint PRIMARY KEY,
  cust_id     integer REFERENCES customers (id),
  event_type  varchar(30) NOT NULL,
  payload     jsonb NOT NULL,
  occurred_at timestamptz NOT NULL
);

CREATE TABLE tbl_x1 (
  row_id integer PRIMARY KEY,
  col_1  varchar(120),
  col_2  varchar(120),
  col_3  varchar(10),
  col_4  varchar(20),
  col_5  varchar(20),
  col_6  varchar(30),
  ld_dt  date NOT NULL
);

CREATE TABLE newsletter (
  nl_id         integer PRIMARY KEY,
  eml           varchar(120) NOT NULL UNIQUE,
  src           varchar(20) NOT NULL,
  dbl_opt_in    boolean NOT NULL,
  subscribed_at timestamptz NOT NULL,
  unsub_at      timestamptz
);

CREATE TABLE audit_log (
  log_id    bigint PRIMARY KEY,
  actor_id  integer REFERENCES usr_acct (acct_id),
  action    varchar(40) NOT NULL,
  entity    varchar(20) NOT NULL,
  entity_id integer,
  ip_addr   varchar(45),
  logged_at timestamp NOT NULL
);

COMMENT ON TABLE cust_addr IS 'Customer addresses; addr_typ B = billing, S = shipping';
COMMENT ON COLUMN cust_addr.pc IS 'Postcode / ZIP';
COMMENT ON COLUMN usr_acct.api_tok IS 'Token for the reseller API, shown once on creation';
COMMENT ON COLUMN orders.order_no IS 'Number printed on invoices: store - day of year - sequence';
COMMENT ON COLUMN payments.exp IS 'MM/YY';
COMMENT ON COLUMN events.payload IS 'Raw event as sent by the web tracker';
COMMENT ON TABLE tbl_x1 IS 'Import from the old CRM (2016), columns mapped by position. Keep until migration sign-off.';
COMMENT ON TABLE hr.employees IS 'Mitarbeiterstamm';
COMMENT ON COLUMN hr.employees.ssn IS 'US staff only';
`;

/** The commented starter file `piiscout init` writes. test/unit/starter-config.test.ts checks it against the schema. */
export const STARTER_CONFIG = `# piiscout configuration (written by piiscout init).
# Reference: docs/configuration.md and docs/scheduling.md. Editors: point YAML support at docs/piiscout.config.schema.json,
# e.g. with the first line:  # yaml-language-server: $schema=<path or URL>/piiscout.config.schema.json
#
#   piiscout scan --source shop       scan one source now
#   piiscout scan --all               scan every source now
#   piiscout schedule                 scan sources on their schedules (long-running)
#   piiscout schedule --once          scan the sources that are due, then exit (for cron / CronJobs)
#   piiscout diff old.yml new.yml     drift between two dataset files

# Databases to scan. Each scan is read-only and merges into the source's dataset file: review
# decisions there are kept. Paths are relative to this file.
sources:
  - name: shop
    # Secrets as \${ENV_VAR} references, resolved when the source runs (never written anywhere).
    url: postgres://scanner:\${PGPASSWORD}@db.internal:5432/shop
    include: ['public.*']            # globs over schema, schema.table or schema.table.column
    exclude: ['*.audit_*']
    sample_size: 200                 # rows sampled per table (one query per table)
    output: shop.yml                 # default: piiscout-<name>.yml
    # history: shop.yml.history.jsonl  (default: <output>.history.jsonl, one JSON line per run)
    schedule: '0 3 * * *'            # cron: every day at 03:00
    timezone: UTC                    # default: the machine's time zone

  - name: crm
    url: mysql://scanner@mysql.internal:3306/crm
    password_env: CRM_DB_PASSWORD    # or \${CRM_DB_PASSWORD} in the url
    include_views: false
    concurrency: 2                   # tables sampled in parallel
    statement_timeout: 30            # seconds per SQL statement
    output: crm.yml
    schedule: '30 2 * * 1'           # Mondays at 02:30

  - name: legacy
    url: sqlite:./legacy.db
    ml: false                        # rules only, without the column model
    output: legacy.yml               # no schedule: scanned only with scan --source legacy / --all

# How columns are classified, for every scan that uses this file.
classification:
  # threshold: 0.5                   # minimum confidence for a category to be proposed (0..1)
  # locales: [br, es]               # only these countries' national-id recognizers (default: all countries)
  disable: []                        # built-in recognizer ids to switch off, e.g. [us-ssn, name:city]
  categories: []
  recognizers: []
  # A custom category and a recognizer for it (uncomment both lists to use them):
  # categories:
  #   - key: user.employee_badge
  #     name: Employee badge number
  #     parent: user
  # recognizers:
  #   - id: employee-badge
  #     category: user.employee_badge
  #     name_patterns: ['badge number', '*_badge*']
  #     value_patterns:
  #       - name: badge
  #         regex: 'EMP-\\d{6}'
  #         score: 0.95
  #     context: [badge, employee]
`;

/**
 * The CSV, JSON, XLSX and HTML writers on a data map with awkward names: commas, quotes, line
 * breaks, non-Latin letters, a would-be formula and markup. XLSX is read back with exceljs.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DATA_MAP_COLUMNS } from '../../../src/export/columns.js';
import { csvField, toCsv, UTF8_BOM } from '../../../src/export/csv.js';
import { buildDataMap } from '../../../src/export/data-map.js';
import { toHtml } from '../../../src/export/html.js';
import { niceStep } from '../../../src/export/html-chart.js';
import { toJson } from '../../../src/export/json.js';
import { loadSystemsManifest } from '../../../src/export/systems.js';
import { DATA_MAP_SHEET, SUMMARY_SHEET, toXlsx } from '../../../src/export/xlsx.js';
import { ReviewFile } from '../../../src/review/review-file.js';
import { corporaDir } from '../../helpers/fixture-paths.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'export', 'cookie-house-scan.yml');
const SYSTEMS = path.join(corporaDir, 'fides-cookie-house-postgres', 'sample_systems.yml');
const NOW = new Date('2026-05-04T12:00:00.000Z');
const SCRIPT = '<script>alert("x")</script>';

/** A dataset whose table and field names need quoting or escaping everywhere. */
const TRICKY_YAML = `dataset:
  - fides_key: tricky
    collections:
      - name: "kunden, alt"
        fields:
          - name: 'say "hi"'
            data_categories: [user.contact.email]
            piiscout: {status: proposed, confidence: 0.9}
          - name: "line\\nbreak"
            data_categories: [user.name]
            piiscout: {status: accepted, confidence: 0.8, reviewed_at: "2026-05-01T00:00:00Z"}
          - name: geburtsdatum_ü名前😀
            data_categories: [user.demographic.date_of_birth]
          - name: "=HYPERLINK(1)"
            data_categories: [user.contact.phone_number]
          - name: '${SCRIPT}'
            data_categories: [user.unique_id]
            piiscout: {status: ignored, reviewed_at: "2026-05-02T00:00:00Z"}
`;
const tricky = () => buildDataMap([{ file: 'tricky & <b>.yml', fields: ReviewFile.parse(TRICKY_YAML, 'tricky.yml').fields() }]);
const cookie = () => buildDataMap([{ file: FIXTURE, fields: ReviewFile.load(FIXTURE).fields() }], { systems: loadSystemsManifest(SYSTEMS) });

/** A small RFC 4180 reader, to check the CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180, CRLF) and keeps unicode', () => {
    const csv = toCsv(tricky().rows);
    expect(csv.startsWith(UTF8_BOM)).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(DATA_MAP_COLUMNS.map((c) => c.key));
    expect(rows.every((r) => r.length === DATA_MAP_COLUMNS.length)).toBe(true);
    const fields = rows.slice(1).map((r) => r[2]);
    expect(fields).toEqual([SCRIPT, "'=HYPERLINK(1)", 'geburtsdatum_ü名前😀', 'line\nbreak', 'say "hi"']);
    expect(rows[1][1]).toBe('kunden, alt');
    expect(csv).toContain('"kunden, alt","say ""hi""",user.contact.email,User Contact Email,user.contact,Contact Data,proposed,0.9,not reviewed,');
    expect(csv).toContain('"line\nbreak"');
  });

  it('writes a byte order mark when asked', () => {
    expect(toCsv(tricky().rows, { bom: true }).startsWith(`${UTF8_BOM}dataset,table,field,`)).toBe(true);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+49 30')).toBe("'+49 30");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-x,y')).toBe(`"'-x,y"`);
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField('plain')).toBe('plain');
  });

  it('joins system, data uses and subjects by name', () => {
    const rows = parseCsv(toCsv(cookie().rows));
    const header = rows[0];
    const email = rows.find((r) => r[2] === 'email')!;
    const at = (key: string) => email[header.indexOf(key)];
    expect(at('system')).toBe('Cookie House PostgreSQL Database');
    expect(at('system_key')).toBe('cookie_house_postgresql_database');
    expect(at('data_uses')).toBe('Essential for Service');
    expect(at('data_subjects')).toBe('Customer');
    expect(at('declared_by_system')).toBe('yes');
    expect(at('reviewer_decision')).toBe('accepted on 2026-05-01');
  });
});

describe('JSON', () => {
  it('has the rows with structured values, the summary and the warnings', () => {
    const doc = JSON.parse(toJson(cookie(), NOW));
    expect(doc.generated_at).toBe('2026-05-04T12:00:00.000Z');
    expect(doc.systems_file).toBe(SYSTEMS);
    expect(doc.columns.map((c: { key: string }) => c.key)).toEqual(DATA_MAP_COLUMNS.map((c) => c.key));
    expect(doc.rows).toHaveLength(10);
    expect(doc.rows.find((r: { field: string }) => r.field === 'email')).toMatchObject({
      data_category: 'user.contact.email',
      personal_data: true,
      system: { key: 'cookie_house_postgresql_database', name: 'Cookie House PostgreSQL Database' },
      data_uses: [{ key: 'essential.service', name: 'Essential for Service' }],
      declared_by_system: true,
    });
    expect(doc.summary.personalFields).toBe(9);
    expect(doc.warnings).toHaveLength(4);
  });
});

describe('XLSX', () => {
  it('has a styled Data map sheet and a Summary sheet with the counts', async () => {
    const map = cookie();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(map, NOW));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([DATA_MAP_SHEET, SUMMARY_SHEET]);

    const sheet = workbook.getWorksheet(DATA_MAP_SHEET)!;
    expect(sheet.rowCount).toBe(1 + map.rows.length);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(DATA_MAP_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBe(36);
    const email = sheet.getRows(2, map.rows.length)!.find((r) => r.getCell(3).value === 'email')!;
    expect(email.getCell(4).value).toBe('user.contact.email');
    expect(email.getCell(9).value).toBe(0.97); // confidence stays a number
    expect(email.getCell(13).value).toBe('Cookie House PostgreSQL Database');

    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    const cells: unknown[][] = [];
    summary.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    const after = (title: string, n: number) => {
      const i = cells.findIndex((r) => r[0] === title);
      expect(i).toBeGreaterThan(-1);
      return cells.slice(i + 2, i + 2 + n);
    };
    expect(after('Totals', 1)).toEqual([['Fields with personal data', 9]]);
    expect(after('Fields per data category', 2)).toEqual([
      ['User Contact Email', 'user.contact.email', 'user.contact', 2],
      ['Observed Behavior', 'user.behavior', 'user.behavior', 1],
    ]);
    expect(after('Fields per dataset', 2)).toEqual([
      ['analytics_db', 1, 1, 1, 0],
      ['postgres_example_test_dataset', 4, 8, 8, 5],
    ]);
    expect(after('Fields per status', 4)).toEqual([
      ['proposed', 4],
      ['accepted', 2],
      ['edited', 2],
      ['ignored', 1],
    ]);
    expect(after('Categories found but not declared by the system', 1)[0]).toEqual(['Cookie House PostgreSQL Database', 'postgres_example_test_dataset', 'user.behavior', 1]);
    expect(after('Warnings', 4).flat()).toEqual(map.warnings);
  });

  it('writes names as text, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(tricky(), NOW));
    const values = workbook.getWorksheet(DATA_MAP_SHEET)!.getColumn(3).values.slice(2);
    expect(values).toContain('=HYPERLINK(1)');
    expect(values).toContain('geburtsdatum_ü名前😀');
  });
});

describe('HTML', () => {
  const html = toHtml(tricky(), NOW);

  it('is one self-contained file: no scripts, links, images or URLs', () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/^<!doctype html>/);
  });

  it('escapes every name from the files', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('say &quot;hi&quot;');
    expect(html).toContain('tricky &amp; &lt;b&gt;.yml');
    expect(html).toContain('geburtsdatum_ü名前😀');
  });

  it('draws the stacked bar chart of category groups per dataset as inline SVG', () => {
    const map = cookie();
    const page = toHtml(map, NOW);
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(page)![0];
    // analytics_db: 1 group; postgres_example_test_dataset: contact, unique_id, name, behavior, financial.
    expect(svg.match(/<rect /g)).toHaveLength(6);
    expect(svg).toContain('postgres_example_test_dataset · Contact Data (user.contact): 4 fields');
    expect(page).toContain('Cookie House PostgreSQL Database');
    expect(page).toContain('Essential for Service');
    expect(page).toContain('not declared');
    expect(page).toContain('Generated</dt><dd>2026-05-04 12:00 UTC');
    expect(page).toContain('User Contact Email</td><td><code class="key">user.<wbr>contact.<wbr>email</code></td><td class="num">2</td>');
  });

  it('picks round axis steps', () => {
    expect([1, 6, 7, 13, 30, 100, 1234].map(niceStep)).toEqual([1, 1, 2, 5, 5, 20, 500]);
  });
});

/** Re-scans recurse into the fields inside JSON columns (issue 15, JSON and free text). */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ReviewFile } from '../../src/review/review-file.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { scanFile, scanYaml, type SimpleColumn, type SimpleTable } from '../helpers/review-scan.js';

const events = (payload: Omit<SimpleColumn, 'name'>): SimpleTable[] => [{ name: 'events', columns: [{ name: 'id', pk: true, type: 'integer' }, { name: 'payload', ...payload }] }];

// First scan: the model called the payload operations; nothing inside looked personal.
const V1 = events({
  type: 'json',
  nested: [
    { path: 'actor', type: 'json' },
    { path: 'actor.email', confidence: 0.6 },
    { path: 'remote_ip', confidence: 0.5 },
    { path: 'ref' },
  ],
});
// Second scan: emails and IPs found inside; a new key; `ref` absent from this sample.
const V2 = events({
  type: 'json',
  categories: ['user.contact.email', 'user.device.ip_address'],
  confidence: 0.9,
  nested: [
    { path: 'actor', type: 'json', categories: ['user.contact.email'], confidence: 0.97 },
    { path: 'actor.email', categories: ['user.contact.email'], confidence: 0.97 },
    { path: 'actor.phone', categories: ['user.contact.phone_number'], confidence: 0.85 },
    { path: 'remote_ip', categories: ['user.device.ip_address'], confidence: 0.9 },
  ],
});

const byField = (file: ReviewFile) => new Map(file.fields().map((f) => [`${f.address.collection}.${f.address.field}`, f]));

describe('mergeScan with nested fields', () => {
  it('updates nested proposals, adds new nested fields and keeps a human decision on a nested field', () => {
    const file = ReviewFile.parse(scanYaml(V1), 'events.yml');
    // A person decided that the IP inside is not personal here (a proxy's address).
    file.set(file.find('events.payload.remote_ip'), ['system.operations']);
    const summary = file.mergeScan(scanFile(V2));
    const f = byField(file);

    expect(f.get('events.payload')).toMatchObject({ status: 'proposed', categories: ['user.contact.email', 'user.device.ip_address'] });
    expect(f.get('events.payload.actor')?.categories).toEqual(['user.contact.email']);
    expect(f.get('events.payload.actor.email')).toMatchObject({ status: 'proposed', categories: ['user.contact.email'], confidence: 0.97 });
    expect(f.get('events.payload.actor.phone')).toMatchObject({ status: 'proposed', categories: ['user.contact.phone_number'] });
    expect(f.get('events.payload.remote_ip')).toMatchObject({ status: 'edited', categories: ['system.operations'] });
    expect(f.get('events.payload.remote_ip')?.machineProposal).toEqual({ categories: ['user.device.ip_address'], confidence: 0.9 });
    // A key the sampled documents no longer hold is marked removed, like a column; nothing else is.
    expect(f.get('events.payload.ref')).toMatchObject({ status: 'proposed', categories: ['system.operations'], isRemoved: true });
    expect([...f.values()].filter((x) => x.isRemoved).map((x) => x.address.field)).toEqual(['payload.ref']);
    expect(summary.removedFields).toEqual([{ dataset: 'shop_public', collection: 'events', field: 'payload.ref' }]);

    expect(summary.newFields).toEqual([{ dataset: 'shop_public', collection: 'events', field: 'payload.actor.phone' }]);
    expect(summary.changedProposals.map((c) => c.address.field).sort()).toEqual(['payload', 'payload.actor', 'payload.actor.email']);
    expect(summary.proposalsBesideDecisions.map((c) => c.address.field)).toEqual(['payload.remote_ip']);
    expect(summary.decisionsKept).toBe(1);
    expect(validateFidesDatasetFile(YAML.parse(file.toString()))).toEqual([]);

    // The marker of the new nested field lasts one scan; the decision survives the next one too.
    file.mergeScan(scanFile(V2));
    expect(byField(file).get('events.payload.actor.phone')?.isNew).toBeFalsy();
    expect(byField(file).get('events.payload.remote_ip')).toMatchObject({ status: 'edited', categories: ['system.operations'] });
  });

  it('gives a text column that now holds JSON its nested fields, and drops a data_type fideslang would refuse', () => {
    const plain = events({ type: 'string' });
    const file = ReviewFile.parse(scanYaml(plain), 'events.yml');
    file.accept(file.find('events.payload')); // decided as a plain text column
    file.mergeScan(scanFile(events({ type: 'string', nested: [{ path: 'email', categories: ['user.contact.email'], confidence: 0.95 }] })));
    const f = byField(file);
    expect(f.get('events.payload')?.status).toBe('accepted');
    expect(f.get('events.payload.email')?.categories).toEqual(['user.contact.email']);
    expect(file.toString()).not.toMatch(/name: payload\n(?:.*\n)*?\s+data_type: string\n\s+fields:/);
    expect(validateFidesDatasetFile(YAML.parse(file.toString()))).toEqual([]);
  });

  it('marks a vanished key removed and keeps the decision on it until a person confirms; a key that comes back loses the marker', () => {
    const file = ReviewFile.parse(scanYaml(V1), 'events.yml');
    file.set(file.find('events.payload.remote_ip'), ['system.operations']);
    file.accept(file.find('events.payload.actor.email'));
    // The payload no longer carries remote_ip nor the actor's email (the actor stays, with a new key).
    const V3 = events({ type: 'json', nested: [{ path: 'actor', type: 'json' }, { path: 'actor.login' }, { path: 'ref' }] });
    const summary = file.mergeScan(scanFile(V3));
    let f = byField(file);
    expect(f.get('events.payload.remote_ip')).toMatchObject({ status: 'edited', categories: ['system.operations'], isRemoved: true });
    expect(f.get('events.payload.actor.email')).toMatchObject({ status: 'accepted', categories: ['system.operations'], isRemoved: true });
    expect(f.get('events.payload.actor')?.isRemoved).toBe(false);
    expect(f.get('events.payload.ref')?.isRemoved).toBe(false);
    expect(summary.removedFields.map((r) => r.field).sort()).toEqual(['payload.actor.email', 'payload.remote_ip']);
    expect(summary.decisionsKept).toBe(2);
    expect(validateFidesDatasetFile(YAML.parse(file.toString()))).toEqual([]);

    // The reviewer confirms one removal; the other key comes back in the next sample.
    file.remove(file.find('events.payload.actor.email'));
    file.mergeScan(scanFile(events({ type: 'json', nested: [{ path: 'actor', type: 'json' }, { path: 'actor.login' }, { path: 'ref' }, { path: 'remote_ip', categories: ['user.device.ip_address'], confidence: 0.9 }] })));
    f = byField(file);
    expect(f.has('events.payload.actor.email')).toBe(false);
    expect(f.get('events.payload.remote_ip')).toMatchObject({ status: 'edited', categories: ['system.operations'], isRemoved: false });
  });

  it('keeps nested fields valid when a later sample finds no keys in the column (found by the property test)', () => {
    const file = ReviewFile.parse(scanYaml(events({ type: 'string', nested: [{ path: 'email', categories: ['user.contact.email'], confidence: 0.95 }] })), 'events.yml');
    file.mergeScan(scanFile(events({ type: 'string' })));
    // No keys sampled at all: nothing is known to be gone.
    expect(byField(file).get('events.payload.email')).toMatchObject({ categories: ['user.contact.email'], isRemoved: false });
    expect(validateFidesDatasetFile(YAML.parse(file.toString()))).toEqual([]);
  });
});

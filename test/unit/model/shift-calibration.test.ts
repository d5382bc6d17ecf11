/** The leave-kind-out folds of the shifted calibration (training/shift-calibration.ts). */
import { describe, expect, it } from 'vitest';
import { PERSONAL_KINDS } from '../../../training/kinds-personal.js';
import { OPERATION_KINDS } from '../../../training/kinds-operations.js';
import { heldOutKinds, SHIFT_FOLDS } from '../../../training/shift-calibration.js';

describe('heldOutKinds', () => {
  it('holds every kind out of exactly one fold, and a third of each group out of each fold', () => {
    const all = [...PERSONAL_KINDS, ...OPERATION_KINDS].map((k) => k.id);
    const counted = new Map<string, number>();
    for (let fold = 0; fold < SHIFT_FOLDS; fold++) {
      const held = heldOutKinds(fold);
      for (const id of held) counted.set(id, (counted.get(id) ?? 0) + 1);
      const personal = PERSONAL_KINDS.filter((k) => held.has(k.id)).length;
      expect(Math.abs(personal - PERSONAL_KINDS.length / SHIFT_FOLDS)).toBeLessThan(1);
      const operations = OPERATION_KINDS.filter((k) => held.has(k.id)).length;
      expect(Math.abs(operations - OPERATION_KINDS.length / SHIFT_FOLDS)).toBeLessThan(1);
    }
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(counted.get(id)).toBe(1);
  });

  it('leaves every fold model some not-personal kinds to learn that label from', () => {
    for (let fold = 0; fold < SHIFT_FOLDS; fold++) {
      const held = heldOutKinds(fold);
      expect(OPERATION_KINDS.some((k) => !held.has(k.id))).toBe(true);
    }
  });
});

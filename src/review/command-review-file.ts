/**
 * The file `review --accept/--set/--ignore/--accept-above` edits from the command line, without a
 * YAML Document of the whole of it: the fields (for references, --accept-above and listings) are read
 * line by line (read-fields.ts), and the actions go through the per-collection splice the review page
 * uses (review-splice.ts): only the collections an action touches are parsed and written back, every
 * other byte stays as it was. Files not in the writer's layout go through the whole Document there.
 * `--remove` deletes a field in its collection the same way (a table left empty goes through the
 * whole Document, which deletes the comments above it with it).
 */
import { UserError } from '../core/errors.js';
import { readReviewFields } from './read-fields.js';
import { addressKey, findFieldRef, formatAddress, type FieldAddress, type FieldState, type ReviewField, type ReviewFileOptions } from './review-file.js';
import { loadForReview, type ReviewEditor } from './review-splice.js';

/** What `review` with actions needs of its file (ReviewFile gives the same). */
export interface CommandReviewEditor {
  readonly version: string;
  /** Every field as it is now (with the actions applied so far). */
  fields(): ReviewField[];
  find(ref: string): FieldAddress;
  refOf(a: FieldAddress): string;
  checkCategories(categories: readonly string[]): string[];
  accept(a: FieldAddress): FieldState;
  set(a: FieldAddress, categories: string[]): FieldState;
  ignore(a: FieldAddress): FieldState;
  remove(a: FieldAddress): void;
  save(): string;
}

export class CommandReviewFile implements CommandReviewEditor {
  readonly #path: string;
  readonly #editor: ReviewEditor;
  readonly #fields: ReviewField[];
  readonly #prefixes: readonly (readonly string[])[];
  /** Position of each field in #fields, by addressKey. */
  readonly #position = new Map<string, number>();
  /** Fields deleted by --remove (kept in #fields for refOf), by addressKey. */
  readonly #removed = new Set<string>();

  private constructor(path: string, editor: ReviewEditor, read: ReturnType<typeof readReviewFields>) {
    this.#path = path;
    this.#editor = editor;
    this.#fields = read.fields;
    this.#prefixes = read.prefixes;
    read.fields.forEach((f, i) => this.#position.set(addressKey(f.address), i));
  }

  /** `details`: keep evidence and alternatives in `fields()` (the --json listing shows them). */
  static load(path: string, options: ReviewFileOptions & { details?: boolean } = {}): CommandReviewFile {
    const editor = loadForReview(path, options);
    const read = readReviewFields(path, { details: options.details ?? false, version: true });
    // Read twice (the text to edit, the fields line by line): both must be the same file.
    if (read.version !== editor.version) {
      throw new UserError(`${path} changed while it was being read`, { hint: 'run the command again' });
    }
    return new CommandReviewFile(path, editor, read);
  }

  get version(): string {
    return this.#editor.version;
  }

  fields(): ReviewField[] {
    return this.#removed.size === 0 ? [...this.#fields] : this.#fields.filter((f) => !this.#removed.has(addressKey(f.address)));
  }

  find(ref: string): FieldAddress {
    const entries = this.#fields.map((f, i) => ({ address: f.address, prefixes: this.#prefixes[i] }));
    return findFieldRef(ref, entries, (a) => this.refOf(a), this.#path);
  }

  refOf(a: FieldAddress): string {
    const at = this.#position.get(addressKey(a));
    return at === undefined ? formatAddress(a) : this.#fields[at].ref;
  }

  checkCategories(categories: readonly string[]): string[] {
    return this.#editor.checkCategories(categories);
  }

  accept(a: FieldAddress): FieldState {
    return this.#changed(a, this.#editor.accept(a));
  }

  set(a: FieldAddress, categories: string[]): FieldState {
    return this.#changed(a, this.#editor.set(a, categories));
  }

  ignore(a: FieldAddress): FieldState {
    return this.#changed(a, this.#editor.ignore(a));
  }

  remove(a: FieldAddress): void {
    this.#editor.remove(a);
    this.#removed.add(addressKey(a));
  }

  save(): string {
    return this.#editor.save();
  }

  /** Reads the changed field back from its collection, so listings show it as the file now holds it. */
  #changed(a: FieldAddress, previous: FieldState): FieldState {
    const at = this.#position.get(addressKey(a));
    if (at !== undefined) this.#fields[at] = this.#editor.field(a);
    return previous;
  }
}

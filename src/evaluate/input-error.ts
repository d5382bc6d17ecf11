/** A scan or truth file that cannot be read as one: the CLI exits 1 with this message. */
import { ExitCode, UserError } from '../core/errors.js';

export class EvaluationInputError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: ExitCode.failed });
    this.name = 'EvaluationInputError';
  }
}

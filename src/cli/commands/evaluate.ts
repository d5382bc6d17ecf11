/** `piiscout evaluate`: score a scan file against labelled truth and print the report. */
import fs from 'node:fs';
import { ExitCode } from '../../core/errors.js';
import { evaluate, EvaluationInputError, formatReport, type Predictor } from '../../evaluate/index.js';

export interface EvaluateCommandOptions {
  truth: string;
  baseline?: Predictor;
  schema?: string;
  json: boolean;
  top: number;
}

export async function evaluateCommand(scanFile: string, options: EvaluateCommandOptions): Promise<number> {
  const report = evaluate({
    scanText: readInput(scanFile, 'scan file'),
    truthText: readInput(options.truth, 'truth file'),
    predictor: options.baseline ?? 'piiscout',
    schema: options.schema,
  });
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, { topConfusions: options.top }));
  return ExitCode.ok;
}

function readInput(file: string, role: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new EvaluationInputError(`cannot read ${role} ${file}: ${why}`);
  }
}

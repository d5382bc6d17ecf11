// Rewraps the lines ESLint finds over the line limit with Prettier, one statement at a time (Prettier's
// range formatting), so that the rest of each file keeps its hand-made layout.
//   npm run format:long-lines        (then `npm run lint` reports what a human must still wrap: comments)
import fs from 'node:fs';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';

const PRETTIER = { printWidth: 120, singleQuote: true, trailingComma: 'all' };

const eslint = new ESLint();
const results = await eslint.lintFiles(['.']);
let wrapped = 0;
for (const result of results) {
  const lines = result.messages.filter((m) => m.ruleId === '@stylistic/max-len').map((m) => m.line);
  if (lines.length === 0) continue;
  let text = fs.readFileSync(result.filePath, 'utf8');
  // Bottom-up: formatting a statement moves only the offsets after it.
  for (const line of [...new Set(lines)].sort((a, b) => b - a)) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const range = { rangeStart: starts[line - 1], rangeEnd: (starts[line] ?? text.length + 1) - 1 };
    try {
      text = await prettier.format(text, { ...PRETTIER, ...range, filepath: result.filePath });
      wrapped++;
    } catch (error) {
      console.error(`${result.filePath}:${line}: ${String(error.message).split('\n')[0]}`);
    }
  }
  fs.writeFileSync(result.filePath, text);
}
console.log(`rewrapped ${wrapped} long line(s)`);

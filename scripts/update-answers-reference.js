// Regenerates the answers file reference in docs/answers.md from the schema (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceAnswersReference } from '../dist/schema/answers-reference-markdown.js';

const reference = new URL('../docs/answers.md', import.meta.url);
const before = readFileSync(reference, 'utf8');
const after = replaceAnswersReference(before);
if (after === before) {
  console.log('docs/answers.md: answers reference already up to date');
} else {
  writeFileSync(reference, after);
  console.log('docs/answers.md: answers reference updated');
}

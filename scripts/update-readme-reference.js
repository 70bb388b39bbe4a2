// Regenerates the "Answers file reference" section of README.md from the schema (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceAnswersReference } from '../dist/schema/answers-reference-markdown.js';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = replaceAnswersReference(before);
if (after === before) {
  console.log('README.md: answers reference already up to date');
} else {
  writeFileSync(readme, after);
  console.log('README.md: answers reference updated');
}

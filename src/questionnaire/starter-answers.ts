import type { AnswersDraft } from './answers-draft.js';

/**
 * Placeholders for the required answers a schema cannot invent, so the file `init` writes is valid as
 * written and `validate` passes before the consultant has typed anything.
 */
export const STARTER_ANSWERS: AnswersDraft = { engagement: { client: 'Client name' } };

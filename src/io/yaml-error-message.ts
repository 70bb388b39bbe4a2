import type { YAMLError } from 'yaml';

const INDENTATION =
  '(expected the keys of one mapping at the same column, each `key: value` on its own line)';

/** Rewordings of yaml's messages where the original names an API or leaves the fix implicit. */
const REWORDED: Partial<Record<YAMLError['code'], (message: string, kind: string) => string>> = {
  // yaml's flow-collection variant already says what to fix ("… end with a ]").
  BAD_INDENT: (m) => (m.startsWith('flow') ? m : `${m} ${INDENTATION}`),
  BLOCK_AS_IMPLICIT_KEY: (m) => `${m} ${INDENTATION}`,
  MULTILINE_IMPLICIT_KEY: (m) => `${m} ${INDENTATION}`,
  MISSING_CHAR: (m) => {
    const quote = /closing (["'])quote/.exec(m)?.[1];
    return quote === undefined ? m : `quoted text never closed (expected a closing ${quote})`;
  },
  TAB_AS_INDENT: () => 'tabs are not allowed as indentation (expected spaces)',
  TAG_RESOLVE_FAILED: (m) =>
    `unsupported tag ${m.replace(/^unresolved tag:\s*/i, '')} (expected plain values)`,
  MULTIPLE_DOCS: (_, kind) => `more than one YAML document (expected one ${kind} document per file)`,
  KEY_OVER_1024_CHARS: (_, kind) => `key longer than 1024 characters (expected a key of the ${kind} file)`,
};

/**
 * One line for a yaml parse error or warning, without yaml's own position suffix; `kind` names the file
 * (`answers`, `brand`) where the message says what was expected.
 */
export function yamlErrorMessage(error: YAMLError, kind: string): string {
  const reword = REWORDED[error.code];
  if (reword !== undefined) return `invalid YAML: ${reword(lowerFirst(error.message), kind)}`;
  return `invalid YAML: ${lowerFirst(error.message)}`;
}

function lowerFirst(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

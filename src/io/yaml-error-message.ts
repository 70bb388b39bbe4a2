import type { YAMLError } from 'yaml';

const INDENTATION =
  '(expected the keys of one mapping at the same column, each `key: value` on its own line)';

/** Rewordings of yaml's messages where the original names an API or leaves the fix implicit. */
const REWORDED: Partial<Record<YAMLError['code'], (message: string) => string>> = {
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
  MULTIPLE_DOCS: () => 'more than one YAML document (expected one answers document per file)',
  KEY_OVER_1024_CHARS: () => 'key longer than 1024 characters (expected a key of the answers file)',
};

/** One line for a yaml parse error or warning, without yaml's own position suffix. */
export function yamlErrorMessage(error: YAMLError): string {
  const reword = REWORDED[error.code];
  if (reword !== undefined) return `invalid YAML: ${reword(lowerFirst(error.message))}`;
  return `invalid YAML: ${lowerFirst(error.message)}`;
}

function lowerFirst(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

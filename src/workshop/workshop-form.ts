import { answersSchemaNode, keyNode, keyPath } from '../questionnaire/answer-keys.js';
import { IMPORTANCE_MEANING, isNumeric, isRequired, resolveText } from '../questionnaire/question-help.js';
import { type AskContext, QUESTIONNAIRE, type Question } from '../questionnaire/questionnaire.js';
import { IMPORTANCE_LEVELS } from '../schema/answers.js';
import type { JsonSchemaNode } from '../schema/json-schema-node.js';
import {
  type FieldChoice,
  type FieldKind,
  type FormField,
  GROUPS,
  STAKEHOLDERS,
  type WorkshopForm,
} from './workshop-protocol.js';

/**
 * The page's form: every section and question of the shared questionnaire, in its order, each answered the
 * way its schema allows. The wording here is the question as it reads before anything is answered (`blank`: the
 * context of an empty draft); the live view words it for the answers given.
 */
export function workshopForm(blank: AskContext): WorkshopForm {
  const priorities = answersSchemaNode().properties?.priorities?.properties?.cost;
  return {
    sections: [
      ...QUESTIONNAIRE.map((section) => ({
        key: section.key,
        title: section.title,
        description: answersSchemaNode().properties?.[section.key]?.description ?? '',
        ...(section.gate === undefined ? {} : { gate: section.gate }),
        fields: [
          ...(section.key === 'cluster' ? [groupsField()] : []),
          ...section.questions.map((q) => formField(q, blank)),
        ],
      })),
      {
        key: STAKEHOLDERS,
        title: 'Stakeholders',
        description: answersSchemaNode().properties?.stakeholders?.description ?? '',
        fields: [
          {
            name: STAKEHOLDERS,
            kind: 'stakeholders',
            label: 'Stakeholders and their priorities',
            required: false,
            ...(priorities?.minimum === undefined ? {} : { min: priorities.minimum }),
            ...(priorities?.maximum === undefined ? {} : { max: priorities.maximum }),
          },
        ],
      },
    ],
  };
}

function formField(question: Question, blank: AskContext): FormField {
  const node = keyNode(question);
  const kind = fieldKind(question, node);
  const label = resolveText(question.message, blank);
  const choices = fieldChoices(question, node, kind);
  return {
    name: keyPath(question),
    kind,
    label,
    required: isRequired(question),
    ...(choices === undefined ? {} : { choices }),
    ...(node.minimum === undefined ? {} : { min: node.minimum }),
    ...(node.maximum === undefined ? {} : { max: node.maximum }),
    ...(node.type === 'integer' ? { integer: true } : {}),
  };
}

/**
 * The estate's groups: each group's platform, clouds, CNI and kube-proxy mode take the values (and names) the
 * estate-wide questions offer for them, so a group reads as the rest of the form.
 */
function groupsField(): FormField {
  const node = answersSchemaNode().properties?.cluster?.properties?.groups;
  const cluster = QUESTIONNAIRE.find((s) => s.key === 'cluster')?.questions ?? [];
  const choicesOf = (key: string): readonly FieldChoice[] => {
    const question = cluster.find((q) => q.key === key);
    if (question === undefined) return [];
    const keyed = keyNode(question);
    return fieldChoices(question, keyed, fieldKind(question, keyed)) ?? [];
  };
  return {
    name: GROUPS,
    kind: 'groups',
    label: 'Groups of the estate, each run alike',
    required: false,
    ...(node?.maxItems === undefined ? {} : { max: node.maxItems }),
    columns: {
      platform: choicesOf('platforms'),
      clouds: choicesOf('clouds'),
      currentCni: choicesOf('currentCni'),
      kubeProxyMode: choicesOf('kubeProxyMode'),
    },
  };
}

/** The kind of input a key takes; anything the page has no input for is edited as YAML. */
export function fieldKind(question: Question, node: JsonSchemaNode): FieldKind {
  if (question.section === 'needs') return 'need';
  if (node.enum !== undefined) return 'select';
  if (node.type === 'array' && node.items?.enum !== undefined) return 'multi';
  if (node.type === 'boolean') return 'boolean';
  if (isNumeric(node)) return question.scale === true ? 'scale' : 'number';
  if (node.type === 'string') return 'text';
  return 'structured';
}

function fieldChoices(question: Question, node: JsonSchemaNode, kind: FieldKind): FieldChoice[] | undefined {
  const label = (value: unknown) => question.labels?.[String(value)] ?? String(value);
  if (kind === 'need') {
    return IMPORTANCE_LEVELS.map((level) => ({
      value: level,
      label: level,
      description: IMPORTANCE_MEANING[level],
    }));
  }
  const values = kind === 'select' ? node.enum : kind === 'multi' ? node.items?.enum : undefined;
  return values?.map((value) => ({ value: String(value), label: label(value) }));
}

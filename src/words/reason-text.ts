import type { ReasonFact } from '../result/explanation-schemas.js';
import { formatNumber, joinAnd, lowerFirst } from '../shared/format.js';
import { LEVEL_WORDS, levelAgainst } from './level-words.js';
import { capabilityName, fullName, horizon, type Lexicon, money, shortName } from './lexicon.js';
import { riskText } from './risk-text.js';

/** A sentence continued after a colon: lower case, unless it opens with a product's name ("Cilium OSS's egress …"). */
function continued(text: string, lex: Lexicon): string {
  const first = text.split(/[\s’']/)[0] ?? '';
  const proper = Object.values(lex.options).some((o) =>
    [o.name, o.short].some((n) => n.split(' ')[0] === first),
  );
  return proper ? text : lowerFirst(text);
}

/** A reason for or against an option in the client's words. */
export function reasonText(reason: ReasonFact, lex: Lexicon): string {
  const name = (id: string) => shortName(lex, id);
  const capability = (id: string) => lowerFirst(capabilityName(lex, id));
  switch (reason.kind) {
    case 'stays': {
      const { challenger, lead, hurdle } = reason.params;
      return `Staying on what runs today is recommended: ${fullName(lex, challenger)} scores ${formatNumber(lead, 3)} points higher at the likely figures, less than the ${formatNumber(hurdle, 3)} points a change of data plane is asked to lead staying by beyond its counted cost and risk.`;
    }
    case 'cheaper': {
      const { option, total, median, rivals } = reason.params;
      const parts = rivals.map(
        (r) => `${money(lex, r.total - total)} less than ${name(r.option)} (${money(lex, r.total)})`,
      );
      return `${name(option)} costs ${median ? 'a median ' : ''}${money(lex, total)} over ${horizon(lex)}${median ? '' : ' at the likely figures'}, ${joinAnd(parts)}.`;
    }
    case 'meets-more': {
      const { option, rival, rivalMissesMust, gains } = reason.params;
      const list = gains.map(
        (g) =>
          `${capability(g.capability)} (a ${g.importance}: ${levelAgainst(name(option), g.level, name(rival), g.rivalLevel)})`,
      );
      // "More of what the client needs" only where the rival leaves a must unmet; else it does the same needs better.
      const claim = rivalMissesMust
        ? 'meets more of what the client needs than'
        : 'serves these needs better than';
      return `${name(option)} ${claim} ${name(rival)}: ${list.join('; ')}.`;
    }
    case 'avoids-risk': {
      const { option, carriers, risk } = reason.params;
      const verb = carriers.length === 1 ? 'carries' : 'carry';
      return `${joinAnd(carriers.map(name))} ${verb} a risk ${name(option)} avoids: ${continued(riskText(risk), lex)}`;
    }
    case 'ruled-out': {
      const { option, capability: id, level, groups } = reason.params;
      const how = level === 'partial' ? 'meets only in part' : 'cannot provide';
      const where = groups === undefined ? '' : ` on ${joinAnd(groups)}`;
      return `${name(option)} ${how} ${capability(id)}${where}, a must: ${lex.capabilities[id]?.reason ?? ''}`.trim();
    }
    case 'meets-all-musts': {
      const { option, musts, among } = reason.params;
      const shown = joinAnd(among.map((m) => `${capability(m.capability)} (${LEVEL_WORDS[m.level].alone})`));
      if (musts === 1) return `${name(option)} meets the client’s one must beyond pod networking, ${shown}.`;
      const all = musts === 2 ? 'both' : `all ${musts}`;
      const list = among.length === musts ? `: ${shown}` : `, among them ${shown}`;
      return `${name(option)} meets ${all} of the client’s musts beyond pod networking${list}.`;
    }
    case 'simpler': {
      const { option, components, newComponents, rivals } = reason.params;
      const count = (n: number, fresh: number) =>
        `${n} components per cluster (${fresh === 0 ? 'none' : fresh} new to the team)`;
      const against = rivals.map((r) => `${count(r.components, r.newComponents)} for ${name(r.option)}`);
      return `${name(option)} runs ${count(components, newComponents)}, against ${joinAnd(against)}.`;
    }
    case 'excluded':
      return `${name(reason.params.option)} cannot run on ${reason.params.platform}: ${reason.params.note}`;
    case 'top-risk':
      return `Risk: ${riskText(reason.params.risk)}`;
  }
}

/** A reason with its sentence, in the order result.json writes its fields. */
export function describeReason<R extends ReasonFact>(reason: R, lex: Lexicon): R & { readonly text: string } {
  const { basis, kind, params } = reason;
  return { text: reasonText(reason, lex), basis, kind, params } as unknown as R & { readonly text: string };
}

/** An entity's (or a post's) roles, affiliations and meetings as the API answers them, built the same way from either store's edges. */
import type { Attributes } from 'graphology-types';
import type {
  AffiliationView,
  EntityRelations,
  MeetingView,
  NodeRef,
  RoleView,
  StatementView,
  StoredRelationEdge,
} from '../model';
import { compare } from './search';
import { relationEdgeId } from '../model';

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function statementsOf(a: Attributes, withTitles: boolean): StatementView[] {
  const cables = list<string>(a.cables);
  const dates = list<string>(a.dates);
  const paragraphs = list<number>(a.paragraphs);
  const evidence = list<string>(a.evidence);
  const starts = list<number>(a.starts);
  const ends = list<number>(a.ends);
  const titles = list<string>(a.titleTexts);
  return cables.map((cable, i) => {
    const s = { cable: String(cable) } as StatementView;
    const date = optionalText(dates[i]);
    if (date) s.date = date;
    Object.assign(s, {
      paragraph: Number(paragraphs[i] ?? 0),
      evidence: String(evidence[i] ?? ''),
      start: Number(starts[i] ?? 0),
      end: Number(ends[i] ?? 0),
    });
    if (withTitles && titles[i] !== undefined) s.titleText = String(titles[i]);
    return s;
  });
}

/** A (:Statement) node's properties (statementProperties) as the statement the API shows: the fields in statementsOf's order. */
export function storedStatement(props: Attributes, withTitles: boolean): StatementView {
  const s = { cable: String(props.cable) } as StatementView;
  const date = optionalText(props.date);
  if (date) s.date = date;
  Object.assign(s, {
    paragraph: Number(props.paragraph ?? 0),
    evidence: String(props.evidence ?? ''),
    start: Number(props.start ?? 0),
    end: Number(props.end ?? 0),
  });
  if (withTitles && props.titleText !== undefined) s.titleText = String(props.titleText);
  return s;
}

/** cableCount, statementCount (all the edge's statements, of which a capped edge lists some), evidenceTruncated, statements. */
function counted(
  a: Attributes,
  statements: StatementView[],
): Pick<RoleView, 'cableCount' | 'statementCount' | 'evidenceTruncated' | 'statements'> {
  return {
    cableCount: Number(a.cableCount ?? 0),
    statementCount: typeof a.statementCount === 'number' ? a.statementCount : statements.length,
    ...(a.evidenceTruncated === true ? { evidenceTruncated: true } : {}),
    statements,
  };
}

function span(target: { firstDate?: string; lastDate?: string }, a: Attributes): void {
  const first = optionalText(a.firstDate);
  const last = optionalText(a.lastDate);
  if (first) target.firstDate = first;
  if (last) target.lastDate = last;
}

const byDates = (x: { firstDate?: string; id: string }, y: { firstDate?: string; id: string }): number =>
  compare(x.firstDate ?? '\uffff', y.firstDate ?? '\uffff') || compare(x.id, y.id);

/** The views of a node's relation edges, in a fixed order (roles and affiliations by first date, meetings by date, then id). */
export function relationViews(
  edges: readonly StoredRelationEdge[],
  nodes: ReadonlyMap<string, NodeRef>,
): EntityRelations {
  const ref = (id: string): NodeRef => nodes.get(id) ?? { id, name: id, kind: 'Unknown' };
  const out: EntityRelations = { roles: [], affiliations: [], meetings: [] };
  for (const e of edges) {
    const a = e.attributes;
    if (e.type === 'HOLDS_ROLE') {
      const view = {
        id: relationEdgeId({ type: 'HOLDS_ROLE', person: e.source, owner: e.target, title: String(a.title) }),
        person: ref(e.source),
        owner: ref(e.target),
        title: String(a.title),
      } as RoleView;
      const organization = optionalText(a.organization);
      const unit = optionalText(a.unit);
      if (organization) view.organization = organization;
      if (unit) view.unit = unit;
      if (a.former === true) view.former = true;
      span(view, a);
      Object.assign(view, counted(a, statementsOf(a, true)));
      out.roles.push(view);
    } else if (e.type === 'AFFILIATED_WITH') {
      const view = {
        id: relationEdgeId({ type: 'AFFILIATED_WITH', person: e.source, owner: e.target }),
        person: ref(e.source),
        organization: ref(e.target),
      } as AffiliationView;
      span(view, a);
      Object.assign(view, counted(a, statementsOf(a, false)));
      out.affiliations.push(view);
    } else {
      const view: MeetingView = {
        id: `MET:${e.source}->${e.target}:${String(a.cable)}`,
        a: ref(e.source),
      } as MeetingView;
      const role = optionalText(a.role);
      if (role) view.role = role;
      Object.assign(view, { b: ref(e.target), cable: String(a.cable) });
      const date = optionalText(a.date);
      if (date) view.date = date;
      Object.assign(view, {
        dateSource: a.dateSource === 'text' ? 'text' : 'cable',
        form: String(a.form),
        paragraph: Number(a.paragraph ?? 0),
        evidence: typeof a.evidence === 'string' ? a.evidence : '',
        start: Number(a.start ?? 0),
        end: Number(a.end ?? 0),
      });
      out.meetings.push(view);
    }
  }
  out.roles.sort(byDates);
  out.affiliations.sort(byDates);
  out.meetings.sort((x, y) => compare(x.date ?? '\uffff', y.date ?? '\uffff') || compare(x.id, y.id));
  return out;
}

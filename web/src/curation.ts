// Entity curation from the viewer: the author's name, the decisions taken so far, one decision at a
// time (controls disabled while the server rebuilds the graph), and the toast with its Undo. What
// the decision changes on screen (the graph, the panels) is the host's part.
import { api } from './api';
import type { CurationState, Decision, DecisionRequest, DecisionSummary, Suggestion } from '../../src/model';
import { cleanName, h, plural } from './dom';
import { showError, toast } from './toast';

const AUTHOR_KEY = 'cablegraph.author';
/** Marks the controls a decision in progress disables (and those created meanwhile start disabled). */
const CONTROL = 'data-curation-control';
/** On the controls the decision disabled (not those disabled for their own reasons): enabled after. */
const PAUSED = 'data-curation-paused';

export interface CurationHost {
  /** Updates the graph and the panels after a decision (removed entities gone, the rest re-fetched). */
  applied(summary: DecisionSummary): Promise<void>;
  /** The label shown for an entity, when it is in the view. */
  label(id: string): string | undefined;
  /** What is on screen now: the returned function comes back to it (after an Undo from the toast). */
  bookmark(): () => void;
}

/** What a decision-taking control says while the server works: "Merging…". */
const BUSY_LABEL: Record<DecisionRequest['op'], string> = {
  merge: 'Merging',
  reject: 'Rejecting',
  rename: 'Renaming',
  retype: 'Changing the type',
  undo: 'Undoing',
  split: 'Splitting',
  alias: 'Adding the alias',
};

/** Words of an id (`p-ghazi-al-yawer-7babdf0f` → "Ghazi Al Yawer"): for entities no longer in the graph. */
export function nameFromId(id: string): string {
  const words = id
    .replace(/^[a-z]-/, '')
    .replace(/-[0-9a-f]{8}(-s\d+)?$/, '')
    .split('-')
    .filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || id;
}

export class Curation {
  enabled = false;
  file?: string;
  decisions: Decision[] = [];
  /** The pill over the graph while a decision is taken. */
  readonly status: HTMLElement;
  private busyWith?: string;
  /** Names as they were when the viewer last saw them (a merged-away entity keeps its name here). */
  private readonly names = new Map<string, string>();
  /** The entities' names when this viewer took a decision (by seq): a rename says what it renamed. */
  private readonly namesAt = new Map<number, Record<string, string>>();
  /** The toasts offering to undo a decision (by seq): gone once it is undone, whichever way. */
  private readonly undoToasts = new Map<number, () => void>();
  private readonly listeners = new Set<() => void>();
  private readonly statusText = h('span', {}, '');

  constructor(private readonly host: CurationHost) {
    this.status = h(
      'div',
      { class: 'curation-busy', 'data-testid': 'curation-busy', role: 'status', hidden: true },
      h('span', { class: 'spinner' }),
      this.statusText,
    );
  }

  /** Asks the server whether curation is on, and for the decisions so far. */
  async load(): Promise<CurationState> {
    const state = await api.curation();
    this.enabled = state.enabled;
    this.file = state.file;
    this.decisions = state.decisions;
    // The server's names for the ids decisions mention (recorded when decided): no id-derived guesses.
    for (const [id, name] of Object.entries(state.names ?? {})) this.remember(id, name);
    this.notify();
    return state;
  }

  author(): string {
    try {
      return window.localStorage.getItem(AUTHOR_KEY) ?? '';
    } catch {
      return '';
    }
  }

  setAuthor(name: string): void {
    try {
      if (name.trim()) window.localStorage.setItem(AUTHOR_KEY, name.trim());
      else window.localStorage.removeItem(AUTHOR_KEY);
    } catch {
      // Storage refused (private mode): the name lasts as long as the page.
    }
    this.notify();
  }

  busy(): boolean {
    return this.busyWith !== undefined;
  }

  /** Marks a control as one a decision in progress disables. */
  control<T extends HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(el: T): T {
    el.setAttribute(CONTROL, '');
    if (this.busy() && !el.disabled) {
      el.disabled = true;
      el.setAttribute(PAUSED, '');
    }
    return el;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  remember(id: string, name: string): void {
    this.names.set(id, cleanName(name));
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? this.host.label(id) ?? nameFromId(id);
  }

  suggestions(limit?: number): Promise<Suggestion[]> {
    return api.suggestions(limit);
  }

  /** Decision seq → the seq of the undo that took it back (undoing an undo brings a decision back). */
  undone(): Map<number, number> {
    const cancelled = new Map<number, number>();
    for (const d of [...this.decisions].reverse()) {
      if (cancelled.has(d.seq)) continue;
      if (d.op === 'undo' && d.decision !== undefined) cancelled.set(d.decision, d.seq);
    }
    return cancelled;
  }

  /** "Merged Ghazi al-Yawer into Jalal Talabani", "Rejected Neither Saddam" … */
  describe(d: Decision): string {
    const then = { ...(d.names ?? {}), ...(this.namesAt.get(d.seq) ?? {}) };
    const name = (id: string | undefined): string => (id ? `“${then[id] ?? this.nameOf(id)}”` : '?');
    switch (d.op) {
      case 'merge': {
        const others = (d.ids ?? []).filter((id) => id !== d.into).map(name);
        return `Merged ${others.join(', ')} into ${name(d.into)}${d.name ? ` as “${d.name}”` : ''}`;
      }
      case 'reject':
        return d.alias ? `Rejected “${d.alias}” as ${name(d.id)}` : `Rejected ${name(d.id)}`;
      case 'rename': {
        const before = then[d.id ?? ''] ?? nameFromId(d.id ?? '');
        return before === d.name ? `Renamed to “${d.name}”` : `Renamed “${before}” to “${d.name}”`;
      }
      case 'retype':
        return `Made ${name(d.id)} ${d.type === 'ORGANIZATION' ? 'an' : 'a'} ${(d.type ?? '').toLowerCase()}`;
      case 'split':
        return `Split ${name(d.id)}${d.cables ? ` (${plural(d.cables.length, 'cable')})` : d.aliases ? ` (${d.aliases.join(', ')})` : ''}`;
      case 'alias':
        return `“${d.alias}” made an alias of ${name(d.id)}`;
      case 'undo': {
        const target = this.decisions.find((x) => x.seq === d.decision);
        return target
          ? `Undid #${target.seq}: ${this.describe(target).replace(/^./, (c) => c.toLowerCase())}`
          : `Undid #${d.decision}`;
      }
    }
  }

  /**
   * Takes a decision: signed with the author's name, one at a time (controls disabled until the
   * server has rebuilt the graph and the view has followed). Shows what it did, with an Undo.
   * `names`: the entities' names now (they may be gone afterwards).
   */
  async decide(request: DecisionRequest, names: Record<string, string> = {}): Promise<DecisionSummary | undefined> {
    if (!this.enabled || this.busy()) return undefined;
    for (const [id, name] of Object.entries(names)) this.remember(id, name);
    const author = this.author();
    const note = request.note?.trim();
    const body: DecisionRequest = { ...request, author: author || undefined, note: note || undefined };
    const back = this.host.bookmark();
    this.setBusy(`${BUSY_LABEL[request.op]}… rebuilding the graph`);
    try {
      const summary = await api.decide(body);
      this.namesAt.set(
        summary.decision.seq,
        Object.fromEntries(Object.entries(names).map(([id, name]) => [id, cleanName(name)])),
      );
      this.decisions = [...this.decisions.filter((d) => d.seq !== summary.decision.seq), summary.decision];
      if (summary.decision.op === 'undo') this.undoToasts.get(summary.decision.decision ?? 0)?.();
      await this.host.applied(summary);
      this.announce(summary, back);
      return summary;
    } catch (error) {
      showError(error, request.op === 'undo' ? 'Undo' : 'The decision');
      return undefined;
    } finally {
      this.setBusy(undefined);
      // The server's list is the truth (another viewer may have decided too).
      void this.load().catch((error: unknown) => showError(error, 'Loading the decisions'));
    }
  }

  undo(seq: number, note?: string): Promise<DecisionSummary | undefined> {
    return this.decide({ op: 'undo', decision: seq, note });
  }

  private announce(summary: DecisionSummary, back: () => void): void {
    const d = summary.decision;
    const { removed, added, changed, edges } = summary;
    const detail = [
      removed.length > 0 ? `${plural(removed.length, 'entity', 'entities')} gone` : '',
      added.length > 0 ? `${plural(added.length, 'entity', 'entities')} back` : '',
      changed.length > 0 ? `${plural(changed.length, 'entity', 'entities')} changed` : '',
      edges.added + edges.removed + edges.changed > 0
        ? `links: ${edges.added} added, ${edges.removed} removed, ${edges.changed} changed`
        : '',
    ]
      .filter(Boolean)
      .join(' · ');
    if (d.op === 'undo') {
      toast(this.describe(d), 'info', detail);
      return;
    }
    const dismiss = toast(this.describe(d), 'info', detail, {
      label: 'Undo',
      testid: 'toast-undo',
      run: () => {
        if (this.undone().has(d.seq)) return;
        void this.undo(d.seq).then((done) => {
          if (done) back();
        });
      },
    });
    this.undoToasts.set(d.seq, () => {
      dismiss();
      this.undoToasts.delete(d.seq);
    });
  }

  private setBusy(label: string | undefined): void {
    this.busyWith = label;
    this.statusText.textContent = label ?? '';
    this.status.hidden = label === undefined;
    for (const el of document.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
      `[${CONTROL}]`,
    )) {
      if (label !== undefined && !el.disabled) {
        el.disabled = true;
        el.setAttribute(PAUSED, '');
      } else if (label === undefined && el.hasAttribute(PAUSED)) {
        el.disabled = false;
        el.removeAttribute(PAUSED);
      }
    }
    document.body.classList.toggle('curation-in-progress', label !== undefined);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

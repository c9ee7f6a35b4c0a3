import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { HistoryActor, HistoryActorRef } from '../../../contracts';
import { diffSnapshots, historyActionOf, type HistoryRecordKind } from '../domain';
import { createHistoryRepository, type NewHistoryEntry } from '../repositories/history';
import { createHistoryStates, type RecordState } from '../repositories/history-states';
import { currentActor, type Actor } from '../utils/actor';
import {
  ACTIVITY_UID,
  CONNECTION_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  RELATIONSHIP_UID,
} from '../utils/uids';

/** Who writes, and where the values came from when the write says (`withOrigin`). */
export type HistoryWriter = HistoryActor & { documentId?: string | null; origin?: string };

/** The record kind of each CRM type whose writes are recorded. */
export const HISTORY_KIND_OF_UID: Record<string, HistoryRecordKind> = {
  [CUSTOMER_UID]: 'customer',
  [CONTACT_POINT_UIDS.address]: 'address',
  [CONTACT_POINT_UIDS.phone]: 'phone',
  [CONTACT_POINT_UIDS.email]: 'email',
  [CONNECTION_UID]: 'connection',
  [RELATIONSHIP_UID]: 'relationship',
  [CONTACT_UID]: 'contact',
  [ACTIVITY_UID]: 'activity',
};

/**
 * The records one write touches, watched from before it changes them until it is done: `watch`
 * reads the records' state before (call it under the write's locks, before changing them),
 * `created` marks records that did not exist, and `flush` reads them all again and writes one
 * entry per record that changed, on the write's own transaction. A record watched twice keeps its
 * first state, so nested writes of one operation make one entry per record.
 */
export interface HistorySession {
  watch(uid: string, ids: readonly number[]): Promise<void>;
  created(uid: string, ids: readonly number[]): void;
  isWatching(uid: string, id: number): boolean;
  flush(): Promise<NewHistoryEntry[]>;
}

/** An audit actor (`api-token`) as the history names it (`token`). */
export const historyActorRef = (actor: Actor): HistoryActorRef => ({
  type: actor.type === 'api-token' ? 'token' : actor.type,
  id: actor.id,
  name: actor.name,
});

/**
 * Who the history says wrote a change. Server code that writes for someone else (an import, a
 * merge) runs its writes inside `actingAs`, so every entry written meanwhile — by the document
 * middleware or in bulk — names it, on behalf of the user who started it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createHistoryRepository(strapi);
  const states = createHistoryStates(strapi);
  const acting = new AsyncLocalStorage<HistoryWriter>();
  const origins = new AsyncLocalStorage<string>();
  const sessions = new AsyncLocalStorage<HistorySession>();

  const requestDocumentId = (): string | null => {
    const ctx = strapi.requestContext.get() as Context | undefined;
    if (!ctx) return null;
    const user = ctx.state?.user as { documentId?: string } | undefined;
    const credentials = (ctx.state?.auth as { credentials?: { documentId?: string } } | undefined)
      ?.credentials;
    return user?.documentId ?? credentials?.documentId ?? null;
  };

  const entriesOf = (
    uid: string,
    before: Map<number, RecordState | null>,
    after: Map<number, RecordState>,
    writer: HistoryWriter,
    at: Date
  ): NewHistoryEntry[] => {
    const entries: NewHistoryEntry[] = [];
    const { origin, ...actor } = writer;
    for (const [id, was] of before) {
      const is = after.get(id) ?? null;
      const action = historyActionOf(was?.snapshot ?? null, is?.snapshot ?? null);
      if (!action) continue;
      const changes = diffSnapshots(was?.snapshot ?? null, is?.snapshot ?? null);
      if (changes.length === 0) continue;
      const current = (is ?? was)!;
      const subject = current.subjects[0];
      let other = current.subjects[1];
      // A contact point moved to another customer shows in the history of both.
      const previous = was?.subjects[0];
      if (is && previous && previous !== subject && !other) other = previous;
      entries.push({
        at,
        action,
        record: { uid, documentId: current.documentId, label: current.label },
        subjectDocumentId: subject,
        otherSubjectDocumentId: other,
        actor,
        ...(origin ? { origin } : {}),
        changes,
      });
    }
    return entries;
  };

  const createSession = (writer: HistoryWriter): HistorySession => {
    const watched = new Map<string, Map<number, RecordState | null>>();
    const of = (uid: string) => {
      if (!watched.has(uid)) watched.set(uid, new Map());
      return watched.get(uid)!;
    };
    return {
      async watch(uid, ids) {
        const kind = HISTORY_KIND_OF_UID[uid];
        if (!kind) return;
        const map = of(uid);
        const fresh = ids.filter((id) => !map.has(id));
        if (fresh.length === 0) return;
        const loaded = await states.load(kind, uid, fresh);
        for (const id of fresh) map.set(id, loaded.get(id) ?? null);
      },
      created(uid, ids) {
        if (!HISTORY_KIND_OF_UID[uid]) return;
        const map = of(uid);
        for (const id of ids) if (!map.has(id)) map.set(id, null);
      },
      isWatching: (uid, id) => watched.get(uid)?.has(id) ?? false,
      async flush() {
        const at = new Date();
        const entries: NewHistoryEntry[] = [];
        for (const [uid, before] of watched) {
          const after = await states.load(HISTORY_KIND_OF_UID[uid], uid, [...before.keys()]);
          entries.push(...entriesOf(uid, before, after, writer, at));
        }
        watched.clear();
        await repository.record(entries);
        return entries;
      },
    };
  };

  return {
    repository,
    states,

    /** A session of its own (bulk writers: imports, merges), written by the current writer. */
    session(writer?: HistoryWriter): HistorySession {
      return createSession(writer ?? this.writer());
    },

    /** The session of the write being made, if any (nested writes join it). */
    currentSession(): HistorySession | undefined {
      return sessions.getStore();
    },

    /**
     * Runs `work` in the current session, or in a new one flushed when `work` is done. Call it
     * inside the write's transaction so the entries commit or roll back with the change.
     */
    async inSession<T>(work: (session: HistorySession) => Promise<T>): Promise<T> {
      const current = sessions.getStore();
      if (current) return work(current);
      const session = createSession(this.writer());
      const result = await sessions.run(session, () => work(session));
      await session.flush();
      return result;
    },

    /** The writer of changes made now: the `actingAs` one, else the request's caller, else the server. */
    writer(): HistoryWriter {
      const override = acting.getStore();
      const origin = origins.getStore();
      const writer = override ?? {
        ...historyActorRef(currentActor(strapi)),
        documentId: requestDocumentId(),
      };
      return origin ? { ...writer, origin } : writer;
    },

    /** Runs `work` with the entries it writes saying where their values came from. */
    withOrigin<T>(origin: string, work: () => Promise<T>): Promise<T> {
      return origins.run(origin, work);
    },

    /** Runs `work` with its changes recorded as written by `writer` (e.g. "import 12" for a user). */
    actingAs<T>(writer: HistoryWriter, work: () => Promise<T>): Promise<T> {
      return acting.run(writer, work);
    },

    /** An import's or a merge's writer, on behalf of the actor who started it. */
    onBehalfOf(type: 'import' | 'merge', id: string, name: string, actor: Actor): HistoryWriter {
      return { type, id, name, onBehalfOf: historyActorRef(actor) };
    },

    /** Writes entries on the current transaction: the same one as the change they describe. */
    record(entries: readonly NewHistoryEntry[]): Promise<void> {
      return repository.record(entries);
    },
  };
};

import type { Core } from '@strapi/strapi';

import type { NetworkEdge, NetworkNode } from '../../../contracts';
import { customerDisplayName, relationshipLabel } from '../domain';
import type { CustomerSummary } from '../repositories/network';
import { getService } from '../utils/get-service';
import { readTogetherIn } from '../utils/read-together';
import { errors } from '../utils/strapi-utils';
import { CUSTOMER_UID } from '../utils/uids';

export const MAX_NETWORK_DEPTH = 3;
export const DEFAULT_NETWORK_NODE_CAP = 500;

const describe = (summary: CustomerSummary) => ({
  documentId: summary.documentId,
  customerNumber: summary.customerNumber,
  type: summary.type,
  name: customerDisplayName(summary) || summary.customerNumber,
});

/**
 * Reading a customer's network: its connections and relationships as lists (for the overview),
 * and the graph out to a depth (for the network view), built one set-based query per level.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => getService(strapi, 'network-repository');

  const customerId = async (documentId: string): Promise<number> => {
    const customer = await strapi.db
      .query(CUSTOMER_UID)
      .findOne({ where: { documentId }, select: ['id'] });
    if (!customer) throw new errors.NotFoundError('customer not found');
    return customer.id;
  };

  return {
    /** GET /customers/:id/connections: from either side, with the other customer and the primary-contact flag. */
    async connectionsOf(documentId: string) {
      const id = await customerId(documentId);
      const rows = await repository().connectionsOf([id]);
      const summaries = await repository().summaries([
        id,
        ...rows.flatMap((row) => [row.customerId, row.connectedId]),
      ]);
      return rows.map((row) => {
        const otherId = row.customerId === id ? row.connectedId : row.customerId;
        const business = [summaries.get(row.customerId)!, summaries.get(row.connectedId)!].find(
          (side) => side.type === 'business'
        );
        const individualId = business
          ? business.id === row.customerId
            ? row.connectedId
            : row.customerId
          : null;
        return {
          documentId: row.documentId,
          relationshipType: row.relationshipType,
          title: row.title,
          createdAt: row.createdAt,
          direction: row.customerId === id ? 'outgoing' : 'incoming',
          isPrimaryContact: business ? business.primaryContactId === individualId : false,
          customer: describe(summaries.get(otherId)!),
        };
      });
    },

    /** GET /customers/:id/relationships: both directions, labelled from this customer's point of view. */
    async relationshipsOf(documentId: string) {
      const id = await customerId(documentId);
      const rows = await repository().relationshipsOf([id]);
      const summaries = await repository().summaries(
        rows.flatMap((row) => [row.firstId, row.secondId])
      );
      return rows.map((row) => {
        const fromFirst = row.firstId === id;
        return {
          documentId: row.documentId,
          kind: row.kind,
          type: row.type,
          label: relationshipLabel(row.kind, row.type, fromFirst),
          createdAt: row.createdAt,
          customer: describe(summaries.get(fromFirst ? row.secondId : row.firstId)!),
        };
      });
    },

    /**
     * GET /customers/:id/network: customers reached through connections and relationships up to
     * `depth`, each node and edge once. Each level costs two queries whatever its size; past `cap`
     * nodes the walk stops and says so with `truncated`.
     */
    async graph(documentId: string, depth: number, cap: number) {
      const rootId = await customerId(documentId);
      const depthOf = new Map<number, number>([[rootId, 0]]);
      const edges = new Map<
        string,
        { kind: NetworkEdge['kind']; label: string; source: number; target: number }
      >();
      let frontier = [rootId];
      let truncated = false;

      for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level += 1) {
        const [connections, relationships] = await readTogetherIn(strapi, [
          () => repository().connectionsOf(frontier),
          () => repository().relationshipsOf(frontier),
        ]);
        const found = [
          ...connections.map((row) => ({
            id: row.documentId,
            kind: 'connection' as const,
            label: row.relationshipType,
            source: row.customerId,
            target: row.connectedId,
          })),
          ...relationships.map((row) => ({
            id: row.documentId,
            kind: row.kind,
            label:
              row.kind === 'hierarchical'
                ? 'parent of'
                : relationshipLabel('loose', row.type, true),
            source: row.firstId,
            target: row.secondId,
          })),
        ];
        const next: number[] = [];
        for (const edge of found) {
          for (const end of [edge.source, edge.target]) {
            if (depthOf.has(end)) continue;
            if (depthOf.size >= cap) {
              truncated = true;
              continue;
            }
            depthOf.set(end, level);
            next.push(end);
          }
          if (depthOf.has(edge.source) && depthOf.has(edge.target)) edges.set(edge.id, edge);
        }
        frontier = next;
      }

      const summaries = await repository().summaries([...depthOf.keys()]);
      const documentIdOf = (id: number) => summaries.get(id)!.documentId;
      const nodes: NetworkNode[] = [...depthOf.entries()].map(([id, level]) => {
        const { documentId: nodeId, ...rest } = describe(summaries.get(id)!);
        return { id: nodeId, ...rest, depth: level };
      });
      return {
        nodes,
        edges: [...edges.entries()].map(([id, edge]) => ({
          id,
          kind: edge.kind,
          label: edge.label,
          source: documentIdOf(edge.source),
          target: documentIdOf(edge.target),
        })),
        truncated,
      };
    },
  };
};

import cytoscape from 'cytoscape';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Network } from '../../../../contracts';
import { useInlineLabel } from '../../hooks/useInlineLabel';
import { useRelationshipLabel } from '../../hooks/useRelationshipLabel';
import { useValueLabel } from '../../hooks/useValueLabel';

/** Colours of the legend and the picture: one per customer type, one per link kind. */
export const NODE_COLOURS = { individual: '#4945ff', business: '#ee5e52' } as const;
export const EDGE_COLOURS = {
  connection: '#8e8ea9',
  hierarchical: '#328048',
  loose: '#d9822f',
} as const;

interface NetworkGraphProps {
  network: Network;
  rootId: string;
  onOpen: (documentId: string) => void;
}

/** The network drawn with cytoscape: nodes coloured by customer type, edges labelled; a click opens the customer. */
export const NetworkGraph = ({ network, rootId, onOpen }: NetworkGraphProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const relationshipLabel = useRelationshipLabel();
  const inline = useInlineLabel();
  const container = React.useRef<HTMLDivElement>(null);
  const onOpenRef = React.useRef(onOpen);
  onOpenRef.current = onOpen;

  React.useEffect(() => {
    if (!container.current) return;
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...network.nodes.map((node) => ({
          data: {
            id: node.id,
            label: `${node.name}\n${node.customerNumber}`,
            type: node.type,
            root: node.id === rootId ? 1 : 0,
          },
        })),
        ...network.edges.map((edge) => ({
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            // A connection is labelled by its type (employee), a relationship as seen from its source.
            label: inline(
              edge.kind === 'connection' ? valueLabel(edge.label) : relationshipLabel(edge.label)
            ),
            kind: edge.kind,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'text-wrap': 'wrap',
            'text-valign': 'bottom',
            'text-margin-y': 6,
            'font-size': 11,
            color: '#32324d',
            width: 34,
            height: 34,
            'border-width': 2,
            'border-color': '#ffffff',
          },
        },
        {
          selector: 'node[type = "individual"]',
          style: { 'background-color': NODE_COLOURS.individual, shape: 'ellipse' },
        },
        {
          selector: 'node[type = "business"]',
          style: { 'background-color': NODE_COLOURS.business, shape: 'round-rectangle' },
        },
        {
          selector: 'node[root = 1]',
          style: { width: 46, height: 46, 'border-width': 4, 'border-color': '#32324d' },
        },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-size': 10,
            'curve-style': 'bezier',
            // Two links between the same customers (a connection and a relationship) bow apart, labels apart.
            'control-point-step-size': 90,
            width: 2,
            'text-background-color': '#ffffff',
            'text-background-opacity': 1,
            'text-background-padding': '2px',
            'line-color': EDGE_COLOURS.connection,
          },
        },
        {
          selector: 'edge[kind = "hierarchical"]',
          style: {
            'line-color': EDGE_COLOURS.hierarchical,
            'target-arrow-shape': 'triangle',
            'target-arrow-color': EDGE_COLOURS.hierarchical,
          },
        },
        {
          selector: 'edge[kind = "loose"]',
          style: { 'line-color': EDGE_COLOURS.loose, 'line-style': 'dashed' },
        },
      ],
      layout:
        network.nodes.length > 1
          ? { name: 'breadthfirst', roots: [rootId], padding: 40, spacingFactor: 1.4 }
          : { name: 'grid', padding: 80 },
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    graph.on('tap', 'node', (event) => onOpenRef.current(event.target.id()));
    graph.on(
      'mouseover',
      'node',
      () => container.current && (container.current.style.cursor = 'pointer')
    );
    graph.on(
      'mouseout',
      'node',
      () => container.current && (container.current.style.cursor = 'default')
    );
    // The browser tests and curious admins can reach the picture from the element.
    (container.current as HTMLDivElement & { cy?: cytoscape.Core }).cy = graph;
    return () => graph.destroy();
  }, [network, rootId, valueLabel, relationshipLabel, inline]);

  return (
    <div
      ref={container}
      data-testid="crm-network-graph"
      data-node-count={network.nodes.length}
      data-edge-count={network.edges.length}
      role="img"
      aria-label={formatMessage(
        {
          id: 'crm.network.picture',
          defaultMessage: 'Network of {nodes} customers and {edges} links',
        },
        { nodes: network.nodes.length, edges: network.edges.length }
      )}
      style={{
        width: '100%',
        height: '60vh',
        minHeight: 420,
        background: '#fafafb',
        borderRadius: 4,
      }}
    />
  );
};

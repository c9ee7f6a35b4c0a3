import type { Readable } from 'node:stream';

import { SaxesParser } from 'saxes';

/** What a reader of an XML part listens to: element names without their namespace prefix. */
export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** `x:c` → `c`: some writers prefix the spreadsheet namespace, most do not. */
const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** An attribute by its local name, whatever prefix it has (`r:id`, `relationships:id`). */
export const prefixedAttribute = (
  attributes: Record<string, string>,
  name: string
): string | undefined => {
  for (const key of Object.keys(attributes))
    if (key.includes(':') && localName(key) === name) return attributes[key];
  return undefined;
};

/** A push parser of one XML part, fed text as it is inflated; a malformed part throws. */
export class XmlEvents {
  private readonly parser = new SaxesParser({ position: false });

  constructor(handlers: XmlHandlers) {
    const { open, text, close } = handlers;
    if (open)
      this.parser.on('opentag', (tag) =>
        open(localName(tag.name), tag.attributes as Record<string, string>)
      );
    if (text) {
      this.parser.on('text', text);
      this.parser.on('cdata', text);
    }
    if (close) this.parser.on('closetag', (tag) => close(localName(tag.name)));
    this.parser.on('error', (error) => {
      throw error;
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
  }
}

/** Reads a whole part through the handlers. */
export async function readXmlPart(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const events = new XmlEvents(handlers);
  for await (const chunk of stream) events.write(chunk as string);
  events.close();
}

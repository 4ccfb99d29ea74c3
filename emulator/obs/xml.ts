/** The XML of OBS answers and the few request documents the stand-in reads (§10.2, §10.3). */

export type XmlChild = string | number | boolean | undefined | XmlNode | readonly XmlNode[];

export interface XmlNode {
  readonly name: string;
  readonly children: readonly XmlChild[];
}

export function el(name: string, ...children: XmlChild[]): XmlNode {
  return { name, children };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function render(child: XmlChild): string {
  if (child === undefined) {
    return '';
  }
  if (Array.isArray(child)) {
    return child.map(render).join('');
  }
  if (typeof child === 'object') {
    const node = child as XmlNode;
    return `<${node.name}>${node.children.map(render).join('')}</${node.name}>`;
  }
  return escapeXml(String(child));
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${render(root)}`;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text of every `<name>…</name>` in `xml`, in order; enough for the flat documents OBS clients send. */
export function elementTexts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => unescapeXml(match[1]));
}

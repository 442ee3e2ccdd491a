// Finds what a mapping's dotted field path points at in a collection's JSON schema, so
// that a misspelt field in a mapping is caught when the mapping is loaded, not when the
// first of a million rows fails validation.

export interface SchemaNode {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, SchemaNode>>;
  items?: SchemaNode;
}

/** The schema at `path` below `root` (numbers index arrays), or undefined. */
export function schemaAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path.split('.')) {
    if (!node) return undefined;
    if (/^[0-9]+$/.test(segment)) node = node.type === 'array' ? node.items : undefined;
    else node = node.properties?.[segment];
  }
  return node;
}

export function isArrayNode(node: SchemaNode | undefined): boolean {
  return node?.type === 'array';
}

export function isObjectNode(node: SchemaNode | undefined): boolean {
  return node?.type === 'object';
}

/** A field a single value can fill: not an object, and not an array except of codes (codeList). */
export function isLeafNode(node: SchemaNode | undefined): boolean {
  return node !== undefined && node.type !== 'object';
}

/**
 * Finds the route file for a request path the way the App Router does for plain and
 * `[param]` segments: a static segment wins over a parameter at the same place, and a
 * parameter never matches an empty segment. Catch-alls, route groups, private folders and
 * slots are not supported.
 */
export interface ApiRouteTable<T> {
  match(pathname: string): { target: T; params: Record<string, string> } | null;
}

interface Node<T> {
  fixed: Map<string, Node<T>>;
  param?: { name: string; node: Node<T> };
  target?: T;
}

const newNode = <T>(): Node<T> => ({ fixed: new Map() });

/** `routes`: paths in the app directory's form, e.g. `/api/v1/holds/[holdId]`. */
export function apiRouteTable<T>(routes: { path: string; target: T }[]): ApiRouteTable<T> {
  const root = newNode<T>();
  for (const { path, target } of routes) {
    let node = root;
    for (const segment of segmentsOf(path)) {
      const name = /^\[(\w+)\]$/.exec(segment)?.[1];
      // Catch-alls, route groups, private folders and slots mean more than a path segment.
      if ((segment.startsWith("[") && !name) || /^[(@_]/.test(segment)) throw new Error(`Unsupported route segment ${segment} in ${path}`);
      if (name) {
        if (node.param && node.param.name !== name) throw new Error(`Two parameter names at one place: ${path}`);
        node.param ??= { name, node: newNode() };
        node = node.param.node;
      } else {
        node = node.fixed.get(segment) ?? node.fixed.set(segment, newNode()).get(segment)!;
      }
    }
    if (node.target !== undefined) throw new Error(`Two routes for ${path}`);
    node.target = target;
  }
  return {
    match(pathname) {
      let segments: string[];
      try {
        segments = segmentsOf(pathname).map(decodeURIComponent);
      } catch {
        return null; // malformed percent-encoding
      }
      const params: Record<string, string> = {};
      const target = walk(root, segments, 0, params);
      return target === undefined ? null : { target, params };
    },
  };
}

function walk<T>(node: Node<T>, segments: string[], at: number, params: Record<string, string>): T | undefined {
  if (at === segments.length) return node.target;
  const segment = segments[at]!;
  const fixed = node.fixed.get(segment);
  const found = fixed && walk(fixed, segments, at + 1, params);
  if (found !== undefined) return found;
  if (!node.param || segment === "") return undefined;
  const target = walk(node.param.node, segments, at + 1, params);
  if (target !== undefined) params[node.param.name] = segment;
  return target;
}

const segmentsOf = (path: string) => path.split("/").slice(1);

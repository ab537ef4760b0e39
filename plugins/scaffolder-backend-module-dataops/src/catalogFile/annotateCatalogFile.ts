import { InputError } from '@backstage/errors';
import {
  Document,
  isMap,
  isScalar,
  parseAllDocuments,
  Scalar,
  stringify,
  YAMLMap,
} from 'yaml';

/** Which entity of a (multi-document) catalog file to annotate. @public */
export interface EntitySelector {
  /** Entity kind, case-insensitive; any kind when absent. */
  kind?: string;
  /** Entity `metadata.name`; any name when absent. */
  name?: string;
}

/** Result of {@link annotateCatalogFile}. @public */
export interface AnnotateResult {
  /** The catalog file with the annotations set; the rest of the text is kept as it was where possible. */
  content: string;
  /** Keys whose value was added or changed, in input order. */
  changed: string[];
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function scalarText(value: string): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line the node ends on, where a following sibling line may be inserted. */
function afterLine(source: string, end: number): number {
  if (end > 0 && source[end - 1] === '\n') {
    return end;
  }
  const newline = source.indexOf('\n', end);
  return newline < 0 ? source.length : newline + 1;
}

function pickDocument(
  docs: Document.Parsed[],
  selector: EntitySelector,
): Document.Parsed {
  const candidates = docs.filter(doc => {
    const kind = doc.get('kind');
    const name = doc.getIn(['metadata', 'name']);
    if (typeof kind !== 'string' || typeof name !== 'string') {
      return false;
    }
    return (
      (!selector.kind || kind.toLowerCase() === selector.kind.toLowerCase()) &&
      (!selector.name || name === selector.name)
    );
  });
  const wanted = `${selector.kind ?? '*'}/${selector.name ?? '*'}`;
  if (candidates.length === 0) {
    throw new InputError(
      `Invalid input 'name': the catalog file has no entity ${wanted}`,
    );
  }
  if (candidates.length > 1) {
    throw new InputError(
      `Invalid input 'name': the catalog file has ${candidates.length} entities matching ${wanted}; give kind and name`,
    );
  }
  return candidates[0];
}

function blockMap(node: unknown): YAMLMap | undefined {
  return isMap(node) && !node.flow && node.items.length > 0 ? node : undefined;
}

function keyIndent(source: string, map: YAMLMap): number {
  const first = map.items[0].key as Scalar;
  const start = first.range![0];
  return start - lineStart(source, start);
}

function appendAfter(source: string, map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  const node = (last.value ?? last.key) as Scalar;
  return afterLine(source, node.range![1]);
}

/**
 * Sets annotations on one entity of a catalog file by splicing text, so every byte outside the edited
 * values and inserted lines (comments, quoting, key order, other documents) stays as it was. Values that
 * already match are left untouched. Layouts the splice cannot handle (flow-style maps) fall back to
 * re-serialising that one document.
 * @public
 */
export function annotateCatalogFile(
  source: string,
  selector: EntitySelector,
  annotations: Record<string, string>,
): AnnotateResult {
  const docs = parseAllDocuments(source);
  if (!Array.isArray(docs)) {
    throw new InputError(
      `Invalid input 'path': the catalog file holds no YAML document`,
    );
  }
  const broken = docs.find(d => d.errors.length > 0);
  if (broken) {
    throw new InputError(
      `Invalid input 'path': the catalog file is not valid YAML: ${broken.errors[0].message}`,
    );
  }
  const doc = pickDocument(docs, selector);
  const metadata = blockMap(doc.get('metadata', true));
  if (!metadata) {
    throw new InputError(
      `Invalid input 'path': the entity has no metadata block`,
    );
  }
  const existing = doc.getIn(['metadata', 'annotations'], true);
  const changed = Object.entries(annotations)
    .filter(([key, value]) => {
      const current = doc.getIn(['metadata', 'annotations', key]);
      return current === undefined || String(current) !== value;
    })
    .map(([key]) => key);
  if (changed.length === 0) {
    return { content: source, changed };
  }

  const edits: Edit[] = [];
  const annotationMap = blockMap(existing);
  if (annotationMap) {
    const indent = ' '.repeat(keyIndent(source, annotationMap));
    const added: string[] = [];
    for (const key of changed) {
      const pair = annotationMap.items.find(
        p => isScalar(p.key) && p.key.value === key,
      );
      const value = annotations[key];
      if (pair && isScalar(pair.value) && pair.value.range) {
        const [from, to] = pair.value.range;
        const text = scalarText(value);
        // Block scalars (| or >) own their trailing line break; keep it so the next line stays put.
        edits.push({
          from,
          to,
          text: source[to - 1] === '\n' ? `${text}\n` : text,
        });
      } else if (pair) {
        return reserialize(source, doc, annotations, changed);
      } else {
        added.push(`${indent}${scalarText(key)}: ${scalarText(value)}\n`);
      }
    }
    if (added.length) {
      const at = appendAfter(source, annotationMap);
      edits.push({
        from: at,
        to: at,
        text: withLeadingBreak(source, at, added.join('')),
      });
    }
  } else if (
    existing === undefined ||
    existing === null ||
    (isScalar(existing) && existing.value === null)
  ) {
    const metaIndent = keyIndent(source, metadata);
    const annotationsPair = metadata.items.find(
      p => isScalar(p.key) && p.key.value === 'annotations',
    );
    const indent = ' '.repeat(metaIndent + 2);
    const lines = changed
      .map(
        key => `${indent}${scalarText(key)}: ${scalarText(annotations[key])}\n`,
      )
      .join('');
    if (annotationsPair) {
      // `annotations:` with no value: the new lines go right under the key.
      const at = afterLine(source, (annotationsPair.key as Scalar).range![1]);
      edits.push({
        from: at,
        to: at,
        text: withLeadingBreak(source, at, lines),
      });
    } else {
      const at = appendAfter(source, metadata);
      edits.push({
        from: at,
        to: at,
        text: withLeadingBreak(
          source,
          at,
          `${' '.repeat(metaIndent)}annotations:\n${lines}`,
        ),
      });
    }
  } else {
    return reserialize(source, doc, annotations, changed);
  }

  let content = source;
  for (const edit of edits.sort((a, b) => b.from - a.from)) {
    content = content.slice(0, edit.from) + edit.text + content.slice(edit.to);
  }
  verify(content, selector, annotations);
  return { content, changed };
}

function withLeadingBreak(source: string, at: number, text: string): string {
  return at > 0 && source[at - 1] !== '\n' ? `\n${text}` : text;
}

function reserialize(
  source: string,
  doc: Document.Parsed,
  annotations: Record<string, string>,
  changed: string[],
): AnnotateResult {
  for (const key of changed) {
    doc.setIn(['metadata', 'annotations', key], annotations[key]);
  }
  const contents = doc.contents as YAMLMap;
  const [from, , to] = contents.range!;
  const rewritten = doc.toString({ lineWidth: 0 }).replace(/^---\n/, '');
  const docText = rewritten.replace(
    /\n?$/,
    source[to - 1] === '\n' ? '\n' : '',
  );
  return {
    content: source.slice(0, from) + docText + source.slice(to),
    changed,
  };
}

function verify(
  content: string,
  selector: EntitySelector,
  annotations: Record<string, string>,
): void {
  const docs = parseAllDocuments(content) as Document.Parsed[];
  const doc = pickDocument(docs, selector);
  for (const [key, value] of Object.entries(annotations)) {
    if (
      doc.errors.length ||
      String(doc.getIn(['metadata', 'annotations', key])) !== value
    ) {
      // A layout the splice misjudged; failing beats writing a catalog file that says something else.
      throw new Error(
        `Could not set annotation ${key} without breaking the catalog file`,
      );
    }
  }
}

/** A new catalog file for an entity that has none: the given entity (if any) with the annotations. @public */
export function createCatalogFile(
  entity: Record<string, any>,
  annotations: Record<string, string>,
): string {
  const metadata = { ...(entity.metadata ?? {}) };
  // Fields the catalog adds on ingestion do not belong in a source file.
  for (const field of ['uid', 'etag', 'generation']) {
    delete metadata[field];
  }
  const kept = Object.fromEntries(
    Object.entries(
      (metadata.annotations ?? {}) as Record<string, string>,
    ).filter(
      ([key]) =>
        !key.startsWith('backstage.io/managed-by') &&
        !key.startsWith('backstage.io/source-') &&
        key !== 'backstage.io/view-url' &&
        key !== 'backstage.io/edit-url',
    ),
  );
  const clean = {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: { ...metadata, annotations: { ...kept, ...annotations } },
    spec: entity.spec,
  };
  return stringify(clean, { lineWidth: 0 });
}

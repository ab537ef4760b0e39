import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import manifest from './specStore/manifest.json';
import { findSpecsDir, loadSpec, SPEC_FILES } from './specFiles';
import type { SpecName } from './specFiles';

const NAMES = Object.keys(manifest.specs) as SpecName[];

describe('the pinned API specifications', () => {
  it('pin every file to a full commit and checksum of an upstream repository', () => {
    for (const entry of Object.values(manifest.specs)) {
      expect(entry.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(entry.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.size).toBeGreaterThan(0);
      expect(path.normalize(entry.file)).toBe(entry.file);
      expect(entry.file.startsWith('..')).toBe(false);
    }
    expect(SPEC_FILES).toEqual({
      argocd: 'argocd/swagger.json',
      alertmanager: 'alertmanager/openapi.yaml',
      opensearch: 'opensearch/opensearch-openapi.yaml',
      iceberg: 'iceberg/rest-catalog-open-api.yaml',
      airflow: 'airflow/openapi.yaml',
    });
  });

  // The specs are always available when the tests run: the set-up step before jest makes sure of it.
  it('match the copies the contract tests read, byte for byte', () => {
    const dir = findSpecsDir();
    for (const entry of Object.values(manifest.specs)) {
      const bytes = fs.readFileSync(path.join(dir, entry.file));
      expect({ file: entry.file, size: bytes.length }).toEqual({
        file: entry.file,
        size: entry.size,
      });
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(
        entry.sha256,
      );
    }
  });

  it.each(NAMES)('parse %s as a Swagger or OpenAPI document', name => {
    const doc = loadSpec(name);
    expect(doc.swagger ?? doc.openapi).toMatch(/^[23]\./);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });
});

describe('with DATAOPS_SPECS_DIR', () => {
  const saved = process.env.DATAOPS_SPECS_DIR;
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-specs-env-'));
    process.env.DATAOPS_SPECS_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) {
      delete process.env.DATAOPS_SPECS_DIR;
    } else {
      process.env.DATAOPS_SPECS_DIR = saved;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the specifications from that folder', () => {
    expect(findSpecsDir()).toBe(dir);
  });

  it('refuses a copy that is not the pinned file', () => {
    const entry = manifest.specs.alertmanager;
    fs.mkdirSync(path.join(dir, 'alertmanager'));
    fs.writeFileSync(path.join(dir, entry.file), 'swagger: "2.0"\npaths: {}\n');
    expect(() => loadSpec('alertmanager')).toThrow(
      new RegExp(
        `Checksum mismatch for API specification alertmanager/openapi.yaml .*: expected SHA-256 ${entry.sha256}, got [0-9a-f]{64}`,
      ),
    );
  });

  it('says where it looked when a file is missing', () => {
    expect(() => loadSpec('iceberg')).toThrow(
      /iceberg\/rest-catalog-open-api\.yaml is missing[\s\S]*DATAOPS_SPECS_DIR/,
    );
  });
});

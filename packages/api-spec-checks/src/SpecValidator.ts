import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadSpec, SpecName } from './specFiles';

/** Result of one check: `errors` lists JSON-pointer paths and messages, empty when the data conforms. */
export interface SpecCheckResult {
  valid: boolean;
  errors: string[];
}

/**
 * Validates data against schemas of one upstream specification. Swagger 2.0 documents (Argo CD,
 * Alertmanager) keep schemas under `definitions`; OpenAPI 3.1 documents (OpenSearch, Iceberg) under
 * `components.schemas` and describe responses by path, method and status.
 *
 * The whole document is registered once under its own id and schemas are compiled on demand through
 * `$ref`s into it, so internal references resolve exactly as the specification wrote them. Vendor
 * extensions (`x-*`) and OpenAPI-only keywords are ignored (`strict: false`), not failed.
 */
export class SpecValidator {
  private readonly ajv: Ajv;
  private readonly doc: any;
  private readonly id: string;
  private readonly compiled = new Map<string, ValidateFunction>();

  static for(name: SpecName): SpecValidator {
    return new SpecValidator(name);
  }

  private constructor(name: SpecName) {
    this.doc = loadSpec(name);
    this.id = `https://specs.invalid/${name}`;
    const isOpenApi3 = typeof this.doc.openapi === 'string';
    const options = {
      strict: false,
      allErrors: true,
      validateSchema: false,
      validateFormats: true,
    } as const;
    this.ajv = isOpenApi3 ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.ajv);
    // Formats that the specs use but JSON Schema does not define.
    for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) {
      this.ajv.addFormat(format, true);
    }
    // Airflow's spec writes `datetime` for some timestamps (task instances) where it means `date-time`.
    this.ajv.addFormat('datetime', (text: string) => !Number.isNaN(Date.parse(text)));
    this.ajv.addSchema({ ...this.doc, $id: this.id });
  }

  /** Checks `data` against a named schema (`definitions/<name>` or `components/schemas/<name>`). */
  checkSchema(schemaName: string, data: unknown): SpecCheckResult {
    const pointer = this.doc.definitions
      ? `#/definitions/${schemaName}`
      : `#/components/schemas/${escapePointer(schemaName)}`;
    return this.checkPointer(pointer, data);
  }

  /**
   * Checks a response body against what the specification declares for `method path` answering `status`
   * (`application/json` for OpenAPI 3, `schema` for Swagger 2).
   */
  checkResponse(
    method: string,
    path: string,
    status: number,
    data: unknown,
  ): SpecCheckResult {
    const operation = this.doc.paths?.[path]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(`The specification has no operation ${method} ${path}`);
    }
    let response = operation.responses?.[String(status)];
    if (!response) {
      throw new Error(`${method} ${path} declares no ${status} response`);
    }
    let pointer = `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${status}`;
    if (response.$ref) {
      pointer = response.$ref;
      response = this.resolve(pointer);
    }
    if (this.doc.definitions) {
      return this.checkPointer(`${pointer}/schema`, data);
    }
    if (!response.content?.['application/json']) {
      throw new Error(`${method} ${path} ${status} has no application/json body`);
    }
    return this.checkPointer(
      `${pointer}/content/application~1json/schema`,
      data,
    );
  }

  /** Checks a request body (OpenAPI 3 `requestBodies` or an operation's body parameter). */
  checkRequestBody(method: string, path: string, data: unknown): SpecCheckResult {
    const operation = this.doc.paths?.[path]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(`The specification has no operation ${method} ${path}`);
    }
    if (this.doc.definitions) {
      const index = (operation.parameters ?? []).findIndex(
        (p: any) => p.in === 'body',
      );
      if (index < 0) {
        throw new Error(`${method} ${path} takes no body`);
      }
      return this.checkPointer(
        `#/paths/${escapePointer(path)}/${method.toLowerCase()}/parameters/${index}/schema`,
        data,
      );
    }
    let body = operation.requestBody;
    let pointer = `#/paths/${escapePointer(path)}/${method.toLowerCase()}/requestBody`;
    if (body?.$ref) {
      pointer = body.$ref;
      body = this.resolve(pointer);
    }
    if (!body?.content?.['application/json']) {
      throw new Error(`${method} ${path} has no JSON request body`);
    }
    return this.checkPointer(`${pointer}/content/application~1json/schema`, data);
  }

  private resolve(pointer: string): any {
    return pointer
      .replace(/^#\//, '')
      .split('/')
      .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node, key) => node?.[key], this.doc);
  }

  private checkPointer(pointer: string, data: unknown): SpecCheckResult {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      if (this.resolve(pointer) === undefined) {
        throw new Error(`The specification has nothing at ${pointer}`);
      }
      validate = this.ajv.compile({ $ref: `${this.id}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    const valid = validate(data) as boolean;
    return {
      valid,
      errors: (validate.errors ?? []).map(
        e => `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
      ),
    };
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

import { dirname, isAbsolute, join } from 'node:path';
import { decodeScenarioFile } from './decode-scenario-file.js';
import { mergeDocuments } from './merge-documents.js';
import { parseCoverageCsv } from './parse-coverage-csv.js';
import type { PositionedError } from './positioned-error.js';
import { readErrorMessage } from './read-error-message.js';
import { readYamlDocument } from './read-yaml-document.js';
import type { ScenarioSourceMap } from './scenario-source-map.js';
import type { SourceLocation } from './source-location.js';

/** A scenario file's bytes (at most the size cap and one more, see readBoundedFile), or why it could not be read. */
export interface ScenarioSource {
  readonly file: string;
  readonly content: Uint8Array | { readonly error: unknown };
}

export interface AssembledScenario {
  readonly value: Record<string, unknown>;
  readonly sourceMap: ScenarioSourceMap;
  readonly errors: PositionedError[];
  /** The coverage CSV still to read (path relative to the YAML that names it), if any. */
  readonly coverageFile: string | undefined;
}

const COVERAGE: readonly string[] = ['coverage_matrix'];

/** Step 1: read and merge the YAML files in order (base first, overlays after). */
export function assembleScenario(sources: readonly ScenarioSource[]): AssembledScenario {
  const errors: PositionedError[] = [];
  const documents = sources.flatMap(({ file, content }) => {
    if (!(content instanceof Uint8Array)) {
      errors.push({
        location: { file, line: 1, col: 1 },
        path: '',
        message: readErrorMessage(content.error),
      });
      return [];
    }
    const decoded = decodeScenarioFile(file, content);
    if (decoded.error) {
      errors.push(decoded.error);
      return [];
    }
    const document = readYamlDocument(file, decoded.text);
    errors.push(...document.errors);
    return document.value ? [{ value: document.value, sourceMap: document.sourceMap }] : [];
  });
  const { value, sourceMap } = mergeDocuments(documents);
  const coverage = value.coverage_matrix;
  const yamlFile = sourceMap.locate(COVERAGE)?.file;
  const coverageFile =
    errors.length === 0 && typeof coverage === 'string' && yamlFile !== undefined
      ? isAbsolute(coverage)
        ? coverage
        : join(dirname(yamlFile), coverage)
      : undefined;
  return { value, sourceMap, errors, coverageFile };
}

/** Step 2: put the coverage CSV (read by the caller) inline, positions and all. */
export function attachCoverageCsv(
  assembled: AssembledScenario,
  content: ScenarioSource['content'],
): PositionedError[] {
  const { value, sourceMap, coverageFile } = assembled;
  if (coverageFile === undefined) return [];
  const named = sourceMap.locate(COVERAGE) as SourceLocation;
  if (!(content instanceof Uint8Array))
    return [
      {
        location: named,
        path: 'coverage_matrix',
        message: `cannot read ${coverageFile}: ${readErrorMessage(content.error)}`,
      },
    ];
  const decoded = decodeScenarioFile(coverageFile, content);
  if (decoded.error) return [decoded.error];
  const text = decoded.text;
  const key = sourceMap.locate(COVERAGE, 'key') as SourceLocation;
  sourceMap.deleteBelow(COVERAGE);
  sourceMap.setKey(COVERAGE, key);
  const csv = parseCoverageCsv(coverageFile, text, sourceMap, COVERAGE);
  value.coverage_matrix = csv.value;
  return csv.errors;
}

import { analyzeModel, type ModelArchitecture } from '@gcp/core';
import { DEFAULT_SEQUENCE_LENGTH } from './model-schemas.js';

/** The analysis fields every model response carries, plus the normalised architecture. */
export function analysisBody(architecture: ModelArchitecture, sequenceLength: number | undefined) {
  const analysis = analyzeModel(architecture, { sequenceLength: sequenceLength ?? DEFAULT_SEQUENCE_LENGTH });
  return { ...analysis, architecture };
}

import { analyzeModel, DEFAULT_SEQUENCE_LENGTH, type ModelArchitecture } from '@gcp/core';

/** The analysis fields every model response carries, plus the normalised architecture. */
export function analysisBody(architecture: ModelArchitecture, sequenceLength: number | undefined) {
  const analysis = analyzeModel(architecture, { sequenceLength: sequenceLength ?? DEFAULT_SEQUENCE_LENGTH });
  return { ...analysis, architecture };
}

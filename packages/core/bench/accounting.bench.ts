import { analyzeModel, getModel, normalizeConfig } from '../src/index.js';
import { measure, type BenchResult } from './measure.js';

export function suite(): BenchResult[] {
  const v3 = getModel('deepseek-v3')!;
  return [
    measure(
      'analyze pasted DeepSeek-V3 config',
      () => {
        analyzeModel(normalizeConfig(v3.config), { sequenceLength: 4096 });
      },
      200,
    ),
  ];
}

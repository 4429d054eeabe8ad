import { figure, type Figure } from '../units/figure.js';

/** Published compute of DeepSeek runs the programme tests compare against (reference figures, not inputs). */

const V3_TABLE_1 = 'DeepSeek-V3 Technical Report (arXiv:2412.19437) Table 1';

export const DEEPSEEK_V3_PUBLISHED = {
  preTrainingGpuHours: figure(2_664_000, 'measured', `${V3_TABLE_1}: pre-training 2,664K H800 GPU-hours`),
  contextExtensionGpuHours: figure(119_000, 'measured', `${V3_TABLE_1}: context extension 119K H800 GPU-hours`),
  postTrainingGpuHours: figure(5_000, 'measured', `${V3_TABLE_1}: post-training 5K H800 GPU-hours (SFT and RL together)`),
  totalGpuHours: figure(2_788_000, 'measured', `${V3_TABLE_1}: total 2,788K H800 GPU-hours`),
  pricePerGpuHourUsd: figure(2, 'assumed', `${V3_TABLE_1}: "assuming the rental price of the H800 GPU is $2 per GPU hour"`),
  totalCostUsd: figure(5_576_000, 'measured', `${V3_TABLE_1}: total $5.576M`),
} as const satisfies Record<string, Figure>;

const R1_SUPPLEMENT = 'DeepSeek-R1 (Nature 2025, doi:10.1038/s41586-025-09422-z) supplementary information, as reported (The Register, 2025-09-18; Reuters)';

export const DEEPSEEK_R1_PUBLISHED = {
  gpuCount: figure(512, 'measured', `${R1_SUPPLEMENT}: 64 × 8 H800`),
  r1ZeroWallClockHours: figure(198, 'measured', `${R1_SUPPLEMENT}: about 198 h for DeepSeek-R1-Zero`),
  r1WallClockHours: figure(80, 'measured', `${R1_SUPPLEMENT}: about 80 h more for DeepSeek-R1`),
  sftDataGpuHours: figure(5_000, 'measured', `${R1_SUPPLEMENT}: about 5K GPU-hours to generate the SFT data`),
  totalCostUsd: figure(294_000, 'measured', `${R1_SUPPLEMENT}: about $294K at $2 per GPU-hour`),
  grpoGroupSize: figure(16, 'measured', 'DeepSeek-R1 (Nature 2025) Methods: 16 outputs sampled per question (GRPO group)'),
  maxResponseTokens: figure(
    32_768,
    'measured',
    'DeepSeek-R1 (Nature 2025) Methods: maximum output length 32,768 tokens (recalled, not re-checked here: raised to 65,536 late in R1-Zero training)',
  ),
} as const satisfies Record<string, Figure>;

/** 512 × 198 h = 101,376 GPU-hours (derived from the figures above). */
export const DEEPSEEK_R1_ZERO_GPU_HOURS = DEEPSEEK_R1_PUBLISHED.gpuCount.value * DEEPSEEK_R1_PUBLISHED.r1ZeroWallClockHours.value;

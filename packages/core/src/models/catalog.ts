import type { Figure } from '../units/figure.js';
import { figure } from '../units/figure.js';
import { normalizeConfig } from './normalize-config.js';
import type { ModelArchitecture } from './types.js';
import deepseekV3 from './data/deepseek-v3.json';
import deepseekR1 from './data/deepseek-r1.json';
import deepseekV2 from './data/deepseek-v2.json';
import deepseekV2Lite from './data/deepseek-v2-lite.json';
import mixtral8x7b from './data/mixtral-8x7b.json';
import mixtral8x22b from './data/mixtral-8x22b.json';
import qwen3_235b from './data/qwen3-235b-a22b.json';
import qwen3_30b from './data/qwen3-30b-a3b.json';
import llama8b from './data/llama-3.1-8b.json';
import llama70b from './data/llama-3.1-70b.json';
import llama405b from './data/llama-3.1-405b.json';
import kimiK2 from './data/kimi-k2.json';
import gptOss120b from './data/gpt-oss-120b.json';
import deepseekLlm67b from './data/deepseek-llm-67b.json';

/** Published headline parameter counts (rounded as their authors print them), in billions. */
export interface OfficialParams {
  readonly totalB: Figure;
  readonly activeB?: Figure;
}

export interface CatalogModel {
  readonly id: string;
  readonly name: string;
  /** The Hugging Face config.json, verbatim (see data/SOURCES.md). */
  readonly config: Record<string, unknown>;
  readonly architecture: ModelArchitecture;
  readonly officialParams: OfficialParams;
}

const V3_REPORT = 'DeepSeek-V3 Technical Report (arXiv:2412.19437) §4.2: "671B total parameters, of which 37B are activated for each token"';
const V2_REPORT = 'DeepSeek-V2 Technical Report (arXiv:2405.04434)';
const MIXTRAL = '"Mixtral of Experts" (arXiv:2401.04088) abstract: "47B parameters ... 13B active parameters"';
const MISTRAL_22 = 'mistral.ai/news/mixtral-8x22b: "uses only 39B active parameters out of 141B"';
const QWEN3 = 'Qwen3 Technical Report (arXiv:2505.09388) §2 / Table 5';
const LLAMA_CARD = 'github.com/meta-llama/llama-models models/llama3_1/MODEL_CARD.md @ a9c89c4';

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly config: unknown;
  readonly officialParams: OfficialParams;
}

const ENTRIES: readonly Entry[] = [
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    config: deepseekV3,
    officialParams: { totalB: figure(671, 'datasheet', V3_REPORT), activeB: figure(37, 'datasheet', V3_REPORT) },
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    config: deepseekR1,
    officialParams: {
      totalB: figure(671, 'datasheet', 'DeepSeek-R1 (arXiv:2501.12948) benchmark table: "# Total Params 671B", "# Activated Params 37B"'),
      activeB: figure(37, 'datasheet', 'DeepSeek-R1 (arXiv:2501.12948)'),
    },
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2',
    config: deepseekV2,
    officialParams: {
      totalB: figure(236, 'datasheet', `${V2_REPORT} abstract: "236B total parameters, of which 21B are activated"`),
      activeB: figure(21, 'datasheet', `${V2_REPORT} abstract`),
    },
  },
  {
    id: 'deepseek-v2-lite',
    name: 'DeepSeek-V2-Lite',
    config: deepseekV2Lite,
    officialParams: {
      totalB: figure(15.7, 'datasheet', `${V2_REPORT} Appendix B.1: "15.7B total parameters, of which 2.4B are activated"`),
      activeB: figure(2.4, 'datasheet', `${V2_REPORT} Appendix B.1`),
    },
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    config: mixtral8x7b,
    officialParams: { totalB: figure(47, 'datasheet', MIXTRAL), activeB: figure(13, 'datasheet', MIXTRAL) },
  },
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral 8x22B',
    config: mixtral8x22b,
    officialParams: { totalB: figure(141, 'datasheet', MISTRAL_22), activeB: figure(39, 'datasheet', MISTRAL_22) },
  },
  {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    config: qwen3_235b,
    officialParams: { totalB: figure(235, 'datasheet', `${QWEN3}: "235B parameters with 22B activated"`), activeB: figure(22, 'datasheet', QWEN3) },
  },
  {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3-30B-A3B',
    config: qwen3_30b,
    officialParams: { totalB: figure(30, 'datasheet', `${QWEN3} Table 5: "30B" total, "3B" activated`), activeB: figure(3, 'datasheet', QWEN3) },
  },
  { id: 'llama-3.1-8b', name: 'Llama 3.1 8B', config: llama8b, officialParams: { totalB: figure(8, 'datasheet', LLAMA_CARD) } },
  { id: 'llama-3.1-70b', name: 'Llama 3.1 70B', config: llama70b, officialParams: { totalB: figure(70, 'datasheet', LLAMA_CARD) } },
  {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    config: llama405b,
    officialParams: { totalB: figure(405, 'datasheet', `${LLAMA_CARD}; Llama 3 paper (arXiv:2407.21783) §3.2`) },
  },
  {
    id: 'kimi-k2',
    name: 'Kimi K2',
    config: kimiK2,
    officialParams: {
      totalB: figure(1000, 'datasheet', 'github.com/MoonshotAI/Kimi-K2 README.md @ c6157be §2: "Total Parameters 1T | Activated Parameters 32B"'),
      activeB: figure(32, 'datasheet', 'github.com/MoonshotAI/Kimi-K2 README.md @ c6157be §2'),
    },
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    config: gptOss120b,
    officialParams: {
      totalB: figure(117, 'datasheet', 'github.com/openai/gpt-oss README.md @ 7b58334: "117B parameters with 5.1B active parameters"'),
      activeB: figure(5.1, 'datasheet', 'github.com/openai/gpt-oss README.md @ 7b58334'),
    },
  },
  {
    id: 'deepseek-llm-67b',
    name: 'DeepSeek LLM 67B',
    config: deepseekLlm67b,
    officialParams: { totalB: figure(67, 'datasheet', 'github.com/deepseek-ai/DeepSeek-LLM README.md @ 6712a86: "67 billion parameters"') },
  },
];

/** Catalog entries normalised so far, by id: a request resolves only the model it names. */
const resolved = new Map<string, CatalogModel>();

function resolve(e: Entry): CatalogModel {
  let m = resolved.get(e.id);
  if (!m) {
    m = {
      id: e.id,
      name: e.name,
      config: e.config as Record<string, unknown>,
      architecture: normalizeConfig(e.config as Record<string, unknown>),
      officialParams: e.officialParams,
    };
    resolved.set(e.id, m);
  }
  return m;
}

let cache: readonly CatalogModel[] | undefined;

export function listModels(): readonly CatalogModel[] {
  cache ??= ENTRIES.map(resolve);
  return cache;
}

/** One catalog model (the same object listModels returns), normalising only that one on first use. */
export function getModel(id: string): CatalogModel | undefined {
  const e = ENTRIES.find((x) => x.id === id);
  return e ? resolve(e) : undefined;
}

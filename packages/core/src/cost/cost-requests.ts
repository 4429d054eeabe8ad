import type { AuditRequestBody, TcoRequest } from '@gcp/contract';
import { resolveGpuId, resolveModelInput } from '../catalog-inputs.js';
import { PlannerInputError } from '../errors.js';
import { defaultRentalUsdPerGpuHour, getGpuPrice } from '../prices/catalog.js';
import { planTraining } from '../training/plan.js';
import { figure, type Figure } from '../units/figure.js';
import { auditClaim, type ClaimAudit } from './claim-audit.js';
import { compareOwnership, REQUEST_SOURCE, type OwnershipResult } from './ownership.js';
import type { OwnershipDefaults } from './ownership-defaults.js';

/** POST /v1/cost/tco body (validated by the contract's schema). */
export type OwnershipRequest = TcoRequest;
/** POST /v1/audit body (validated by the contract's schema: exactly one of days and gpuHours). */
export type AuditRequest = AuditRequestBody;

/** The sequence length a claim is audited at when it names none (most published pre-training runs: 4K). */
export const DEFAULT_AUDIT_SEQUENCE_LENGTH = 4096;
/** Precision assumed for a claim that names none. */
export const DEFAULT_AUDIT_PRECISION = 'bf16';

const given = (value: number): Figure => figure(value, 'assumed', REQUEST_SOURCE);

/** The rental figure charged: the request's, or the GPU's default from its price file (with kind and source). */
function rentFigure(gpuId: string, requested: number | undefined): Figure & { rentalKind?: string } {
  if (requested !== undefined) return given(requested);
  const d = defaultRentalUsdPerGpuHour(gpuId);
  if (!d) throw PlannerInputError.at('gpu', 'has no price file', 'unknown');
  return { value: d.value, kind: d.kind, source: `${d.rentalKind} (${d.date}): ${d.source}`, rentalKind: d.rentalKind };
}

export interface OwnershipPlan extends OwnershipResult {
  readonly gpu: string;
  readonly rentalPrice: { readonly usdPerGpuHour: number; readonly kind: string; readonly source: string };
}

/** Buy vs rent for `gpuCount` GPUs of a catalog GPU, prices from the request or the GPU's price file. */
export function planOwnership(req: OwnershipRequest): OwnershipPlan {
  const gpu = resolveGpuId(req.gpu);
  const price = getGpuPrice(gpu.id);
  const rent = rentFigure(gpu.id, req.rentUsdPerGpuHour);
  const serverUsd = req.serverUsd !== undefined ? given(req.serverUsd) : req.gpuUsd !== undefined ? undefined : price?.serverUsd;
  const gpuUsd = req.gpuUsd !== undefined ? given(req.gpuUsd) : price?.gpuUsd;
  if (!serverUsd && !gpuUsd) throw PlannerInputError.at('gpuUsd', 'no purchase price is on file for this GPU: give gpuUsd or serverUsd', 'unsupported');
  const overrides: Partial<Record<keyof OwnershipDefaults, number>> = {};
  const keys: Array<keyof OwnershipDefaults> = [
    'pue',
    'usdPerKwh',
    'depreciationYears',
    'lifetimeUtilization',
    'gpuPowerShareOfTdp',
    'serverPowerPerGpuWatt',
    'networkingUsdPerNode',
    'storageUsdPerNode',
    'serverOverheadUsdPerNode',
    'facilityUsdPerKwMonth',
    'staffFtePer1000Gpus',
    'usdPerFteYear',
    'experimentMultiplier',
  ];
  for (const k of keys) if (req[k] !== undefined) overrides[k] = req[k];
  const result = compareOwnership({
    gpu,
    gpuCount: req.gpuCount,
    prices: { rentUsdPerGpuHour: rent, ...(serverUsd ? { serverUsd } : {}), ...(gpuUsd ? { gpuUsd } : {}) },
    overrides,
    ...(req.run ? { runGpuHours: req.run.gpuHours } : {}),
  });
  return { ...result, gpu: gpu.id, rentalPrice: { usdPerGpuHour: rent.value, kind: rent.rentalKind ?? 'request', source: rent.source } };
}

export interface AuditPlan extends ClaimAudit {
  readonly rentalPrice: { readonly usdPerGpuHour: number; readonly kind: string; readonly source: string };
  /** Why the planner made no prediction, when it could not. */
  readonly predictionUnavailable?: string;
}

/** Audits a published training claim against physics and the training planner's own prediction. */
export function auditTrainingClaim(req: AuditRequest): AuditPlan {
  const gpu = resolveGpuId(req.gpu);
  const { arch } = resolveModelInput(req.model);
  const precision = req.precision ?? DEFAULT_AUDIT_PRECISION;
  if (precision === 'fp8' && !gpu.denseTflops.fp8) throw PlannerInputError.at('precision', 'fp8 is not available on this GPU (no FP8 tensor cores)');
  const sequenceLength = req.sequenceLength ?? Math.min(DEFAULT_AUDIT_SEQUENCE_LENGTH, arch.maxPositionEmbeddings);
  let predicted: { gpuHours: number; tokensPerSecondPerGpu: number } | undefined;
  let predictionUnavailable: string | undefined;
  try {
    const plan = planTraining({
      model: req.model,
      gpu: gpu.id,
      gpuCount: req.gpuCount,
      tokens: req.tokens,
      sequenceLength,
      precision,
      ...(req.globalBatchTokens !== undefined ? { globalBatchTokens: req.globalBatchTokens } : {}),
    });
    if (plan.feasible) predicted = { gpuHours: plan.gpuHours, tokensPerSecondPerGpu: plan.tokensPerSecondPerGpu };
    else predictionUnavailable = `no layout fits: ${plan.reasons[0] ?? ''}`;
  } catch (e) {
    if (!(e instanceof PlannerInputError)) throw e;
    predictionUnavailable = e.message;
  }
  const rent = rentFigure(gpu.id, undefined);
  const gpuUsd = getGpuPrice(gpu.id)?.gpuUsd;
  const audit = auditClaim({
    arch,
    gpu,
    gpuCount: req.gpuCount,
    tokens: req.tokens,
    precision,
    sequenceLength,
    ...(req.days !== undefined ? { days: req.days } : {}),
    ...(req.gpuHours !== undefined ? { gpuHours: req.gpuHours } : {}),
    ...(req.costUsd !== undefined ? { costUsd: req.costUsd } : {}),
    ...(predicted ? { predicted } : {}),
    ...(gpuUsd ? { gpuUsd } : {}),
    rentUsdPerGpuHour: rent,
  });
  return {
    ...audit,
    rentalPrice: { usdPerGpuHour: rent.value, kind: rent.rentalKind ?? 'request', source: rent.source },
    ...(predictionUnavailable ? { predictionUnavailable, reasons: [...audit.reasons, `no planner prediction: ${predictionUnavailable}`] } : {}),
  };
}

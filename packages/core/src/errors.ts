/**
 * The one error the planner throws about its input (as opposed to a deployment that merely
 * doesn't fit, which is a result). The request's shape, types and bounds are the contract's
 * (@gcp/contract schemas, checked before the planner runs); what is left are the rules that need
 * the catalogs or the model:
 *  - 'invalid': the input contradicts itself or the model (a layout that does not multiply out or
 *    breaks a rule of the model and machine, a context beyond the model's positions, a pasted
 *    config.json that does not describe a model, FP8 training on a chip without FP8);
 *  - 'unknown': a model or GPU id not in the catalog;
 *  - 'unsupported': valid, but nothing the planner can build satisfies it.
 * Each issue names the offending field from the request root (`deployment.prefill.attentionTp`,
 * `model.config.hidden_size`) and the rule; messages never echo the submitted values.
 */
export type PlannerInputErrorKind = 'invalid' | 'unknown' | 'unsupported';

export interface PlannerIssue {
  readonly path: string;
  readonly message: string;
}

export class PlannerInputError extends Error {
  override readonly name = 'PlannerInputError';
  constructor(
    readonly kind: PlannerInputErrorKind,
    readonly issues: readonly PlannerIssue[],
  ) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }

  /** One issue at `path`. */
  static at(path: string, message: string, kind: PlannerInputErrorKind = 'invalid'): PlannerInputError {
    return new PlannerInputError(kind, [{ path, message }]);
  }

  /** The same error with every path under `prefix` (a pasted config read as `config.*` is `model.config.*` in a plan request). */
  under(prefix: string): PlannerInputError {
    return new PlannerInputError(
      this.kind,
      this.issues.map((issue) => ({ path: `${prefix}.${issue.path}`, message: issue.message })),
    );
  }
}

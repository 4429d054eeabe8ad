/** A training request the planner cannot answer: names each offending field (never echoes values). */
export interface TrainingIssue {
  readonly path: string;
  readonly message: string;
}

export class TrainingPlanError extends Error {
  readonly issues: readonly TrainingIssue[];
  /** 'invalid': malformed or contradictory input; 'unknown': an id not in a catalog; 'unsupported': valid but not possible on this hardware. */
  readonly kind: 'invalid' | 'unknown' | 'unsupported';
  constructor(kind: TrainingPlanError['kind'], issues: readonly TrainingIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'TrainingPlanError';
    this.kind = kind;
    this.issues = issues;
  }
}

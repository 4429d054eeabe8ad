import type { LayerComm } from './communication.js';

/**
 * Tensor-parallel communication overlap as Megatron-Core / Transformer Engine implement it
 * (`tp_comm_overlap`, "userbuffers"): the sequence-parallel all-gather before each column-parallel
 * GEMM (QKV, FC1) and the reduce-scatter after each row-parallel GEMM (output projection, FC2) are
 * split into `tp` chunks, and the GEMM on one chunk runs while the next chunk moves — forward and
 * backward alike. Per layer and micro-batch:
 *
 *   exposed = max(collectives ÷ tp, collectives − the layer's TP-sliced GEMM time)
 *
 * The first chunk of each collective cannot overlap (the ÷ tp floor); beyond the GEMMs' own
 * duration the transfer is exposed. The SMs the reduce-scatter kernels use, and the slower
 * chunked GEMMs, are not modelled (optimistic by a few per cent where overlap is on).
 */
export function withTpOverlap(comm: LayerComm, tokenGemmS: number, tp: number, overlap: boolean): LayerComm {
  if (!overlap || tp <= 1 || comm.tpCommS <= 0) return comm;
  const total = comm.tpCommS + comm.tpOverlappedS;
  const exposed = Math.max(total / tp, total - tokenGemmS);
  return { ...comm, tpCommS: exposed, tpOverlappedS: total - exposed };
}

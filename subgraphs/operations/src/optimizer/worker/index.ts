export {
  closeSharedOptimizerPool,
  OptimizerPool,
  sharedOptimizerPool,
  type OptimizerPoolOptions,
  type WorkerSolveOptions,
} from './optimizer-pool';

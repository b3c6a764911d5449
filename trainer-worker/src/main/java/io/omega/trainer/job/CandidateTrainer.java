package io.omega.trainer.job;

/**
 * Trains and saves one candidate. Runs on the worker's training thread, for as long as it takes; an
 * interrupt means the run is abandoned (shutdown, or the request's partition moved to another worker).
 * Any exception becomes a FAILED result carrying its message: no data, a NaN loss, a full disk.
 */
@FunctionalInterface
public interface CandidateTrainer {

    TrainedCandidate train(TrainingJob job) throws Exception;
}

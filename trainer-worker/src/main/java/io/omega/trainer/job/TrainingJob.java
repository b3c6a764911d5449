package io.omega.trainer.job;

import io.omega.schemas.event.TargetType;
import io.omega.schemas.event.TrainingReason;
import io.omega.schemas.event.TrainingRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One training run as a request asks for it, every value checked.
 *
 * @param dataUpTo the request's {@code data_up_to}: learn from what was logged up to then (null: everything on file)
 */
public record TrainingJob(String requestId, String modelType, int daysBack, int epochs, int batchSize, int windowSize,
                          int predictionHorizon, TargetType targetType, TrainingReason reason, String requestedBy,
                          Instant dataUpTo) {

    /** A run on everything on file. */
    public TrainingJob(String requestId, String modelType, int daysBack, int epochs, int batchSize, int windowSize,
                       int predictionHorizon, TargetType targetType, TrainingReason reason, String requestedBy) {
        this(requestId, modelType, daysBack, epochs, batchSize, windowSize, predictionHorizon, targetType, reason,
                requestedBy, null);
    }

    public static final Set<String> MODEL_TYPES = Set.of("cnn", "lstm");

    /**
     * The job a request describes. A request that decodes but makes no sense is refused with every bad field
     * named, so the requester learns from the FAILED result what to fix.
     */
    public static TrainingJob from(TrainingRequest r) {
        List<String> problems = new ArrayList<>();
        if (!MODEL_TYPES.contains(r.getModelType())) {
            problems.add("model_type must be one of " + MODEL_TYPES.stream().sorted().toList() + ", got '"
                    + r.getModelType() + "'");
        }
        range(problems, "days_back", r.getDaysBack(), 1, 3650);
        range(problems, "epochs", r.getEpochs(), 1, 100_000);
        range(problems, "batch_size", r.getBatchSize(), 1, 65_536);
        range(problems, "window_size", r.getWindowSize(), 2, 10_000);
        range(problems, "prediction_horizon", r.getPredictionHorizon(), 1, 10_000);
        if (!problems.isEmpty()) {
            throw new InvalidTrainingRequestException("training request " + r.getId() + " refused: "
                    + String.join("; ", problems));
        }
        return new TrainingJob(r.getId(), r.getModelType(), r.getDaysBack(), r.getEpochs(), r.getBatchSize(),
                r.getWindowSize(), r.getPredictionHorizon(), r.getTargetType(), r.getReason(), r.getRequestedBy(),
                r.getDataUpTo());
    }

    private static void range(List<String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}

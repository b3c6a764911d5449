package io.omega.trainer.loop;

import io.omega.registry.client.ModelRegistration;
import io.omega.registry.client.RegistryCommands;
import io.omega.schemas.event.RegistryCommand;
import io.omega.schemas.event.TrainingRequest;
import io.omega.schemas.event.TrainingResult;
import io.omega.schemas.event.TrainingStatus;
import io.omega.schemas.id.EventIds;
import io.omega.trainer.job.TrainedCandidate;
import io.omega.trainer.job.TrainingJob;

import java.time.Clock;
import java.util.Map;

/** The records a finished request leads to: its result, and for a trained model the command registering it. */
final class TrainingOutcomes {

    static final String ACTOR = "trainer-worker";

    private final Clock clock;
    private final RegistryCommands commands;

    TrainingOutcomes(Clock clock) {
        this.clock = clock;
        this.commands = new RegistryCommands(clock);
    }

    TrainingResult succeeded(TrainingJob job, TrainedCandidate candidate) {
        return new TrainingResult(EventIds.next(clock.millis()), clock.instant(), job.requestId(), job.modelType(),
                TrainingStatus.SUCCEEDED, candidate.version(), candidate.metrics(), null);
    }

    RegistryCommand register(TrainingJob job, TrainedCandidate candidate) {
        return commands.register(new ModelRegistration(candidate.modelType(), candidate.version(),
                        candidate.artifactUri(), candidate.sha256(), candidate.config(), candidate.metrics(),
                        candidate.dataFrom(), candidate.dataTo()), ACTOR,
                "trained for request " + job.requestId() + " (" + job.reason() + ", requested by "
                        + job.requestedBy() + ")");
    }

    TrainingResult failed(TrainingRequest request, String error) {
        return new TrainingResult(EventIds.next(clock.millis()), clock.instant(), request.getId(),
                request.getModelType(), TrainingStatus.FAILED, null, Map.of(), error);
    }

    /** The message a failed run reports: the deepest cause's, with its type, so "No space left" is not hidden. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? top : top + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}

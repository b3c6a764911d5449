package io.omega.learning.artifact;

import io.omega.config.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The training settings as they go into metadata, keyed like the {@code training} section of the config file. */
public final class TrainingConfigMap {

    private TrainingConfigMap() {
    }

    public static Map<String, Object> of(TrainingConfig c, String modelType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_type", modelType);
        m.put("days_back", c.daysBack());
        m.put("epochs", c.epochs());
        m.put("batch_size", c.batchSize());
        m.put("window_size", c.windowSize());
        m.put("prediction_horizon", c.predictionHorizon());
        m.put("target_type", c.targetType().name().toLowerCase(Locale.ROOT));
        m.put("early_stopping_patience", c.earlyStoppingPatience());
        m.put("learning_rate", c.learningRate());
        m.put("seed", c.seed());
        m.put("validation_fraction", c.validationFraction());
        m.put("test_fraction", c.testFraction());
        return m;
    }
}

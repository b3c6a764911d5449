package io.omega.learning.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omega.config.TrainingConfig;
import io.omega.config.TrainingConfig.TargetType;
import io.omega.learning.dataset.ChronologicalSplitter;
import io.omega.learning.dataset.DatasetBuilder;
import io.omega.learning.dataset.DatasetSpec;
import io.omega.learning.dataset.DatasetSplit;
import io.omega.learning.dataset.FeatureNormalizer;
import io.omega.learning.dataset.NormalizationStats;
import io.omega.learning.dataset.SyntheticRows;
import io.omega.learning.dataset.WindowTensors;
import io.omega.learning.model.InputShape;
import io.omega.learning.model.ModelFactory;
import io.omega.learning.model.ModelTrainer;
import io.omega.learning.model.ModelType;
import io.omega.learning.model.NetworkSettings;
import io.omega.learning.model.OutputKind;
import io.omega.learning.model.TrainOptions;
import io.omega.learning.model.TrainingListener;
import io.omega.learning.model.TrainingResult;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelArtifactStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-24T12:00:00.400Z"), ZoneOffset.UTC);
    private static MultiLayerNetwork network;
    private static ModelMetadata metadata;
    private static DatasetSplit split;
    private static NormalizationStats stats;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void trainSmallModel() {
        DatasetSpec spec = new DatasetSpec(List.of("ret", "trend", "noise"), 12, 3, TargetType.DIRECTION, null, 3.0, 2,
                0.15, 0.15, 10);
        split = new ChronologicalSplitter().trainTestSplit(
                new DatasetBuilder().buildFromLogs(SyntheticRows.randomWalk("BTC", 300, 5), spec));
        stats = new FeatureNormalizer().fit(split.dataset(), split.train());
        network = new ModelFactory(NetworkSettings.defaults(1))
                .buildModel(ModelType.CNN, new InputShape(12, 3), 2, OutputKind.CLASSIFICATION);
        TrainingResult result = new ModelTrainer(new WindowTensors(DataType.FLOAT))
                .train(network, split, stats, new TrainOptions(2, 32, 10, 1), TrainingListener.NONE);
        TrainingConfig config = new TrainingConfig(7, 2, 32, 12, 3, TargetType.DIRECTION, 10, 0.001, 1, 0.15, 0.15);
        metadata = ModelMetadata.of(ModelType.CNN, split, stats, result, TrainingConfigMap.of(config, "cnn"));
    }

    @Test
    void savesZipAndMetadataUnderTheDocumentedLayoutAndLoadsTheSameNetwork() throws Exception {
        ModelArtifactStore store = new ModelArtifactStore(dataDir, CLOCK);
        SavedModel saved = store.saveModel(ModelType.CNN, network, metadata);

        assertThat(saved.version()).isEqualTo("20250124_120000");
        assertThat(saved.zip()).isEqualTo(dataDir.resolve("models/cnn/cnn_20250124_120000.zip"));
        assertThat(saved.metadataFile()).isEqualTo(dataDir.resolve("models/cnn/cnn_20250124_120000.json"));
        assertThat(saved.metadata().sha256()).isEqualTo(ModelArtifactStore.sha256(saved.zip())).hasSize(64);
        try (var files = Files.list(dataDir.resolve("models/cnn"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cnn_20250124_120000.zip", "cnn_20250124_120000.json");
        }

        JsonNode json = new ObjectMapper().readTree(saved.metadataFile().toFile());
        assertThat(json.get("modelType").asText()).isEqualTo("cnn");
        assertThat(json.get("version").asText()).isEqualTo("20250124_120000");
        assertThat(json.get("features").toString()).isEqualTo("[\"ret\",\"trend\",\"noise\"]");
        assertThat(json.get("windowSize").asInt()).isEqualTo(12);
        assertThat(json.get("predictionHorizon").asInt()).isEqualTo(3);
        assertThat(json.get("target").asText()).isEqualTo("direction");
        assertThat(json.get("normalization").get("mean")).hasSize(3);
        assertThat(json.get("trainingConfig").get("batch_size").asInt()).isEqualTo(32);
        assertThat(json.get("dataRange").get("from").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json.get("dataRange").get("to").asText()).isEqualTo("2026-01-01T04:59:00Z");
        assertThat(json.get("metrics").get("validation").get("accuracy").isNumber()).isTrue();
        assertThat(json.get("metrics").get("test").get("f1").isNumber()).isTrue();
        assertThat(json.get("sha256").asText()).isEqualTo(saved.metadata().sha256());

        LoadedModel loaded = store.loadModel(ModelType.CNN, saved.version());
        // JSON numbers come back as Integer where a long went in: compare the config map through its text.
        assertThat(loaded.metadata()).usingRecursiveComparison().ignoringFields("trainingConfig").isEqualTo(saved.metadata());
        assertThat(loaded.metadata().trainingConfig().toString()).isEqualTo(saved.metadata().trainingConfig().toString());
        INDArray input = new WindowTensors(DataType.FLOAT).features(split.dataset(), split.test(), stats);
        assertThat(loaded.network().output(input, false)).isEqualTo(network.output(input, false));
        assertThat(store.versions(ModelType.CNN)).containsExactly("20250124_120000");
    }

    @Test
    void theFusedLstmSurvivesSaveAndLoad() {
        MultiLayerNetwork lstm = new ModelFactory(NetworkSettings.defaults(2))
                .buildModel(ModelType.LSTM, new InputShape(12, 3), 2, OutputKind.CLASSIFICATION);
        new ModelTrainer(new WindowTensors(DataType.FLOAT))
                .train(lstm, split, stats, new TrainOptions(1, 32, 10, 2), TrainingListener.NONE);
        ModelArtifactStore store = new ModelArtifactStore(dataDir, CLOCK);
        SavedModel saved = store.saveModel(ModelType.LSTM, lstm, metadata);
        assertThat(saved.zip()).isEqualTo(dataDir.resolve("models/lstm/lstm_20250124_120000.zip"));

        LoadedModel loaded = store.loadModel(ModelType.LSTM, saved.version());
        INDArray input = new WindowTensors(DataType.FLOAT).features(split.dataset(), split.test(), stats);
        assertThat(loaded.network().output(input, false)).isEqualTo(lstm.output(input, false));
        assertThat(loaded.network().params()).isEqualTo(lstm.params());
    }

    @Test
    void twoModelsSavedInTheSameSecondGetDistinctVersions() {
        ModelArtifactStore store = new ModelArtifactStore(dataDir, CLOCK);
        String first = store.saveModel(ModelType.CNN, network, metadata).version();
        String second = store.saveModel(ModelType.CNN, network, metadata).version();
        String third = store.saveModel(ModelType.CNN, network, metadata).version();
        assertThat(List.of(first, second, third)).containsExactly("20250124_120000", "20250124_120001", "20250124_120002");
        assertThat(store.versions(ModelType.CNN)).containsExactly(first, second, third);
    }

    @Test
    void anExplicitVersionIsNeverOverwritten() {
        ModelArtifactStore store = new ModelArtifactStore(dataDir, CLOCK);
        store.saveModel(ModelType.CNN, "20250101_000000", network, metadata);
        assertThatThrownBy(() -> store.saveModel(ModelType.CNN, "20250101_000000", network, metadata))
                .hasMessageContaining("version 20250101_000000 already exists");
        assertThatThrownBy(() -> store.saveModel(ModelType.CNN, "v1", network, metadata))
                .hasMessageContaining("version must look like 20250124_120000");
    }

    @Test
    void aChangedZipIsRefusedNamingTheFileAndBothChecksums() throws Exception {
        ModelArtifactStore store = new ModelArtifactStore(dataDir, CLOCK);
        SavedModel saved = store.saveModel(ModelType.CNN, network, metadata);
        try (RandomAccessFile file = new RandomAccessFile(saved.zip().toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xFF);
        }
        String actual = ModelArtifactStore.sha256(saved.zip());
        assertThatThrownBy(() -> store.loadModel(ModelType.CNN, saved.version()))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(saved.zip().toString())
                .hasMessageContaining(saved.metadata().sha256())
                .hasMessageContaining(actual);
    }
}

package io.omega.sink;

import io.omega.config.OmegaConfig;
import io.omega.config.SelfLearningConfig;
import io.omega.config.SinkConfig;
import io.omega.store.format.CsvFormat;
import io.omega.store.format.ExperienceFileFormat;
import io.omega.store.format.ParquetFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the sink needs from the configuration, in one value.
 *
 * @param maintenanceInterval how often (wall clock) closed days are compacted and old days deleted
 * @param instanceId          {@code group.instance.id}, empty for dynamic group membership; from the configuration,
 *                            {@code sink.instance_id} as given, or derived per host and data directory when it is
 *                            empty ({@link DefaultInstanceId})
 */
public record SinkSettings(Path dataDir, ExperienceFileFormat format, String bootstrapServers, String clientId,
                           String groupId, int flushRecords, Duration flushInterval, Duration compactionGrace,
                           int keepLogsDays, Duration maintenanceInterval, String instanceId) {

    public static final Duration DEFAULT_MAINTENANCE_INTERVAL = Duration.ofMinutes(1);

    public static SinkSettings from(OmegaConfig config) {
        SinkConfig sink = config.sink();
        SelfLearningConfig learning = config.selfLearning();
        return new SinkSettings(config.storage().dataDir(), format(learning.logFileFormat(), sink.compression()),
                config.kafka().bootstrapServers(), config.kafka().clientIdPrefix() + "-sink", sink.groupId(),
                sink.flushRecords(), Duration.ofMillis(sink.flushIntervalMs()),
                Duration.ofMinutes(sink.compactionGraceMinutes()), learning.keepLogsDays(), DEFAULT_MAINTENANCE_INTERVAL,
                DefaultInstanceId.resolve(sink.instanceId(), config.storage().dataDir()));
    }

    public static ExperienceFileFormat format(SelfLearningConfig.LogFileFormat format,
                                              SinkConfig.ParquetCompression compression) {
        return switch (format) {
            case CSV -> CsvFormat.INSTANCE;
            case PARQUET -> new ParquetFormat(switch (compression) {
                case ZSTD -> CompressionCodecName.ZSTD;
                case SNAPPY -> CompressionCodecName.SNAPPY;
                case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
            });
        };
    }

    public SinkSettings withMaintenanceInterval(Duration interval) {
        return new SinkSettings(dataDir, format, bootstrapServers, clientId, groupId, flushRecords, flushInterval,
                compactionGrace, keepLogsDays, interval, instanceId);
    }
}

package io.omega.sink;

import io.omega.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultInstanceIdTest {

    @Test
    void theSameHostAndDataDirectoryAlwaysGiveTheSameIdAndAnotherDirectoryAnother() {
        String id = DefaultInstanceId.of("Trader-Box.local", Path.of("/var/omega/data"));
        assertThat(id).isEqualTo(DefaultInstanceId.of("Trader-Box.local", Path.of("/var/omega/./data")));
        assertThat(id).matches("sink-trader-box\\.local-[0-9a-f]{12}");
        assertThat(DefaultInstanceId.of("Trader-Box.local", Path.of("/var/omega/data2"))).isNotEqualTo(id);
        assertThat(DefaultInstanceId.of("other host", Path.of("/var/omega/data"))).startsWith("sink-other-host-");
    }

    @Test
    void theConfigurationChoosesGivenDerivedOrNone() {
        Path dir = Path.of("/var/omega/data");
        assertThat(DefaultInstanceId.resolve("sink-7", dir)).isEqualTo("sink-7");
        assertThat(DefaultInstanceId.resolve("dynamic", dir)).isEmpty();
        assertThat(DefaultInstanceId.resolve("", dir)).matches("sink-[a-z0-9._-]+-[0-9a-f]{12}");
    }

    @Test
    void aSinkConfiguredWithoutAnIdGetsTheDerivedOne() {
        var config = ConfigLoader.parse("""
                storage:
                  data_dir: "/tmp/omega-instance-test"
                """, Map.of());
        assertThat(SinkSettings.from(config).instanceId())
                .isEqualTo(DefaultInstanceId.resolve("", Path.of("/tmp/omega-instance-test")))
                .endsWith(DefaultInstanceId.of("x", Path.of("/tmp/omega-instance-test")).substring("sink-x-".length()));
    }
}

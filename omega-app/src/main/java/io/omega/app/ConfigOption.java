package io.omega.app;

import io.omega.config.ConfigLoader;
import io.omega.config.OmegaConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --config} option every service command shares. */
public final class ConfigOption {

    public static final Path DEFAULT = Path.of("config", "trading_config.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/trading_config.yaml if that file exists, else the "
                    + "built-in defaults; OMEGA_<SECTION>__<KEY> environment variables override either).")
    Path file;

    /** The validated configuration; environment overrides applied. Throws ConfigException when invalid. */
    public OmegaConfig load() {
        if (file != null) {
            return ConfigLoader.load(file);
        }
        // No file: the defaults, still with environment overrides.
        return Files.exists(DEFAULT) ? ConfigLoader.load(DEFAULT) : ConfigLoader.parse("", System.getenv());
    }
}

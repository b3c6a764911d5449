package io.omega.controller;

import io.omega.config.RegistryMode;
import io.omega.config.SchemaRegistryConfig;
import io.omega.schemas.serde.OmegaSerdes;

/**
 * One embedded schema registry for every test class of this JVM: the test classes share one broker, and a record
 * written under one registry's ids cannot be read with another's.
 */
public final class SharedSerdes {

    public static final OmegaSerdes SERDES = new OmegaSerdes(new SchemaRegistryConfig(RegistryMode.EMBEDDED, "", true));

    private SharedSerdes() {
    }
}

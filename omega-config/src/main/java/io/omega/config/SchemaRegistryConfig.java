package io.omega.config;

import java.net.URI;

/**
 * The {@code schema_registry} section.
 *
 * @param mode EMBEDDED: an in-memory registry inside the JVM (demo, tests); URL: a real registry at {@code url}
 */
public record SchemaRegistryConfig(RegistryMode mode, String url, boolean autoRegister) {

    static SchemaRegistryConfig read(Section s) {
        RegistryMode mode = s.choice("mode", RegistryMode.EMBEDDED);
        String url = s.string("url", "");
        if (mode == RegistryMode.URL && !isHttpUrl(url)) {
            s.problem("url", url.isBlank() ? "is required when mode is url"
                    : "must be an absolute http:// or https:// URL, got '" + url + "'");
        }
        return new SchemaRegistryConfig(mode, url, s.bool("auto_register", true));
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

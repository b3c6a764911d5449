package io.omega.config;

/** Where schemas are registered. */
public enum RegistryMode { EMBEDDED, URL }

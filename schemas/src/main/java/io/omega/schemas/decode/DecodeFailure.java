package io.omega.schemas.decode;

/**
 * Whether a record that failed to decode may decode later. Only {@link #PERMANENT} failures belong on a
 * dead-letter topic: a {@link #TRANSIENT} one says nothing about the record, so its consumer waits and tries the
 * same record again rather than moving past it.
 */
public enum DecodeFailure {
    /** The schema registry could not be asked (refused, timed out, 5xx, ...): the same bytes may decode later. */
    TRANSIENT,
    /** The bytes themselves are at fault (wrong format, a schema id the registry does not know, bad Avro). */
    PERMANENT
}

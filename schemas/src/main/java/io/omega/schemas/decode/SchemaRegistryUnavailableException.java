package io.omega.schemas.decode;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A record could not be decoded because the schema registry could not be asked for its schema. Deliberately not a
 * {@link org.apache.kafka.common.errors.SerializationException}: code that dead-letters serialization failures
 * must not catch this one by accident.
 */
public final class SchemaRegistryUnavailableException extends RetriableException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.omega.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A service died of a checked exception; unchecked ones reach the caller as they were thrown. */
public final class ServiceFailedException extends RuntimeException {

    public ServiceFailedException(String service, Throwable cause) {
        super(service + " stopped: " + reason(cause), cause);
    }

    /** The exception's message, or its type when it has none. */
    static String reason(Throwable e) {
        Throwable cause = unwrap(e);
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }

    static String reason(CompletableFuture<?> failed) {
        try {
            failed.getNow(null);
            return "no failure";
        } catch (CompletionException e) {
            return reason(e);
        }
    }

    /** What a future wrapped on its way: the exception the service's work threw. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

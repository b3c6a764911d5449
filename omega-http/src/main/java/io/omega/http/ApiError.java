package io.omega.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: the status, its name, a message that names what is wrong, and optionally
 * what the caller may want to see (e.g. the rejecting event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, Object details) {
}

package io.omega.http;

/** A request that cannot be served, with the status and message to answer it with. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final transient Object details;

    public HttpProblem(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message, null);
    }

    public static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, message, null);
    }

    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, message, null);
    }

    public static HttpProblem notFound(String message) {
        return new HttpProblem(404, message, null);
    }

    public static HttpProblem conflict(String message, Object details) {
        return new HttpProblem(409, message, details);
    }

    public static HttpProblem gatewayTimeout(String message) {
        return new HttpProblem(504, message, null);
    }

    public int status() {
        return status;
    }

    public Object details() {
        return details;
    }
}

package io.omega.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards mutating calls with one bearer token from configuration. An empty configured token refuses every mutation:
 * a fresh install is read-only until an operator sets one.
 */
public final class BearerTokenAuth {

    private static final String PREFIX = "Bearer ";

    private final byte[] token;
    private final String settingName;

    /** @param settingName the configuration key holding the token, named in the refusal */
    public BearerTokenAuth(String token, String settingName) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.settingName = settingName;
    }

    /** {@code handler}, run only for callers that show the token. */
    public Handler protect(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    public void check(Context ctx) {
        if (token.length == 0) {
            throw HttpProblem.forbidden("changes are disabled: no admin token is configured (" + settingName + ")");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw HttpProblem.unauthorized("this call changes state: send 'Authorization: Bearer <token>'");
        }
        byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant time, so the answer's timing says nothing about how much of a guess was right.
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw HttpProblem.unauthorized("wrong bearer token");
        }
    }
}

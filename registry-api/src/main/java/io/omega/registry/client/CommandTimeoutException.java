package io.omega.registry.client;

import java.time.Duration;

/** No event answered a command in time: the registry may be down, or the command may still be answered later. */
public final class CommandTimeoutException extends RuntimeException {

    private final String commandId;

    public CommandTimeoutException(String commandId, Duration waited) {
        super("no registry event answered command " + commandId + " within " + waited.toMillis()
                + " ms; is the registry service running?");
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}

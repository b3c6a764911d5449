package io.omega.exchange.okx;

/**
 * One OKX subscription: a channel of one instrument, as it appears in a subscribe request's {@code args} and in the
 * {@code arg} of acknowledgements and pushed data. Equality is what matches an acknowledgement to its request.
 */
public record OkxArg(String channel, String instId) {

    public OkxArg {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("an OKX subscription needs a channel, got " + quoted(channel));
        }
        if (instId == null || instId.isBlank()) {
            throw new IllegalArgumentException("an OKX subscription of channel '" + channel
                    + "' needs an instId, got " + quoted(instId));
        }
    }

    /** The trades of one instrument, the source of the paper trader's bars. */
    public static OkxArg trades(String instId) {
        return new OkxArg(OkxChannels.TRADES, instId);
    }

    @Override
    public String toString() {
        return channel + " of " + instId;
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}

package io.omega.exchange.okx;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the subscriptions still waiting for an acknowledgement an OKX error refers to. OKX's error frame usually
 * carries no {@code arg}; its message names the channel and instrument instead, as in
 * {@code "channel:trades,instId:NOPE-USDT doesn't exist"} (60018) or an echo of the request (60012). When it does
 * carry one, the message may name nothing ({@code "channel not found"}), so the {@code arg} is read as well.
 */
final class Refusals {

    private static final Pattern INST_ID = Pattern.compile("instId\\W*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern CHANNEL = Pattern.compile("channel\\W*([A-Za-z0-9][A-Za-z0-9._-]*)");

    private Refusals() {
    }

    static List<OkxArg> named(Collection<OkxArg> pending, OkxEvent.ServerError error) {
        String message = error.message() == null ? "" : error.message();
        Set<String> instIds = all(INST_ID, message);
        Set<String> channels = all(CHANNEL, message);
        return pending.stream()
                .filter(a -> a.equals(error.arg())
                        || instIds.contains(a.instId()) && (channels.isEmpty() || channels.contains(a.channel())))
                .toList();
    }

    private static Set<String> all(Pattern pattern, String message) {
        Set<String> found = new HashSet<>();
        Matcher m = pattern.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

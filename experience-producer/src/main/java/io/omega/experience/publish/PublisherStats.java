package io.omega.experience.publish;

/**
 * Counts since the publisher started. {@code offered = delivered + dropped + failed + waiting + inFlight}
 * once the publisher has caught up (the figures are read one by one, so a snapshot taken while events flow
 * may be off by the events that moved meanwhile).
 *
 * @param offered   events given to the publisher
 * @param delivered events Kafka acknowledged
 * @param dropped   events discarded because the queue was full (the oldest waiting ones)
 * @param failed    events Kafka refused for good (e.g. too large, not serialisable)
 * @param waiting   events queued, not yet handed to Kafka
 * @param inFlight  events handed to Kafka, not yet acknowledged
 */
public record PublisherStats(long offered, long delivered, long dropped, long failed, long waiting, long inFlight) {
}

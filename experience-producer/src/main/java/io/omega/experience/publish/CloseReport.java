package io.omega.experience.publish;

/**
 * What {@link KafkaPublisher#close(java.time.Duration)} achieved.
 *
 * @param undelivered events neither delivered, dropped nor failed when the timeout ran out
 */
public record CloseReport(long delivered, long dropped, long failed, long undelivered) {

    public boolean complete() {
        return undelivered == 0;
    }
}

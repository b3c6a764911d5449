package io.omega.controller.monitor;

import io.omega.schemas.event.RegistryEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Folds the registry's events into "which version is in production, since which event", per model type: a global
 * store, so every monitor task sees the whole registry whatever partitions it owns.
 */
final class ProductionVersions implements Processor<String, RegistryEvent, Void, Void> {

    static final String STORE = "production-versions";

    private KeyValueStore<String, Production> production;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        production = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, RegistryEvent> record) {
        RegistryEvent event = record.value();
        if (event == null) {
            return;
        }
        switch (event.getEventType()) {
            // Both name the version that is in production afterwards; a rollback of the first production version
            // names none (the engine is back on its rules, and there is nothing to watch).
            case PROMOTED, ROLLED_BACK -> {
                if (event.getVersion() == null) {
                    production.delete(event.getModelType());
                } else {
                    production.put(event.getModelType(), new Production(event.getVersion(), event.getId()));
                }
            }
            default -> {
                // REGISTERED, ARCHIVED and REJECTED do not change production.
            }
        }
    }
}

package io.omega.testing.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test a real Kafka broker, shared by every test class of the JVM: it is started on first use
 * and stopped when the JUnit run ends. Resolves parameters of type {@link KafkaTestBroker}.
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class MyIT {
 *     MyIT(KafkaTestBroker kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The shared broker, for code that has an {@link ExtensionContext} rather than a parameter. */
    public static KafkaTestBroker broker(ExtensionContext context) {
        // The root store outlives every test class, and closes the broker when the whole run ends.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new ClosingHolder(SharedKafkaBroker.start()), ClosingHolder.class)
                .broker();
    }

    private record ClosingHolder(SharedKafkaBroker broker) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            broker.close();
        }
    }
}

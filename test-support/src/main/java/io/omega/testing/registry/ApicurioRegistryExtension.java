package io.omega.testing.registry;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the real Apicurio Registry, one process shared by every test class of the JVM and stopped when
 * the run ends. Resolves parameters of type {@link ApicurioRegistryProcess}.
 */
public final class ApicurioRegistryExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApicurioRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApicurioRegistryProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("registry", key -> new Holder(ApicurioRegistryProcess.start()), Holder.class)
                .registry();
    }

    private record Holder(ApicurioRegistryProcess registry) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            registry.close();
        }
    }
}

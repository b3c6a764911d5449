package io.omega.service;

/** Where {@link ServiceRunner} registers its one shutdown hook: the JVM's, or a test's stand-in. */
public interface ShutdownHooks {

    void add(Thread hook);

    /** Takes the hook back after a stop that did not come from shutdown; nothing to do when shutdown is under way. */
    void remove(Thread hook);

    static ShutdownHooks jvm() {
        return new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is what stopped the services; it ends by itself
                }
            }
        };
    }
}

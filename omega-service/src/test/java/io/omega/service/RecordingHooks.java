package io.omega.service;

import java.util.ArrayList;
import java.util.List;

/** Shutdown hooks a test can look at and run, as the JVM would on Ctrl-C. */
final class RecordingHooks implements ShutdownHooks {

    final List<Thread> added = new ArrayList<>();
    final List<Thread> removed = new ArrayList<>();

    @Override
    public synchronized void add(Thread hook) {
        added.add(hook);
    }

    @Override
    public synchronized void remove(Thread hook) {
        removed.add(hook);
    }

    synchronized Thread only() {
        if (added.size() != 1) {
            throw new AssertionError("expected one hook, got " + added);
        }
        return added.get(0);
    }
}

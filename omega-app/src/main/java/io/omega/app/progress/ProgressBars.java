package io.omega.app.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The command line's progress bars: ASCII, on standard error, so standard output stays the command's result. */
public final class ProgressBars {

    private static final int WIDTH = 110;

    private ProgressBars() {
    }

    public static ProgressBar onStandardError(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).build();
    }
}

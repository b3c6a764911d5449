package io.omega.exchange.okx;

/**
 * A frame from OKX that cannot be understood. The message names what is wrong and where, then shows the start of
 * the frame; the stream counts it and goes on.
 */
public final class OkxFrameException extends IllegalArgumentException {

    static final int SHOWN_CHARS = 200;

    private final String problem;
    private final String frame;

    public OkxFrameException(String problem, String frame, Throwable cause) {
        super(problem + " in OKX frame " + excerpt(frame), cause);
        this.problem = problem;
        this.frame = frame;
    }

    public OkxFrameException(String problem, String frame) {
        this(problem, frame, null);
    }

    /** What is wrong, without the frame. */
    public String problem() {
        return problem;
    }

    /** The whole frame as received. */
    public String frame() {
        return frame;
    }

    static String excerpt(String frame) {
        if (frame == null) {
            return "(none)";
        }
        if (frame.length() <= SHOWN_CHARS) {
            return "'" + frame + "'";
        }
        return "'" + frame.substring(0, SHOWN_CHARS) + "...' (" + frame.length() + " characters)";
    }
}

package io.omega.learning.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Reads ND4J arrays into Java {@code double}s for the plain-Java inference paths ({@code JavaLstmForward},
 * {@code JavaCnnPredictor}): straight from the arrays' buffers, without creating INDArrays or going through ND4J
 * ops, whose fixed cost per call is what those paths avoid.
 */
public final class ArrayReads {

    private ArrayReads() {
    }

    /**
     * Copies {@code n} values of {@code array}'s memory, starting {@code from} values past the array's offset, into
     * {@code dst[dstOffset..]}: a bulk copy for DOUBLE; for FLOAT a bulk copy into {@code floatScratch} (at least
     * {@code n} long), then widened.
     */
    public static void span(INDArray array, long from, int n, double[] dst, int dstOffset, float[] floatScratch) {
        if (array.dataType() == DataType.FLOAT) {
            FloatBuffer fb = array.data().asNioFloat();
            fb.get(Math.toIntExact(fb.position() + from), floatScratch, 0, n);
            for (int i = 0; i < n; i++) {
                dst[dstOffset + i] = floatScratch[i];
            }
        } else if (array.dataType() == DataType.DOUBLE) {
            DoubleBuffer db = array.data().asNioDouble();
            db.get(Math.toIntExact(db.position() + from), dst, dstOffset, n);
        } else {
            throw new IllegalStateException("FLOAT or DOUBLE arrays only, got " + array.dataType());
        }
    }

    /** Element {@code (i, j, k)} of a rank-3 array with any strides; other types than FLOAT and DOUBLE are cast. */
    public static final class Rank3 {
        private final FloatBuffer f;
        private final DoubleBuffer d;
        private final long pos;
        private final long s0;
        private final long s1;
        private final long s2;

        public Rank3(INDArray array) {
            INDArray a = array;
            if (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE) {
                try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    a = a.castTo(DataType.DOUBLE);
                }
            }
            long[] st = a.stride();
            s0 = st[0];
            s1 = st[1];
            s2 = st[2];
            if (a.dataType() == DataType.FLOAT) {
                f = a.data().asNioFloat();
                d = null;
                pos = f.position();
            } else {
                d = a.data().asNioDouble();
                f = null;
                pos = d.position();
            }
        }

        public double get(int i, int j, int k) {
            int index = Math.toIntExact(pos + i * s0 + j * s1 + k * s2);
            return f != null ? f.get(index) : d.get(index);
        }
    }
}

package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closing handshake seen from a server that speaks raw WebSocket frames: a server that starts it (OKX's 1001
 * on a restart) gets a close frame back from the client, as RFC 6455 asks, instead of a cut TCP connection. The
 * test server library closes the TCP connection itself right after its own close frame, so it cannot tell.
 */
class OkxCloseHandshakeTest {

    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;

    private record Frame(int opcode, byte[] payload) {
    }

    @Test
    void aCloseFromTheServerIsAnsweredWithACloseFrame() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OkxStreamSettings settings = OkxStreamSettings.of(OkxEndpoints.fromPublic("ws://127.0.0.1:"
                            + listening.getLocalPort() + "/ws/v5/public"), List.of(OkxArg.trades("BTC-USDT-SWAP")))
                    .withBackoff(new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5), 1.0, 0.0));
            RecordingListener listener = new RecordingListener();
            try (OkxMarketStream stream = new OkxMarketStream(settings, listener, HttpClient.newHttpClient(),
                    new SplittableRandom(1), new ObjectMapper());
                 Socket socket = accept(listening, stream)) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                handshake(in, out);
                Frame subscribe = read(in);
                assertThat(subscribe.opcode()).isEqualTo(OPCODE_TEXT);

                out.write(new byte[] {(byte) 0x80 | OPCODE_CLOSE, 2, (byte) (1001 >> 8), (byte) (1001 & 0xff)});
                out.flush();
                Frame answer = read(in);

                assertThat(answer.opcode()).isEqualTo(OPCODE_CLOSE);
                assertThat(((answer.payload()[0] & 0xff) << 8) | (answer.payload()[1] & 0xff)).isEqualTo(1000);
                assertThat(in.read()).isEqualTo(-1); // and then the client lets the connection go
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (listener.disconnects.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(listener.disconnects).extracting(RecordingListener.Disconnect::reason)
                        .containsExactly("closed by the server (1001)");
            }
        }
    }

    private static Socket accept(ServerSocket listening, OkxMarketStream stream) throws IOException {
        stream.start();
        listening.setSoTimeout(10_000);
        Socket socket = listening.accept();
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void handshake(DataInputStream in, OutputStream out) throws Exception {
        String key = null;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("the client left during the handshake");
            }
            if (c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
                continue;
            }
            if (line.length() == 0) {
                break;
            }
            String header = line.toString();
            if (header.toLowerCase().startsWith("sec-websocket-key:")) {
                key = header.substring(header.indexOf(':') + 1).trim();
            }
            line.setLength(0);
        }
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One client frame (clients mask theirs), unmasked. */
    private static Frame read(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame(first & 0x0f, payload);
    }
}

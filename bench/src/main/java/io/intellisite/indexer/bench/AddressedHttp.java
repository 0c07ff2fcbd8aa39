package io.intellisite.indexer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 by hand for {@link AbuseBenchmark}: each connection's own address is chosen (the admin's is not the
 * strangers'), and a stream is left unread at the socket itself, as a stalled client leaves it.
 */
final class AddressedHttp {
    private AddressedHttp() {
    }

    record Answer(int status, String body) {
    }

    static Answer request(int port, String from, String method, String path, String token, String type, String body) {
        try (Socket s = connect(port, from)) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + (type == null ? "" : "Content-Type: " + type + "\r\n")
                    + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            // Helidon answers "Connection: close" but leaves the socket open a while: read by Content-Length.
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return new Answer(-1, head.toString());
                }
                head.append((char) b);
            }
            String headers = head.toString().toLowerCase(Locale.ROOT);
            int at = headers.indexOf("content-length:");
            int length = at < 0 ? 0 : Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
            String answer = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(head.substring(9, 12)), answer);
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, e.toString());
        }
    }

    /** Opens a stream, reads its status line only, and keeps the socket open unread; returns the status. */
    static int openUnread(int port, String path, List<Socket> keep) {
        try {
            Socket s = connect(port, "127.0.0.1");
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            byte[] line = in.readNBytes(12);
            int status = Integer.parseInt(new String(line, StandardCharsets.UTF_8).substring(9, 12));
            if (status == 200) {
                synchronized (keep) {
                    keep.add(s);
                }
            } else {
                s.close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Socket connect(int port, String from) throws IOException {
        Socket s = new Socket();
        s.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return s;
    }
}

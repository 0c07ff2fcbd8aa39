package io.intellisite.indexer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The floor under any server that writes each delivery to its subscriber's socket, as Nchan and the product both do
 * at low rates: one thread of this JVM writes an event-sized frame to each of N loopback sockets, at the benchmark's
 * rate, with no HTTP, no thread to wake and no event to read; a selector in another JVM reads them all. Its figure is
 * that thread's CPU per write, kernel time included (the loopback's receive side runs in the writer's call).
 */
final class SocketWriteFloor {
    private SocketWriteFloor() {
    }

    /** CPU nanoseconds per write, over {@code seconds} after one second of warm-up. */
    static double nanosPerWrite(int sockets, int rate, int seconds, int frameBytes) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), sockets)) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process reader = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SocketWriteFloor.class.getName(), String.valueOf(port), String.valueOf(sockets))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            List<SocketChannel> accepted = new ArrayList<>();
            try {
                while (accepted.size() < sockets) {
                    accepted.add(server.accept());
                }
                byte[] frame = new byte[frameBytes];
                Arrays.fill(frame, (byte) 'x');
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                writeAll(accepted, frame, rate, 1);
                long before = threads.getCurrentThreadCpuTime();
                long writes = writeAll(accepted, frame, rate, seconds);
                return (threads.getCurrentThreadCpuTime() - before) / (double) writes;
            } finally {
                for (SocketChannel socket : accepted) {
                    socket.close();
                }
                reader.destroy();
            }
        }
    }

    private static long writeAll(List<SocketChannel> sockets, byte[] frame, int rate, int seconds) throws Exception {
        long writes = 0;
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long round = 0; round < (long) rate * seconds; round++) {
            for (SocketChannel socket : sockets) {
                ByteBuffer bytes = ByteBuffer.wrap(frame);
                while (bytes.hasRemaining()) {
                    socket.write(bytes);
                }
                writes++;
            }
            long left = start + (round + 1) * period - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
        return writes;
    }

    /** The reading side, in a JVM of its own: connects {@code args[1]} sockets to port {@code args[0]} and drains them. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int sockets = Integer.parseInt(args[1]);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < sockets; i++) {
                SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                socket.configureBlocking(false);
                socket.register(selector, SelectionKey.OP_READ);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            while (true) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    if (((SocketChannel) key.channel()).read(buffer) < 0) {
                        return;
                    }
                }
                selector.selectedKeys().clear();
            }
        }
    }
}

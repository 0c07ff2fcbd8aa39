package io.intellisite.indexer.adapters.http.security;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which peers are proxies whose {@code X-Forwarded-For} is believed, and so which address a request came from: the
 * rightmost address in that header not itself a trusted proxy (the leftmost is whatever the client wrote). Hand-written
 * because Helidon 4.2's trusted-proxy support discovers the requested URI, not the client's address, and matches
 * names, not CIDR ranges.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final List<Range> ranges;

    private record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** A comma-separated list of IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}); empty: none. */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            String item = entry.strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split("/", -1);
            InetAddress address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + item));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 1 ? bits : prefix(parts[1], item);
            if (parts.length > 2 || prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not an address or CIDR range: " + item);
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** The address the request came from, past the trusted proxies in front of this server. */
    public String clientAddress(ServerRequest req) {
        InetAddress peer = req.remotePeer().address() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (peer == null) {
            return req.remotePeer().host();
        }
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).forEach(h -> hops.addAll(List.of(h.split(","))));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i).strip());
            if (hop.isEmpty()) {
                break; // a hop we cannot read: the last proxy we trust stands for the client
            }
            client = hop.get();
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    // Literals only: a name here would cost a DNS lookup per request and could be made to answer anything.
    private static Optional<InetAddress> literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static int prefix(String text, String item) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + item);
        }
    }
}

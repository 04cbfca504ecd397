package loopvsloom.loadtest.engine;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP GET the harness sends over and over, with its bytes encoded once (as wrk does), and the loopback guard:
 * a load test aimed at someone else's machine is refused unless the caller says so explicitly.
 */
public record Target(String host, int port, String pathAndQuery, Map<String, String> headers, byte[] requestBytes) {

    /** Parses an http URL; a host that is not loopback is refused unless {@code allowNonLoopback}. */
    public static Target of(String url, Map<String, String> headers, boolean allowNonLoopback) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// targets are supported: " + url);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        if (!allowNonLoopback && !isLoopback(host)) {
            throw new IllegalArgumentException("refusing to load " + host + ": not a loopback address (127.0.0.0/8,"
                    + " ::1, localhost). Pass --allow-non-loopback if you really mean to load another machine.");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        StringBuilder request = new StringBuilder(128)
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getRawAuthority()).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        return new Target(host, port, pathAndQuery, Map.copyOf(headers),
                request.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + pathAndQuery;
    }
}

package loopvsloom.gateway;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accepts a caller's {@code X-Request-Id} only when it is short and made of safe characters (it ends up in logs and
 * upstream headers), otherwise makes one. Ids come from {@link ThreadLocalRandom}: correlation needs no secrecy, and
 * unlike {@code UUID.randomUUID()} it shares no generator between event-loop threads.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final int MAX_LENGTH = 64;

    private static final HexFormat HEX = HexFormat.of();

    private RequestIds() {
    }

    static String acceptOrCreate(String incoming) {
        return isValid(incoming) ? incoming : create();
    }

    static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}

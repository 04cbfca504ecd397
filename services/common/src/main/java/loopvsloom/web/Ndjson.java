package loopvsloom.web;

/** The stream format of /ticks and /stream: one JSON object per line. Micronaut has no constant for it. */
public final class Ndjson {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private Ndjson() {
    }
}

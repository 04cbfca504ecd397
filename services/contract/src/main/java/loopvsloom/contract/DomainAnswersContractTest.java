package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.GeofenceAnswer;
import loopvsloom.geofence.GeofenceRequest;
import loopvsloom.geofence.Polygon;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.params.InvalidParameterException;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.quote.Catalog;
import loopvsloom.quote.Quote;
import loopvsloom.quote.QuoteRequest;
import loopvsloom.quote.Quotes;
import loopvsloom.stream.Ticks;
import org.junit.jupiter.api.Test;

/**
 * Every style answers what services/domain computes, for many inputs: the same zone for every point, the same hits,
 * the same quote arithmetic, and for every bad value the same 400, word for word. The Java styles call domain; go and
 * node port it (checked against domain's test-vectors.json); this is where all of them meet over HTTP.
 */
class DomainAnswersContractTest {

    private static final ZoneSet ZONES = ZoneSet.city(ZoneSet.DEFAULT_VERTICES);

    private final URI base = ContractTarget.current().baseUrl();

    @Test
    void geofenceNamesDomainsZoneForEveryPoint() {
        List<String[]> points = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        double height = ZoneSet.MAX_LAT - ZoneSet.MIN_LAT;
        double width = ZoneSet.MAX_LON - ZoneSet.MIN_LON;
        for (int i = 0; i < 150; i++) {
            points.add(coordinates(ZoneSet.MIN_LAT - 0.05 * height + random.nextDouble() * 1.1 * height,
                    ZoneSet.MIN_LON - 0.05 * width + random.nextDouble() * 1.1 * width));
        }
        // On the boundary: vertices and edge midpoints of a few zones, which count as inside.
        for (int index : new int[] {0, 57, 137, 199}) {
            Polygon polygon = ZONES.zones().get(index).polygon();
            double[] lats = polygon.lats();
            double[] lons = polygon.lons();
            for (int i = 0; i < lats.length; i += 9) {
                int j = (i + 1) % lats.length;
                points.add(coordinates(lats[i], lons[i]));
                points.add(coordinates((lats[i] + lats[j]) / 2, (lons[i] + lons[j]) / 2));
            }
        }
        // Texts every style must read as the same number.
        for (String[] text : new String[][] {{"52.44", "13.325"}, {"5.244e1", "1.3325E1"}, {"+52.44", "13.3250"},
            {"-0", "0"}, {".5", "5."}, {"90", "-180"}, {"-33.9", "18.4"}, {"52.44%20", "%0913.325"}}) {
            points.add(text);
        }
        assertSoftly(soft -> {
            for (String[] point : points) {
                String lat = URLDecoder.decode(point[0], StandardCharsets.UTF_8);
                String lon = URLDecoder.decode(point[1], StandardCharsets.UTF_8);
                GeofenceAnswer expected = GeofenceAnswer.of(ZONES, GeofenceRequest.parse(lat, lon));
                Http.Answer answer = Http.get(base, "/geofence?lat=" + point[0] + "&lon=" + point[1]);
                soft.assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                if (answer.status() != 200) {
                    continue;
                }
                JsonNode body = answer.json();
                String zone = body.path("zone").isTextual() ? body.get("zone").asText() : null;
                soft.assertThat(zone).as("zone of (%s, %s)", lat, lon).isEqualTo(expected.zone());
                soft.assertThat(body.get("edgesScanned").asInt()).isEqualTo(expected.edgesScanned());
                soft.assertThat(body.get("lat").asDouble()).as("lat echoed for " + lat).isEqualTo(expected.lat());
                soft.assertThat(body.get("lon").asDouble()).as("lon echoed for " + lon).isEqualTo(expected.lon());
            }
        });
    }

    @Test
    void cpuCountsDomainsHits() {
        assertSoftly(soft -> {
            for (int work : new int[] {0, 1, 2, 3, 7, 25, 100, 1000}) {
                Http.Answer answer = Http.get(base, "/cpu?work=" + work);
                soft.assertThat(answer.status()).isEqualTo(200);
                soft.assertThat(answer.json().get("hits").asInt()).as("hits of work=" + work)
                        .isEqualTo(CpuWork.run(ZONES, work).hits());
            }
        });
    }

    @Test
    void quoteIsDomainsArithmetic() {
        assertSoftly(soft -> {
            for (String sku : new String[] {"A", "0", "SKU-1", "z_9-Q", "A".repeat(32)}) {
                for (int qty : new int[] {1, 7, 100, 499, 1000}) {
                    QuoteRequest request = new QuoteRequest(sku, qty, Limits.DEFAULT_DEADLINE_MS);
                    Quote expected = Quotes.combine(request, Catalog.inventory(sku), Catalog.price(sku),
                            Catalog.shipping(sku, qty));
                    Http.Answer answer = Http.get(base, "/quote?sku=" + sku + "&qty=" + qty);
                    soft.assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    if (answer.status() == 200) {
                        soft.assertThat(Http.JSON.convertValue(answer.json(), Quote.class)).isEqualTo(expected);
                    }
                }
            }
        });
    }

    /** Query values as a client sends them (percent-encoded: odd bytes, Unicode digits, spaces, signs, exponents). */
    private static final String[] INTEGER_TEXTS = {"", "%20", "%09", "%E2%80%83", "0", "-1", "%2B5", "+5", "007",
        "%2042%20", "%00%205", "%C2%A01", "1001", "30001", "100001", "1000001", "abc", "1.5", "1e3", "0x10", "-0", "12a",
        "99999999999999999999", "999999999999", "1234567890123", "2147483648", "%EF%BC%95", "%D9%A3", "%3Cb%3E",
        "a".repeat(50), "%C3%BC", "%F0%9F%98%80", "%E0%A4", "%C3%28", "%ff%fe%fd", "1%2C2"};

    private static final String[] DECIMAL_TEXTS = {"", "%20", "-0.0", "%2B1", ".5", "5.", "5.25e1", "1e-5",
        "-0.00001", "1e400", "1e-400", "NaN", "Infinity", "52.5d", "0x1.ap3", "91", "-90.5", "180.0000000001", "1e7",
        "9".repeat(32), "9".repeat(33), "%EF%BC%91%EF%BC%93", "1%2C5", "1_0", ".", "e5", "1e", "--1", "5e-324",
        "1234567.0", "%F0%9F%98%80".repeat(20), "%E0%A4", "1e2"};

    private static final String[] SKU_TEXTS = {"", "%20", "-A", "_A", "A".repeat(33), "%3Cscript%3E", "SKU%201",
        "SKU%251", "%C3%BC", "A.B", "A%0A", "%20A", "%F0%9F%98%80".repeat(30), "a+b", "%ff"};

    @Test
    void badValuesGetDomainsProblemWordForWord() {
        List<Case> cases = new ArrayList<>();
        for (String text : INTEGER_TEXTS) {
            String raw = decode(text);
            cases.add(new Case("/quote?sku=A&qty=" + text,
                    () -> Params.intIn("qty", raw, 1, Limits.MAX_QTY, null), ANY));
            cases.add(new Case("/quote?sku=A&qty=1&deadlineMs=" + text,
                    () -> Params.intIn("deadlineMs", raw, 1, Limits.MAX_DEADLINE_MS, Limits.DEFAULT_DEADLINE_MS),
                    deadline -> (int) deadline >= 1000));
            cases.add(new Case("/cpu?work=" + text, () -> CpuWork.parseWork(raw), work -> (int) work <= 1000));
            cases.add(new Case("/io?ms=" + text, () -> Params.intIn("ms", raw, 0, Limits.MAX_LATENCY_MS, null),
                    ms -> (int) ms <= 100));
            cases.add(new Case("/stream?count=" + text, () -> Ticks.parse(raw, "1"), NONE));
            cases.add(new Case("/stream?count=1&intervalMs=" + text, () -> Ticks.parse("1", raw), NONE));
        }
        for (String text : DECIMAL_TEXTS) {
            String raw = decode(text);
            cases.add(new Case("/geofence?lat=" + text + "&lon=13.4", () -> GeofenceRequest.parse(raw, "13.4"), ANY));
            cases.add(new Case("/geofence?lat=52.5&lon=" + text, () -> GeofenceRequest.parse("52.5", raw), ANY));
        }
        for (String text : SKU_TEXTS) {
            String raw = decode(text);
            cases.add(new Case("/quote?qty=1&sku=" + text, () -> Params.sku(raw), ANY));
        }
        cases.add(new Case("/quote?sku=%3C&qty=abc&deadlineMs=0", () -> QuoteRequest.parse("<", "abc", "0"), NONE));
        cases.add(new Case("/stream?count=1000000&intervalMs=10000", () -> Ticks.parse("1000000", "10000"), NONE));
        cases.add(new Case("/stream?count=lots&intervalMs=x", () -> Ticks.parse("lots", "x"), NONE));
        cases.add(new Case("/geofence", () -> GeofenceRequest.parse(null, null), NONE));
        cases.add(new Case("/cpu", () -> CpuWork.parseWork(null), NONE));

        assertSoftly(soft -> {
            int refused = 0;
            for (Case c : cases) {
                InvalidParameterException expected = c.refusal();
                if (expected == null) {
                    if (c.quick().test(c.rule().get())) {
                        Http.Answer answer = Http.get(base, c.target());
                        soft.assertThat(answer.status()).as(c.target() + " → " + answer.body()).isEqualTo(200);
                    }
                    continue;
                }
                refused++;
                Http.Answer answer = Http.get(base, c.target());
                soft.assertThat(answer.status()).as(c.target() + " → " + answer.body()).isEqualTo(400);
                if (answer.status() == 400) {
                    JsonNode problem = answer.json();
                    soft.assertThat(problem.path("parameter").asText()).as(c.target()).isEqualTo(expected.parameter());
                    soft.assertThat(problem.path("detail").asText()).as(c.target()).isEqualTo(expected.getMessage());
                }
            }
            soft.assertThat(refused).as("cases domain refuses").isGreaterThan(150);
        });
    }

    @Test
    void badKnobHeadersGetDomainsProblemWordForWord() {
        String[] latencies = {"slow", "-10", "30001", "86400000", "1.5", "0x10", "99999999999999999999"};
        String[] rates = {"2", "often", "-0.5", "1e400", "NaN", "1.0000001", "0x1p-1", ".5.5"};
        assertSoftly(soft -> {
            for (String latency : latencies) {
                InvalidParameterException expected = refusal(() -> Params.intIn("X-Latency-Ms", latency, 0,
                        Limits.MAX_LATENCY_MS, null));
                assertThat(expected).as(latency).isNotNull();
                JsonNode problem = Http.get(base, "/quote?sku=A&qty=1", "X-Latency-Ms", latency).json();
                soft.assertThat(problem.path("detail").asText()).as(latency).isEqualTo(expected.getMessage());
            }
            for (String rate : rates) {
                InvalidParameterException expected = refusal(() -> Params.doubleIn("X-Failure-Rate", rate, 0.0, 1.0));
                assertThat(expected).as(rate).isNotNull();
                JsonNode problem = Http.get(base, "/io?ms=0", "X-Failure-Rate", rate).json();
                soft.assertThat(problem.path("detail").asText()).as(rate).isEqualTo(expected.getMessage());
            }
        });
    }

    private static final Predicate<Object> ANY = value -> true;
    private static final Predicate<Object> NONE = value -> false;

    /**
     * One request target, the domain rule that decides it, and which of the values it accepts are quick to answer
     * with a 200 (not a long downstream wait, a stream, a long computation or a deadline too short to make).
     */
    private record Case(String target, Supplier<Object> rule, Predicate<Object> quick) {
        InvalidParameterException refusal() {
            return DomainAnswersContractTest.refusal(rule);
        }
    }

    private static InvalidParameterException refusal(Supplier<Object> rule) {
        try {
            rule.get();
            return null;
        } catch (InvalidParameterException e) {
            return e;
        }
    }

    /** What the server decodes from a query value: '+' is a space, bytes that are not UTF-8 each a U+FFFD. */
    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A point as Java prints its coordinates (Double.toString: "52.44", "1.0E-5"), which every style must read. */
    private static String[] coordinates(double lat, double lon) {
        return new String[] {Double.toString(lat), Double.toString(lon)};
    }
}

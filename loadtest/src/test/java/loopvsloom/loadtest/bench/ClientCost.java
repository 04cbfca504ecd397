package loopvsloom.loadtest.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.netty.http.client.HttpClient.ResponseReceiver;
import reactor.netty.resources.ConnectionProvider;

/**
 * The engine choice, measured: the CPU that an HTTP client spends per request when driven the way the harness drives
 * its own engine (N requests always in flight, or a fixed arrival rate). Runs one client per JVM; bench/client-cost.sh
 * runs them all and prints the table the loadtest README quotes.
 *
 * <p>Usage: {@code ClientCost <jdk|reactor-netty> <url> <closed N | open RATE> <warmup s> <seconds s>}
 */
public final class ClientCost {

    private ClientCost() {
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        URI url = URI.create(args[1]);
        boolean open = args[2].equals("open");
        double load = Double.parseDouble(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        Supplier<CompletableFuture<Integer>> send = switch (client) {
            case "jdk" -> jdk(url, (int) Math.max(load, 100));
            case "reactor-netty" -> reactorNetty(url, (int) Math.max(load, 100));
            default -> throw new IllegalArgumentException("client is jdk or reactor-netty");
        };
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds + 1);
        if (open) {
            long interval = Math.round(1e9 / load);
            pacer.scheduleAtFixedRate(() -> send.get().whenComplete((status, error) -> count(status, error, done,
                    failed)), 0, interval, TimeUnit.NANOSECONDS);
        } else {
            for (int i = 0; i < (int) load; i++) {
                loop(send, done, failed, end);
            }
        }
        Thread.sleep(warmup * 1000L);
        long doneBefore = done.get();
        double cpuBefore = cpuSeconds();
        long wallBefore = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double cpu = cpuSeconds() - cpuBefore;
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        long requests = done.get() - doneBefore;
        pacer.shutdownNow();
        System.out.printf(Locale.ROOT, "{\"client\":\"%s\",\"model\":\"%s\",\"load\":%.0f,\"rps\":%.1f,"
                        + "\"cpuCores\":%.3f,\"cpuMsPer1000\":%.2f,\"failed\":%d}%n", client, open ? "open" : "closed",
                load, requests / wall, cpu / wall, cpu * 1000 / (requests / 1000.0), failed.get());
        System.exit(0);
    }

    private static void loop(Supplier<CompletableFuture<Integer>> send, AtomicLong done, AtomicLong failed, long end) {
        send.get().whenComplete((status, error) -> {
            count(status, error, done, failed);
            if (System.nanoTime() < end) {
                loop(send, done, failed, end);
            }
        });
    }

    private static void count(Integer status, Throwable error, AtomicLong done, AtomicLong failed) {
        if (error != null || status >= 400) {
            failed.incrementAndGet();
        } else {
            done.incrementAndGet();
        }
    }

    private static Supplier<CompletableFuture<Integer>> jdk(URI url, int connections) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        return () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    private static Supplier<CompletableFuture<Integer>> reactorNetty(URI url, int connections) {
        ResponseReceiver<?> get = reactor.netty.http.client.HttpClient
                .create(ConnectionProvider.builder("bench").maxConnections(connections)
                        .pendingAcquireMaxCount(-1).build())
                .get().uri(url.toString());
        return () -> get.responseSingle((response, body) -> body.then(
                        reactor.core.publisher.Mono.just(response.status().code())))
                .toFuture();
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}

// Command loopvsloom-go is the Go reference runtime of loop-vs-loom: the same API as the Java styles, written the
// way Go is written. net/http serves every request on a goroutine of its own, blocking code reads straight down,
// and Go's scheduler parks a goroutine waiting on the network and preempts one that computes too long.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"loopvsloom/internal/domain"
	"loopvsloom/internal/pg"
)

// config is what the environment sets, with the Java styles' variable names and the defaults of the port table.
type config struct {
	host           string
	port           int
	managementPort int
	downstreamURL  string
	maxConcurrent  int
	vertices       int
	gracePeriod    time.Duration
	database       databaseConfig
}

func configFromEnv() (config, error) {
	cfg := config{host: os.Getenv("HOST"), downstreamURL: env("DOWNSTREAM_URL", "http://127.0.0.1:8084")}
	var err error
	ints := []struct {
		name  string
		value *int
		def   int
	}{
		{"PORT", &cfg.port, 8085},
		{"MAX_CONCURRENT_REQUESTS", &cfg.maxConcurrent, 20_000},
		{"GEOFENCE_VERTICES", &cfg.vertices, domain.DefaultVertices},
	}
	for _, i := range ints {
		if *i.value, err = strconv.Atoi(env(i.name, strconv.Itoa(i.def))); err != nil {
			return cfg, fmt.Errorf("%s: %w", i.name, err)
		}
	}
	// The management port is the API port + 1000 unless set, as in every app of the project.
	if cfg.managementPort, err = strconv.Atoi(env("MANAGEMENT_PORT", strconv.Itoa(cfg.port+1000))); err != nil {
		return cfg, fmt.Errorf("MANAGEMENT_PORT: %w", err)
	}
	if cfg.gracePeriod, err = time.ParseDuration(env("GRACEFUL_SHUTDOWN_GRACE_PERIOD", "30s")); err != nil {
		return cfg, fmt.Errorf("GRACEFUL_SHUTDOWN_GRACE_PERIOD: %w", err)
	}
	if cfg.database, err = databaseConfigFromEnv(); err != nil {
		return cfg, err
	}
	if cfg.vertices < 3 || cfg.maxConcurrent < 1 {
		return cfg, errors.New("GEOFENCE_VERTICES must be at least 3, MAX_CONCURRENT_REQUESTS at least 1")
	}
	return cfg, nil
}

func env(name, def string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return def
}

func main() {
	log.SetPrefix("go: ")
	cfg, err := configFromEnv()
	if err != nil {
		log.Fatal(err)
	}
	if len(os.Args) == 2 && os.Args[1] == "healthcheck" {
		os.Exit(healthcheck(cfg))
	}
	metrics := newRegistry("go", "go")
	database := pg.NewPool(cfg.database.pg, cfg.database.poolSize, cfg.database.acquireTimeout, metrics.dbAcquired)
	metrics.dbPool = database
	a := &app{
		zones:      domain.City(cfg.vertices),
		downstream: newDownstream(cfg.downstreamURL),
		limit:      newLimit(cfg.maxConcurrent),
		metrics:    metrics,
		database:   database,
	}
	mgmt := &management{metrics: metrics}
	apiListener, err := net.Listen("tcp", net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port)))
	if err != nil {
		log.Fatal(err)
	}
	mgmtListener, err := net.Listen("tcp", net.JoinHostPort(cfg.host, strconv.Itoa(cfg.managementPort)))
	if err != nil {
		log.Fatal(err)
	}
	api := &http.Server{
		Handler: a,
		// A client gets 10 s to send its request line and headers (a slow-loris guard; net/http has none by
		// default), and an idle keep-alive connection is closed after 5 minutes. No write timeout: a stream may
		// run for an hour (Limits), and a slow reader is the backpressure the lesson shows.
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       5 * time.Minute,
	}
	mgmtServer := &http.Server{Handler: mgmt, ReadHeaderTimeout: 10 * time.Second}
	go serve(api, apiListener)
	go serve(mgmtServer, mgmtListener)
	mgmt.ready.Store(true)
	log.Printf("ready on %s (management %s), downstream %s, database %s:%d (pool of %d), %d cores (GOMAXPROCS)",
		apiListener.Addr(), mgmtListener.Addr(), cfg.downstreamURL, cfg.database.pg.Host, cfg.database.pg.Port,
		cfg.database.poolSize, runtime.GOMAXPROCS(0))

	signals, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	<-signals.Done()
	shutdown(api, mgmtServer, mgmt, cfg.gracePeriod)
	database.Close()
}

// healthcheck is the container's health check (the image has no shell or curl): 0 when readiness answers 200.
func healthcheck(cfg config) int {
	client := http.Client{Timeout: 2 * time.Second}
	response, err := client.Get("http://127.0.0.1:" + strconv.Itoa(cfg.managementPort) + "/health/readiness")
	if err != nil {
		return 1
	}
	response.Body.Close()
	if response.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}

func serve(server *http.Server, listener net.Listener) {
	if err := server.Serve(listener); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// shutdown is the graceful stop on SIGTERM: readiness goes down first, the API port stops accepting, requests in
// flight (streams too) get the grace period to finish, and only then does the management port close.
func shutdown(api, mgmtServer *http.Server, mgmt *management, grace time.Duration) {
	mgmt.ready.Store(false)
	log.Printf("SIGTERM: readiness down, letting requests in flight finish (up to %s)", grace)
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := api.Shutdown(ctx); err != nil {
		log.Printf("grace period over, closing the connections still open: %v", err)
		api.Close()
	}
	mgmtServer.Close()
	log.Print("stopped")
}

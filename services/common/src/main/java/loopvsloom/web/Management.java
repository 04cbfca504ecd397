package loopvsloom.web;

/** The management endpoints (health, scrapes): never counted as in flight, never refused at the cap. */
final class Management {

    private Management() {
    }

    static boolean isManagement(String path) {
        return path.equals("/prometheus") || path.equals("/health") || path.startsWith("/health/");
    }
}

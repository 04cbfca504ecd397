package loopvsloom.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolygonTest {

    // A 2 × 2 square from (0,0) to (2,2), in (lat, lon).
    private final Polygon square = new Polygon(new double[] {0, 0, 2, 2}, new double[] {0, 2, 2, 0});
    // An L shape: the square without its top-right quarter, a concave case.
    private final Polygon ell = new Polygon(new double[] {0, 0, 1, 1, 2, 2}, new double[] {0, 2, 2, 1, 1, 0});

    @Test
    void pointsInsideAreFound() {
        assertThat(square.contains(1, 1)).isTrue();
        assertThat(square.contains(0.001, 1.999)).isTrue();
        assertThat(ell.contains(0.5, 1.5)).isTrue();
        assertThat(ell.contains(1.5, 0.5)).isTrue();
    }

    @Test
    void pointsOutsideAreNotFound() {
        assertThat(square.contains(-0.001, 1)).isFalse();
        assertThat(square.contains(3, 3)).isFalse();
        assertThat(ell.contains(1.5, 1.5)).isFalse();
    }

    @Test
    void pointsOnTheBoundaryCountAsInside() {
        assertThat(square.contains(0, 1)).isTrue();
        assertThat(square.contains(2, 1)).isTrue();
        assertThat(square.contains(1, 2)).isTrue();
        assertThat(square.contains(2, 2)).isTrue();
        assertThat(ell.contains(1, 1.5)).isTrue();
        assertThat(ell.contains(1.5, 1)).isTrue();
    }
}

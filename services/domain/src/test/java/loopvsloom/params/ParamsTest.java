package loopvsloom.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loopvsloom.quote.QuoteRequest;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void validQuoteRequestParses() {
        assertThat(QuoteRequest.parse("SKU-1", "3", null)).isEqualTo(new QuoteRequest("SKU-1", 3, 2000));
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> QuoteRequest.parse(null, "1", null)).isInstanceOf(InvalidParameterException.class)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo("sku");
        assertThatThrownBy(() -> QuoteRequest.parse("A", "abc", null))
                .hasMessageContaining("qty").hasMessageContaining("'abc'");
        assertThatThrownBy(() -> QuoteRequest.parse("A", "-1", null)).hasMessageContaining("qty");
        assertThatThrownBy(() -> QuoteRequest.parse("A", "99999999999999999999", null)).hasMessageContaining("qty");
        assertThatThrownBy(() -> QuoteRequest.parse("A", "1", "0")).hasMessageContaining("deadlineMs");
        assertThatThrownBy(() -> QuoteRequest.parse("a b<script>", "1", null)).hasMessageContaining("sku")
                .hasMessageNotContaining("<script>").hasMessageContaining("a b?script?");
        assertThatThrownBy(() -> Params.doubleIn("lat", "NaN", -90, 90)).hasMessageContaining("lat");
        assertThatThrownBy(() -> Params.doubleIn("lon", "181", -180, 180)).hasMessageContaining("lon");
    }

    @Test
    void coordinatesArePlainDecimalsOnly() {
        assertThat(Params.doubleIn("lat", "52.5", -90, 90)).isEqualTo(52.5);
        assertThat(Params.doubleIn("lat", "-.5", -90, 90)).isEqualTo(-0.5);
        assertThat(Params.doubleIn("lat", "5.25e1", -90, 90)).isEqualTo(52.5);
        for (String notDecimal : new String[] {"52.5d", "52.5f", "0x1.ap3", "Infinity", "-Infinity", "1_0", "."}) {
            assertThatThrownBy(() -> Params.doubleIn("lat", notDecimal, -90, 90)).as(notDecimal)
                    .hasMessageContaining("lat: must be a number");
        }
    }
}

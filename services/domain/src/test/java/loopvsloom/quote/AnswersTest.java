package loopvsloom.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Object json(String text) throws IOException {
        return JSON.readValue(text, Object.class);
    }

    @Test
    void theCataloguesAnswersAreUsedAsTheyAre() throws IOException {
        Price price = Catalog.price("SKU-1");
        Shipping shipping = Catalog.shipping("SKU-1", 7);
        assertThat(Answers.inventory(json(JSON.writeValueAsString(Catalog.inventory("SKU-1")))))
                .isEqualTo(Catalog.inventory("SKU-1"));
        assertThat(Answers.price(json(JSON.writeValueAsString(price)))).isEqualTo(price);
        assertThat(Answers.shipping(json(JSON.writeValueAsString(shipping)))).isEqualTo(shipping);
    }

    @Test
    void wholeNumbersCountByValueAndOtherFieldsAreIgnored() throws IOException {
        assertThat(Answers.inventory(json("{\"sku\":\"A\",\"available\":5.0,\"warehouse\":[1]}")))
                .isEqualTo(new Inventory("A", 5));
        assertThat(Answers.price(json("{\"currency\":\"EUR\",\"unitCents\":1e3,\"sku\":\"A\"}")))
                .isEqualTo(new Price("A", 1000, "EUR"));
        assertThat(Answers.inventory(json("{\"sku\":\"A\",\"available\":2147483647}")).available())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void anAnswerOfTheWrongShapeIsRefusedNamingTheField() {
        assertRefused("{}", "sku: must be a string");
        assertRefused("null", "the answer must be a JSON object");
        assertRefused("[{\"sku\":\"A\",\"available\":1}]", "the answer must be a JSON object");
        assertRefused("{\"sku\":\"A\",\"available\":null}", "available: must be a whole number from 0 to 2147483647");
        assertRefused("{\"sku\":\"A\",\"available\":\"5\"}", "available: must be a whole number from 0 to 2147483647");
        assertRefused("{\"sku\":\"A\",\"available\":5.5}", "available: must be a whole number from 0 to 2147483647");
        assertRefused("{\"sku\":\"A\",\"available\":-1}", "available: must be a whole number from 0 to 2147483647");
        assertRefused("{\"sku\":\"A\",\"available\":2147483648}",
                "available: must be a whole number from 0 to 2147483647");
        assertRefused("{\"sku\":5,\"available\":1}", "sku: must be a string");
        assertThatThrownBy(() -> Answers.price(json("{\"sku\":\"A\",\"unitCents\":100}")))
                .isInstanceOf(WrongShapeException.class).hasMessage("currency: must be a string");
        assertThatThrownBy(() -> Answers.shipping(json("{\"sku\":\"A\",\"qty\":1,\"costCents\":true,\"days\":1}")))
                .isInstanceOf(WrongShapeException.class)
                .hasMessage("costCents: must be a whole number from 0 to 2147483647");
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> Answers.inventory(json(body))).as(body)
                .isInstanceOf(WrongShapeException.class).hasMessage(message);
    }
}

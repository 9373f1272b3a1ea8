package io.govhub.core.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writes_what_jackson_writes_for_the_same_map() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CF_XDR_MC", "临沂市某某商贸有限公司");
        m.put("CF_SY", "当事人于 2024 年\t销售\"假冒\"商品\\，见附件\n第二行\r\n");
        m.put("BZ", "\u0000\u0001\u001f\u007f\u2028 \uD83D\uDE00 /");
        m.put("EMPTY", "");
        m.put("NULL", null);
        m.put("键\"", "v");
        assertThat(JsonText.object(m)).isEqualTo(JACKSON.writeValueAsString(m));
        assertThat(JsonText.object(Map.of())).isEqualTo("{}");
    }

    @Test
    void random_strings_match_jackson_and_read_back_the_same() throws Exception {
        Random random = new Random(20261128);
        String alphabet = "ab\"\\\n\r\t\b\f\u0000\u0007\u001b/中文，。\uD83D\uDE00 ";
        for (int round = 0; round < 500; round++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int f = random.nextInt(5); f >= 0; f--) {
                StringBuilder k = new StringBuilder("K").append(f);
                StringBuilder v = new StringBuilder();
                for (int i = random.nextInt(30); i > 0; i--) {
                    v.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                m.put(k.toString(), v.toString());
            }
            String text = JsonText.object(m);
            assertThat(text).isEqualTo(JACKSON.writeValueAsString(m));
            assertThat(JACKSON.readValue(text, Map.class)).isEqualTo(m);
        }
    }
}

package io.govhub.core.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBodiesTest {

    @Test
    void personalFieldsOfJsonBodiesAreMasked() {
        String body = "{\"caseNumber\":\"N1\",\"applicant\":{\"name\":\"李四\",\"idType\":\"ID_CARD\","
                + "\"idNumber\":\"371302199001010011\",\"phone\":\"13800001234\",\"address\":\"临沂市兰山区金雀山路10号\"},"
                + "\"remark\":\"联系 13912345678\"}";
        String out = MessageBodies.protect(body, 10_000);
        assertThat(out).contains("N1").doesNotContain("李四").doesNotContain("371302199001010011")
                .doesNotContain("13800001234").doesNotContain("13912345678").doesNotContain("金雀山路10号");
    }

    @Test
    void anOrganisationKeepsItsName() {
        String out = MessageBodies.protect("{\"name\":\"临沂某某有限公司\",\"idType\":\"USCC\",\"idNumber\":\"91371300MA3C000004\"}",
                10_000);
        assertThat(out).contains("临沂某某有限公司");
    }

    @Test
    void otherBodiesGoThroughTheFreeTextMaskerAndAreCapped() {
        String xml = "<a><id>371302199001010011</id></a>";
        assertThat(MessageBodies.protect(xml, 10_000)).doesNotContain("371302199001010011");
        assertThat(MessageBodies.protect("x".repeat(100), 10)).startsWith("xxxxxxxxxx…[truncated 100 chars]");
        assertThat(MessageBodies.protect("{not json", 100)).isEqualTo("{not json");
    }

    @Test
    void personalFieldsOfXmlBodiesAreMaskedByElementName() {
        String xml = "<s:Envelope xmlns:s=\"urn:s\" xmlns:c=\"urn:c\"><s:Body><c:submitCase><c:division>371302</c:division>"
                + "<c:applicant><c:name>李四</c:name><c:idType>ID_CARD</c:idType><c:idNumber>371302199001010011</c:idNumber>"
                + "<c:phone>0539-1234567</c:phone></c:applicant></c:submitCase></s:Body></s:Envelope>";
        String out = MessageBodies.protect(xml, 10_000);
        assertThat(out).contains("<c:division>371302</c:division>").contains("<c:idType>ID_CARD</c:idType>")
                .doesNotContain("李四").doesNotContain("371302199001010011").doesNotContain("1234567");
        // every personal leaf of a name, not only the first (a landline is not caught by the free-text masker)
        String twoPhones = "<c:applicant xmlns:c=\"urn:c\"><c:phone>0539-7654321</c:phone><c:phone>0539-1234567</c:phone>"
                + "</c:applicant>";
        assertThat(MessageBodies.protect(twoPhones, 10_000)).doesNotContain("7654321").doesNotContain("1234567");
        String company = "<c:applicant xmlns:c=\"urn:c\"><c:name>临沂某某有限公司</c:name><c:idType>USCC</c:idType>"
                + "<c:idNumber>91371300MA3C000004</c:idNumber></c:applicant>";
        assertThat(MessageBodies.protect(company, 10_000)).contains("临沂某某有限公司");
        // a DTD is not processed: the body stays as it was, then the free-text masker
        String dtd = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a><idNumber>371302199001010011</idNumber>&x;</a>";
        assertThat(MessageBodies.protect(dtd, 10_000)).doesNotContain("root:").doesNotContain("371302199001010011");
    }

    @Test
    void theHashIsOverTheBodyAsSent() throws Exception {
        assertThat(MessageBodies.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("govhub-hash", ".csv");
        try {
            java.nio.file.Files.writeString(file, "abcde");
            var blocks = new java.util.ArrayList<String>();
            assertThat(MessageBodies.sha256(file, 2, (b, n) -> blocks.add(new String(b, 0, n))))
                    .isEqualTo(MessageBodies.sha256("abcde"));
            assertThat(blocks).containsExactly("ab", "cd", "e"); // every byte handed on once, in order
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}

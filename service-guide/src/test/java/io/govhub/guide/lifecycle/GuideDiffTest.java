package io.govhub.guide.lifecycle;

import io.govhub.guide.DemoCatalog;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.model.Material;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuideDiffTest {

    @Test
    void field_by_field() throws Exception {
        GuideContent a = DemoCatalog.guides().get(0);
        List<Material> mats = new ArrayList<>(a.materials());
        Material m0 = mats.get(0);
        mats.set(0, new Material(m0.name(), m0.issuer(), m0.timing(), m0.instructions(), m0.place(), m0.usage(),
                m0.originals(), 2, m0.required()));
        mats.add(new Material("授权委托书", "申请人自备", null, null, null, null, 1, 0, false));
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) GuideJson.MAPPER.valueToTree(a);
        node.put("consultPhone", "0539-7654321");
        node.set("materials", GuideJson.MAPPER.valueToTree(mats));
        GuideContent b = GuideJson.MAPPER.convertValue(node, GuideContent.class);

        List<GuideDiff.Change> changes = GuideDiff.between(a, b);
        assertThat(changes).contains(new GuideDiff.Change("consultPhone", "0539-12345", "0539-7654321"));
        assertThat(changes).contains(new GuideDiff.Change("materials[0].copies", "0", "2"));
        assertThat(changes).contains(new GuideDiff.Change("materials[4].name", null, "授权委托书"));
        assertThat(GuideDiff.between(a, a)).isEmpty();
    }
}

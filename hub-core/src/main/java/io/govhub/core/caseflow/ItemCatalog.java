package io.govhub.core.caseflow;

import java.util.Optional;

/**
 * Port: what the service guide catalog knows of an item, when it has it. Case handling works without it (the routing
 * table's time limit or the default applies), so that routing never depends on a published guide.
 */
public interface ItemCatalog {

    /** 事项名称 and 承诺办结时限 in working days (0: 即办件; null: the guide gives no limit in working days). */
    record Item(String name, Integer promisedWorkingDays) {
    }

    Optional<Item> item(String implementationCode);

    ItemCatalog NONE = code -> Optional.empty();
}

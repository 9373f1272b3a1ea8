package io.govhub.core.division;

import java.util.List;
import java.util.Optional;

/** Port: the divisions and organisations the hub knows. */
public interface DivisionDirectory {

    Optional<Division> find(String code);

    List<Division> children(String parentCode);

    List<Division> all();

    List<Organisation> organisations();

    List<Organisation> organisationsIn(String divisionCode);

    Optional<Organisation> organisation(String uscc);
}

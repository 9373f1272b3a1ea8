package io.govhub.core.division.persistence;

import io.govhub.core.division.Division;
import io.govhub.core.division.Organisation;

import java.util.List;

/** Test access to the loader's file readers (package-private in main). */
public final class ReferenceDataLoaderAccess {

    private ReferenceDataLoaderAccess() {
    }

    public static List<Division> divisions() {
        return ReferenceDataLoader.readDivisions();
    }

    public static List<Organisation> organisations() {
        return ReferenceDataLoader.readOrganisations();
    }
}

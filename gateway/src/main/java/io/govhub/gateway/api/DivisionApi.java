package io.govhub.gateway.api;

import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionService;
import io.govhub.core.division.Organisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "divisions", description = "行政区划与组织机构 Administrative divisions and organisations")
public class DivisionApi {

    /** A division as the API shows it. */
    public record DivisionJson(String code, String name, String level, String levelLabel, boolean zone,
                               String parentCode, String note) {
        static DivisionJson of(Division d) {
            return d == null ? null : new DivisionJson(d.code(), d.name(), d.level().name(), d.level().label(),
                    d.isZone(), d.parentCode(), d.note());
        }
    }

    public record DivisionDetailJson(String code, String name, String level, String levelLabel, boolean zone,
                                     String note, DivisionJson parent, List<DivisionJson> children) {
    }

    public record OrganisationJson(String uscc, String name, String shortName, String divisionCode, String kind,
                                   String kindLabel, String phone) {
        static OrganisationJson of(Organisation o) {
            return new OrganisationJson(o.uscc(), o.name(), o.shortName(), o.divisionCode(), o.kind().name(),
                    o.kind().label(), o.phone());
        }
    }

    private final DivisionService divisions;

    public DivisionApi(DivisionService divisions) {
        this.divisions = divisions;
    }

    @GetMapping("/divisions")
    @Operation(summary = "All divisions the hub knows (GB/T 2260 codes; development zones marked zone=true)")
    public List<DivisionJson> all() {
        return divisions.all().stream().map(DivisionJson::of).toList();
    }

    @GetMapping("/divisions/{code}")
    @Operation(summary = "One division with its parent and children",
            description = "404 DIVISION_NOT_FOUND for an unknown code, 400 DIVISION_CODE_MALFORMED unless six digits")
    public DivisionDetailJson division(@PathVariable String code) {
        var v = divisions.view(code);
        Division d = v.division();
        return new DivisionDetailJson(d.code(), d.name(), d.level().name(), d.level().label(), d.isZone(), d.note(),
                DivisionJson.of(v.parent()), v.children().stream().map(DivisionJson::of).toList());
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations, optionally those acting in one division")
    public List<OrganisationJson> organisations(
            @Parameter(description = "six-digit division code") @RequestParam(required = false) String division) {
        return divisions.organisations(division).stream().map(OrganisationJson::of).toList();
    }

    @GetMapping("/organisations/{uscc}")
    @Operation(summary = "One organisation by its unified social credit code")
    public OrganisationJson organisation(@PathVariable String uscc) {
        return OrganisationJson.of(divisions.organisation(uscc));
    }
}

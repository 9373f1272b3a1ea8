package io.govhub.gateway.web;

import io.govhub.core.access.Actor;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.CaseStore;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A case's material as a download, for the API and the pages alike: only to who may see the case, with the media
 * type found from its content at upload, always as an attachment (never shown inline), with {@code nosniff}.
 */
public final class MaterialDownloads {

    private MaterialDownloads() {
    }

    public static ResponseEntity<byte[]> of(CaseService cases, Actor actor, String caseNumber, String ref) {
        byte[] content = cases.materialContent(actor, caseNumber, ref);
        CaseStore.Material m = cases.find(actor, caseNumber).materials().stream().filter(x -> x.ref().equals(ref))
                .findFirst().orElseThrow(() -> GovhubException.of(ErrorCode.RESOURCE_NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(m.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content);
    }
}

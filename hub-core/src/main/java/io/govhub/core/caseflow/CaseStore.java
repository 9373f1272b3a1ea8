package io.govhub.core.caseflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: where cases, their status messages, materials and idempotency keys are kept. */
public interface CaseStore {

    /**
     * The serial for a new case of (implementation code, day): six digits from a sequence shared by all nodes, so
     * unique across nodes without a lock; not gapless and not restarted each day.
     */
    int nextSerial(String implementationCode, LocalDate day);

    /** Inserts the case; false when its case number is taken (the serial came round: take another). */
    boolean insert(HubCase c, String requestHash, String idempotencyKey);

    /** Points a claimed key at another case number (after {@link #insert} found its number taken). */
    void rebindKey(String submittedBy, String key, String caseNumber);

    /**
     * Claims an idempotency key for a case about to be inserted. Returns the case number already bound to the key (the
     * caller must then not insert), or empty when the key was free and is now held by the caller's transaction
     * (concurrent callers with the same key wait for it to commit).
     */
    Optional<IdempotentHit> claimKey(String submittedBy, String key, String requestHash, String caseNumber);

    /** The case number and request hash bound to a key, if any (a read, no claim). */
    Optional<IdempotentHit> findKey(String submittedBy, String key);

    record IdempotentHit(String caseNumber, String requestHash) {
    }

    Optional<HubCase> find(String caseNumber);

    /** The case, its row locked until the transaction ends. */
    Optional<HubCase> lock(String caseNumber);

    void update(HubCase c);

    /** Stores a received status message; false when one with this sequence is there already. */
    boolean insertMessage(String caseNumber, StatusMessage m, String bodyJson, String bodyHash, String state,
                          String problem);

    /** The body hash of the message already stored for this sequence. */
    Optional<String> messageHash(String caseNumber, int sequence);

    void markMessage(String caseNumber, int sequence, String state, String problem);

    /** Messages received but not applied yet (HELD), in sequence order. */
    List<StatusMessage> heldMessages(String caseNumber);

    List<CaseStep> steps(String caseNumber);

    /** Cases matching the filter, newest first. Null filter values do not restrict. */
    List<HubCase> list(CaseQuery query);

    record CaseQuery(List<String> divisionCodes, String submittedBy, String partnerId, CaseStatus status, int limit) {
    }

    /** Cases of a partner not in a final state, oldest first (for polling its status). */
    List<HubCase> openCasesOf(String partnerId, int limit);

    /** Counts per (division, partner, status) for the supervisors' board. */
    List<HubCase> forBoard(java.time.Instant from, java.time.Instant to, List<String> divisionCodes);

    void attachMaterials(String caseNumber, List<String> refs);

    /** Stores an uploaded material not yet bound to a case. */
    void insertMaterial(Material m, byte[] content);

    /** Deletes materials uploaded before {@code before} that no case took; returns how many. */
    int deleteUnattachedMaterials(java.time.Instant before);

    /** Materials by reference that {@code uploadedBy} uploaded and that are not bound to another case. */
    List<Material> materials(List<String> refs, String uploadedBy);

    List<Material> materialsOf(String caseNumber);

    Optional<byte[]> materialContent(String caseNumber, String ref);

    /**
     * An uploaded material (申请材料).
     *
     * @param scannedBy the malware scanner that found the content clean (engine and signature version); null: not scanned
     */
    record Material(String ref, String name, String fileName, String mediaType, long sizeBytes, String sha256,
                    String uploadedBy, String scannedBy) {
    }
}

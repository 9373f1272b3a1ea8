package io.govhub.core.credit;

/** Port: hands a received submission to whichever node is free to process it (the broker in the product). */
public interface CreditWorkQueue {

    void submitted(String submissionId);
}

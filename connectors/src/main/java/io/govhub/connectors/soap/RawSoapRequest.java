package io.govhub.connectors.soap;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Keeps each SOAP request as received, for the message log (报文日志): at the start of the chain the body is read
 * once (the HTTP layer has already refused one over {@code govhub.http.max-body-size}), handed back to CXF to parse,
 * and its text (in the request's declared encoding, UTF-8 if none) stays on the exchange, where
 * {@link #current()} finds it while the operation runs (the routes are synchronous: same thread).
 */
final class RawSoapRequest extends AbstractPhaseInterceptor<Message> {

    private static final String KEY = RawSoapRequest.class.getName();

    RawSoapRequest() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null || message.getExchange() == null) {
            return;
        }
        try {
            byte[] bytes = in.readAllBytes();
            message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
            message.getExchange().put(KEY, new String(bytes, charset((String) message.get(Message.ENCODING))));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }

    private static Charset charset(String name) {
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8; // CXF refuses the request itself; the log only needs some text
        }
    }

    /** The SOAP request being handled on this thread as received, or null outside a SOAP call. */
    static String current() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        return m == null || m.getExchange() == null ? null : (String) m.getExchange().get(KEY);
    }
}

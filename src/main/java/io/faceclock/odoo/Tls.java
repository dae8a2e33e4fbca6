package io.faceclock.odoo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TLS side of an {@link OdooConnection}: JDK defaults, a custom trust store, or (explicitly) no checks. */
record Tls(SSLContext context, SSLSocketFactory socketFactory, HostnameVerifier hostnameVerifier) {

    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** Whether this process has already warned about a connection without certificate checks. */
    static boolean warnedAboutInsecureTls() {
        return WARNED.get();
    }

    /** null context/factory/verifier means "use the JDK's defaults". */
    static Tls of(OdooConnection c) {
        if (!"https".equalsIgnoreCase(c.url().getScheme())) {
            return new Tls(null, null, null);
        }
        try {
            if (!c.verifyTls()) {
                if (WARNED.compareAndSet(false, true)) {
                    LOG.warn("!!! TLS certificate verification is OFF for Odoo at {}: anyone on the network path can "
                            + "read and change the traffic, including the Odoo password. Use a trust store instead. !!!",
                            c.hostPort());
                }
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
                return new Tls(ctx, ctx.getSocketFactory(), (host, session) -> true);
            }
            if (c.trustStore() != null) {
                KeyStore ks;
                char[] pw = c.trustStorePassword() == null ? null : c.trustStorePassword().toCharArray();
                try (InputStream in = Files.newInputStream(c.trustStore())) {
                    ks = KeyStore.getInstance(KeyStore.getDefaultType());
                    ks.load(in, pw);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                return new Tls(ctx, ctx.getSocketFactory(), null);
            }
            return new Tls(null, null, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new OdooException(OdooException.Kind.UNREACHABLE,
                    "Cannot use the trust store " + c.trustStore() + " for Odoo at " + c.hostPort() + ": "
                            + e.getMessage(), e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

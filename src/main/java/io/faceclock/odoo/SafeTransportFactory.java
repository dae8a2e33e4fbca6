package io.faceclock.odoo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import javax.net.ssl.HttpsURLConnection;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.ws.commons.util.NamespaceContextImpl;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.common.XmlRpcHttpRequestConfig;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.apache.xmlrpc.client.XmlRpcSunHttpTransport;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactory;
import org.apache.xmlrpc.common.TypeFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcStreamConfig;
import org.apache.xmlrpc.common.XmlRpcStreamRequestConfig;
import org.apache.xmlrpc.parser.TypeParser;
import org.apache.xmlrpc.serializer.XmlRpcWriter;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The HTTP transport for {@link XmlRpcOdooClient}: a total deadline per call, TLS settings, a cap on the answer's size,
 * a refusal of anything but a 2xx XML answer, and a DOCTYPE-refusing parser.
 */
final class SafeTransportFactory implements XmlRpcTransportFactory {

    private final XmlRpcClient client;
    private final OdooConnection conn;
    private final Tls tls;

    SafeTransportFactory(XmlRpcClient client, OdooConnection conn, Tls tls) {
        this.client = client;
        this.conn = conn;
        this.tls = tls;
    }

    @Override
    public XmlRpcTransport getTransport() {
        return new Transport();
    }

    /** Never hands out the library's ex:serializable parser, whatever the configuration says. */
    static final class NoExtensionsTypeFactory extends TypeFactoryImpl {
        NoExtensionsTypeFactory(XmlRpcClient client) {
            super(client);
        }

        @Override
        public TypeParser getParser(XmlRpcStreamConfig cfg, NamespaceContextImpl ctx, String uri, String localName) {
            if (XmlRpcWriter.EXTENSIONS_URI.equals(uri)) {
                return null;
            }
            return super.getParser(cfg, ctx, uri, localName);
        }
    }

    private final class Transport extends XmlRpcSunHttpTransport {

        private volatile URLConnection open;
        private volatile boolean expired;
        private Duration limit = conn.callTimeout();

        Transport() {
            super(client);
        }

        /**
         * One call under its total deadline (the request's reply timeout: the connection's call timeout, more
         * for a batch): when it passes, the connection is closed under the reading thread.
         */
        @Override
        public Object sendRequest(XmlRpcRequest req) throws XmlRpcException {
            int reply = req.getConfig() instanceof XmlRpcHttpRequestConfig h ? h.getReplyTimeout() : 0;
            limit = reply > 0 ? Duration.ofMillis(reply) : conn.callTimeout();
            ScheduledFuture<?> timer = Deadline.schedule(limit, () -> {
                expired = true;
                if (open instanceof HttpURLConnection http) {
                    http.disconnect();
                }
            });
            try {
                return super.sendRequest(req);
            } catch (XmlRpcException | RuntimeException e) {
                if (expired) {
                    throw new XmlRpcClientException("deadline", new Deadline.Exceeded(limit));
                }
                throw e;
            } finally {
                timer.cancel(false);
            }
        }

        @Override
        protected URLConnection newURLConnection(URL url) throws IOException {
            if (expired) {
                throw new Deadline.Exceeded(limit);
            }
            URLConnection c = url.openConnection();
            open = c;
            c.setConnectTimeout(Math.toIntExact(Math.min(conn.connectTimeout().toMillis(), limit.toMillis())));
            c.setReadTimeout(Math.toIntExact(limit.toMillis()));
            if (c instanceof HttpURLConnection http) {
                http.setInstanceFollowRedirects(false);
            }
            if (c instanceof HttpsURLConnection https) {
                if (tls.socketFactory() != null) {
                    https.setSSLSocketFactory(tls.socketFactory());
                }
                if (tls.hostnameVerifier() != null) {
                    https.setHostnameVerifier(tls.hostnameVerifier());
                }
            }
            return c;
        }

        @Override
        protected InputStream getInputStream() throws XmlRpcException {
            HttpURLConnection http = (HttpURLConnection) getURLConnection();
            try {
                int status = http.getResponseCode();
                String type = http.getContentType();
                if (status < 200 || status > 299) {
                    String location = http.getHeaderField("Location");
                    throw refuse(OdooException.Kind.NOT_ODOO, "answered HTTP " + status + " "
                            + nullToEmpty(http.getResponseMessage()) + describe(type)
                            + (location == null ? "" : ", redirecting to " + location));
                }
                if (type == null || !type.toLowerCase().contains("xml")) {
                    throw refuse(OdooException.Kind.NOT_ODOO, "answered with " + (type == null ? "no content type"
                            : "content type '" + type + "'") + " instead of XML-RPC");
                }
                long length = http.getContentLengthLong();
                if (length > conn.maxResponseBytes()) {
                    throw refuse(OdooException.Kind.RESPONSE_TOO_LARGE, "announced an answer of " + length
                            + " bytes, more than the limit of " + conn.maxResponseBytes() + " bytes");
                }
                return http.getInputStream();
            } catch (IOException e) {
                throw new XmlRpcClientException("Failed to read the answer: " + e.getMessage(), e);
            }
        }

        @Override
        protected Object readResponse(XmlRpcStreamRequestConfig cfg, InputStream in) throws XmlRpcException {
            return super.readResponse(cfg, new LimitedInputStream(in, conn.maxResponseBytes()));
        }

        @Override
        protected XMLReader newXMLReader() throws XmlRpcException {
            try {
                return SecureXml.newReader();
            } catch (ParserConfigurationException | SAXException e) {
                throw new XmlRpcException("Unable to create XML parser: " + e.getMessage(), e);
            }
        }

        private XmlRpcClientException refuse(OdooException.Kind kind, String what) {
            URL url = getURLConnection().getURL();
            String message = kind == OdooException.Kind.NOT_ODOO
                    ? url + " is not an Odoo XML-RPC endpoint: it " + what + ". Check the Odoo URL (scheme, host, "
                    + "port, no path)."
                    : "Odoo at " + conn.hostPort() + " " + what + ".";
            return new XmlRpcClientException(message, new OdooException(kind, message));
        }
    }

    private static String describe(String type) {
        return type == null ? "" : " (" + type + ")";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

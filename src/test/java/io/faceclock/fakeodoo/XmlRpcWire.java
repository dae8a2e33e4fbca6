package io.faceclock.fakeodoo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The fake's own XML-RPC (de)serialiser, written to match Python's xmlrpc.client byte for byte
 * (Odoo's answers are marshalled by it): one element per line, &lt;string&gt; for every string, no
 * &lt;nil/&gt;, a blank line before &lt;/methodResponse&gt;.
 */
public final class XmlRpcWire {

    /** An XML-RPC &lt;dateTime.iso8601&gt;: naive, Odoo takes it as UTC. */
    public record DateTime(LocalDateTime value) {
    }

    /** A parsed &lt;methodCall&gt;. */
    public record Call(String method, List<Object> params) {
    }

    /** A parsed &lt;methodResponse&gt;: either a value or a fault (faultCode may be an int or a string). */
    public record Response(Object value, Object faultCode, String faultString) {
        public boolean isFault() {
            return faultCode != null;
        }
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private XmlRpcWire() {
    }

    // ---- parsing ----

    public static Call parseCall(byte[] body) throws SAXException {
        Element root = parse(body);
        String method = text(child(root, "methodName"));
        List<Object> params = new ArrayList<>();
        Element ps = child(root, "params");
        if (ps != null) {
            for (Element p : children(ps, "param")) {
                params.add(value(child(p, "value")));
            }
        }
        return new Call(method, params);
    }

    public static Response parseResponse(byte[] body) throws SAXException {
        Element root = parse(body);
        Element fault = child(root, "fault");
        if (fault != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) value(child(fault, "value"));
            return new Response(null, f.get("faultCode"), (String) f.get("faultString"));
        }
        Element param = child(child(root, "params"), "param");
        return new Response(value(child(param, "value")), null, null);
    }

    private static Element parse(byte[] body) throws SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new ByteArrayInputStream(body));
            return d.getDocumentElement();
        } catch (ParserConfigurationException | IOException e) {
            throw new SAXException(e);
        }
    }

    private static Object value(Element v) throws SAXParseException {
        Element typed = firstElement(v);
        if (typed == null) {
            return text(v);
        }
        String t = typed.getTagName();
        switch (t) {
            case "string":
                return text(typed);
            case "int":
            case "i4":
                return Integer.valueOf(text(typed).trim());
            case "boolean":
                return "1".equals(text(typed).trim());
            case "double":
                return Double.valueOf(text(typed).trim());
            case "dateTime.iso8601":
                return new DateTime(LocalDateTime.parse(text(typed).trim(), ISO));
            case "nil":
                return null;
            case "array": {
                List<Object> out = new ArrayList<>();
                for (Element e : children(child(typed, "data"), "value")) {
                    out.add(value(e));
                }
                return out;
            }
            case "struct": {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Element m : children(typed, "member")) {
                    out.put(text(child(m, "name")), value(child(m, "value")));
                }
                return out;
            }
            default:
                throw new SAXParseException("unknown XML-RPC type " + t, null);
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    // ---- writing, as Python's xmlrpc.client.dumps(methodresponse=True) + Odoo's header ----

    public static byte[] response(Object value) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
        write(sb, value);
        sb.append("</param>\n</params>\n\n</methodResponse>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] fault(Object code, String faultString) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("faultCode", code);
        f.put("faultString", faultString);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
        write(sb, f);
        sb.append("</fault>\n\n</methodResponse>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A client's request, as Python's client writes it (used by tests to drive the fake directly). */
    public static byte[] call(String method, List<?> params) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>")
                .append(escape(method)).append("</methodName>\n<params>\n");
        for (Object p : params) {
            sb.append("<param>\n");
            write(sb, p);
            sb.append("</param>\n");
        }
        sb.append("</params>\n</methodCall>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder sb, Object v) {
        sb.append("<value>");
        writeInner(sb, v);
        sb.append("</value>\n");
    }

    private static void writeInner(StringBuilder sb, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("cannot marshal None unless allow_none is enabled");
        } else if (v instanceof Boolean b) {
            sb.append("<boolean>").append(b ? "1" : "0").append("</boolean>");
        } else if (v instanceof Integer i) {
            sb.append("<int>").append(i).append("</int>");
        } else if (v instanceof Double d) {
            sb.append("<double>").append(Py.floatRepr(d)).append("</double>");
        } else if (v instanceof String s) {
            sb.append("<string>").append(escape(s)).append("</string>");
        } else if (v instanceof DateTime dt) {
            sb.append("<dateTime.iso8601>").append(ISO.format(dt.value())).append("</dateTime.iso8601>");
        } else if (v instanceof List<?> l) {
            sb.append("<array><data>\n");
            for (Object o : l) {
                write(sb, o);
            }
            sb.append("</data></array>");
        } else if (v instanceof Map<?, ?> m) {
            sb.append("<struct>\n");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append("<member>\n<name>").append(escape(String.valueOf(e.getKey()))).append("</name>\n");
                write(sb, e.getValue());
                sb.append("</member>\n");
            }
            sb.append("</struct>");
        } else {
            throw new IllegalArgumentException("cannot marshal " + v.getClass());
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

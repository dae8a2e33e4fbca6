package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.xmlrpc.util.SAXParsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Why the client brings its own parser: the library's resolves no external entity but accepts DOCTYPEs. */
class SecureXmlTest {

    private static String xxe(Path secret) {
        return "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";
    }

    private static String text(XMLReader reader, String xml) throws Exception {
        StringBuilder sb = new StringBuilder();
        reader.setContentHandler(new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                sb.append(ch, start, length);
            }
        });
        reader.parse(new InputSource(new StringReader(xml)));
        return sb.toString();
    }

    @Test
    void the_library_parser_leaves_external_entities_unresolved_but_accepts_a_doctype(@TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "SECRET-FILE-CONTENT");
        String seen = text(SAXParsers.newXMLReader(), xxe(secret));
        assertFalse(seen.contains("SECRET-FILE-CONTENT"), seen);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;&a;</r>";
        assertTrue(text(SAXParsers.newXMLReader(), bomb).contains("aaaa"), "internal entities are expanded");
    }

    @Test
    void the_clients_parser_refuses_any_doctype(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "SECRET-FILE-CONTENT");
        SAXParseException e = assertThrows(SAXParseException.class, () -> text(SecureXml.newReader(), xxe(secret)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }
}
